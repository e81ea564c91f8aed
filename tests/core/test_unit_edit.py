"""Edit in context (core/unit_edit.py): a unit's final text, stored, exported, undone; a
paragraph break splits the unit."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

from reviewer.core import paths
from reviewer.core.engine.pipeline import align_files
from reviewer.core.export.files import build_articles
from reviewer.core.model import Alignment, Unit
from reviewer.core.project import export_review, open_review
from reviewer.core.review.merge import Decision, merge_unit
from reviewer.core.review.session import ReviewSession
from reviewer.core.review.unit_edit import context, edit_unit, paragraphs


@functools.cache
def _sample() -> Alignment:
    return align_files(paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT)


def _conflicted(s: ReviewSession) -> Unit:
    """The first paragraph with two or more conflicts."""
    return next(
        u for _a, u in s.alignment.units() if u.role == "paragraph" and len(u.conflicts) >= 2
    )


def _texts(s: ReviewSession) -> list[str]:
    return [p for a in build_articles(s.alignment, s.decisions, "left") for p in a.paragraphs]


def test_context_selects_the_conflict_in_the_merged_text() -> None:
    s = ReviewSession(_sample())
    u = _conflicted(s)
    c = u.conflicts[1]
    s.decide("right", key=c.id)
    ctx = context(s, u, c.id)
    assert ctx.text == merge_unit(u, s.decisions).text
    assert ctx.text[ctx.start : ctx.end] == c.right and ctx.other == c.left


def test_final_text_settles_every_conflict_and_undoes_in_one_step() -> None:
    s = ReviewSession(_sample())
    u = _conflicted(s)
    before = s.status().conflicts_left
    assert edit_unit(s, u.id, "改写\x1b后的一段\t文字。\n")
    assert s.decisions[u.id] == Decision("edit", "改写后的一段 文字。")
    assert s.status().conflicts_left == before - len(u.conflicts)
    assert all(s.is_resolved(it) for it in s.items if s.unit_of(it).id == u.id)
    assert "改写后的一段 文字。" in _texts(s)
    assert s.undo() and u.id not in s.decisions
    assert s.status().conflicts_left == before
    assert s.redo() and s.decisions[u.id].text == "改写后的一段 文字。"


def test_a_paragraph_break_splits_the_unit() -> None:
    s = ReviewSession(_sample())
    u = _conflicted(s)
    text = context(s, u).text
    cut = len(text) // 2
    first, rest = text[:cut], text[cut:]
    n = len(list(s.alignment.units()))
    assert edit_unit(s, u.id, first + "\n" + rest)
    assert len(list(s.alignment.units())) == n + 1
    paras = _texts(s)
    assert first.strip() in paras and rest.strip() in paras
    assert paras.index(rest.strip()) == paras.index(first.strip()) + 1
    assert s.undo() and s.alignment == _sample() and not s.structure
    assert text in _texts(s)
    assert s.redo() and first.strip() in _texts(s) and rest.strip() in _texts(s)


def test_paragraphs_strip_controls_and_blank_lines() -> None:
    assert paragraphs("一\x00二\u2028\n\n 三 \r\n") == ["一二", "三"]
    assert paragraphs("  \n") == []


def test_final_text_is_saved_reopened_and_exported_headless(tmp_path: Path) -> None:
    left, right = tmp_path / paths.SAMPLE_LEFT.name, tmp_path / paths.SAMPLE_RIGHT.name
    shutil.copy(paths.SAMPLE_LEFT, left)
    shutil.copy(paths.SAMPLE_RIGHT, right)
    pp = tmp_path / "p.reviewer"
    with open_review(left, right, pp) as review:
        s = review.session
        u = _conflicted(s)
        assert edit_unit(s, u.id, "第一段。\n第二段。")
        kept = dict(s.decisions)
    with open_review(left, right, pp) as review:
        assert review.session.decisions == kept
        assert not review.warnings
        assert not review.session.orphaned_decisions()
        export_review(review, tmp_path / "out", prefer="left", fmt="jsonl", force=True)
    rows = [
        json.loads(line)
        for f in sorted((tmp_path / "out").glob("*.jsonl"))
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    dump = json.dumps(rows, ensure_ascii=False)
    assert "第一段。" in dump and "第二段。" in dump
    from reviewer.cli import main

    out = tmp_path / "cli"
    args = ["export", str(left), str(right), "--out", str(out), "--project", str(pp)]
    assert main([*args, "--prefer", "left"]) == 0
    txt = "".join(f.read_text(encoding="utf-8") for f in sorted(out.glob("*.txt")))
    assert "\n第一段。\n\n第二段。\n" in txt


def test_tei_and_csv_write_the_final_text() -> None:
    from reviewer.core.export.files import render

    s = ReviewSession(_sample())
    u = _conflicted(s)
    assert edit_unit(s, u.id, "重写的整段<文字>。")
    for fmt in ("tei", "tei-app"):
        tei = b"".join(render(s.alignment, s.decisions, None, fmt).values()).decode()
        assert "重写的整段&lt;文字&gt;。" in tei
    csv = b"".join(render(s.alignment, s.decisions, None, "txt").values()).decode()
    rows = [line for line in csv.splitlines() if u.conflicts[0].id in line]
    assert rows and "unit edit" in rows[0] and "重写的整段<文字>。" in rows[0]


def test_an_edit_that_changes_nothing_is_not_a_step() -> None:
    s = ReviewSession(_sample())
    u = _conflicted(s)
    assert edit_unit(s, u.id, "同一段。")
    assert not edit_unit(s, u.id, "同一段。")
    assert not edit_unit(s, u.id, " \n\x00")  # nothing typed: nothing stored
    assert s.undo() and not s.undo()
