"""The aligned rows as a table model: article headers, then one row per unit.

Columns: left reading | right reading | merged result.

The model is an index over the session's alignment; it stores no decisions. Views ask the
session for the state of a row whenever they paint it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.core.model import Alignment, Article, Unit
from reviewer.core.review.session import ReviewSession
from reviewer.ui.merged_view import MergedCell, merged_spans

LEFT, RIGHT, MERGED = 0, 1, 2
SIDES = ("left", "right")
Index = QModelIndex | QPersistentModelIndex


def source_label(path: str) -> str:
    """A short name for a source: the file name without its folders."""
    return Path(path).name if path else "?"


class ParallelModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.session: ReviewSession | None = None
        self.alignment: Alignment | None = None  # the one the rows were made for
        self.rows: list[tuple[int, int]] = []  # (article index, unit index); unit -1: header
        self.row_of_unit: dict[tuple[int, int], int] = {}
        self.header_rows: list[int] = []
        self.names = (self.tr("left"), self.tr("right"))

    def set_session(self, session: ReviewSession | None) -> None:
        self.beginResetModel()
        self.session = session
        self.alignment = session.alignment if session is not None else None
        self.rows, self.row_of_unit, self.header_rows = [], {}, []
        if session is not None:
            a = session.alignment
            self.names = (source_label(a.left.path), source_label(a.right.path))
            for ai, art in enumerate(a.articles):
                self.header_rows.append(len(self.rows))
                self.rows.append((ai, -1))
                for ui in range(len(art.units)):
                    self.row_of_unit[(ai, ui)] = len(self.rows)
                    self.rows.append((ai, ui))
        self.endResetModel()

    # --- lookups for the delegate and the window -----------------------------------------
    def article(self, row: int) -> Article:
        assert self.session is not None
        return self.session.alignment.articles[self.rows[row][0]]

    def unit(self, row: int) -> Unit | None:
        ai, ui = self.rows[row]
        if ui < 0 or self.session is None:
            return None
        return self.session.alignment.articles[ai].units[ui]

    def is_header(self, row: int) -> bool:
        return self.rows[row][1] < 0

    def row_of_item(self, index: int) -> int:
        assert self.session is not None
        it = self.session.items[index]
        return self.row_of_unit[(it.article_index, it.unit_index)]

    def item_keys(self, row: int) -> list[str]:
        """Review item keys shown in a row: the unit itself, or its conflicts."""
        unit = self.unit(row)
        if unit is None or self.session is None:
            return []
        if self.session.index_of(unit.id) is not None:
            return [unit.id]
        return [c.id for c in unit.conflicts]

    def merged(self, row: int) -> MergedCell | None:
        unit = self.unit(row)
        if unit is None or self.session is None:
            return None
        return merged_spans(unit, self.session.decisions)

    def find(self, needle: str, start_row: int, delta: int = 1) -> int | None:
        """Next row (wrapping) whose left, right or title text contains ``needle``."""
        n = len(self.rows)
        for k in range(1, n + 1):
            row = (start_row + delta * k) % n
            unit = self.unit(row)
            texts = (self.article(row).title,) if unit is None else (unit.left, unit.right)
            if any(t and needle in t for t in texts):
                return row
        return None

    def refresh_rows(self, rows: set[int]) -> None:
        for row in sorted(rows):
            if 0 <= row < len(self.rows):
                self.dataChanged.emit(self.index(row, 0), self.index(row, MERGED))

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (*self.names, self.tr("Merged result"))[section]

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row, col = index.row(), index.column()
        unit = self.unit(row)
        if unit is None:
            return self.article(row).title if col == 0 else None
        if col == MERGED:
            cell = self.merged(row)
            return cell.text if cell else None
        text = unit.text(SIDES[col])
        if text is None and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("only in {name}").format(name=self.names[1 - col])
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == MERGED and not self.is_header(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable  # only opened by the edit action, never by clicks
        return flags
