"""Fixing the sample's structure from the keyboard: split an article and join it back, fix a
caption's role, re-pair two units, join a broken sentence. After each step the export (txt
and jsonl) is compared byte for byte with the core's own result, then undone and redone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from steps import SHOTS, export_files

from reviewer.core.review.structure import StructureEdit, apply_edits, keys_by_id, pair_candidates
from reviewer.ui.command_table import ActionId
from reviewer.ui.keymap import duplicate_keys, effective_keys


class Steps:
    def __init__(self, window, qtbot, tmp_path: Path) -> None:
        self.w, self.qtbot, self.tmp = window, qtbot, tmp_path
        self.s = window.controller.session
        self.base = self.s.base
        self.n = 0

    def key(self, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.w.view, key, mod)

    def export(self) -> dict[str, bytes]:
        self.n += 1
        return export_files(self.s.alignment, self.s.decisions, self.tmp / f"out{self.n}")

    def expected(self, edits: list[StructureEdit]) -> dict[str, bytes]:
        self.n += 1
        al, orphans = apply_edits(self.base, edits)
        assert not orphans
        return export_files(al, self.s.decisions, self.tmp / f"exp{self.n}")

    def unit_text(self) -> str:
        u = self.w.structure.unit()
        return (u.left if u.left is not None else u.right) or ""

    def go_to(self, start: str) -> None:
        """Move the structure unit with Ctrl+Down / Ctrl+Up until it starts with ``start``."""
        units = [u for _a, u in self.s.alignment.units()]
        here = next(i for i, u in enumerate(units) if u.id == self.w.structure.unit().id)
        there = next(i for i, u in enumerate(units) if (u.left or u.right or "").startswith(start))
        key = Qt.Key.Key_Down if there > here else Qt.Key.Key_Up
        for _ in range(abs(there - here)):
            self.key(key, Qt.KeyboardModifier.ControlModifier)
        assert self.unit_text().startswith(start)

    def shot(self, name: str) -> None:
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            self.w.grab().save(str(Path(SHOTS) / f"structure-{name}.png"))

    def undo_redo(self, before: dict[str, bytes], after: dict[str, bytes]) -> None:
        self.key(Qt.Key.Key_Z)
        assert self.export() == before
        self.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier)
        assert self.export() == after


def test_structure_keys_do_not_clash() -> None:
    assert duplicate_keys(effective_keys()) == {}
    keys = effective_keys()
    assert keys[ActionId.SPLIT_ARTICLE] == ("S",) and keys[ActionId.JOIN_UNITS] == ("Shift+J",)


def test_the_sample_through_every_structure_action(sample_window, qtbot, tmp_path: Path) -> None:
    w = sample_window
    st = Steps(w, qtbot, tmp_path)
    s = st.s
    original = st.export()
    edits: list[StructureEdit] = []

    # 1. Split the first article before its first section heading, then join it back.
    n = len(s.alignment.articles)
    st.go_to("把握历史方位")
    edits.append(StructureEdit("split_article", keys_by_id(s.alignment)[w.structure.unit().id]))
    st.key(Qt.Key.Key_S)
    assert len(s.alignment.articles) == n + 1
    assert w.model.rowCount() == sum(len(a.units) + 1 for a in s.alignment.articles)
    split = st.export()
    assert split == st.expected(edits) and split != original
    assert any("-把握历史方位" in name for name in split)
    st.shot("1-split-article")
    st.undo_redo(original, split)
    st.key(Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert len(s.alignment.articles) == n
    assert st.export() == original  # joined back: the engine's article again
    st.undo_redo(split, original)

    # 2. A photo caption the engine read as a paragraph: y makes it a caption.
    st.go_to("7月17日，观众观看宇树机器人表演")
    unit = w.structure.unit()
    assert unit.role == "paragraph"
    edits = [
        StructureEdit("split_article", edits[0].unit),
        StructureEdit("join_article", edits[0].unit),
        StructureEdit("role", keys_by_id(s.alignment)[unit.id], value="caption"),
    ]
    before = st.export()
    st.key(Qt.Key.Key_Y)
    assert w.structure.unit().role == "caption"
    after = st.export()
    assert after == st.expected(edits)
    # Export keeps a caption in the body (as a paragraph); the title stays its own.
    assert after == before
    st.shot("2-caption-role")
    st.undo_redo(before, after)

    # 3. Unpair a row, then pair its left half again from the candidate list (1).
    st.go_to("城镇化率从2012年")
    row = w.structure.unit()
    assert row.left and row.right and row.conflicts
    before = st.export()
    st.key(Qt.Key.Key_G, Qt.KeyboardModifier.ShiftModifier)
    left_only = w.structure.unit()
    assert left_only.right is None and left_only.left == row.left
    edits.append(StructureEdit("unpair", keys_by_id(st.base)[row.id]))
    unpaired = st.export()
    assert unpaired == st.expected(edits)
    st.key(Qt.Key.Key_G)
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.objectName() == "pair_menu"
    assert "%" in menu.actions()[0].text()
    st.shot("3-unpaired")
    if SHOTS:
        menu.grab().save(str(Path(SHOTS) / "structure-3-pair-candidates-menu.png"))
    qtbot.keyClick(menu, Qt.Key.Key_1)
    paired = w.structure.unit()
    assert (paired.left, paired.right) == (row.left, row.right)
    assert [(c.left, c.right) for c in paired.conflicts] == [
        (c.left, c.right) for c in row.conflicts
    ]
    assert s.index_of(paired.conflicts[0].id) is not None  # its conflict is reviewable at once
    repaired = st.export()
    # The same articles (the conflict has a new item id, so decisions.csv differs).
    assert {k: v for k, v in repaired.items() if k.endswith(".txt")} == {
        k: v for k, v in before.items() if k.endswith(".txt")
    }
    pair_edit = StructureEdit(
        "pair",
        keys_by_id(apply_edits(st.base, edits)[0])[left_only.id],
        keys_by_id(apply_edits(st.base, edits)[0])[
            next(v.id for v, _ in pair_candidates(apply_edits(st.base, edits)[0], left_only.id))
        ],
    )
    edits.append(pair_edit)
    assert repaired == st.expected(edits)
    st.undo_redo(unpaired, repaired)

    # 4. The engine joined a sentence the web version broke across two paragraphs; split it
    # where it was broken: v, the caret moved with →, Enter.
    st.go_to("工业和信息化部总工程师谢少峰在当天")
    joined = st.export()
    txt = b"".join(v for k, v in joined.items() if k.startswith("txt"))
    assert "工业和信息化部总工程师谢少峰在当天的发布会上说".encode() in txt
    st.key(Qt.Key.Key_V)
    picker = w.structure.split_picker
    assert picker is not None and picker.isVisible()
    assert picker.toPlainText().startswith("工业和信息化部总工程师谢少峰在当天")
    for _ in range(len("工业和信息化部总工程师谢少峰在")):
        qtbot.keyClick(picker, Qt.Key.Key_Right)
    st.shot("4-split-unit")
    if SHOTS:
        picker.grab().save(str(Path(SHOTS) / "structure-4-split-picker.png"))
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert not picker.isVisible()
    split = st.export()
    txt = b"".join(v for k, v in split.items() if k.startswith("txt"))
    assert "谢少峰在\n".encode() in txt
    st.undo_redo(joined, split)

    # 5. And join it back: Shift+J gives the engine's paragraph again.
    st.key(Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    rejoined = st.export()
    assert {k: v for k, v in rejoined.items() if k.endswith(".txt")} == {
        k: v for k, v in joined.items() if k.endswith(".txt")
    }
    st.shot("5-join-sentence")
    st.undo_redo(split, rejoined)
    assert len(s.history._undo) >= 6


def test_p_previews_the_exact_file_of_the_article(sample_window, qtbot, tmp_path: Path) -> None:
    w = sample_window
    s = w.controller.session
    qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # the second article
    qtbot.keyClick(w.view, Qt.Key.Key_P)
    dialog = w.preview.dialog
    assert dialog is not None and dialog.isVisible()
    files = export_files(s.alignment, s.decisions, tmp_path / "out")
    name = dialog.windowTitle()
    assert name.startswith("02-") and f"txt/{name}" in files
    assert dialog.text.toPlainText().encode("utf-8") == files[f"txt/{name}"]
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "preview-file.png"))
    # The closing dateline is the file's last line, with its brackets.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.keyClick(w.view, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(w.view, Qt.Key.Key_P)
    assert w.preview.dialog.text.toPlainText().endswith("\n\n（新华社北京7月18日电）\n")


def test_kept_one_sided_text_reads_as_normal_text_in_the_merged_column(
    sample_window, qtbot
) -> None:
    from reviewer.ui.cell_content import cell_for
    from reviewer.ui.parallel_model import MERGED

    w = sample_window
    s = w.controller.session
    qtbot.keyClick(w.view, Qt.Key.Key_T)  # a one-sided unit
    unit = s.unit_of(s.current)
    assert unit.one_sided
    qtbot.keyClick(w.view, Qt.Key.Key_Space)  # keep it
    row = w.model.row_of_unit[s.unit_by_id(unit.id)]
    d = w.view.pdelegate
    cell = cell_for(w.model, row, MERGED, d.theme, d.font, d.small)
    assert cell.text == (unit.left or unit.right)
    assert cell.bar  # the thin margin mark of its origin
    assert [sp.fmt for sp in cell.spans] == [None]  # no coloured block over the text


def test_an_undecided_conflict_shows_both_readings_in_the_merged_column(
    sample_window, qtbot
) -> None:
    from reviewer.ui.merged_view import UNDECIDED_SEP

    w = sample_window
    s = w.controller.session
    c = s.conflict_of(s.current)
    row = w.model.row_of_item(s.cursor)
    merged = w.model.merged(row)
    assert f"{c.left}{UNDECIDED_SEP}{c.right}" in merged.text
    assert [p.origin for p in merged.pieces] == ["unresolved"]
    if SHOTS:
        w.grab().save(str(Path(SHOTS) / "undecided-both-readings.png"))
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # take right: the merged text is the export's again
    merged = w.model.merged(row)
    assert UNDECIDED_SEP not in merged.text and c.right in merged.text
