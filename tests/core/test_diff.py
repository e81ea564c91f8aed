"""Word-level conflicts inside one aligned pair."""

from __future__ import annotations

import pytest

from reviewer.core.engine.diff import diff_units


def _readings(left: str, right: str) -> list[tuple[str, str]]:
    return [
        (left[e.left_start : e.left_end], right[e.right_start : e.right_end])
        for e in diff_units(left, right)
    ]


@pytest.mark.parametrize(
    ("left", "right", "want"),
    [
        (
            "研发人员正分分秒秒迭代最前沿的模型。",
            "研发人员正争分夺秒迭代最前沿的模型。",
            ("分分秒秒", "争分夺秒"),
        ),
        (
            "北京这座千年古都，正力建设“人工智能第一城”。",
            "北京这座千年古都，正发力建设“人工智能第一城”。",
            ("力", "发力"),
        ),
        ("城市轨道交通运营里程近11万公里。", "城市轨道交通运营里程近1.1万公里。", ("11", "1.1")),
        (
            "公司的测试场上，一台台农业无人机缓缓升空。",
            "公司的测试场地上，一台台农业无人机缓缓升空。",
            ("场上", "场地上"),
        ),
    ],
)
def test_one_conflict_of_whole_words(left: str, right: str, want: tuple[str, str]) -> None:
    assert _readings(left, right) == [want]


def test_layout_only_differences_are_not_conflicts() -> None:
    left = "7月11日，山东宁津县的第61部电梯。首钢一高炉·SoReal科幻乐园，ＡＩ视觉。"
    right = "7 月 11 日，山东宁津县的第 61 部电梯。首钢一高炉·SoReal 科幻乐园，AI 视觉。"
    assert diff_units(left, right) == []
    assert diff_units("加速构建全省", "加速 构 建 全 省") == []


def test_a_few_changed_words_never_make_a_paragraph_long_conflict() -> None:
    base = (
        "近年来，北京出台促进机器人产业创新发展的系列措施，给予从早期研发到场景应用全链条支持。" * 3
    )
    changed = base.replace("系列措施", "一系列措施", 1).replace("全链条", "全流程", 1)
    readings = _readings(base, changed)
    assert len(readings) == 2
    assert all(len(a) <= 8 and len(b) <= 8 for a, b in readings)


def test_offsets_point_at_the_readings() -> None:
    left, right = "Noto Sans 字体，大潮正起，千帆竟发。", "Noto Sans字体，大潮正起，千帆竞发。"
    (edit,) = diff_units(left, right)
    assert left[edit.left_start : edit.left_end] == "千帆竟发"
    assert right[edit.right_start : edit.right_end] == "千帆竞发"
