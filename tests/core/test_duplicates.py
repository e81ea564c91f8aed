"""Which copy of a passage one version prints twice is kept (issue 7, point 7)."""

from __future__ import annotations

from pages import A_BODY, A_TITLE, B_BODY, B_TITLE, align, pdf, web

from reviewer.core.engine.copies import duplicates
from reviewer.core.engine.pipeline import _side
from reviewer.core.model import Source
from reviewer.core.text import canon


def test_of_two_one_sided_copies_the_one_whose_quotes_pair_up_is_kept() -> None:
    # The web version prints a quoted paragraph twice, the first time without its opening
    # quote; the PDF lacks the story. The copy with both quotes is the one kept.
    quoted = "“湿地修复要久久为功。”专家说，各地将持续开展监测评估，确保修复成效。"
    broken = quoted[1:]
    left = web((B_TITLE, [B_BODY[0], broken, B_BODY[1], quoted]))
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY))
    units = {canon(u.left or ""): u for a in align(left, right).articles for u in a.units}
    kept, dropped = units[canon(quoted)], units[canon(broken)]
    assert kept.duplicate_of is None and dropped.duplicate_of == kept.id


def test_a_passage_spliced_into_an_earlier_paragraph_stays_an_original() -> None:
    # The web version pastes the wetland story's second paragraph over the end of a paragraph
    # of the school-bus story printed before it; the PDF prints neither copy of it. The
    # paragraph in its own story is the original, in its own story, not a duplicate.
    spliced = A_BODY[1][: A_BODY[1].index("覆盖")] + B_BODY[1]
    left = web((A_TITLE, [A_BODY[0], spliced, A_BODY[2]]), (B_TITLE, B_BODY))
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", [B_TITLE]))
    right += pdf(("body", [B_BODY[0], B_BODY[2]]))
    al = align(left, right)
    home = {
        canon(u.left or u.right or ""): (k, u) for k, a in enumerate(al.articles) for u in a.units
    }
    k, unit = home[canon(B_BODY[1])]
    assert unit.duplicate_of is None
    assert k == home[canon(B_BODY[0])][0] == home[canon(B_BODY[2])][0]


def test_a_paragraph_whose_body_a_splice_replaced_is_no_copy() -> None:
    # The web version keeps the opening of a wetland paragraph and pastes a paragraph of the
    # school-bus story over the rest; the PDF prints the paragraph whole. Left unpaired (as
    # when a dateline swallows the opening), the damaged paragraph is no copy of the
    # school-bus one: the PDF prints, at its place, a paragraph of its own that opens alike.
    opening = "记者李华报道："
    damaged = opening + A_BODY[2]
    left = web((A_TITLE, A_BODY), (B_TITLE, [B_BODY[0], damaged, B_BODY[2]]))
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", [B_TITLE]))
    right += pdf(("body", [B_BODY[0], opening + B_BODY[1], B_BODY[2]]))
    _, a = _side(Source("page.web.md", "l", left))
    _, b = _side(Source("page.pdf.txt", "r", right))
    text_b = {canon(b.text(q)[0]): j for j, q in enumerate(b.pieces)}
    partner = {i: text_b.get(canon(a.text(p)[0])) for i, p in enumerate(a.pieces)}
    partner = {i: j for i, j in partner.items() if j is not None}
    mine = next(i for i, p in enumerate(a.pieces) if canon(a.text(p)[0]) == canon(damaged))
    partner.pop(mine, None)
    spliced: set[int] = set()
    assert mine not in duplicates(a, [mine], partner, b, spliced)
    assert mine in spliced
