"""One test per shape of a passage attached to the wrong article (issue 7): the article
boundary is found, but a deck, byline, caption or tail lands in the neighbouring story.
Small hand-made pages whose text is not the sample's."""

from __future__ import annotations

from pages import A_BODY, A_TITLE, B_BODY, B_TITLE, align, article_of, assert_whole, pdf, web

from reviewer.core.engine.bylines import hand_on_bylines
from reviewer.core.engine.pipeline import _side
from reviewer.core.engine.relocation import relocate
from reviewer.core.engine.strays import attach_strays
from reviewer.core.model import Source
from reviewer.core.text import canon

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


def test_a_pdf_title_left_an_article_of_its_own_joins_the_text_above_it() -> None:
    # What the structure rules can leave behind when a PDF prints a title after its body
    # and the next story's dateline right under it: the dateline goes to its story, the
    # title stays alone. A PDF that prints titles after bodies names the text above.
    right = pdf(("body", A_BODY[1:]), ("lines", [A_TITLE]), ("body", B_BODY), ("lines", [B_TITLE]))
    _, side = _side(Source("p.pdf.txt", "r", right))
    assert side.titles_after
    texts = [canon(side.text(p)[0]) for p in side.pieces]
    title = texts.index(canon(A_TITLE))
    roots = [0] * title + [9] + [1] * (len(texts) - title - 1)
    attach_strays({"a": side, "b": side}, {"a": {}, "b": {}}, {"a": roots, "b": [7] * len(roots)})
    assert roots[title] == 0
    # A title printed above its text (web) names the text below it.
    left = web((A_TITLE, A_BODY[1:]), (B_TITLE, B_BODY))
    _, wside = _side(Source("p.web.md", "l", left))
    wtexts = [canon(wside.text(p)[0]) for p in wside.pieces]
    wtitle = wtexts.index(canon(B_TITLE))
    wroots = [0] * wtitle + [9] + [1] * (len(wtexts) - wtitle - 1)
    attach_strays(
        {"a": wside, "b": wside}, {"a": {}, "b": {}}, {"a": wroots, "b": [7] * len(wroots)}
    )
    assert wroots[wtitle] == 1


def test_a_photo_credit_left_alone_after_a_repeated_paragraph_ends_the_story_above() -> None:
    # The web repeats the story's last paragraph after its closing dateline, then the
    # credit: once the copy joins its original, the credit is the story's last line.
    credit = "新华社记者 李明摄"
    closing = "（新华社昆明3月5日电）"
    left = web((A_TITLE, [*A_BODY, closing, A_BODY[-1], credit]), (B_TITLE, B_BODY))
    right = pdf(("lines", [A_TITLE]), ("body", [*A_BODY, closing, credit]),
                ("lines", [B_TITLE]), ("body", B_BODY))  # fmt: skip
    al = align(left, right)
    assert article_of(al, credit) == article_of(al, A_BODY[1][-10:])
    assert_whole(al, B_TITLE, B_BODY)


def _pieces(side) -> list[str]:  # type: ignore[no-untyped-def]
    return [canon(side.text(p)[0]) for p in side.pieces]


def test_a_reporter_line_closing_a_title_block_read_as_a_title_line_opens_the_story_below() -> None:
    # The PDF prints each title after its body; under the first title stands the byline of
    # the next story (PDF only), which the title parser took for a second title line. The
    # web prints the first story without that byline: it is the next story's.
    by = "本报记者 李强"
    left = web((A_TITLE, A_BODY[1:]))
    right = pdf(("body", A_BODY[1:]), ("lines", [A_TITLE, by]), ("body", B_BODY),
                ("lines", [B_TITLE]))  # fmt: skip
    _, a = _side(Source("p.web.md", "l", left))
    _, b = _side(Source("p.pdf.txt", "r", right))
    ta, tb = _pieces(a), _pieces(b)
    pb = {j: ta.index(t) for j, t in enumerate(tb) if t in ta}
    pa = {i: j for j, i in pb.items()}
    k = tb.index(canon(by))
    b.pieces[k].role = "title"
    below = tb.index(canon(B_BODY[0]))
    root_a = [0] * len(ta)
    root_b = [0 if j <= k else 1 for j in range(len(tb))]
    hand_on_bylines({"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b})
    assert root_b[k] == root_b[below] == 1
    assert b.pieces[k].role == "byline"
    assert root_b[tb.index(canon(A_TITLE))] == 0


def test_words_of_a_passage_pasted_into_a_paragraph_do_not_pull_the_passage_away() -> None:
    # The PDF prints a story's last paragraph in place; the web prints it inside the next
    # story, and pastes most of its words into a paragraph there too. Those pasted words
    # (which the PDF's copy of that paragraph lacks) say nothing of where it belongs.
    moved = (
        "校车司机全部经过专门培训并持证上岗，车上配备灭火器和急救箱，每学期还要进行一次应急演练。"
    )
    b_body = [
        B_BODY[0],
        "工程将清理违规养殖设施，补种本地水生植物，并建设候鸟栖息观测站点和科普长廊。",
        B_BODY[2],
    ]
    pasted = b_body[1] + "校车司机全部经过专门培训并持证上岗，车上配备灭火器和急救箱。"
    left = web((A_TITLE, A_BODY[2:]), (B_TITLE, [b_body[0], moved, pasted, b_body[2]]))
    right = pdf(
        ("lines", [A_TITLE]), ("body", [*A_BODY[2:], moved]), ("lines", [B_TITLE]), ("body", b_body)
    )
    _, a = _side(Source("p.web.md", "l", left))
    _, b = _side(Source("p.pdf.txt", "r", right))
    ta, tb = _pieces(a), _pieces(b)
    pa = {i: tb.index(t) for i, t in enumerate(ta) if t in tb}
    pa[ta.index(canon(pasted))] = tb.index(canon(b_body[1]))
    pb = {j: i for i, j in pa.items()}
    # Where the structure left it: with the story the PDF prints it in.
    root_a = [0 if i < ta.index(canon(B_TITLE)) else 1 for i in range(len(ta))]
    m = ta.index(canon(moved))
    root_a[m] = 0
    root_b = [root_a[pb[j]] if j in pb else 0 for j in range(len(tb))]
    relocate(
        {"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b}, {"a": set(), "b": set()}
    )
    assert root_a[m] == root_b[tb.index(canon(moved))] == 0


def test_a_line_the_web_sets_atop_the_next_story_stays_where_the_pdf_prints_it() -> None:
    # The web has no heading for the second story: the heading-like line above its byline
    # is read as its deck. The PDF prints that line inside the first story, before the
    # first story's title (titles after bodies): it is the first story's last line.
    line = "明天天气预报（3月6日20时至7日20时）"
    by = "本报记者 李强"
    left = web((A_TITLE, [*A_BODY, line, by, *B_BODY]))
    right = pdf(
        ("body", [*A_BODY, line]), ("lines", [A_TITLE]), ("body", [by, *B_BODY]),
        ("lines", [B_TITLE]),
    )  # fmt: skip
    al = align(left, right)
    assert article_of(al, line) == article_of(al, A_BODY[2][-10:])
    assert_whole(al, B_TITLE, [by, *B_BODY])
    unit = next(u for u in al.articles[article_of(al, line)].units if u.left and "预报" in u.left)
    assert unit.role == "paragraph"


def test_the_text_right_under_its_own_heading_is_not_moved_away_by_words_alone() -> None:
    # The web heads the second story; the PDF runs its first paragraphs on after the first
    # story with no break and prints its title after its body. The paragraphs reuse the
    # first story's words, but the web prints them right under their own heading.
    title = "校车安全要切实抓好"
    run = [
        "一是校车安全员要切实到岗，每天早晚接送学生往返学校和村寨。",
        "二是山区小学要切实完善交通保障，让偏远村寨的孩子安全方便地上学。",
    ]
    last = "总而言之，这项工作要切实加强，一天不放松地抓下去，抓出实效来。"
    left = web((A_TITLE, A_BODY[2:]), (title, [*run, last]))
    right = pdf(("lines", [A_TITLE]), ("body", [*A_BODY[2:], *run, last]), ("lines", [title]))
    _, a = _side(Source("p.web.md", "l", left))
    _, b = _side(Source("p.pdf.txt", "r", right))
    ta, tb = _pieces(a), _pieces(b)
    for k in (tb.index(canon(last)), tb.index(canon(title))):
        b.pieces[k].frag = len(tb)  # a break in the PDF before the last paragraph
    pa = {i: tb.index(t) for i, t in enumerate(ta) if t in tb}
    pb = {j: i for i, j in pa.items()}
    root_a = [0 if i < ta.index(canon(title)) else 1 for i in range(len(ta))]
    root_b = [root_a[pb[j]] for j in range(len(tb))]
    relocate(
        {"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b}, {"a": set(), "b": set()}
    )
    assert root_a[ta.index(canon(run[0]))] == root_b[tb.index(canon(run[1]))] == 1


def test_a_web_deck_cut_off_stays_on_top_when_the_pdf_prints_it_apart_after_the_title() -> None:
    # As above, but the PDF prints the deck on its own, set apart after the title that
    # follows the body: the deck and the title still close that story's text there.
    deck = "回顾一年来山区校车的变化，我们认为有以下几点："
    left = web((A_TITLE, [deck, *A_BODY]), (B_TITLE, B_BODY))
    right = pdf(
        ("body", A_BODY), ("lines", [A_TITLE]), ("lines", [""]), ("lines", [deck]),
        ("lines", [""]), ("body", B_BODY), ("lines", [B_TITLE]),
    )  # fmt: skip
    al = align(left, right)
    assert_whole(al, A_TITLE, [deck, *A_BODY])
    assert_whole(al, B_TITLE, B_BODY)


def test_a_line_set_atop_the_next_story_stays_where_the_pdf_ends_the_story_above() -> None:
    # As above, but the PDF prints its titles above the bodies here and ends the first
    # story's fragment on the line; the web's break before the line is only a weak one.
    line = "明天天气预报（3月6日20时至7日20时）"
    by = "本报记者 李强"
    left = web((A_TITLE, [*A_BODY, line, by, *B_BODY]))
    right = pdf(
        ("lines", [A_TITLE]), ("body", [*A_BODY, line]), ("lines", [""]),
        ("body", [by, *B_BODY]), ("lines", [B_TITLE]),
    )  # fmt: skip
    al = align(left, right)
    assert article_of(al, line) == article_of(al, A_BODY[2][-10:])
    assert_whole(al, B_TITLE, [by, *B_BODY])


def test_a_moved_paragraph_goes_to_the_story_whose_title_names_its_words() -> None:
    # A web-only story's last paragraph sits inside the next story, which the PDF prints
    # on without it. The web-only story has one short paragraph; its title carries the
    # words the moved paragraph shares with it.
    title = "杭州市民生活质量提高"
    first = "记者赵明报道：一位国外归来的人士说，这里的空气清新，街道整洁。"
    moved = "去年杭州市民人均收入增长一成，生活质量明显提高，杭州市民普遍满意。"
    b_body = [
        B_BODY[0],
        "工程将清理违规养殖设施，补种本地水生植物，并建设候鸟栖息观测站点和科普长廊。",
        B_BODY[2],
    ]
    left = web((title, [first]), (B_TITLE, [b_body[0], moved, *b_body[1:]]))
    right = pdf(("lines", [B_TITLE]), ("body", b_body))
    _, a = _side(Source("p.web.md", "l", left))
    _, b = _side(Source("p.pdf.txt", "r", right))
    ta, tb = _pieces(a), _pieces(b)
    pa = {i: tb.index(t) for i, t in enumerate(ta) if t in tb}
    pb = {j: i for i, j in pa.items()}
    root_a = [0 if i < ta.index(canon(B_TITLE)) else 1 for i in range(len(ta))]
    root_b = [1] * len(tb)
    relocate(
        {"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b}, {"a": set(), "b": set()}
    )
    assert root_a[ta.index(canon(moved))] == 0
    assert root_a[ta.index(canon(b_body[0]))] == 1
