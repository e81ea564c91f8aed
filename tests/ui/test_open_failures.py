"""A failed Open keeps the review on screen working (or closes it visibly); read-only reviews."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.core import project as project_mod
from reviewer.core.project import default_project_path
from reviewer.core.store.database import Project
from reviewer.ui.settle import status_text


def _decisions_on_disk(path: Path) -> int:
    with Project.open(path, read_only=True) as p:
        return len(p.decisions())


def _counter(w) -> int:
    """Decisions the status bar counts, checked against what it shows."""
    st = w.controller.session.status()
    assert w.resolved_label.text() == status_text(st)
    return st.resolved


def _focus(qtbot, w) -> None:
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)  # a message box had the keyboard
    w.view.setFocus()


def _ctrl_o(qtbot, w, monkeypatch: pytest.MonkeyPatch, chosen: list[str]) -> str:
    """Press Ctrl+O, "choose" ``chosen`` in the file dialog; returns the error box's text."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    with qtbot.waitSignal(w.controller.failed, timeout=30_000) as failed:
        qtbot.keyClick(w.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    box = w.message_box
    assert box is not None and box.isVisible()
    box.done(0)
    _focus(qtbot, w)
    return str(failed.args[0])


@pytest.mark.parametrize("chosen", ["missing-pair", "missing-project"])
def test_a_failed_open_keeps_saving_the_review_on_screen(
    open_window, sample_copy, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, chosen: str
) -> None:
    left, right = sample_copy
    w = open_window([str(left), str(right)], persist=True)
    title = w.windowTitle()
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    assert _counter(w) == 2
    missing = tmp_path / "nowhere"
    paths = (
        [str(missing / "a.md"), str(right)]
        if chosen == "missing-pair"
        else [str(missing / "gone.reviewer")]
    )
    message = _ctrl_o(qtbot, w, monkeypatch, paths)
    assert str(missing) in message
    assert w.windowTitle() == title  # the old review is still the one on screen
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    assert _counter(w) == 3
    w.controller.close_project()  # waits for queued writes
    assert _decisions_on_disk(default_project_path(left, right)) == 3


def test_a_review_that_cannot_be_restored_is_closed_visibly(
    open_window, sample_copy, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    left, right = sample_copy
    w = open_window([str(left), str(right)], persist=True)
    qtbot.keyClick(w.view, Qt.Key.Key_1)

    def broken(review):
        raise project_mod.ProjectError(review.project.path, "the disk went away")

    monkeypatch.setattr(project_mod, "reopen", broken)
    message = _ctrl_o(qtbot, w, monkeypatch, [str(tmp_path / "gone.reviewer")])
    assert "has been closed" in message and "the disk went away" in message
    assert w.windowTitle() == "Reviewer"
    assert w.resolved_label.text() == "No review open"
    assert w.controller.session is None
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # nothing to decide, no crash


def _make_read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def test_a_read_only_project_offers_viewing_only(
    open_window, sample_copy, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    left, right = sample_copy
    w = open_window([str(left), str(right)], persist=True)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    w.controller.close_project()
    proj = default_project_path(left, right)
    _make_read_only(proj)
    before = proj.read_bytes()
    with qtbot.waitSignal(w.controller.read_only, timeout=30_000) as sig:
        w.controller.open_pair(left, right)
    assert "read-only" in sig.args[1] and "damaged" not in sig.args[1]
    box = w.message_box
    assert box is not None and box.objectName() == "read_only_box" and box.isVisible()
    view = next(b for b in box.buttons() if b.text() == "View only")
    with qtbot.waitSignal(w.controller.loaded, timeout=30_000):
        view.click()
    assert w.windowTitle().endswith("(read-only)")
    assert _counter(w) == 1  # its decision is shown
    _focus(qtbot, w)
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    assert _counter(w) == 2
    w.controller.close_project()
    assert proj.read_bytes() == before
    assert sorted(p.name for p in proj.parent.iterdir()) == sorted(
        [left.name, right.name, proj.name]
    )


def test_a_read_only_project_can_be_continued_in_a_copy(
    open_window, sample_copy, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    left, right = sample_copy
    w = open_window([str(left), str(right)], persist=True)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    w.controller.close_project()
    proj = default_project_path(left, right)
    _make_read_only(proj)
    copy = tmp_path / "elsewhere" / "copy.reviewer"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    with qtbot.waitSignal(w.controller.read_only, timeout=30_000):
        w.controller.open_pair(left, right)
    box = w.message_box
    assert isinstance(box, QMessageBox)
    save = next(b for b in box.buttons() if b.text().startswith("Save a copy"))
    with qtbot.waitSignal(w.controller.loaded, timeout=30_000):
        save.click()
    assert not w.windowTitle().endswith("(read-only)")
    _focus(qtbot, w)
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    w.controller.close_project()
    assert _decisions_on_disk(copy) == 2
    assert _decisions_on_disk(proj) == 1
    assert os.access(copy, os.W_OK)
