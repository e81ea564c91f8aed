"""Issue 11, items 4 and 6-11: export targets, the atomic swap and its recovery, CSV cells."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from builders import make_alignment, make_unit

from reviewer.core import atomic, filesystem
from reviewer.core.export.files import DECISIONS_CSV, MANIFEST, ExportError
from reviewer.core.export.writing import export
from reviewer.core.model import Alignment
from reviewer.core.review.merge import Decision
from reviewer.core.sanitize import csv_cell


@pytest.fixture
def alignment() -> Alignment:
    return make_alignment(
        [("a1", "标题", [make_unit("p", "第一段文字。", "第一段文学。", ("c1",))])]
    )


def _side_folders(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def _export(alignment: Alignment, out: Path, prefer: str = "left", **kw) -> None:
    export(alignment, {}, out, prefer=prefer, **kw)


# --- item 6: the swap -------------------------------------------------------------------------
def test_a_kill_between_the_two_renames_is_rolled_back_by_the_next_run(
    alignment: Alignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _export(alignment, out)
    first = (out / "01-标题.txt").read_bytes()
    # The two-rename fallback, killed after "out → .old": no DIR at all.
    monkeypatch.setattr(atomic, "_renameat2", None)
    real_rename = os.rename

    class Killed(BaseException):
        pass

    def rename_then_die(src, dst):
        real_rename(src, dst)
        if str(dst).endswith(atomic.OLD):
            raise Killed

    monkeypatch.setattr(atomic.os, "rename", rename_then_die)
    monkeypatch.setattr(atomic.shutil, "rmtree", lambda *a, **k: None)  # a kill cleans nothing
    with pytest.raises(Killed):
        _export(alignment, out, prefer="right")
    assert not out.exists()
    assert len(_side_folders(tmp_path)) == 2  # the .tmp and the .old
    monkeypatch.undo()
    # The next run finds the half-done swap, puts the old folder back, then replaces it.
    atomic.recover(out)
    assert (out / "01-标题.txt").read_bytes() == first
    assert _side_folders(tmp_path) == []
    _export(alignment, out, prefer="right")
    assert (out / "01-标题.txt").read_bytes() != first
    assert _side_folders(tmp_path) == []


def test_stale_side_folders_of_killed_runs_are_removed(
    alignment: Alignment, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _export(alignment, out)
    for suffix in (atomic.TMP, atomic.OLD):
        stale = tmp_path / filesystem.side_name("out", suffix)
        stale.mkdir()
        (stale / "half.txt").write_text("x")
    (tmp_path / ".out.k2_x9q0z.tmp").mkdir()  # an earlier version's mkdtemp name
    (tmp_path / ".out.k2_x9q0z.old").mkdir()
    unrelated = tmp_path / ".out.notours.tmp"
    unrelated.mkdir()
    _export(alignment, out, prefer="right")
    assert _side_folders(tmp_path) == [unrelated.name]


@pytest.mark.skipif(atomic._renameat2 is None, reason="no renameat2 here")
def test_replacing_uses_one_exchange_when_available(
    alignment: Alignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _export(alignment, out)
    renames: list[object] = []
    monkeypatch.setattr(atomic.os, "rename", lambda *a: renames.append(a))
    _export(alignment, out, prefer="right")
    assert renames == []  # no moment without DIR: the swap was one system call
    assert "文学" in (out / "01-标题.txt").read_text("utf-8")


# --- item 7: a symbolic link ----------------------------------------------------------------
def test_a_link_is_written_through_to_its_target(alignment: Alignment, tmp_path: Path) -> None:
    target = tmp_path / "real"
    _export(alignment, target)
    link = tmp_path / "link"
    link.symlink_to(target)
    _export(alignment, link, prefer="right")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "文学" in (target / "01-标题.txt").read_text("utf-8")
    assert _side_folders(tmp_path) == []


def test_a_dangling_link_is_refused(alignment: Alignment, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(ExportError, match="does not exist"):
        _export(alignment, link)
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


# --- item 8: read-only folders ----------------------------------------------------------------
@pytest.mark.parametrize("force", [False, True])
def test_a_read_only_folder_is_refused(alignment: Alignment, tmp_path: Path, force: bool) -> None:
    out = tmp_path / "out"
    _export(alignment, out)
    if force:  # an unrelated folder
        (out / "mine.txt").write_text("x")
    before = sorted(p.name for p in out.iterdir())
    out.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="read-only"):
            _export(alignment, out, prefer="right", force=force)
        assert sorted(p.name for p in out.iterdir()) == before
        assert _side_folders(tmp_path) == []
    finally:
        out.chmod(0o755)


# --- item 10: permissions ------------------------------------------------------------------
def test_the_export_folder_gets_the_umask_not_0700(alignment: Alignment, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        _export(alignment, tmp_path / "out")
        _export(alignment, tmp_path / "out", prefer="right")  # replaced: same rule
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755


# --- item 4: names --------------------------------------------------------------------------
def test_an_over_long_out_is_a_clear_error(alignment: Alignment, tmp_path: Path) -> None:
    out = tmp_path / ("d" * 300)
    with pytest.raises(ExportError, match="too long") as e:
        _export(alignment, out)
    assert str(out) in str(e.value)


def test_a_250_byte_out_can_be_written_and_replaced(alignment: Alignment, tmp_path: Path) -> None:
    out = tmp_path / ("d" * 250)
    _export(alignment, out)
    _export(alignment, out, prefer="right")
    assert (out / MANIFEST).exists() and _side_folders(tmp_path) == []


def test_side_names_never_outgrow_the_target() -> None:
    for n in (1, 10, 24, 100, 250, 255):
        name = "名" * (n // 3) or "a"
        for suffix in (atomic.TMP, atomic.OLD, ".tmp"):
            side = filesystem.side_name(name, suffix)
            limit = max(len(os.fsencode(name)), filesystem.SIDE_MIN)
            assert len(os.fsencode(side)) <= limit
            assert filesystem.is_side_name(side, name, suffix)


# --- item 11: CSV cells and control characters ------------------------------------------------
def test_formulas_in_decisions_csv_are_neutralised(tmp_path: Path) -> None:
    al = make_alignment(
        [("a", "t", [make_unit("p", "=HYPERLINK(1)", "+1 @x", ("c",)), make_unit("q", "-2", "@3")])]
    )
    edit = Decision("edit", '=HYPERLINK("http://evil","x")')
    export(al, {"c": edit}, tmp_path / "out")
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / DECISIONS_CSV).read_text("utf-8"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert rows[1][-1] == '\'=HYPERLINK("http://evil","x")'


def test_control_characters_in_edits_never_reach_the_text(tmp_path: Path) -> None:
    al = make_alignment([("a", "t", [make_unit("p", "甲。", "乙。", ("c",))])])
    export(al, {"c": Decision("edit", "丙\x00\x1b[31m。\x07")}, tmp_path / "out")
    text = next((tmp_path / "out").glob("01-*.txt")).read_text("utf-8")
    assert "丙[31m。" in text and not any(ord(ch) < 32 and ch != "\n" for ch in text)


def test_csv_cell() -> None:
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("\t=1") == "' =1"
    assert csv_cell("正文") == "正文"
    assert csv_cell(7) == "7"
