"""One test per shape of a passage attached to the wrong article (issue 7): the article
boundary is found, but a deck, byline, caption or tail lands in the neighbouring story.
Small hand-made pages whose text is not the sample's."""

from __future__ import annotations

from pages import A_BODY, A_TITLE, B_BODY, B_TITLE, align, article_of, assert_whole, pdf, web

DECK = "山区孩子上学路变了样，家长们说——"


def test_a_web_deck_cut_off_before_the_byline_stays_on_top_of_its_story() -> None:
    # The web prints heading, deck as a plain line, then the byline (a weak break after a
    # paragraph); the PDF prints the title block after the body.
    left = web((A_TITLE, [DECK, *A_BODY]), (B_TITLE, B_BODY))
    right = pdf(
        ("body", A_BODY), ("lines", [A_TITLE, DECK]), ("body", B_BODY), ("lines", [B_TITLE])
    )
    al = align(left, right)
    assert_whole(al, A_TITLE, [DECK, *A_BODY])
    assert_whole(al, B_TITLE, B_BODY)
    assert article_of(al, DECK) != article_of(al, B_BODY[0][-10:])
