"""File ▸ Export writes through the core, off the UI thread, and reports in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reviewer.ui.exporting import run_export


def test_export_with_a_preference_for_the_unresolved(
    open_window, sample_copy, tmp_path: Path, qtbot
) -> None:
    left, right = sample_copy
    w = open_window([str(left), str(right)], persist=True)
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    out = tmp_path / "out"
    run_export(w, str(out), prefer="left")
    qtbot.waitUntil(lambda: "Wrote" in w.statusBar().currentMessage(), timeout=30_000)
    assert (out / "manifest.json").exists()
    assert any(p.suffix == ".txt" for p in out.iterdir())


def test_export_of_an_in_memory_review(sample_window, tmp_path: Path, qtbot) -> None:
    out = tmp_path / "out"
    run_export(sample_window, str(out), prefer="right")
    qtbot.waitUntil(lambda: "Wrote" in sample_window.statusBar().currentMessage(), timeout=30_000)
    assert (out / "manifest.json").exists()
