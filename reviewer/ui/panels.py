"""Small widgets around the parallel view: the find bar, the raw-source pane, the cheat sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.model import Conflict, Unit
from reviewer.core.review.describe import raw_span
from reviewer.core.review.session import ReviewSession
from reviewer.ui import theme
from reviewer.ui.actions import cheat_sheet_html
from reviewer.ui.parallel_model import source_label


class FindBar(QWidget):
    """Ctrl+F: type, Enter finds the next unit containing the text, Esc closes."""

    find = Signal(str, int)  # needle, direction
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("find_edit")
        self.edit.setPlaceholderText(
            self.tr("Find in both versions — Enter: next, Shift+Enter: previous")
        )
        self.result = QLabel(self)
        close = QPushButton(self.tr("Close"), self)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.close_bar)
        lay.addWidget(QLabel(self.tr("Find:"), self))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.result)
        lay.addWidget(close)
        self.edit.installEventFilter(self)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def eventFilter(self, obj: object, event: object) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                if self.edit.text():
                    self.find.emit(self.edit.text(), -1 if back else 1)
                return True
        return False


class RawPane(QWidget):
    """The raw source of the current unit, exactly as extracted (lines, wraps and all), with
    the current conflict's readings marked. Long lines wrap: the span must be seen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("raw_pane")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.sides: list[tuple[QLabel, QPlainTextEdit]] = []
        self.marked: dict[str, tuple[int, int] | None] = {}  # side -> span in the shown text
        for name in ("left", "right"):
            col = QVBoxLayout()
            label = QLabel(self)
            text = QPlainTextEdit(self)
            text.setObjectName(f"raw_{name}")
            text.setReadOnly(True)
            text.setFont(theme.text_font(1.0))
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            col.addWidget(label)
            col.addWidget(text, 1)
            lay.addLayout(col, 1)
            self.sides.append((label, text))

    def show_unit(
        self, session: ReviewSession, unit: Unit | None, conflict: Conflict | None = None
    ) -> None:
        sources = (session.alignment.left, session.alignment.right)
        self.marked = {}
        for (label, text), side, src in zip(self.sides, ("left", "right"), sources):
            name = source_label(src.path)
            span = unit.raw(side) if unit is not None else None
            text.setExtraSelections([])
            if unit is None:
                label.setText(name)
                text.setPlainText("")
            elif unit.text(side) is None:
                label.setText(self.tr("{name}: not in this version").format(name=name))
                text.setPlainText("")
            elif span is None:
                label.setText(
                    self.tr("{name}: the engine gave no raw offsets for this unit").format(
                        name=name
                    )
                )
                text.setPlainText(unit.text(side) or "")
            else:
                start, end = span
                line = src.text.count("\n", 0, start) + 1
                label.setText(
                    self.tr("{name}: line {line}, characters {start}–{end}").format(
                        name=name, line=line, start=start, end=end
                    )
                )
                text.setPlainText(src.text[start:end])
                if conflict is not None:
                    self._mark(text, side, src.text[start:end], unit, conflict)

    def _mark(self, edit: QPlainTextEdit, side: str, raw: str, unit: Unit, c: Conflict) -> None:
        lo, hi = (c.left_start, c.left_end) if side == "left" else (c.right_start, c.right_end)
        found = raw_span(raw, unit.text(side) or "", lo, hi)  # type: ignore[arg-type]
        self.marked[side] = found
        if found is None:
            return
        cur = edit.textCursor()
        cur.setPosition(found[0])
        cur.setPosition(max(found[1], found[0] + 1), QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cur
        sel.format.setBackground(theme.current().mark(side))
        sel.format.setFontUnderline(True)
        edit.setExtraSelections([sel])
        caret = edit.textCursor()
        caret.setPosition(found[0])
        edit.setTextCursor(caret)
        edit.centerCursor()


class CheatSheet(QDialog):
    """``?``: every action with its keys, generated from the action table."""

    def __init__(self, html: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cheat_sheet")
        self.setWindowTitle(self.tr("Keyboard cheat sheet"))
        lay = QVBoxLayout(self)
        browser = QTextBrowser(self)
        browser.setObjectName("cheat_sheet_text")
        browser.setHtml(html or cheat_sheet_html())
        lay.addWidget(browser)
        self.resize(560, 680)
