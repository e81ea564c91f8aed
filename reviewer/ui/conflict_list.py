"""The conflict list: every review item with its state, optionally unresolved only.

A flat list model over ``session.items``. Filtering keeps a sorted list of item indices and
updates it row by row, so a decision costs one row removal, not a re-filter of everything.
"""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from reviewer.core.review.session import ReviewSession
from reviewer.ui import theme
from reviewer.ui.cell_content import role_word, state_word

Index = QModelIndex | QPersistentModelIndex
# What the list shows (the English word is the key; kind_text() shows it translated).
KINDS = (
    QT_TRANSLATE_NOOP("ConflictListModel", "all items"),
    QT_TRANSLATE_NOOP("ConflictListModel", "conflicts"),
    QT_TRANSLATE_NOOP("ConflictListModel", "triage"),
)


def kind_text(kind: str) -> str:
    """One of ``KINDS`` in the UI language."""
    return QCoreApplication.translate("ConflictListModel", kind)


def _short(text: str | None, n: int = 14) -> str:
    if text is None:
        return "∅"
    text = text.replace("\n", " ")
    return "“" + (text if len(text) <= n else text[: n - 1] + "…") + "”"


class ConflictListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.session: ReviewSession | None = None
        self.unresolved_only = False
        self.kind = "all items"  # or "conflicts" / "triage"
        self.shown: list[int] = []  # item indices, ascending
        self.cursor = -1  # the session's cursor, painted as the current row
        self._text: dict[int, str] = {}  # display strings, rebuilt only when an item changes
        self.theme = theme.current()
        self.row_size = QSize(-1, 24)

    def set_session(self, session: ReviewSession | None) -> None:
        self.beginResetModel()
        self.session = session
        self.theme = theme.current()
        self._text.clear()
        self.cursor = session.cursor if session is not None else -1
        self._rebuild()
        self.endResetModel()

    def set_cursor(self, item_index: int) -> None:
        """Move the current-row mark: repaints two rows, no selection machinery."""
        old, self.cursor = self.cursor, item_index
        for i in (old, item_index):
            row = self.row_of(i)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))

    def set_unresolved_only(self, on: bool) -> None:
        self.beginResetModel()
        self.unresolved_only = on
        self._rebuild()
        self.endResetModel()

    def cycle_kind(self) -> str:
        """All items → conflicts only → triage only → all items."""
        order = KINDS
        self.beginResetModel()
        self.kind = order[(order.index(self.kind) + 1) % len(order)]
        self._rebuild()
        self.endResetModel()
        return self.kind

    def _wanted(self, s: ReviewSession, i: int) -> bool:
        it = s.items[i]
        if self.unresolved_only and s.is_resolved(it):
            return False
        return self.kind == "all items" or it.triage == (self.kind == "triage")

    def _rebuild(self) -> None:
        s = self.session
        if s is None:
            self.shown = []
        elif self.unresolved_only or self.kind != "all items":
            self.shown = [i for i in range(len(s.items)) if self._wanted(s, i)]
        else:
            self.shown = list(range(len(s.items)))

    def row_of(self, item_index: int) -> int | None:
        i = bisect.bisect_left(self.shown, item_index)
        return i if i < len(self.shown) and self.shown[i] == item_index else None

    def item_changed(self, item_index: int) -> None:
        """Its decision changed: repaint it, or add/remove it under the filter."""
        s = self.session
        if s is None:
            return
        self._text.pop(item_index, None)
        row = self.row_of(item_index)
        wanted = self._wanted(s, item_index)
        if row is not None and wanted:
            self.dataChanged.emit(self.index(row), self.index(row))
        elif row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.shown[row]
            self.endRemoveRows()
        elif wanted:
            at = bisect.bisect_left(self.shown, item_index)
            self.beginInsertRows(QModelIndex(), at, at)
            self.shown.insert(at, item_index)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index: Index, role: int = 0) -> Any:
        s = self.session
        if s is None or not index.isValid():
            return None
        i = self.shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text.get(i)
            if text is None:
                text = self._text[i] = self._describe(s, i)
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            d = s.settled_by(s.items[i])
            t = self.theme
            if i == self.cursor:
                return QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
            if d is None:
                return t.text
            return {"left": t.left, "right": t.right, "edit": t.edit}.get(d.choice, t.muted)
        if role == Qt.ItemDataRole.BackgroundRole and i == self.cursor:
            return QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.row_size  # uniform rows: asked once; CJK needs more than the default
        if role == Qt.ItemDataRole.UserRole:
            return i
        return None

    @staticmethod
    def _describe(s: ReviewSession, i: int) -> str:
        item = s.items[i]
        d = s.settled_by(item)
        unit = s.unit_of(item)
        state = state_word(d.choice if d else None)
        where = f"{item.article_index + 1}.{item.unit_index + 1}"
        c = s.conflict_of(item)
        if c is not None:
            what = f"{_short(c.left)} ↔ {_short(c.right)}"
            if c.suggestion is not None:  # the suggested side and how sure, before it is cut
                pick = (
                    ConflictListModel.tr("L")
                    if c.suggestion.pick == "left"
                    else ConflictListModel.tr("R")
                )
                what = f"→{pick} {c.suggestion.confidence:.2f}  {what}"
        elif unit.one_sided:
            side = "left" if unit.left is not None else "right"
            what = ConflictListModel.tr("only {side}: {text}").format(
                side=state_word(side), text=_short(unit.text(side), 18)
            )
        else:
            role = ConflictListModel.tr("duplicate") if unit.duplicate_of else role_word(unit.role)
            what = f"{role}: {_short(unit.left)}"
        return f"{i + 1:>4}  [{state}]  ¶{where}  {what}"


class ConflictList(QTreeView):
    """The dock's view (a flat tree: it repaints only changed rows, where QListView relayouts
    everything); emits the item index the user picked.

    The session's cursor is painted by the model (no selection model involved): selecting
    programmatically costs milliseconds per move on thousands of rows.
    """

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_list")
        self.list_model = ConflictListModel()
        self.setModel(self.list_model)
        self.setUniformRowHeights(True)  # fast on tens of thousands of rows
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = theme.text_font(0.95)
        self.setFont(font)
        self.list_model.row_size = QSize(-1, int(QFontMetrics(font).height() * 1.45))
        self.clicked.connect(self._pick)
        self.activated.connect(self._pick)
        self.selectionModel().currentChanged.connect(self._on_current)

    def _pick(self, index: QModelIndex) -> None:
        if index.isValid():
            self.picked.emit(self.list_model.shown[index.row()])

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Arrow keys inside the list move the review cursor too.
        if self.hasFocus() and current.isValid():
            self._pick(current)

    def show_item(self, item_index: int) -> None:
        """Mark the session's cursor and scroll it into view."""
        self.list_model.set_cursor(item_index)
        row = self.list_model.row_of(item_index)
        if row is None:
            return
        index = self.list_model.index(row)
        r = self.visualRect(index)  # may be wider than the viewport: compare heights only
        if r.top() < 0 or r.bottom() > self.viewport().height():
            # Centre rather than creep: the next moves then need no scroll (no full repaint).
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.PaletteChange:  # the system switched light/dark
            self.list_model.theme = theme.current()
            self.viewport().update()
        super().changeEvent(e)
