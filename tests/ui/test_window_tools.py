"""Edit, find, filter, raw source, clicks, cheat sheet and errors, driven like a user would."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from reviewer.ui.main_window import MainWindow
from reviewer.ui.parallel_model import LEFT
from reviewer.ui.parallel_view import BAR, PAD_X, PAD_Y

K = Qt.Key


def first_conflict(window: MainWindow) -> int:
    s = window.controller.session
    assert s is not None
    return next(i for i, it in enumerate(s.items) if it.kind == "conflict")


def test_find_moves_to_the_matching_unit(sample_window: MainWindow, qtbot) -> None:
    w, s = sample_window, sample_window.controller.session
    assert s is not None
    # An ASCII needle: QTest types ASCII only (CJK would come through an input method).
    texts = [(u.left or "") + (u.right or "") for _a, u in s.alignment.units()]
    needle = next(m.group() for t in reversed(texts) if (m := re.search(r"[0-9]{4,}", t)))
    qtbot.keyClick(w.view, K.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.find_bar.isVisible() and w.find_bar.edit.hasFocus()
    qtbot.keyClicks(w.find_bar.edit, needle)
    qtbot.keyClick(w.find_bar.edit, K.Key_Return)
    found = w.view.pdelegate.found
    assert found is not None and found[1] == needle
    unit = w.model.unit(found[0])
    shown = (
        w.model.article(found[0]).title if unit is None else (unit.left or "") + (unit.right or "")
    )
    assert needle in shown
    rect = w.view.visualRect(w.model.index(found[0], 0))
    assert w.view.viewport().rect().intersects(rect)
    if w.model.item_keys(found[0]):  # a row with items: the cursor goes there too
        assert s.current is not None and w.model.row_of_item(s.cursor) == found[0]
    qtbot.keyClick(w.find_bar.edit, K.Key_Escape)
    assert not w.find_bar.isVisible() and w.view.hasFocus()


def test_unresolved_filter_hides_decided_items(sample_window: MainWindow, qtbot) -> None:
    w, s = sample_window, sample_window.controller.session
    assert s is not None
    lm = w.conflicts.list_model
    total = s.status().total
    assert lm.rowCount() == total
    qtbot.keyClick(w.view, K.Key_2)
    qtbot.keyClick(w.view, K.Key_U)
    assert lm.rowCount() == total - 1
    qtbot.keyClick(w.view, K.Key_1)
    assert lm.rowCount() == total - 2
    qtbot.keyClick(w.view, K.Key_Z)
    assert lm.rowCount() == total - 1
    qtbot.keyClick(w.view, K.Key_U)
    assert lm.rowCount() == total


def test_picking_in_the_conflict_list_moves_the_cursor(sample_window: MainWindow, qtbot) -> None:
    w, s = sample_window, sample_window.controller.session
    assert s is not None
    lm = w.conflicts.list_model
    at = w.conflicts.visualRect(lm.index(5)).center()
    qtbot.mouseClick(w.conflicts.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert s.cursor == 5 and lm.cursor == 5
    row = w.model.row_of_item(5)
    assert w.view.viewport().rect().intersects(w.view.visualRect(w.model.index(row, 0)))


def test_raw_source_of_the_current_unit(sample_window: MainWindow, qtbot) -> None:
    w, s = sample_window, sample_window.controller.session
    assert s is not None
    i = first_conflict(w)
    w.controller.goto(i)
    qtbot.keyClick(w.view, K.Key_R)
    assert w.raw_dock.isVisible()
    unit = s.unit_of(s.items[i])
    left_raw = w.raw.sides[0][1].toPlainText()
    if unit.left_raw is not None:
        a, b = unit.left_raw
        assert left_raw == s.alignment.left.text[a:b]
    else:
        assert left_raw == unit.left
    qtbot.keyClick(w.view, K.Key_R)
    assert not w.raw_dock.isVisible()


def test_clicking_a_reading_chooses_it(sample_window: MainWindow, qtbot) -> None:
    w, s = sample_window, sample_window.controller.session
    assert s is not None
    i = next(
        n
        for n, it in enumerate(s.items)
        if it.kind == "unit" and s.unit_of(it).left is not None and s.unit_of(it).one_sided
    )
    row = w.model.row_of_item(i)
    w.view.scrollTo(w.model.index(row, LEFT))
    rect = w.view.visualRect(w.model.index(row, LEFT))
    badge = w.view.pdelegate.small.pointSizeF() * 2.0
    at = rect.topLeft() + QPoint(int(PAD_X + BAR + 6), int(PAD_Y + badge + 8))
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    d = s.decision(s.items[i].key)
    assert d is not None and d.choice == "left"  # the side that has it: kept


def test_cheat_sheet_lists_the_keys(sample_window: MainWindow, qtbot) -> None:
    qtbot.keyClick(sample_window.view, K.Key_Question)
    sheet = sample_window.cheat_sheet
    assert sheet is not None and sheet.isVisible()
    assert "Take left" in sheet.findChild(type(sheet.children()[-1])).toPlainText()


def test_bad_input_shows_a_message_not_a_traceback(tmp_path: Path, qtbot) -> None:
    from reviewer.ui import app as app_mod

    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "good.txt"
    good.write_text("正文。\n", encoding="utf-8")
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(controller.failed, timeout=30_000) as blocker:
        app_mod.open_files(controller, [str(bad), str(good)])
    message = blocker.args[0]
    assert str(bad) in message and "binary" in message
    box = window.message_box
    assert box is not None and box.isVisible() and str(bad) in box.text()
    assert str(bad) in window.statusBar().currentMessage()
    box.close()
