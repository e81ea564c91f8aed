"""The view follows the cursor: the current item's row is always fully visible, also when
the raw pane opens; the raw pane wraps and marks the conflict; the strip shows the
suggestion and what a duplicate duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from reviewer.ui.main_window import MainWindow

K = Qt.Key


def _row(w: MainWindow) -> int:
    return w.model.row_of_item(w.controller.session.cursor)


def test_every_advance_leaves_the_current_row_fully_visible(
    sample_window: MainWindow, qtbot
) -> None:
    w, s, view = sample_window, sample_window.controller.session, sample_window.view
    w.resize(1400, 900)
    qtbot.wait(1)  # let the resize lay out
    seen = 0
    for key in [K.Key_J] * s.status().conflicts + [K.Key_T] * s.status().triage:
        qtbot.keyClick(view, key)
        assert view.fully_visible(_row(w)), (seen, s.current)
        seen += 1
    # Deciding advances too: settle conflicts with 2 and check after each.
    s.goto(0)
    for _ in range(s.status().conflicts):
        qtbot.keyClick(view, K.Key_2)
        assert view.fully_visible(_row(w))
    assert seen > 100


def test_opening_the_raw_pane_keeps_the_current_conflict_in_view(
    sample_window: MainWindow, qtbot
) -> None:
    w, s, view = sample_window, sample_window.controller.session, sample_window.view
    w.resize(1400, 900)
    qtbot.wait(1)
    # The last conflicts of the page sit low in a tall window: the pane would cover them.
    for _ in range(s.status().conflicts - 3):
        qtbot.keyClick(view, K.Key_J)
    row = _row(w)
    assert view.fully_visible(row)
    qtbot.keyClick(view, K.Key_R)
    assert w.raw_dock.isVisible()
    qtbot.waitUntil(lambda: view.fully_visible(row), timeout=2000)
    c = s.conflict_of(s.current)
    for side in ("left", "right"):
        edit = w.raw.findChild(QPlainTextEdit, f"raw_{side}")
        assert edit.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
        span = w.raw.marked.get(side)
        reading = c.left if side == "left" else c.right
        if reading.strip():
            assert span is not None
            raw = edit.toPlainText()[span[0] : span[1]]
            assert "".join(raw.split()) == "".join(reading.split())
    # Moving on keeps both the pane and the view in step.
    qtbot.keyClick(view, K.Key_J)
    assert view.fully_visible(_row(w))


def test_the_strip_shows_the_suggestion_and_the_duplicate(sample_window: MainWindow, qtbot) -> None:
    w, s = sample_window, sample_window.controller.session
    it = next(it for it in s.items if s.suggestion_of(it) is not None)
    w.controller.goto(s.index_of(it.key))
    sug = s.suggestion_of(it)
    text = w.item_info.text()
    assert sug.reason in text and f"{sug.confidence:.2f}" in text and sug.pick in text
    dup = next(it for it in s.items if s.unit_of(it).duplicate_of and s.unit_of(it).role != "noise")
    w.controller.goto(s.index_of(dup.key))
    assert "duplicate of ¶" in w.item_info.text()
