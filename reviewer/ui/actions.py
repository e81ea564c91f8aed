"""The commands of ``command_table`` made into QActions, menus and the ``?`` cheat sheet."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

from reviewer.ui.command_table import ACTIONS, MENUS, ActionId, ActionSpec
from reviewer.ui.keymap import effective_keys, keys_file


def build_actions(
    parent: QObject,
    targets: Iterable[object],
    overrides: dict[ActionId, tuple[str, ...]] | None = None,
) -> dict[ActionId, QAction]:
    """One QAction per spec, wired to the first target that has the handler method."""
    targets = list(targets)
    keys = effective_keys(overrides)
    actions: dict[ActionId, QAction] = {}
    for spec in ACTIONS:
        act = QAction(label_text(spec), parent)
        act.setObjectName(spec.id.value)
        act.setShortcuts([QKeySequence(k) for k in keys[spec.id]])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setCheckable(spec.checkable)
        if spec.review:
            act.setAutoRepeat(False)
        handler = _resolve(targets, spec.handler)
        if spec.checkable:
            act.toggled.connect(handler)
        else:
            act.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.id] = act
    return actions


def _resolve(targets: list[object], name: str) -> Callable[..., object]:
    for t in targets:
        h = getattr(t, name, None)
        if callable(h):
            return h
    raise AttributeError(f"no handler {name!r} on {targets}")


def label_text(spec: ActionSpec) -> str:
    """The action's label in the UI language."""
    return QCoreApplication.translate("", spec.label)


def menu_text(menu: str) -> str:
    """A menu title (one of ``MENUS``) in the UI language."""
    return QCoreApplication.translate("", menu)


def fill_menus(menubar: QMenuBar, actions: dict[ActionId, QAction]) -> None:
    menus = {title: menubar.addMenu(menu_text(title)) for title in MENUS}
    for spec in ACTIONS:
        menus[spec.menu].addAction(actions[spec.id])


def _key_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def cheat_sheet_html(keys: dict[ActionId, tuple[str, ...]] | None = None) -> str:
    """The ``?`` cheat sheet: every action and its keys, grouped by menu."""
    keys = keys or effective_keys()
    rows: list[str] = []
    for menu in MENUS:
        title = escape(_plain(menu_text(menu)))
        rows.append(f"<tr><th colspan=2 align=left><br>{title}</th></tr>")
        for spec in ACTIONS:
            if spec.menu != menu:
                continue
            shown = " · ".join(f"<b>{escape(_key_text(k))}</b>" for k in keys[spec.id])
            label = escape(_plain(label_text(spec)))
            rows.append(f"<tr><td>{label}</td><td>&nbsp;&nbsp;{shown or '—'}</td></tr>")
    intro = QCoreApplication.translate(
        "CheatSheet",
        "Bare keys work whenever no text field has focus. After a decision the cursor "
        "moves to the next unresolved item.",
    )
    rebind = QCoreApplication.translate("CheatSheet", "Rebind keys in {file}.").format(
        file=f"<code>{escape(str(keys_file()))}</code>"
    )
    return f"<p>{escape(intro)}</p><table>" + "".join(rows) + f"</table><p>{rebind}</p>"


def _plain(label: str) -> str:
    """A label without its mnemonic: "&Open…" and the Chinese "打开(&O)…" both become plain."""
    return re.sub(r"\(&\w\)", "", label).replace("&", "")
