"""Title shapes of PDF extractions on unseen pages (issue 7), on small hand-made text: a
title printed after its body, next to credit lines in brackets."""

from __future__ import annotations

from pages import A_BODY, A_TITLE, B_BODY, B_TITLE, C_BODY, C_TITLE, pdf

from reviewer.core.engine.normalize import normalize
from reviewer.core.engine.segment import segment_page
from reviewer.core.engine.titles import title_groups

BODY = [
    "沿江多个城市近日启动新一轮湿",
    "地保护修复工程，计划三年内恢复",
    "湿地面积八万亩。",
]


def _double_spaced(lines: list[str]) -> str:
    return "".join(line + "\n\n" for line in lines)


def test_credit_in_brackets_stays_apart_from_the_title_after_it() -> None:
    # The body, its credit on a line of its own, then the title printed after the body.
    raw = _double_spaced([*BODY, "（江西某县委宣传部李文）", "沿江城市推进湿地保护", *BODY])
    _flat, paras = normalize(raw)
    texts = [p.text for p in paras]
    assert "（江西某县委宣传部李文）" in texts
    assert "沿江城市推进湿地保护" in texts
    k = texts.index("沿江城市推进湿地保护")
    assert (k, k + 1) in title_groups(paras, "wrapped")


def test_work_and_its_author_in_brackets_are_no_title() -> None:
    # "圆梦（中国画）" over "（某某）": a picture's name and its painter, not a title.
    raw = _double_spaced([*BODY, "（王明）", "春山晓色（中国画）", "（李文）", *BODY])
    _flat, paras = normalize(raw)
    texts = [p.text for p in paras]
    k = texts.index("春山晓色（中国画）")
    assert all(s != k for s, _e in title_groups(paras, "wrapped"))


def test_first_line_of_a_narrow_column_after_a_wide_one_goes_on() -> None:
    # A story in a wide column, its photo credit, then the next story set in a column
    # half as wide: the new paragraph's full first line is no title of its own.
    wide = ["工程将清理违规养殖设施，补种本地水生植物，并建设候"] * 8
    narrow = [
        "专家们说，湿地修复带来了又一次",
        "生态转机。这话不错。",
        "其实，湿地修复并不是很难的事，",
        "它的基本要义就是尊重自然规律，",
        "让水和草回到它们原来的地方去，",
        "再让鸟儿自己飞回来安家落户。",
        "有几件事情很能说明这个道理。",
        "一是江边的芦苇又长起来了。",
    ]
    raw = _double_spaced([*wide, "新华社记者李文摄", *narrow])
    _flat, paras = normalize(raw)
    assert "专家们说，湿地修复带来了又一次生态转机。这话不错。" in [p.text for p in paras]


def test_short_last_line_of_a_tight_title_ends_it() -> None:
    # A title wrapped over two lines set tight, then a blank line and the next story's
    # title: the second line ends the first title, it is not the start of a paragraph.
    body = ["沿江多个城市近日启动新一轮湿地保护", "修复工程，计划三年内恢复湿地面积八", "万亩。"]
    raw = _double_spaced(body) + "标志我省生态保护\n首批湿地GPS监测站通过验收\n\n"
    raw += _double_spaced(
        ["春耕备耕物资供应充足价格总体保持稳定", " 本报北京3月6日电 农业农村部", *body]
    )
    _flat, paras = normalize(raw)
    assert "首批湿地GPS监测站通过验收" in [p.text for p in paras]


def test_two_titles_run_into_one_line_are_cut_by_their_words() -> None:
    # The title of the story above (printed after its body) and the title of the story
    # below, on consecutive lines the line joining ran together: each names its own text.
    above = [
        "沿江多个城市近日启动湿地保护修复",
        "工程，湿地保护修复计划三年完成，",
        "恢复八万亩。",
    ]
    below = [
        "本报讯 山区小学今年新增校车一千",
        "二百辆，山区小学校车覆盖偏远村寨",
        "四千多个，校车配备安全员。",
    ]
    raw = _double_spaced([*above, "沿江城市推进湿地保护修复工作", "山区小学用上新校车", *below])
    _flat, paras = normalize(raw)
    frags, _after = segment_page(paras, "wrapped")
    titles = [[b.para.text for b in f.titles] for f in frags]
    assert ["沿江城市推进湿地保护修复工作"] in titles
    assert ["山区小学用上新校车"] in titles


def test_text_after_the_credit_under_a_closed_story_starts_anew() -> None:
    # A story closed by its dateline, the photo credit under it, then the next story's
    # text: the credit stays above, the text starts a fragment of its own.
    lines = [
        "沿江多个城市近日启动湿地保护修复",
        "工程。",
        "（新华社南京3月5日电）",
        "新华社记者李文摄",
    ]
    lines += ["山区小学今年新增校车一千二百辆，", "覆盖偏远村寨四千多个。"]
    _flat, paras = normalize(_double_spaced(lines))
    frags, _after = segment_page(paras, "wrapped")
    where = {b.para.text: f.index for f in frags for b in f.blocks}
    assert where["新华社记者李文摄"] == where["（新华社南京3月5日电）"]
    assert (
        where["山区小学今年新增校车一千二百辆，覆盖偏远村寨四千多个。"] != where["新华社记者李文摄"]
    )


def test_a_title_like_last_line_stays_with_its_story_when_the_next_title_comes_after() -> None:
    # Story A (titled above) ends on a short title-like line; story B follows with no break
    # and its title is printed after it, then story C likewise: the line is A's last line,
    # and B's text goes with B's title, not under the line.
    last = "还要看清“长远账”怎么算"
    b_body = ["本报讯 " + B_BODY[0], *B_BODY[1:]]
    raw = pdf(("lines", [A_TITLE]), ("body", [*A_BODY, last]), ("body", b_body),
              ("lines", [B_TITLE]), ("body", C_BODY), ("lines", [C_TITLE]))  # fmt: skip
    layout, paras = normalize(raw)
    frags, _after = segment_page(paras, layout)
    where = {b.para.text: f for f in frags for b in f.blocks}
    assert where[last] is where[A_TITLE]
    assert where[last].title_after is False
    b_frag = next(f for text, f in where.items() if text.startswith("工程将清理"))
    assert [b.para.text for b in b_frag.titles] == [B_TITLE]
