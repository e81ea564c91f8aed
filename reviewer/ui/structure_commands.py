"""Window commands that fix the structure by hand (core/review/structure.py through the session).

They act on the *structure unit*: the unit of the current review item, or a unit picked
with Ctrl+Up/Ctrl+Down (rows without conflicts have no review item to land on). Each
command is one undo step in the core session; the window re-renders from the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from reviewer.core.model import ROLES, Unit
from reviewer.core.review.structure import pair_candidates
from reviewer.ui.controller import Change

if TYPE_CHECKING:
    from reviewer.core.review.session import ReviewSession
    from reviewer.ui.main_window import MainWindow


def _short(unit: Unit, n: int = 24) -> str:
    text = " ".join((unit.left if unit.left is not None else unit.right or "").split())
    return text[:n] + ("…" if len(text) > n else "")


class SplitPicker(QPlainTextEdit):
    """The unit's text, read-only, with a caret: Enter splits there, Esc cancels."""

    picked = Signal(int)

    def __init__(self, text: str, parent: object) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setObjectName("split_picker")
        self.setWindowFlag(Qt.WindowType.Popup)
        self.setPlainText(text)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)
        self.resize(560, 180)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.picked.emit(self.textCursor().position())
            self.close()
            return
        if e.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(e)


class StructureCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.unit_id: str | None = None  # picked with Ctrl+Up/Down; None: the current item's
        self.pair_menu: QMenu | None = None
        self.split_picker: SplitPicker | None = None
        self._own_change = False

    # --- the structure unit ----------------------------------------------------------------
    def _session(self) -> ReviewSession | None:
        c = self.window.controller
        return None if c.busy else c.session

    def unit(self) -> Unit | None:
        s = self._session()
        if s is None:
            return None
        if self.unit_id is not None and s.unit_by_id(self.unit_id) is not None:
            ai, ui = s.unit_by_id(self.unit_id)  # type: ignore[misc]
            return s.alignment.articles[ai].units[ui]
        return s.unit_of(s.current) if s.current is not None else None

    def on_changed(self, change: Change) -> None:
        """After the window re-rendered (connected after it: the rows are current)."""
        if change.old_cursor != change.new_cursor and not self._own_change:
            self.unit_id = None  # the review cursor moved: the structure unit follows it
        self._mark()

    def _mark(self) -> None:
        """Outline the picked unit (dashed) when it is not the current item's row."""
        s, view = self._session(), self.window.view
        old = view.pdelegate.structure_row
        row = None
        if s is not None and self.window.model.alignment is not s.alignment:
            return  # the rows are being rebuilt; the window's refresh comes first
        if s is not None and self.unit_id is not None:
            at = s.unit_by_id(self.unit_id)
            row = self.window.model.row_of_unit.get(at) if at is not None else None
        view.pdelegate.structure_row = row
        rows = {r for r in (old, row) if r is not None and r < self.window.model.rowCount()}
        if rows:
            view.refresh_rows(rows)

    def _step_unit(self, delta: int) -> None:
        s, u = self._session(), self.unit()
        if s is None or u is None:
            return
        units = [x for _a, x in s.alignment.units()]
        i = next(i for i, x in enumerate(units) if x.id == u.id)
        if not 0 <= i + delta < len(units):
            return
        self.unit_id = units[i + delta].id
        self._mark()
        self._show(
            self.tr("Unit: {role} 「{text}」").format(
                role=units[i + delta].role, text=_short(units[i + delta])
            )
        )

    def next_unit(self) -> None:
        self._step_unit(+1)

    def prev_unit(self) -> None:
        self._step_unit(-1)

    def _show(self, message: str) -> None:
        s, u = self._session(), self.unit()
        if s is None or u is None:
            return
        at = s.unit_by_id(u.id)
        if at is not None:
            row = self.window.model.row_of_unit.get(at)
            if row is not None:
                self.window.view.show_row(row)
        self.window.statusBar().showMessage(message, 6000)

    # --- actions ---------------------------------------------------------------------------
    def _edit(
        self,
        kind: str,
        what: str,
        other: str | None = None,
        value: str | None = None,
        pos: int | None = None,
        unit: Unit | None = None,
    ) -> bool:
        s, u = self._session(), unit or self.unit()
        if s is None or u is None:
            return False
        flat = [x.id for _a, x in s.alignment.units()]
        at = flat.index(u.id)
        if kind == "pair" and other in flat:
            at = min(at, flat.index(other))
        old = s.cursor
        if not s.structure_edit(kind, u.id, other, value, pos):
            self.window.statusBar().showMessage(self.tr("That does not apply here"), 4000)
            return False
        # The unit acted on stays picked: itself, or what it became (same place in the text).
        units = [x for _a, x in s.alignment.units()]
        self.unit_id = u.id if s.unit_by_id(u.id) else units[min(at, len(units) - 1)].id
        self._own_change = True
        try:
            self.window.controller.changed.emit(Change((), old, s.cursor))
        finally:
            self._own_change = False
        self._mark()
        self._show(self.tr("{done} (z undoes)").format(done=what))
        return True

    def split_article(self) -> None:
        self._edit("split_article", self.tr("A new article starts at this unit"))

    def join_article(self) -> None:
        self._edit("join_article", self.tr("Joined with the previous article"))

    def _cycle_role(self, delta: int) -> None:
        u = self.unit()
        if u is not None:
            role = ROLES[(ROLES.index(u.role) + delta) % len(ROLES)]
            self._edit("role", self.tr("Role: {role}").format(role=role), value=role)

    def next_role(self) -> None:
        self._cycle_role(+1)

    def prev_role(self) -> None:
        self._cycle_role(-1)

    def join_units(self) -> None:
        self._edit("join_units", self.tr("Joined with the next unit"))

    def split_unit(self) -> None:
        """Pick the split point in the unit's text (left reading, else right); Enter splits."""
        u = self.unit()
        if u is None:
            return
        side = "left" if u.left is not None else "right"
        picker = SplitPicker(u.text(side) or "", self.window)
        picker.picked.connect(
            lambda pos, u=u, side=side: self._edit(
                "split_unit", self.tr("Split here"), value=side, pos=pos, unit=u
            )
        )
        self.split_picker = picker
        view = self.window.view
        picker.move(view.mapToGlobal(view.rect().center()) - picker.rect().center())
        picker.show()
        picker.setFocus()

    def unpair(self) -> None:
        self._edit("unpair", self.tr("Unpaired"))

    def _move(self, delta: int) -> None:
        s, u = self._session(), self.unit()
        if s is None or u is None:
            return
        ai, _ui = s.unit_by_id(u.id)  # type: ignore[misc]
        arts = s.alignment.articles
        if not 0 <= ai + delta < len(arts):
            self.window.statusBar().showMessage(self.tr("No article there"), 4000)
            return
        target = arts[ai + delta].units[0].id
        where = "end" if delta < 0 else "start"
        self._edit(
            "move_unit",
            self.tr("Moved to the end of the previous article")
            if delta < 0
            else self.tr("Moved to the start of the next article"),
            target,
            where,
        )

    def move_to_previous_article(self) -> None:
        self._move(-1)

    def move_to_next_article(self) -> None:
        self._move(+1)

    def pair_with(self) -> None:
        """A short list of partners (the other version's one-sided units, most similar
        first); 1-5 or Enter picks one."""
        s, u = self._session(), self.unit()
        if s is None or u is None:
            return
        cands = pair_candidates(s.alignment, u.id)
        if not cands:
            msg = self.tr("Nothing to pair with (one-sided units only)")
            self.window.statusBar().showMessage(msg, 4000)
            return
        menu = QMenu(self.window)
        menu.setObjectName("pair_menu")
        for n, (v, score) in enumerate(cands, 1):
            act = menu.addAction(f"&{n}  {score:3.0f}%  {v.role} 「{_short(v, 36)}」")
            act.triggered.connect(
                lambda _c=False, v=v, u=u: self._edit("pair", self.tr("Paired"), v.id, unit=u)
            )
        menu.setActiveAction(menu.actions()[0])
        self.pair_menu = menu
        view = self.window.view
        menu.popup(view.mapToGlobal(view.rect().center()))
