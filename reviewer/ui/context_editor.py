"""The in-context editor (``e``): the whole merged paragraph, the current conflict selected.

Enter commits, Shift+Enter breaks the paragraph (the unit is split there when committed),
Esc cancels (the delegate closes the editor), Tab swaps the selected reading for the other
version's. A hint line under the text says so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from reviewer.core.review.unit_edit import EditContext

HINT_HEIGHT = 40  # room for the hint: two short lines


class ContextEditor(QPlainTextEdit):
    commit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(False)
        self.setAutoFillBackground(True)  # the cell painted under it must not show through
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._readings: tuple[str, str] = ("", "")  # (in place, the other) of the conflict
        self._span: QTextCursor | None = None  # the conflict's reading, kept through edits
        self.hint = QLabel(self)
        self.hint.setObjectName("context_editor_hint")
        self.hint.setWordWrap(True)
        self.hint.setAutoFillBackground(True)
        self.hint.setStyleSheet("color: palette(placeholder-text); padding: 2px 6px;")
        font = self.hint.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.hint.setFont(font)

    def load(self, ctx: EditContext) -> None:
        """Show the unit's merged text with the conflict's reading selected."""
        self.setPlainText(ctx.text)
        cur = self.textCursor()
        cur.setPosition(ctx.start)
        cur.setPosition(ctx.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self._span = QTextCursor(cur)
        self._readings = (ctx.text[ctx.start : ctx.end], ctx.other)
        swap = ctx.other != self._readings[0] and (ctx.other or self._readings[0])
        parts = [self.tr("Enter: save"), self.tr("Shift+Enter: new paragraph")]
        if swap:
            other = ctx.other if len(ctx.other) <= 12 else ctx.other[:11] + "…"
            parts.append(self.tr("Tab: other reading 「{other}」").format(other=other))
        parts.append(self.tr("Esc: cancel"))
        self.hint.setText(" · ".join(parts))
        self.resizeEvent(QResizeEvent(self.size(), self.size()))  # the hint's height
        self.centerCursor()

    def swap_reading(self) -> bool:
        """Put the conflict's other reading in place of the one there, selected."""
        span = self._span
        here, other = self._readings
        if span is None or here == other or span.selectedText() != here:
            return False
        start = span.selectionStart()
        span.insertText(other)
        span.setPosition(start)
        span.setPosition(start + len(other), QTextCursor.MoveMode.KeepAnchor)
        self._readings = (other, here)
        self.setTextCursor(QTextCursor(span))
        return True

    def keyPressEvent(self, e: QKeyEvent) -> None:
        enter = e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.textCursor().insertText("\n")  # a paragraph break, not a line separator
            return
        if enter:
            self.commit.emit()
            return
        super().keyPressEvent(e)

    def event(self, e: QEvent) -> bool:
        # Tab would move focus (or the item delegate would take it): here it swaps readings.
        if is_swap_key(self, e):
            self.swap_reading()
            return True
        return super().event(e)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        r = self.contentsRect()
        h = max(self.hint.heightForWidth(r.width()), self.hint.sizeHint().height())
        self.setViewportMargins(0, 0, 0, h)
        self.hint.setGeometry(r.left(), r.bottom() - h + 1, r.width(), h)


def is_swap_key(obj: QObject, event: QEvent) -> bool:
    """Tab pressed in a context editor (the delegate's event filter must let it through)."""
    return (
        isinstance(obj, ContextEditor)
        and event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Tab
        and not event.modifiers()
    )
