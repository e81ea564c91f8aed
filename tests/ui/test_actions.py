"""The action table: keys parse, none is bound twice, menus and cheat sheet come from it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QKeySequence

from reviewer.ui.actions import cheat_sheet_html
from reviewer.ui.command_table import ACTIONS, ActionId
from reviewer.ui.controller import ReviewController
from reviewer.ui.keymap import duplicate_keys, effective_keys, keys_file, load_key_overrides
from reviewer.ui.main_window import MainWindow


def test_every_key_parses_and_none_is_bound_twice() -> None:
    for spec in ACTIONS:
        for key in spec.keys:
            seq = QKeySequence(key)
            assert not seq.isEmpty() and seq.count() == 1, (spec.id, key)
            assert seq.toString() != "", (spec.id, key)
    assert duplicate_keys(effective_keys()) == {}


def test_ux_key_map_defaults() -> None:
    keys = effective_keys()
    expect = {
        ActionId.NEXT_CONFLICT: {"J", "Alt+Down"},
        ActionId.PREV_CONFLICT: {"K", "Alt+Up"},
        ActionId.NEXT_UNRESOLVED: {"N", "Ctrl+Shift+PgDown"},
        ActionId.PREV_UNRESOLVED: {"Shift+N", "Ctrl+Shift+PgUp"},
        ActionId.TAKE_LEFT: {"1", "Left", "Ctrl+1"},
        ActionId.TAKE_RIGHT: {"2", "Right", "Ctrl+2"},
        ActionId.TAKE_BOTH: {"3"},
        ActionId.TAKE_BOTH_RL: {"4"},
        ActionId.EDIT: {"E"},
        ActionId.DROP: {"X"},
        ActionId.UNDO: {"Z", "Ctrl+Z"},
        ActionId.REDO: {"Shift+Z", "Ctrl+Shift+Z"},
        ActionId.NEXT_ARTICLE: {"]"},
        ActionId.PREV_ARTICLE: {"["},
        ActionId.FILTER_UNRESOLVED: {"U"},
        ActionId.FIND: {"Ctrl+F"},
        ActionId.EXPORT: {"Ctrl+E"},
        ActionId.OPEN: {"Ctrl+O"},
        ActionId.QUIT: {"Ctrl+Q"},
    }
    for action, wanted in expect.items():
        assert wanted <= set(keys[action]), action
    assert "?" in keys[ActionId.CHEAT_SHEET]


def test_menus_and_cheat_sheet_list_every_action(qtbot) -> None:
    window = MainWindow(ReviewController())
    qtbot.addWidget(window)
    in_menus = {a.objectName() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert in_menus == {spec.id.value for spec in ACTIONS}
    html = cheat_sheet_html()
    for spec in ACTIONS:
        assert spec.label.replace("&", "") in html
        act = window.actions[spec.id]
        assert [s.toString() for s in act.shortcuts()] == [
            QKeySequence(k).toString() for k in spec.keys
        ]
        # A held key must not decide twenty things.
        assert act.autoRepeat() == (not spec.review)


def test_keys_are_rebindable_from_the_settings_file(private_home: Path, qtbot) -> None:
    path = keys_file()
    assert str(path).startswith(str(private_home))
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"TAKE_LEFT": ["H", "1"], "bogus": ["Q"]}), encoding="utf-8")
    overrides, warnings = load_key_overrides()
    assert overrides == {ActionId.TAKE_LEFT: ("H", "1")}
    assert len(warnings) == 1 and "bogus" in warnings[0]
    window = MainWindow(ReviewController())
    qtbot.addWidget(window)
    shortcuts = [s.toString() for s in window.actions[ActionId.TAKE_LEFT].shortcuts()]
    assert shortcuts == ["H", "1"]


def test_a_broken_settings_file_is_ignored(private_home: Path) -> None:
    path = keys_file()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    overrides, warnings = load_key_overrides()
    assert overrides == {} and warnings
