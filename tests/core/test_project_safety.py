"""Issue 11, items 4, 9 and 12-15: project files that are odd, read-only, foreign or long."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core import paths
from reviewer.core.project import (
    ProjectError,
    ProjectReadOnly,
    default_project_path,
    open_review,
)
from reviewer.core.store.database import Project


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def other_pair(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "other"
    src.mkdir()
    left, right = src / "b.web.md", src / "b.pdf.txt"
    left.write_text("另一篇\n\n完全不同的内容。\n", encoding="utf-8")
    right.write_text("另一篇\n\n完全不同的内容！\n", encoding="utf-8")
    return left, right


def _decided_project(pair: tuple[Path, Path]) -> Path:
    with open_review(*pair) as review:
        review.session.decide("left")
        return review.project.path


# --- item 9: export never writes to a project -------------------------------------------------
def test_export_leaves_its_own_project_byte_for_byte(pair, tmp_path: Path, capsys) -> None:
    proj = _decided_project(pair)
    before, listing = _sha(proj), _listing(proj.parent)
    out = str(tmp_path / "o")
    code = main(
        ["export", *map(str, pair), "--out", out, "--project", str(proj), "--prefer", "left"]
    )
    assert code == 0, capsys.readouterr().err
    assert _sha(proj) == before and _listing(proj.parent) == listing


def test_export_refuses_another_pairs_project(pair, other_pair, tmp_path: Path, capsys) -> None:
    proj = _decided_project(pair)
    before = _sha(proj)
    args = ["export", *map(str, other_pair), "--out", str(tmp_path / "o"), "--project", str(proj)]
    assert main([*args, "--prefer", "left"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(proj) in err and "--any-project" in err
    assert not (tmp_path / "o").exists()
    assert main([*args, "--prefer", "left", "--any-project"]) == 0  # asked for explicitly
    assert _sha(proj) == before


def test_export_sees_decisions_a_killed_window_left_in_the_wal(pair, tmp_path: Path) -> None:
    proj = default_project_path(*pair)
    open_review(*pair).close()
    pid = os.fork()
    if pid == 0:  # a window that decides, then dies without closing the project
        try:
            open_review(*pair).session.decide("left")
        finally:
            os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    assert Path(f"{proj}-wal").exists()
    before = {n: _sha(proj.parent / n) for n in _listing(proj.parent)}
    out = tmp_path / "o"
    code = main(
        ["export", *map(str, pair), "--out", str(out), "--project", str(proj), "--prefer", "right"]
    )
    assert code == 0
    log = (out / "decisions.csv").read_text("utf-8")
    assert ",left," in log  # the decision only the -wal holds
    assert {n: _sha(proj.parent / n) for n in _listing(proj.parent)} == before


# --- item 12: another application's database --------------------------------------------------
def test_another_apps_wal_database_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "theirs.reviewer"
    pid = os.fork()
    if pid == 0:
        try:
            conn = sqlite3.connect(db, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE t (x)")
            conn.execute("INSERT INTO t VALUES (1)")
        finally:
            os.kill(os.getpid(), signal.SIGKILL)  # leaves its -wal behind, as a live app would
    os.waitpid(pid, 0)
    before = {n: _sha(tmp_path / n) for n in _listing(tmp_path)}
    assert f"{db.name}-wal" in before
    for read_only in (False, True):
        with pytest.raises(ProjectError, match="another kind of SQLite database"):
            Project.open(db, read_only=read_only)
    assert {n: _sha(tmp_path / n) for n in _listing(tmp_path)} == before


# --- item 13: read-only ---------------------------------------------------------------------
@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_project_is_called_read_only(pair, where: str) -> None:
    proj = _decided_project(pair)
    target = proj if where == "file" else proj.parent
    target.chmod(0o444 if where == "file" else 0o555)
    try:
        with pytest.raises(ProjectReadOnly, match="read-only") as e:
            open_review(*pair)
        assert "damaged" not in str(e.value)
        with open_review(*pair, read_only=True) as review:  # viewing only
            assert len(review.session.decisions) == 1
            review.session.decide("right")  # kept in memory, never written
            with pytest.raises(ProjectError, match="read-only"):
                review.project.save_decision("x", None)
    finally:
        target.chmod(0o755)
    with Project.open(proj, read_only=True) as p:
        assert len(p.decisions()) == 1


# --- item 14: leftovers of a killed creation ------------------------------------------------
def test_temp_files_of_a_killed_creation_are_cleaned_on_the_next_open(pair) -> None:
    folder = pair[0].parent
    proj = default_project_path(*pair)
    pid = os.fork()
    if pid == 0:
        real_replace = os.replace

        def die(src, dst):  # killed just before the temp file becomes the project
            os.kill(os.getpid(), signal.SIGKILL)
            real_replace(src, dst)

        os.replace = die
        try:
            open_review(*pair)
        finally:
            os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    assert any(n.endswith(".tmp") for n in _listing(folder))
    open_review(*pair).close()
    assert _listing(folder) == sorted([pair[0].name, pair[1].name, proj.name])


# --- item 15 and item 4: where the default project goes -------------------------------------
def test_bundled_resources_are_never_written(data_home: Path) -> None:
    got = default_project_path(paths.SAMPLE_LEFT, paths.SAMPLE_LEFT)
    assert got.parent == data_home
    assert not got.is_relative_to(paths.RESOURCES)


def test_a_read_only_folder_gets_its_project_in_the_data_dir(pair, data_home: Path) -> None:
    pair[0].parent.chmod(0o555)
    try:
        got = default_project_path(*pair)
        with open_review(*pair) as review:
            assert review.project.path == got
    finally:
        pair[0].parent.chmod(0o755)
    assert got.parent == data_home and got.exists()


def test_a_long_left_name_gets_a_project_name_that_fits(tmp_path: Path, data_home: Path) -> None:
    left = tmp_path / ("页" * 83 + ".md")  # 251 bytes: valid, but "<stem>.reviewer" is not
    right = tmp_path / "r.txt"
    left.write_text("标题\n\n正文。\n", encoding="utf-8")
    right.write_text("标题\n\n正文！\n", encoding="utf-8")
    got = default_project_path(left, right)
    assert len(os.fsencode(got.name + "-journal")) <= 255
    with open_review(left, right) as review:
        assert review.project.path == got
    assert got.exists()


def test_a_project_path_sqlite_cannot_open_is_a_clear_error(pair, tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 200) / ("e" * 200)
    deep.mkdir(parents=True)
    proj = deep / ("p" * 120 + ".reviewer")
    with pytest.raises(ProjectError, match="too long") as e:
        open_review(*pair, proj)
    assert str(proj) in str(e.value) and not proj.exists()


def test_descriptors_of_deleted_projects_are_not_kept(tmp_path: Path) -> None:
    from reviewer.core.store import projectfile

    for n in range(5):
        p = tmp_path / f"p{n}.reviewer"
        Project.create(p, {}).close()
        p.unlink()
    Project.create(tmp_path / "last.reviewer", {}).close()
    for fd in projectfile._held.values():
        assert os.fstat(fd).st_nlink > 0
