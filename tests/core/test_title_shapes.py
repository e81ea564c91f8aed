"""Title shapes of PDF extractions on unseen pages (issue 7), on small hand-made text: a
title printed after its body, next to credit lines in brackets."""

from __future__ import annotations

from reviewer.core.normalize import normalize
from reviewer.core.titles import title_groups

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
