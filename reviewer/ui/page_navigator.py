"""The page navigator dock: every page of the corpus, its articles and conflicts left.

A table model over plain page entries (no alignment is ever decoded here), sortable through
a proxy, with a filter for pages that still have conflicts. Pages still being aligned are
listed greyed out and become openable as soon as their alignment is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui import theme

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("PageTableModel", "Page"),
    QT_TRANSLATE_NOOP("PageTableModel", "Articles"),
    QT_TRANSLATE_NOOP("PageTableModel", "Conflicts left"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class PageEntry:
    page: str
    articles: int = 0
    conflicts_left: int = 0
    items_left: int = 0
    ready: bool = False  # aligned and current: it can be opened
    error: str | None = None


class PageTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[PageEntry] = []
        self._row: dict[str, int] = {}
        self.current: str | None = None  # the open page, drawn bold

    def set_entries(self, entries: list[PageEntry]) -> None:
        self.beginResetModel()
        self.entries = sorted(entries, key=lambda e: e.page)
        self._row = {e.page: i for i, e in enumerate(self.entries)}
        self.endResetModel()

    def entry(self, page: str) -> PageEntry | None:
        row = self._row.get(page)
        return self.entries[row] if row is not None else None

    def update(self, page: str, **changes: Any) -> None:
        row = self._row.get(page)
        if row is None:
            return
        self.entries[row] = replace(self.entries[row], **changes)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_current(self, page: str | None) -> None:
        old, self.current = self.current, page
        for p in (old, page):
            if p is not None and p in self._row:
                self.update(p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        e, col = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return e.page
            if e.error:
                return self.tr("failed") if col == 2 else ""
            if not e.ready:
                return self.tr("aligning…") if col == 2 else ""
            return str(e.articles if col == 1 else e.conflicts_left)
        if role == SORT_ROLE:
            return (e.page, e.articles, e.conflicts_left)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (not e.ready or e.error):
            return theme.current().muted
        if role == Qt.ItemDataRole.FontRole and e.page == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and e.error:
            return e.error
        return None

    # --- corpus-wide figures -----------------------------------------------------------------
    def totals(self) -> dict[str, int]:
        ready = [e for e in self.entries if e.ready]
        return {
            "pages": len(self.entries),
            "ready": len(ready),
            "articles": sum(e.articles for e in ready),
            "conflicts_left": sum(e.conflicts_left for e in ready),
            "pages_left": sum(1 for e in ready if e.conflicts_left),
            "failed": sum(1 for e in self.entries if e.error),
        }

    def next_with_work(self, page: str | None, delta: int) -> str | None:
        """The next (+1) or previous (-1) ready page with conflicts left, in page order."""
        n = len(self.entries)
        start = self._row.get(page, -1 if delta > 0 else n) if page else (-1 if delta > 0 else n)
        i = start + delta
        while 0 <= i < n:
            e = self.entries[i]
            if e.ready and e.conflicts_left:
                return e.page
            i += delta
        return None


class _WorkLeftFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.only_work = False
        self.setSortRole(SORT_ROLE)

    def set_only_work(self, on: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self.only_work = on
            self.endFilterChange()
        else:
            self.only_work = on
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.only_work:
            return True
        e = self.sourceModel().entries[row]  # type: ignore[attr-defined]
        return not e.ready or e.conflicts_left > 0


class PageNavigator(QWidget):
    """The dock's contents: progress of the pre-alignment, the filter, the page table."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_navigator")
        self.model = PageTableModel()
        self.proxy = _WorkLeftFilter()
        self.proxy.setSourceModel(self.model)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.progress = QProgressBar()
        self.progress.setObjectName("corpus_progress")
        self.progress.setTextVisible(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("corpus_progress_label")
        self.work_only = QCheckBox(self.tr("Only pages with conflicts left"))
        self.work_only.setObjectName("pages_with_work")
        self.work_only.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.work_only.toggled.connect(self.proxy.set_only_work)
        self.table = QTableView()
        self.table.setObjectName("page_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._pick)
        self.table.clicked.connect(self._pick)
        for w in (self.progress, self.progress_label, self.work_only):
            lay.addWidget(w)
        lay.addWidget(self.table, 1)

    def _pick(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.proxy.mapToSource(index).row()
            self.picked.emit(self.model.entries[row].page)

    def show_page(self, page: str) -> None:
        """Mark the open page and scroll it into view."""
        self.model.set_current(page)
        row = self.model._row.get(page)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.scrollTo(index)
