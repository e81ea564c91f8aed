"""Every user-visible string literal in reviewer/ui goes through Qt's translation system.

An AST scan: a string with letters in it, passed to something that puts text on screen (a
widget constructor, setText, showMessage, a message box, a file dialog's caption, a status
signal...) or returned as a model's display data, must sit inside ``tr()``,
``QCoreApplication.translate()`` or ``QT_TR_NOOP``/``QT_TRANSLATE_NOOP``. Action labels and
menu titles in command_table.py must be marked with ``QT_TR_NOOP``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "reviewer" / "ui"
MARKERS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
# Calls whose arguments end up on screen.
SINK_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "showMessage", "setInformativeText", "setDetailedText",
    "addButton", "addAction", "addMenu", "setTitle", "setHtml", "setLabelText",
    "information", "warning", "critical", "question", "about",
    "getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory",
    "emit", "setHeaderData", "setTabText", "setItemText", "addItem", "setPlainText",
}  # fmt: skip
SINK_CLASSES = {
    "QAction", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QDockWidget", "QMessageBox", "QMenu", "QLineEdit", "CheatSheet",
}  # fmt: skip
DISPLAY_METHODS = {"data", "headerData"}  # model methods: their returned strings are shown
LETTERS = re.compile(r"[A-Za-z]{2,}")
# Literals with letters that are not prose: object names, HTML/CSS bits, key names.
NOT_PROSE = re.compile(r"^(<[^>]*>|[a-z_]+|Ctrl\+\w|color:\w*)$")
GLOB = re.compile(r"\*\.\w+")  # file-name patterns in a file dialog's filter


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _bare_literals(node: ast.AST) -> list[ast.AST]:
    """String literals with words in ``node`` that are not inside a translation call."""
    if isinstance(node, ast.Call) and _name(node.func) in MARKERS:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = GLOB.sub("", node.value).strip()
        return [node] if LETTERS.search(text) and not NOT_PROSE.match(text) else []
    if isinstance(node, ast.JoinedStr):
        parts = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if LETTERS.search(GLOB.sub("", re.sub(r"<[^>]*>", "", parts))):
            return [node]
    found: list[ast.AST] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Constant) and isinstance(node, ast.JoinedStr):
            continue
        found.extend(_bare_literals(child))
    return found


def unmarked(source: str, filename: str = "<string>") -> list[str]:
    """``file:line: text`` for each user-visible literal not marked for translation."""
    tree = ast.parse(source, filename)
    problems: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in ("_", "_tr", "_translate"):  # helpers lupdate cannot see into
                problems.extend(
                    a for a in node.args if isinstance(a, (ast.Constant, ast.JoinedStr))
                )
            if name in SINK_METHODS or name in SINK_CLASSES:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    problems.extend(_bare_literals(arg))
        elif isinstance(node, ast.FunctionDef) and node.name in DISPLAY_METHODS:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return) and sub.value is not None:
                    problems.extend(_bare_literals(sub.value))
    return sorted(
        {f"{filename}:{n.lineno}: {ast.unparse(n)[:70]}" for n in problems}  # type: ignore[attr-defined]
    )


def test_every_visible_literal_in_the_ui_is_marked_for_translation() -> None:
    problems = [p for f in sorted(UI.glob("*.py")) for p in unmarked(f.read_text("utf-8"), f.name)]
    assert problems == [], "wrap these in self.tr()/QCoreApplication.translate():\n" + "\n".join(
        problems
    )


def test_the_scan_catches_what_it_should() -> None:
    bad = """
label.setText("Hello there")
box = QMessageBox(icon, "Cannot open", message)
self.statusBar().showMessage(f"Wrote {n} articles")
self.message.emit("Nothing " + what)
warnings.append(_tr("not seen by lupdate"))
class M:
    def headerData(self, section, o, role):
        return "Merged result"
"""
    assert len(unmarked(bad)) == 6
    good = """
label.setText(self.tr("Hello there"))
box = QMessageBox(icon, QCoreApplication.translate("Ctx", "Cannot open"), message)
self.statusBar().showMessage(self.tr("Wrote %n article(s)", "", n))
label.setText(f"◧ {names[0]}   ◨ {names[1]}")
w.setObjectName("find_bar")
"""
    assert unmarked(good) == []


def test_action_labels_and_menus_are_marked() -> None:
    tree = ast.parse((UI / "command_table.py").read_text("utf-8"))
    labels = menus = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) == "ActionSpec":
            label = node.args[1]
            assert isinstance(label, ast.Call) and _name(label.func) == "QT_TR_NOOP", (
                f"command_table.py:{node.lineno}: wrap the label in QT_TR_NOOP(...)"
            )
            labels += 1
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MENUS":
            for elt in node.value.elts:  # type: ignore[attr-defined]
                assert isinstance(elt, ast.Call) and _name(elt.func) == "QT_TR_NOOP"
                menus += 1
    from reviewer.ui.command_table import ACTIONS, MENUS

    assert labels == len(ACTIONS) and menus == len(MENUS)
