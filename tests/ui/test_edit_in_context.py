"""Edit in context (``e``) on the sample, with real key presses: the whole merged paragraph
opens with the conflict selected, Tab swaps the other reading in, Enter commits, Shift+Enter
splits the paragraph, Esc cancels. After each step the export (txt and jsonl) is compared
byte for byte with the core's own result, then undone and redone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from steps import SHOTS, export_files

from reviewer.core.review.merge import Decision, merge_unit
from reviewer.core.review.session import ReviewSession
from reviewer.core.review.unit_edit import edit_unit
from reviewer.ui.context_editor import ContextEditor
from reviewer.ui.main_window import MainWindow
from reviewer.ui.parallel_model import MERGED

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Steps:
    def __init__(self, window: MainWindow, qtbot, tmp_path: Path) -> None:
        self.w, self.qtbot, self.tmp = window, qtbot, tmp_path
        s = window.controller.session
        assert s is not None
        self.s = s
        self.n = 0

    def export(self, s: ReviewSession | None = None) -> dict[str, bytes]:
        s = s or self.s
        self.n += 1
        return export_files(s.alignment, s.decisions, self.tmp / f"out{self.n}")

    def open_editor(self, conflict_at: int) -> ContextEditor:
        """Go to conflict item ``conflict_at`` and press e."""
        self.w.controller.goto(conflict_at)
        self.qtbot.keyClick(self.w.view, K.Key_E)
        ed = self.w.view.pdelegate.editor
        assert ed is not None and ed.isVisible() and ed.hasFocus()
        return ed

    def undo_redo(self, before: dict[str, bytes], after: dict[str, bytes]) -> None:
        self.qtbot.keyClick(self.w.view, K.Key_Z)
        assert self.export() == before
        self.qtbot.keyClick(self.w.view, K.Key_Z, SHIFT)
        assert self.export() == after


def _shot(w: MainWindow, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        w.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _conflict_in_paragraph(s: ReviewSession, skip: frozenset[str] = frozenset()) -> int:
    """A conflict item of a two-sided paragraph long enough to split."""
    for i, it in enumerate(s.items):
        u = s.unit_of(it)
        long = len(u.left or "") > 40 and u.id not in skip
        if it.kind == "conflict" and u.role == "paragraph" and long:
            return i
    raise AssertionError("no paragraph with a conflict")


def test_edit_a_paragraph_in_context(sample_window: MainWindow, qtbot, tmp_path: Path) -> None:
    st = Steps(sample_window, qtbot, tmp_path)
    w, s = st.w, st.s
    original = st.export()
    i = _conflict_in_paragraph(s)
    item = s.items[i]
    unit, c = s.unit_of(item), s.conflict_of(item)
    assert c is not None and c.left != c.right
    merged = merge_unit(unit, s.decisions).text
    assert merged is not None

    # e: the whole merged paragraph, the conflict's reading selected, the hint under it.
    ed = st.open_editor(i)
    assert ed.toPlainText() == merged
    assert ed.textCursor().selectedText() == c.left
    assert "Tab" in ed.hint.text() and ed.hint.isVisible()
    _shot(w, "edit-in-context")
    # Tab: the other reading in place, selected; Tab again: back.
    qtbot.keyClick(ed, K.Key_Tab)
    assert ed.textCursor().selectedText() == c.right
    assert c.right in ed.toPlainText() and ed.isVisible()
    qtbot.keyClick(ed, K.Key_Tab)
    assert ed.toPlainText() == merged

    # Esc cancels: nothing stored, the export unchanged.
    qtbot.keyClicks(ed, "j1x")  # bare review keys are text while editing
    qtbot.keyClick(ed, K.Key_Escape)
    qtbot.waitUntil(lambda: w.view.pdelegate.editor is None or not ed.isVisible())
    assert unit.id not in s.decisions and not s.history.can_undo
    assert st.export() == original
    assert w.view.hasFocus()

    left_before = s.status().conflicts_left
    # Tab then Enter: the paragraph with the right reading is the unit's final text.
    ed = st.open_editor(i)
    qtbot.keyClick(ed, K.Key_Tab)
    qtbot.keyClick(ed, K.Key_End, CTRL)
    qtbot.keyClicks(ed, "OK")
    qtbot.keyClick(ed, K.Key_Return)
    final = s.decisions[unit.id]
    assert final.choice == "edit" and final.text.endswith("OK") and c.right in final.text
    assert all(s.is_resolved(it) for it in s.items if s.unit_of(it).id == unit.id)
    lm = w.conflicts.list_model
    listed = lm.data(lm.index(lm.row_of(i)))
    assert "unresolved" not in listed and "edit" in listed  # the list says it is settled
    assert s.status().conflicts_left == left_before - len(unit.conflicts)
    assert w.view.hasFocus() and s.cursor != i  # on to the next undecided conflict
    row = w.model.row_of_unit[s.unit_by_id(unit.id)]
    assert w.model.index(row, MERGED).data() == final.text
    _shot(w, "edit-committed")
    edited = st.export()
    expected = export_files(
        s.alignment, {**s.decisions, unit.id: Decision("edit", final.text)}, tmp_path / "exp1"
    )
    assert edited == expected and edited != original
    txt = b"".join(v for k, v in edited.items() if k.startswith("txt/"))
    assert final.text.encode() in txt
    st.undo_redo(original, edited)

    # Shift+Enter: a paragraph break; Enter: the unit is split there, two paragraphs.
    j = _conflict_in_paragraph(s, skip=frozenset({unit.id}))
    other = s.unit_of(s.items[j])
    before_units = len(list(s.alignment.units()))
    text = merge_unit(other, s.decisions).text
    assert text is not None
    ed = st.open_editor(j)
    qtbot.keyClick(ed, K.Key_Home, CTRL)
    cut = 20
    for _ in range(cut):
        qtbot.keyClick(ed, K.Key_Right)
    qtbot.keyClick(ed, K.Key_Return, SHIFT)
    assert ed.isVisible() and ed.toPlainText() == text[:cut] + "\n" + text[cut:]
    start = (dict(s.decisions), s.structure)  # the core edits from the same state
    before = st.export()
    qtbot.keyClick(ed, K.Key_Return)
    assert len(list(s.alignment.units())) == before_units + 1
    if SHOTS:  # the two new rows in view
        ai, ui = next(
            (ai, ui)
            for ai, a in enumerate(s.alignment.articles)
            for ui, u in enumerate(a.units)
            if (u.left or u.right or "").startswith(text[:cut].strip()[:8])
        )
        w.view.show_row(w.model.row_of_unit[(ai, ui)])
        _shot(w, "edit-split")
    split = st.export()
    fresh = ReviewSession(s.base, start[0], structure=start[1])
    assert edit_unit(fresh, other.id, text[:cut] + "\n" + text[cut:])
    assert split == st.export(fresh)
    txt = b"".join(v for k, v in split.items() if k.startswith("txt/")).decode()
    assert f"\n{text[:cut].strip()}\n\n{text[cut:].strip()}\n" in txt
    st.undo_redo(before, split)
    # Undo both steps: the sample's export as it was.
    qtbot.keyClick(w.view, K.Key_Z)
    qtbot.keyClick(w.view, K.Key_Z)
    assert st.export() == original
