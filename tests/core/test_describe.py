"""Descriptions for the window: duplicates, suggestions, readings in the raw source."""

from __future__ import annotations

from builders import make_alignment, make_unit

from reviewer.core.model import Suggestion
from reviewer.core.review.describe import duplicate_note, raw_span, suggestion_note


def test_duplicate_says_where_the_original_is_and_how_the_copies_differ() -> None:
    al = make_alignment(
        [
            (
                "a1",
                "甲",
                [
                    make_unit("u1", "标题", None, role="title"),
                    make_unit("u2", "下一步，我们将完善政策。", None),
                ],
            ),
            (
                "a2",
                "乙",
                [
                    make_unit("u3", "“下一步，我们将完善政策。", None, duplicate_of="u2"),
                    make_unit("u4", "下一步，我们将完善政策。", None, duplicate_of="u2"),
                ],
            ),
        ]
    )
    note = duplicate_note(al, al.articles[1].units[0])
    assert note.startswith("duplicate of ¶1.2, differs: ") and "「下」 ↔ 「“下」" in note
    assert duplicate_note(al, al.articles[1].units[1]) == "duplicate of ¶1.2 (identical)"


def test_suggestion_note() -> None:
    assert suggestion_note(Suggestion("right", "doubled word 升级", 0.95)) == (
        "suggests right: doubled word 升级 (0.95)"
    )
    assert suggestion_note(None) == "no suggestion"


def test_raw_span_across_line_breaks_and_repeats() -> None:
    text = "改造提升传统产业，是加快发展新质生产力的关键举措。主动拥抱新技术，产业升级。"
    raw = "改造提升传统产业，是加快发展新\n\n质生产力的关键举措。主动拥抱新技\n术，产业升级。"
    start = text.index("新质")
    span = raw_span(raw, text, start, start + 2)
    assert span is not None and "".join(raw[span[0] : span[1]].split()) == "新质"
    # "产业" occurs twice: context picks the second one.
    second = text.rindex("产业")
    span = raw_span(raw, text, second, second + 2)
    assert span is not None and span[0] == raw.rindex("产业")
    # An empty reading marks the place between its neighbours.
    at = text.index("是加快")
    assert raw_span(raw, text, at, at) == (raw.index("是加快"), raw.index("是加快"))
