"""Articles split apart (issue 7): a passage, a closing dateline or a photo credit that one
version prints in a neighbouring article goes back to the article whose text it belongs to.
Hand-made pages whose text is not the sample's (helpers from test_structure_shapes)."""

from __future__ import annotations

from pages import (
    A_BODY,
    A_TITLE,
    B_BODY,
    B_TITLE,
    C_BODY,
    C_TITLE,
    align,
    article_of,
    assert_whole,
    pdf,
    web,
)

from reviewer.core.text import canon


def _homes(al, needle: str) -> set[int]:
    key = canon(needle)
    return {
        i
        for i, art in enumerate(al.articles)
        for u in art.units
        for t in (u.left, u.right)
        if t and canon(t) == key
    }


def test_the_same_photo_credit_under_two_stories_stays_with_each() -> None:
    # The PDF lost the second story's last paragraph: its credit has no unique context.
    credit = "新华/传真"
    left = web((A_TITLE, [*A_BODY, credit]), (B_TITLE, [*B_BODY, credit]))
    right = pdf(
        ("lines", [A_TITLE]), ("body", A_BODY), ("lines", [credit]),
        ("lines", [B_TITLE]), ("body", B_BODY[:2]), ("lines", [credit]),
    )  # fmt: skip
    al = align(left, right)
    a, b = article_of(al, A_BODY[2][-10:]), article_of(al, B_BODY[1][-10:])
    assert a != b
    assert _homes(al, credit) == {a, b}
    credits = [u for art in al.articles for u in art.units if canon(u.left or "") == credit]
    assert all(u.duplicate_of is None for u in credits)


def test_a_tail_the_web_pasted_into_another_story_goes_back_where_the_pdf_prints_it() -> None:
    # The web carries the wetland story's last paragraph inside the school-bus story.
    moved = "专家认为，湿地修复既能涵养水源，也能为沿江城市居民提供更多亲近湿地的空间。"
    bus = [*A_BODY[:3], moved, A_BODY[3]]
    left = web((A_TITLE, bus), (B_TITLE, B_BODY[:2]))
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", [B_TITLE]),
                ("body", [*B_BODY[:2], moved]))  # fmt: skip
    al = align(left, right)
    assert article_of(al, moved[-12:]) == article_of(al, B_BODY[1][-10:])
    assert article_of(al, A_BODY[3][-10:]) == article_of(al, A_BODY[2][-10:])


def test_a_tail_pasted_into_a_story_the_pdf_prints_earlier_goes_back_too() -> None:
    # The web prints the wetland story first and pastes its last paragraph into the
    # school-bus story after it; the PDF prints the school-bus story first, titles after
    # their bodies: the pasted passage is a jump forwards in the PDF's order, and the
    # school-bus story resumes after it by a jump back.
    moved = "专家认为，湿地修复既能涵养水源，也能为沿江城市居民提供更多亲近湿地的空间。"
    bus = [*A_BODY[:3], moved, A_BODY[3]]
    left = web((B_TITLE, B_BODY[:2]), (A_TITLE, bus))
    right = pdf(("body", A_BODY), ("lines", [A_TITLE]), ("gap", []),
                ("body", [*B_BODY[:2], moved]), ("lines", [B_TITLE]))  # fmt: skip
    al = align(left, right)
    assert article_of(al, moved[-12:]) == article_of(al, B_BODY[1][-10:])
    assert article_of(al, A_BODY[3][-10:]) == article_of(al, A_BODY[2][-10:])


def test_a_one_sided_paragraph_after_a_pasted_passage_follows_it_by_its_words() -> None:
    # The web pastes two wetland paragraphs into the school-bus story; the PDF prints the
    # first at the end of the wetland story and lost the second.
    moved = "专家认为，湿地修复既能涵养水源，也能为沿江城市居民提供更多亲近湿地的空间。"
    lost = "沿江城市的湿地修复工程还将吸引候鸟回归，湿地观测站点向市民开放。"
    left = web((A_TITLE, [*A_BODY[:3], moved, lost, A_BODY[3]]), (B_TITLE, B_BODY[:2]))
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", [B_TITLE]),
                ("body", [*B_BODY[:2], moved]))  # fmt: skip
    al = align(left, right)
    wetland = article_of(al, B_BODY[1][-10:])
    assert article_of(al, moved[-12:]) == wetland
    assert article_of(al, lost[-12:]) == wetland
    assert article_of(al, A_BODY[3][-10:]) != wetland


def test_a_signature_the_web_moved_goes_back_to_the_story_the_pdf_ends_with_it() -> None:
    # Too short to say anything by its words: the PDF prints the same line, one-sided too.
    sig = "（何平 李文涛）"
    left = web((A_TITLE, A_BODY), (B_TITLE, B_BODY), (C_TITLE, [C_BODY[0], sig, C_BODY[1]]))
    right = pdf(
        ("lines", [A_TITLE]), ("body", [*A_BODY, sig]), ("lines", [B_TITLE]), ("body", B_BODY),
        ("lines", [C_TITLE]), ("body", C_BODY),
    )  # fmt: skip
    al = align(left, right)
    assert article_of(al, "何平李文涛") == article_of(al, A_BODY[3][-10:])


def test_a_web_paragraph_closed_by_its_writers_name_is_not_joined_to_the_next() -> None:
    signed = B_BODY[2] + "（张福纯）"
    left = web((B_TITLE, [*B_BODY[:2], signed]), (None, ["１２月８日，" + C_BODY[1]]))
    al = align(left, pdf(("lines", [B_TITLE]), ("body", [*B_BODY[:2], signed])))
    units = [u for a in al.articles for u in a.units if u.left and "张福纯" in u.left]
    assert len(units) == 1 and "１２月８日" not in units[0].left


def test_a_pdf_line_closed_by_its_writers_name_ends_the_paragraph() -> None:
    # The signed last line is shorter than a full line, but not by much: the name ends it.
    signed = (
        "专家认为，湿地修复既能涵养水源，也能为沿江城市居民提供更多亲近自然、休闲散步的空间。"
        "（张福纯）"
    )
    right = pdf(("lines", [B_TITLE]), ("body", [*B_BODY[:2], signed])) + "本报记者赵亮摄\n\n"
    al = align(web((B_TITLE, [*B_BODY[:2], signed, "本报记者赵亮摄"])), right)
    credit = [u for a in al.articles for u in a.units if u.right and "赵亮" in u.right]
    assert len(credit) == 1 and "张福纯" not in credit[0].right


def test_a_credit_with_its_source_is_a_caption_and_stays_with_its_story() -> None:
    credit = "（周文广摄）（新华社稿）"
    body = [*B_BODY, "（新华社武汉4月14日电）", credit]
    al = align(
        web((B_TITLE, body), (A_TITLE, A_BODY)),
        pdf(("lines", [B_TITLE]), ("body", body), ("lines", [A_TITLE]), ("body", A_BODY)),
    )
    unit = next(u for a in al.articles for u in a.units if u.left and "周文广" in u.left)
    assert unit.role == "caption" and unit.right is not None
    assert article_of(al, "周文广摄") == article_of(al, B_BODY[2][-10:])


def test_a_web_only_story_gets_back_the_tail_the_web_pasted_into_another_story() -> None:
    # The PDF has the school-bus story only and prints it on without the pasted paragraph.
    tail = "湿地保护修复工程完成后，沿江城市将定期发布湿地面积、水质和候鸟种类的监测数据。"
    left = web((A_TITLE, [*A_BODY[:3], tail, A_BODY[3]]), (B_TITLE, B_BODY))
    al = align(left, pdf(("lines", [A_TITLE]), ("body", A_BODY)))
    assert article_of(al, tail[-12:]) == article_of(al, B_BODY[2][-10:])
    assert article_of(al, tail[-12:]) != article_of(al, A_BODY[3][-10:])


def test_a_pdf_only_paragraph_next_to_a_pasted_passage_goes_back_with_it() -> None:
    # The web pasted the wetland story's last paragraph into the school-bus story; the PDF
    # prints it at the end of the wetland story, after a paragraph the web lost.
    lost = "目前已有十二个沿江城市公布湿地保护修复方案，并设立湿地保护专项资金。"
    moved = "专家认为，湿地修复既能涵养水源，也能为沿江城市居民提供更多亲近湿地的空间。"
    photo = "图为山区小学的孩子们在新校车前合影，校车统一配备安全员和座椅安全带。新华社记者 赵亮 摄"
    left = web((B_TITLE, B_BODY[:2]), (A_TITLE, [*A_BODY, moved, photo]))
    right = pdf(("body", [*B_BODY[:2], lost, moved]), ("lines", [B_TITLE]),
                ("body", [*A_BODY, photo]), ("lines", [A_TITLE]))  # fmt: skip
    al = align(left, right)
    wetland = article_of(al, B_BODY[1][-10:])
    assert article_of(al, moved[-12:]) == wetland
    assert article_of(al, lost[-12:]) == wetland


def test_a_subhead_the_pdf_sets_apart_like_a_title_does_not_split_its_story() -> None:
    # The web prints "候鸟回来了" as a plain line inside the story under its heading; the PDF
    # (titles after bodies) sets it apart like a title. The web's headings decide.
    sub = "候鸟回来了"
    more = [
        "今年冬天，沿江湿地观测到的越冬候鸟超过三万只，比去年增加近一成。",
        "观测站工作人员说，白鹤、东方白鹳等珍稀鸟类也在修复后的湿地落脚。",
    ]
    left = web((B_TITLE, [*B_BODY, sub, *more]), (A_TITLE, A_BODY))
    right = pdf(("body", B_BODY), ("lines", [sub]), ("body", more), ("lines", [B_TITLE]),
                ("body", A_BODY), ("lines", [A_TITLE]))  # fmt: skip
    al = align(left, right.replace(sub + "\n", sub + "\n\n"))
    assert_whole(al, B_TITLE, [*B_BODY, sub, *more])


def test_a_paragraph_at_the_edge_of_two_stories_in_both_versions_goes_by_its_words() -> None:
    # The web ends the school-bus story with it; the PDF breaks before it and runs it into
    # the farming story. Its words are the school-bus story's.
    from reviewer.core.engine.relocation import relocate
    from reviewer.core.engine.sides import Piece

    edge = "这次校车发放仪式得到了山区小学和村寨家长的支持，校车安全员和教育部门也一同出席。"
    bus, farm = [canon(p) for p in A_BODY[1:]], [canon(p) for p in C_BODY]

    class FakeSide:
        def __init__(self, frags: list[list[str]]) -> None:
            self.pieces, parts, pos = [], [], 0
            for f, texts in enumerate(frags):
                for t in texts:
                    self.pieces.append(Piece(pos, pos + len(t), "paragraph", f, False))
                    parts.append(t)
                    pos += len(t)
            self.stream = "".join(parts)

    a = FakeSide([[*bus, canon(edge)], farm])
    b = FakeSide([bus, [canon(edge), *farm]])
    n = len(bus)
    pa = {i: i for i in range(n + 1 + len(farm))}
    roots = {"a": ["bus"] * n + ["farm"] * (1 + len(farm)), "b": ["bus"] * n + ["farm"] * 3}
    moved = relocate({"a": a, "b": b}, {"a": pa, "b": pa}, roots, {"a": set(), "b": set()})
    assert moved == {"a": {n}, "b": {n}}
    assert roots["a"][n] == roots["b"][n] == "bus"


def test_a_part_cut_off_without_a_title_anywhere_rejoins_the_story_it_continues() -> None:
    # The PDF breaks the school-bus story before its last two paragraphs and runs them into
    # the next story; the web prints them under its heading. The part cut off has no title
    # in either version: it is the rest of the story its web fragment holds.
    from reviewer.core.engine.articles import _UnionFind
    from reviewer.core.engine.relocation import rejoin_untitled
    from reviewer.core.engine.sides import Piece

    class FakeSide:
        def __init__(self, roles: list[str], frags: list[int]) -> None:
            self.pieces = [Piece(i * 30, i * 30 + 30, r, f, False) for i, (r, f) in
                           enumerate(zip(roles, frags, strict=True))]  # fmt: skip

    web_side = FakeSide(["title", "paragraph", "paragraph", "paragraph", "paragraph"], [0] * 5)
    pdf_side = FakeSide(["title", "paragraph", "paragraph", "paragraph", "paragraph"], [0] * 5)
    sub_a = [(0, 0), (0, 0), (0, 0), (0, 1), (0, 1)]  # cut where the PDF breaks
    sub_b = [(0, 0), (0, 0), (0, 0), (1, 0), (1, 0)]
    pairs = {i: i for i in range(5)}
    uf = _UnionFind()
    for i in range(1, 5):
        uf.union(("a", sub_a[i]), ("b", sub_b[i]))
    sides, subs = {"a": web_side, "b": pdf_side}, {"a": sub_a, "b": sub_b}
    rejoin_untitled(uf, sides, subs, {"a": pairs, "b": pairs})  # type: ignore[arg-type]
    assert uf.find(("a", (0, 1))) == uf.find(("a", (0, 0)))


def test_one_sided_text_left_behind_by_a_moved_passage_rejoins_the_story_before_it() -> None:
    # The web: story X, a passage pasted from story Y (moved back to Y), then X's own last
    # paragraph and photo credit, which the PDF lost. Left alone they would make an
    # untitled article; they are X's. A dateline after them opens a story of its own.
    from reviewer.core.engine.relocation import absorb_leftovers
    from reviewer.core.engine.sides import Piece

    class FakeSide:
        def __init__(self, roles: list[str]) -> None:
            self.pieces = [Piece(i * 30, i * 30 + 30, r, 0, False) for i, r in enumerate(roles)]

    web_side = FakeSide(["title", "paragraph", "paragraph", "paragraph", "caption", "byline"])
    pdf_side = FakeSide(["title", "paragraph", "paragraph"])
    roots = {"a": ["x", "x", "y", "left", "left", "left"], "b": ["x", "x", "y"]}
    partner = {"a": {0: 0, 1: 1, 2: 2}, "b": {0: 0, 1: 1, 2: 2}}
    sides = {"a": web_side, "b": pdf_side}
    absorb_leftovers(sides, partner, roots, {"a": {2}, "b": {2}})  # type: ignore[arg-type]
    assert roots["a"] == ["x", "x", "y", "x", "x", "left"]


def test_a_line_about_the_photo_above_is_a_caption_of_its_story() -> None:
    photo = "压题照片为山区小学的孩子们在新校车前合影。"
    body = [*A_BODY, "（新华社昆明3月5日电）", photo]
    al = align(
        web((A_TITLE, body), (B_TITLE, B_BODY)),
        pdf(("lines", [A_TITLE]), ("body", body), ("lines", [B_TITLE]), ("body", B_BODY)),
    )
    unit = next(u for a in al.articles for u in a.units if u.left and "压题照片" in u.left)
    assert unit.role == "caption"
    assert article_of(al, "孩子们在新校车前合影") == article_of(al, A_BODY[3][-10:])
