"""Layout detection and repair."""

from __future__ import annotations

from reviewer.core.engine.normalize import detect_layout, normalize
from reviewer.core.engine.roles import classify

WRAPPED = (
    " “我国城镇化正从快速增长期转向稳定发展期，城市发展正\n\n"
    "从大规模增量扩张阶段转向存量提质增效为主的阶段。”近日召\n\n"
    "开的中央城市工作会议，就当前和今后一段时期城市工作面临\n\n"
    "的形势作出重大判断。\n\n"
    "新时代新征程上，必须深刻把握这一历史方位，主动适应这\n\n"
    "一重大形势变化，以新担当新作为走出一条中国特色城市现代\n\n"
    "化新路子。\n\n"
    "把握历史方位，锚定城市工作新坐标\n"
    "7 月 11 日，山东宁津县东方花园小区里，工人忙着调试刚装\n\n"
    "好的第 61 部电梯。老旧小区一台台加装的电梯，极大提高了出\n\n"
    "行便利性，提升了居民生活品质。\n"
)


def test_layouts_are_told_apart() -> None:
    assert detect_layout(WRAPPED) == "wrapped"
    assert detect_layout("# 标题\n\n第一段。\n\n第二段。\n") == "markdown"
    assert detect_layout("第一段完整的句子在这里。\n第二段完整的句子在这里。\n") == "plain"


def test_wrapped_lines_are_joined_into_paragraphs() -> None:
    layout, paras = normalize(WRAPPED)
    texts = [p.text for p in paras]
    assert layout == "wrapped"
    assert len(texts) == 4
    assert texts[0].startswith("“我国城镇化") and texts[0].endswith("重大判断。")
    assert texts[2] == "把握历史方位，锚定城市工作新坐标"
    assert texts[3].startswith("7月11日，山东") and "第61部电梯" in texts[3]


def test_spaces_survive_only_between_ascii_words() -> None:
    _, paras = normalize("字体 Noto Sans 很好 ，SoReal 科幻 乐园 2024 年 ，加速 构 建 全 省。\n")
    assert paras[0].text == "字体Noto Sans很好，SoReal科幻乐园2024年，加速构建全省。"


def test_offsets_map_back_to_the_raw_text() -> None:
    _, paras = normalize(WRAPPED)
    for p in paras:
        assert len(p.offsets) == len(p.text)
        for ch, off in zip(p.text, p.offsets):
            assert WRAPPED[off] == ch or ch == " "


def test_markdown_heading_markers_are_not_text() -> None:
    _, paras = normalize("# 丽水机场正式通航\n\n7月18日，航班降落。\n")
    assert paras[0].text == "丽水机场正式通航" and paras[0].kind == "heading"


def test_roles_from_text() -> None:
    assert classify("一版责编：刘义") == "noise"
    assert classify("（上接第一版）") == "noise"
    assert classify("（新华社北京7月18日电）") == "byline"
    assert classify("新华社记者 姜琳 樊曦 刘夏村") == "byline"
    assert classify("2025 年 4 月 17 日拍摄的焊接生产线。 新华/传真") == "caption"
    assert classify("记者从国新办获悉，融资规模突破1.2万亿元。") == "paragraph"


# Hand-written column, 28 characters wide: the quote's last line is exactly full.
_QUOTE_THEN_SHORT = (
    "“河道治理不能只盯着眼前的水面，更要看到两岸百姓的日常生\n\n"
    "活。”省水利厅总工程师周立新在当天的座谈会上对记者们说。\n\n"
    "治水的目的是惠民。\n\n"
    "去年以来，沿江各地已新建亲水步道四十余公里，改造排涝泵站\n\n"
    "十二座，汛期积水点比往年减少了一半以上。\n"
)


def test_a_full_line_closing_a_quote_with_its_attribution_ends_the_paragraph() -> None:
    # In news a direct quote's paragraph ends with its attribution ("…。”X说。"), so the
    # short complete sentence after it opens a paragraph of its own.
    _, paras = normalize(_QUOTE_THEN_SHORT)
    texts = [p.text for p in paras]
    assert texts[0].endswith("周立新在当天的座谈会上对记者们说。")
    assert texts[1] == "治水的目的是惠民。"
    assert len(texts) == 3


def test_a_full_line_ending_a_plain_sentence_runs_on_into_a_short_last_line() -> None:
    # Without an attribution the short sentence after a full line is, far more often, the
    # last sentence of the same paragraph (179 to 17 in the 1998 corpus).
    quote = "活。”省水利厅总工程师周立新在当天的座谈会上对记者们说。"
    plain = "活，这是全省上下在治水工作中逐步形成的共识与努力的方向。"
    _, paras = normalize(_QUOTE_THEN_SHORT.replace(quote, plain))
    assert paras[0].text.endswith("努力的方向。治水的目的是惠民。")
