"""The aligned rows view: a virtualised QTreeView plus a delegate painting wrapped CJK text.

Only visible rows are laid out (ScrollPerItem, non-uniform heights asked lazily); heights are
cached per row and column width. Conflicts are highlighted at word level inside the text; the
current conflict is boxed; a side missing a unit is hatched and labelled.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from reviewer.core.review.unit_edit import EditContext
from reviewer.ui import theme
from reviewer.ui.cell_content import Cell, cell_for
from reviewer.ui.context_editor import HINT_HEIGHT, ContextEditor, is_swap_key
from reviewer.ui.parallel_model import LEFT, MERGED, RIGHT, ParallelModel
from reviewer.ui.textlayout import hit, layout_text, span_rects

PAD_X, PAD_Y, BAR = 12.0, 9.0, 4.0
PAINT_CACHE = 600  # cells whose layout is kept: a few screens' worth
Index = QModelIndex | QPersistentModelIndex


class ParallelDelegate(QStyledItemDelegate):
    edited = Signal(str)  # the editor's text, committed with Enter

    def __init__(self, view: ParallelView, model: ParallelModel) -> None:
        super().__init__(view)
        self.view, self.model = view, model
        self.font = theme.text_font()
        self.small = theme.text_font(0.8)
        self.title_font = QFont(self.font)
        self.title_font.setBold(True)
        self.title_font.setPointSizeF(self.font.pointSizeF() * 1.15)
        self.theme = theme.current()
        self.italic = QFont(self.font)
        self.italic.setItalic(True)
        self._heights: dict[tuple[int, int], int] = {}
        self._painted: OrderedDict[tuple[int, int], tuple[Cell, QTextLayout | None]] = OrderedDict()
        self._solids: dict[tuple[int, int], QColor] = {}
        self.editor_context: EditContext | None = None  # what the next editor opens with
        self.editor: ContextEditor | None = None  # the open in-context editor, if any
        self.found: tuple[int, str] | None = None  # (row, needle) of the last find
        self.structure_row: int | None = None  # a unit picked for structure actions (dashed)

    # --- sizes -----------------------------------------------------------------------------
    def forget(self, rows: set[int] | None = None) -> None:
        """Drop cached heights (all, or of ``rows``) after their content or widths changed."""
        if rows is None:
            self._heights.clear()
            self._painted.clear()
            self._solids.clear()
            return
        for row in rows:
            for col in (LEFT, RIGHT, MERGED):
                self._heights.pop((row, col), None)
                self._painted.pop((row, col), None)

    def _text_width(self, col: int) -> float:
        return max(self.view.columnWidth(col) - 2 * PAD_X - BAR, 40.0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row, col = index.row(), index.column()
        h = self._heights.get((row, col))
        if h is None:
            h = self._measure(row, col)
            self._heights[(row, col)] = h
        return QSize(self.view.columnWidth(col), h)

    def _measure(self, row: int, col: int) -> int:
        if self.model.is_header(row):
            return int(
                layout_text(
                    self.model.article(row).title,
                    self.title_font,
                    self.view.viewport().width() - 200,
                )[1]
                + 2 * PAD_Y
                + 8
            )
        cell = self.cell(row, col)
        _, h = layout_text(cell.text or cell.label, cell.font or self.font, self._text_width(col))
        if cell.badge:
            h += self.small.pointSizeF() * 2.0
        return int(h + 2 * PAD_Y + 1)

    def cell(self, row: int, col: int) -> Cell:
        return cell_for(self.model, row, col, self.theme, self.font, self.small)

    # --- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row, col = index.row(), index.column()
        rect = QRectF(option.rect)  # type: ignore[attr-defined]
        painter.save()
        if self.model.is_header(row):
            self._paint_header(painter, rect, row)
        else:
            self._paint_cell(painter, rect, row, col)
        painter.restore()

    def _paint_header(self, painter: QPainter, rect: QRectF, row: int) -> None:
        t = self.theme
        painter.fillRect(rect, t.header_bg)
        art = self.model.article(row)
        ai = self.model.rows[row][0]
        n = len(self.model.session.alignment.articles) if self.model.session else 0
        painter.setPen(t.muted)
        painter.setFont(self.small)
        info = f"article {ai + 1} of {n} · {len(art.units)} units"
        painter.drawText(
            rect.adjusted(PAD_X, 0, -PAD_X, 0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            info,
        )
        layout, _ = layout_text(art.title, self.title_font, rect.width() - 200)
        painter.setPen(t.text)
        layout.draw(painter, QPointF(rect.left() + PAD_X, rect.top() + PAD_Y + 4))

    def _solid(self, colour: QColor, over: QColor | None = None) -> QColor:
        """``colour`` blended onto the base colour: opaque fills are much cheaper to paint."""
        key = (colour.rgba(), over.rgba() if over is not None else -1)
        solid = self._solids.get(key)
        if solid is None:
            base = over or self.view.palette().color(QPalette.ColorRole.Base)
            a = colour.alphaF()
            solid = QColor.fromRgbF(
                base.redF() * (1 - a) + colour.redF() * a,
                base.greenF() * (1 - a) + colour.greenF() * a,
                base.blueF() * (1 - a) + colour.blueF() * a,
            )
            self._solids[key] = solid
        return solid

    def _cached(self, row: int, col: int) -> tuple[Cell, QTextLayout | None]:
        """The cell and its laid-out text, kept for the most recently painted cells."""
        hit_ = self._painted.get((row, col))
        if hit_ is not None:
            self._painted.move_to_end((row, col))
            return hit_
        cell = self.cell(row, col)
        layout = None
        if cell.text is not None:
            font = cell.font or self.font
            layout, _ = layout_text(cell.text, font, self._text_width(col), cell.spans)
        self._painted[(row, col)] = (cell, layout)
        if len(self._painted) > PAINT_CACHE:
            self._painted.popitem(last=False)
        return cell, layout

    def _paint_cell(self, painter: QPainter, rect: QRectF, row: int, col: int) -> None:
        t = self.theme
        cell, layout = self._cached(row, col)
        base = self.view.palette().color(QPalette.ColorRole.Base)
        bg = self._solid(cell.background) if cell.background is not None else base
        if cell.current_row:
            bg = self._solid(t.current_row, bg)
        painter.fillRect(rect, bg)
        if cell.hatched:
            hatch = QBrush(self._solid(t.hatch, bg), Qt.BrushStyle.BDiagPattern)
            painter.fillRect(rect.adjusted(2, 2, -2, -2), hatch)
        if cell.bar:
            self._paint_bar(painter, rect, cell.bar)
        if cell.current_row and col == LEFT:
            painter.fillRect(QRectF(rect.left(), rect.top(), BAR, rect.height()), t.current)
        if row == self.structure_row:  # the unit a structure action would act on
            pen = QPen(t.current, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(BAR + 2, 2, -3, -3))
        # Separate rows with a hairline so tall paragraphs don't run together.
        line = QRectF(rect.left(), rect.bottom() - 1, rect.width(), 1)
        painter.fillRect(line, self._solid(t.hatch, base))
        top = rect.top() + PAD_Y
        x = rect.left() + PAD_X + BAR
        if cell.badge:
            painter.setFont(self.small)
            painter.setPen(cell.badge_colour or t.muted)
            painter.drawText(QPointF(x, top + self.small.pointSizeF() * 1.2), cell.badge)
            top += self.small.pointSizeF() * 2.0
        if layout is None:
            painter.setPen(t.muted)
            painter.setFont(self.italic)
            painter.drawText(
                rect.adjusted(PAD_X, top - rect.top(), -PAD_X, -PAD_Y),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                cell.label,
            )
            return
        assert cell.text is not None
        painter.setPen(cell.pen or t.text)
        origin = QPointF(x, top)
        if self.found is not None and self.found[0] == row:
            self._paint_found(painter, layout, origin, cell.text, self.found[1])
        # Empty readings (one side has nothing at the conflict) get a caret so they are seen.
        for s in cell.spans:
            if s.start == s.end and s.fmt is not None:
                for r in span_rects(layout, s.start, s.end):
                    painter.fillRect(r.translated(origin), s.fmt.background().color())
        layout.draw(painter, origin)
        outlined = [s for s in cell.spans if s.outline]
        if outlined:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(t.current, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for s in outlined:
                for r in span_rects(layout, s.start, s.end):
                    painter.drawRoundedRect(r.translated(origin).adjusted(-2, -1, 2, 1), 3, 3)

    def _paint_found(
        self, painter: QPainter, layout: QTextLayout, origin: QPointF, text: str, needle: str
    ) -> None:
        at = text.find(needle)
        while at >= 0 and needle:
            for r in span_rects(layout, at, at + len(needle)):
                painter.fillRect(r.translated(origin), self.theme.found)
            at = text.find(needle, at + len(needle))

    def _paint_bar(self, painter: QPainter, rect: QRectF, colours: tuple[QColor, ...]) -> None:
        h = rect.height() / len(colours)
        for i, c in enumerate(colours):
            painter.fillRect(QRectF(rect.left(), rect.top() + i * h, BAR, h), c)

    # --- clicks ----------------------------------------------------------------------------
    def key_at(self, index: Index, pos: QPointF) -> str | None:
        """The review item key of the highlighted reading under ``pos`` (view coordinates)."""
        row, col = index.row(), index.column()
        if self.model.is_header(row):
            return None
        cell = self.cell(row, col)
        if cell.text is None:
            return None
        rect = QRectF(self.view.visualRect(index))
        top = rect.top() + PAD_Y + (self.small.pointSizeF() * 2.0 if cell.badge else 0.0)
        layout, _ = layout_text(cell.text, cell.font or self.font, self._text_width(col))
        at = hit(layout, pos - QPointF(rect.left() + PAD_X + BAR, top))
        if at is None:
            return None
        for s in cell.spans:
            if s.key and s.start <= at <= max(s.end, s.start + 1):
                return s.key
        return cell.whole_key or None

    # --- inline editing --------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        ed = ContextEditor(parent)
        ed.setObjectName("reading_editor")
        ed.setFont(self.font)
        ed.setFrameShape(QPlainTextEdit.Shape.Box)
        self.editor = ed
        ed.destroyed.connect(lambda *_: setattr(self, "editor", None))
        ed.commit.connect(lambda: (self.commitData.emit(ed), self.closeEditor.emit(ed)))
        return ed

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, ContextEditor)
        if self.editor_context is not None:
            editor.load(self.editor_context)

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, ContextEditor)
        self.edited.emit(editor.toPlainText())

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        r = option.rect  # type: ignore[attr-defined]
        editor.setGeometry(r.left(), r.top(), r.width(), max(r.height() + HINT_HEIGHT, 110))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Losing focus must not commit an edit: only Enter does (Esc cancels).
        if event.type() == QEvent.Type.FocusOut or is_swap_key(obj, event):
            return False
        return super().eventFilter(obj, event)


class ParallelView(QTreeView):
    clicked_reading = Signal(int, int, str)  # row, column, item key ("" when none)

    def __init__(self, model: ParallelModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parallel_view")
        self.setModel(model)
        self.pmodel = model
        self.pdelegate = ParallelDelegate(self, model)
        self.follow_row: int | None = None  # the current item's row, kept in view
        self.setItemDelegate(self.pdelegate)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Per item: the scroll range then needs no row heights beyond the visible ones.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(True)
        self.header().sectionResized.connect(self._widths_changed)
        model.modelReset.connect(self._span_headers)

    def _span_headers(self) -> None:
        self.pdelegate.theme = theme.current()
        self.pdelegate.forget()
        for row in self.pmodel.header_rows:
            self.setFirstColumnSpanned(row, QModelIndex(), True)

    def _widths_changed(self, *_args: object) -> None:
        self.pdelegate.forget()
        self.scheduleDelayedItemsLayout()

    def refresh_rows(self, rows: set[int]) -> None:
        self.pdelegate.forget(rows)
        self.pmodel.refresh_rows(rows)

    def fully_visible(self, row: int) -> bool:
        """Is the whole row on screen (its top, for a row taller than the viewport)?"""
        r = self.visualRect(self.pmodel.index(row, 0))
        vh = self.viewport().height()
        if not r.isValid() or r.top() < 0:
            return False
        return r.bottom() < vh or (r.height() > vh and r.top() == 0)

    def show_row(self, row: int) -> None:
        """Bring the whole of ``row`` into view; scroll only when some of it is hidden, and
        then centre it (the next moves then need no scroll)."""
        self.follow_row = row
        if self.fully_visible(row):
            return
        index = self.pmodel.index(row, 0)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if not self.fully_visible(row):  # taller than half the viewport
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        # A dock opening (the raw pane, r) shrinks the view: keep the current row in sight.
        if self.follow_row is not None and 0 <= self.follow_row < self.pmodel.rowCount():
            QTimer.singleShot(
                0, lambda: self.follow_row is not None and self.show_row(self.follow_row)
            )

    def show_found(self, row: int, needle: str) -> None:
        """Mark ``needle`` in ``row`` and bring the row into view."""
        old = self.pdelegate.found
        self.pdelegate.found = (row, needle)
        self.refresh_rows({row} | ({old[0]} if old else set()))
        self.scrollTo(self.pmodel.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def keyboardSearch(self, search: str) -> None:
        pass  # letters are review keys, not type-ahead search

    def mousePressEvent(self, e: QMouseEvent) -> None:
        index = self.indexAt(e.position().toPoint())
        if e.button() == Qt.MouseButton.LeftButton and index.isValid():
            key = self.pdelegate.key_at(index, e.position())
            self.clicked_reading.emit(index.row(), index.column(), key or "")
            e.accept()
            return
        super().mousePressEvent(e)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.PaletteChange:
            self.pdelegate.theme = theme.current()
            self.pdelegate.forget()
            self.viewport().update()
        super().changeEvent(e)
