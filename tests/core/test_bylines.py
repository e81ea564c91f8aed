"""Bylines, datelines and credits that belong to one story and must not land in the
neighbouring one (issue 7), on hand-made pages (text invented for these tests)."""

from __future__ import annotations

from pages import (
    A_BODY,
    A_TITLE,
    B_BODY,
    B_TITLE,
    align,
    article_of,
    pdf,
    web,
)

from reviewer.core.engine.bylines import follow_title
from reviewer.core.engine.paragraph import Para
from reviewer.core.engine.roles import classify
from reviewer.core.engine.segment import Block
from reviewer.core.engine.sides import Side


def test_an_editor_with_a_post_under_a_title_is_a_byline_and_the_next_dateline_opens_a_story() -> (
    None
):
    # "新华社高级编辑X" signs a commentary like "新华社记者X"; read as a title line, its
    # words ("新华社…") tied the next story's dateline to the story above.
    assert classify("新华社高级编辑周远山") == "byline"
    assert classify("人民日报主任编辑林晓") == "byline"
    c_body = [
        "新华社北京3月6日电（记者陈立） 农业农村部今天介绍，"
        "当前春耕物资供应总体充足，价格基本稳定。",
        "各地农资企业加快生产调运，确保物资及时送到田间地头，满足农民春耕需要。",
    ]
    c_title = "春耕物资供应充足"
    right = pdf(
        ("body", B_BODY),
        ("lines", [B_TITLE, "新华社高级编辑周远山", "新华/传真"]),
        ("body", c_body),
        ("lines", [c_title]),
    )
    al = align(web((B_TITLE, B_BODY), (c_title, c_body)), right)
    home = article_of(al, c_body[1][-12:])
    assert article_of(al, "新华社北京3月6日电") == home != article_of(al, B_BODY[0][-10:])
    assert article_of(al, "新华社高级编辑周远山") == article_of(al, B_BODY[0][-10:])


def _name_under_title_then_next(name: str) -> str:
    """A PDF page: story A with its title printed after it and ``name`` tight under the
    title, then story B titled after its body."""
    return (
        pdf(("body", A_BODY[1:]), ("lines", [A_TITLE, name]))
        + "\n"
        + pdf(("body", B_BODY), ("lines", [B_TITLE]))
    )


def test_a_name_under_a_title_printed_after_its_body_opens_the_next_story_if_the_web_says_so() -> (
    None
):
    # "title / name" right above the next story's text: the name may sign either story.
    # The web prints the titled story without it, so it signs the story below.
    name = "林海 周青"
    right = _name_under_title_then_next(name)
    # The story below is in the PDF alone, or the web prints it with the name.
    for left in (
        web((A_TITLE, A_BODY[1:])),
        web((A_TITLE, A_BODY[1:]), (B_TITLE, [name, *B_BODY])),
    ):
        al = align(left, right)
        assert article_of(al, name) == article_of(al, B_BODY[0][-10:]) != article_of(al, A_TITLE)


def test_a_name_under_a_title_printed_after_its_body_stays_when_the_web_prints_it_there() -> None:
    name = "林海 周青"
    right = _name_under_title_then_next(name)
    al = align(web((A_TITLE, [name, *A_BODY[1:]])), right)
    assert article_of(al, name) == article_of(al, A_TITLE) != article_of(al, B_BODY[0][-10:])


def test_a_dateline_naming_its_reporter_under_a_title_opens_the_next_story() -> None:
    # "新华社X电（记者Y）" on a line of its own, tight under a title printed after its body:
    # it opens the story below (a closing dateline is bracketed and names no reporter).
    dateline = "新华社广州3月7日电（记者陈立）"
    c_body = [
        "今年一季度，广东外贸进出口总值同比增长百分之六，民营企业成为主力。",
        "海关人士表示，新兴市场订单明显增加，企业对全年形势信心较足。",
    ]
    c_title = "广东外贸开局平稳"
    right = (
        pdf(
            ("body", B_BODY),
            ("lines", [B_TITLE, dateline]),
        )
        + "\n"
        + pdf(
            ("body", c_body),
            ("lines", [c_title]),
        )
    )
    al = align(web((B_TITLE, B_BODY)), right)
    home = article_of(al, c_body[1][-10:])
    assert article_of(al, dateline) == home == article_of(al, c_title)
    assert home != article_of(al, B_BODY[0][-10:])


def test_a_name_left_alone_under_its_title_joins_the_titles_article() -> None:
    # The story ends on a picture's caption ("春江晚景（国画）"), read as a title of its own:
    # the real title and its name line printed after it must still end up together.
    name = "林海"
    body = [*B_BODY, "春江晚景（国画）", "（宋：惠崇）"]
    right = pdf(("body", body), ("lines", [B_TITLE, name]))
    al = align(web((B_TITLE, [name, *body])), right)
    assert article_of(al, name) == article_of(al, B_TITLE) == article_of(al, B_BODY[0][-10:])
    assert len(al.articles) == 1


def test_a_credit_under_a_title_printed_after_its_body_stays_when_the_web_moves_its_tail() -> None:
    # The web prints the story's last paragraph inside another story; the PDF's photo
    # credit under the title still belongs to the title's story, where the web has it.
    from pages import C_BODY, C_TITLE

    credit = "新华社记者林海摄"
    right = (
        pdf(("body", B_BODY), ("lines", [B_TITLE, credit]))
        + "\n"
        + pdf(("body", A_BODY[1:]), ("lines", [A_TITLE]))
    )
    left = web((B_TITLE, [*B_BODY[:2], credit]), (C_TITLE, [C_BODY[0], B_BODY[2], C_BODY[1]]))
    al = align(left, right)
    assert article_of(al, credit) == article_of(al, B_TITLE) == article_of(al, B_BODY[0][-10:])


def _side(rows: list[tuple[str, str, int]]) -> Side:
    """A side from (role, text, fragment) rows in document order."""
    blocks, pos = [], 0
    for role, text, frag in rows:
        blocks.append(Block(Para(text, list(range(pos, pos + len(text)))), role, frag))
        pos += len(text) + 2
    return Side(blocks)


def test_an_unpaired_byline_follows_its_title_when_the_other_version_prints_it_there() -> None:
    # The PDF read "title / name" as the head of the text below it; the title's pairing
    # took the title to the web's article, and the web prints the name there too.
    web_side = _side(
        [("title", "琴声里的小城", 0), ("byline", "林海", 0), ("paragraph", "甲" * 30, 0)]
    )
    pdf_side = _side(
        [("title", "琴声里的小城", 1), ("byline", "林海", 1), ("paragraph", "乙" * 30, 1)]
    )
    sides = {"a": web_side, "b": pdf_side}
    partner: dict[str, dict[int, int]] = {"a": {0: 0}, "b": {0: 0}}
    roots = {"a": ["x", "x", "x"], "b": ["x", "y", "y"]}
    follow_title(sides, partner, roots)
    assert roots["b"] == ["x", "x", "y"]
    roots = {"a": ["x", "z", "x"], "b": ["x", "y", "y"]}  # the web prints it elsewhere
    follow_title(sides, partner, roots)
    assert roots["b"] == ["x", "y", "y"]
