"""Resolve the whole sample with key presses only, on the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.review import bulk
from reviewer.ui.main_window import MainWindow
from reviewer.ui.parallel_model import MERGED
from reviewer.ui.settle import status_text

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def merged_text(window: MainWindow, item_index: int) -> str | None:
    """What the merged column of the window shows for the unit of an item."""
    row = window.model.row_of_item(item_index)
    return window.model.index(row, MERGED).data()


def test_resolve_everything_with_keys_then_undo_and_redo(sample_window: MainWindow, qtbot) -> None:
    w, s, view = sample_window, sample_window.controller.session, sample_window.view
    assert s is not None
    total = s.status().total
    assert total > 20
    st = s.status()
    assert w.resolved_label.text() == status_text(st)
    assert (
        w.resolved_label.text()
        == f"{st.conflicts} conflicts left · {st.triage} triage, defaults apply"
    )
    # Conflicts cycle through 1 / 2 / 3 / 4 / Ctrl+1 / Left; one-sided units keep / drop.
    conflict_keys = [
        (K.Key_1, Qt.KeyboardModifier.NoModifier, "left"),
        (K.Key_2, Qt.KeyboardModifier.NoModifier, "right"),
        (K.Key_3, Qt.KeyboardModifier.NoModifier, "both"),
        (K.Key_4, Qt.KeyboardModifier.NoModifier, "both_rl"),
        (K.Key_1, CTRL, "left"),
        (K.Key_Right, Qt.KeyboardModifier.NoModifier, "right"),
    ]
    unit_keys = [(K.Key_Space, "keep"), (K.Key_X, "drop")]
    expected: dict[str, str] = {}
    steps: list[list[str]] = []  # the item keys each key press decided
    while s.status().remaining:
        item = s.current
        assert item is not None and not s.is_resolved(item)  # auto-advance to unresolved
        if item.kind == "conflict":
            key, mod, choice = conflict_keys[len(steps) % len(conflict_keys)]
            qtbot.keyClick(view, key, mod)
            keys = [item.key]
        else:
            key, choice = unit_keys[len(steps) % 2]
            whole = bulk.is_title_row(s, item)  # Space/x there settle the whole article
            qtbot.keyClick(view, key)
            art = item.article_index
            keys = [it.key for it in s.items if whole and it.article_index == art and it.triage]
            keys = keys or [item.key]
        expected.update(dict.fromkeys(keys, choice))
        steps.append(keys)
        assert s.status().resolved == len(expected)
        assert w.resolved_label.text() == status_text(s.status())
        assert len(steps) <= total
    assert len(expected) == total and len(steps) < total  # whole articles took one key each
    assert {k: s.decision(k).choice for k in expected} == expected
    assert w.list_dock.windowTitle() == f"Conflicts — 0 unresolved of {total}"
    assert w.resolved_label.text() == "All settled · Ctrl+E exports"
    box = w.message_box  # the window says so, and offers the export
    assert box is not None and box.objectName() == "settled_box" and box.isVisible()
    qtbot.keyClick(box, K.Key_Escape)
    assert not box.isVisible()

    # Undo three decisions (z, z, Ctrl+Z), then redo them (Shift+Z, Ctrl+Shift+Z, Shift+Z).
    last = [k for st in steps[-3:] for k in st]
    qtbot.keyClick(view, K.Key_Z)
    qtbot.keyClick(view, K.Key_Z)
    qtbot.keyClick(view, K.Key_Z, CTRL)
    assert s.status().resolved == total - len(last)
    assert w.resolved_label.text() == status_text(s.status())
    assert all(s.decision(k) is None for k in last)
    assert s.current is not None and s.current.key in steps[-3]  # the cursor follows the undo
    qtbot.keyClick(view, K.Key_Z, SHIFT)
    qtbot.keyClick(view, K.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(view, K.Key_Z, SHIFT)
    assert s.status().resolved == total
    assert {k: s.decision(k).choice for k in last} == {k: expected[k] for k in last}

    # The merged column shows the chosen readings.
    checked = set()
    for i, item in enumerate(s.items):
        unit = s.unit_of(item)
        choice = expected[item.key]
        if item.kind == "unit" and unit.one_sided:
            present = unit.left if unit.left is not None else unit.right
            assert merged_text(w, i) == (present if choice == "keep" else None)
            checked.add(choice)
        elif item.kind == "conflict" and len(unit.conflicts) == 1:
            c = unit.conflicts[0]
            assert unit.left is not None and unit.right is not None
            head, tail = unit.left[: c.left_start], unit.left[c.left_end :]
            want = {
                "left": unit.left,
                "right": unit.right,
                "both": head + c.left + c.right + tail,
                "both_rl": head + c.right + c.left + tail,
            }[choice]
            assert merged_text(w, i) == want, (choice, unit.id)
            checked.add(choice)
    assert {"keep", "drop", "left", "right"} <= checked


def test_navigation_keys(sample_window: MainWindow, qtbot) -> None:
    s, view = sample_window.controller.session, sample_window.view
    assert s is not None
    conflicts = [i for i, it in enumerate(s.items) if not it.triage]
    assert s.cursor == conflicts[0]  # the review starts on the first word conflict
    qtbot.keyClick(view, K.Key_J)
    qtbot.keyClick(view, K.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert s.cursor == conflicts[2]  # j skips triage items
    qtbot.keyClick(view, K.Key_K)
    assert s.cursor == conflicts[1]
    qtbot.keyClick(view, K.Key_BracketRight)
    assert s.current is not None and s.current.article_index == 1
    assert sample_window.article_label.text() == f"Article 2 of {s.status().article_count}"
    qtbot.keyClick(view, K.Key_BracketLeft)
    assert s.current.article_index == 0
    # n skips decided items.
    qtbot.keyClick(view, K.Key_1)  # decides item 0... wherever the cursor is, then advances
    decided = next(k for k in s.decisions)
    qtbot.keyClick(view, K.Key_N, SHIFT)
    assert s.current is not None and s.current.key != decided
    qtbot.keyClick(view, K.Key_PageDown, CTRL | SHIFT)
    assert s.current is not None and not s.is_resolved(s.current)
    # The conflict list follows the cursor.
    assert sample_window.conflicts.list_model.cursor == s.cursor
