"""The project database: durability, format checks, locking; bad files are never written."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reviewer.core.review.merge import Decision
from reviewer.core.store.database import ItemInfo, Project
from reviewer.core.store.fileformat import APPLICATION_ID, SCHEMA_VERSION, ProjectError


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def proj_path(tmp_path: Path) -> Path:
    p = tmp_path / "r.reviewer"
    Project.create(p, {"left_path": "/a", "right_path": "/b"}).close()
    return p


def test_create_sets_format_and_meta(proj_path: Path) -> None:
    raw = sqlite3.connect(proj_path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    with Project.open(proj_path) as p:
        meta = p.meta()
    assert meta["left_path"] == "/a" and meta["right_path"] == "/b"
    assert len(meta["project_id"]) == 32
    assert not list(proj_path.parent.glob(".*.tmp*"))  # the build file is gone


def test_decisions_and_cursor_persist(proj_path: Path) -> None:
    with Project.open(proj_path, user="ed") as p:
        p.bind({"c1": ItemInfo("k1", 0, "甲", "乙")})
        p.save_decision("c1", Decision("right"))
        p.save_decision("c2", Decision("edit", "改"))
        p.save_decision("c2", Decision("edit", "再改"))
        p.save_decision("u3", Decision("drop"))
        p.save_decision("u3", None)
        p.save_cursor("c2")
    with Project.open(proj_path) as p:
        stored = {sd.key: sd for sd in p.decisions()}
        assert p.cursor() == "c2"
        events = p.events()
    assert set(stored) == {"c1", "c2"}
    assert stored["c1"].decision == Decision("right")
    assert (stored["c1"].content_key, stored["c1"].left, stored["c1"].right) == ("k1", "甲", "乙")
    assert stored["c2"].decision == Decision("edit", "再改")
    assert stored["c1"].who == "ed" and stored["c1"].at.startswith("20")
    assert [(k, c) for k, c, *_ in events] == [
        ("c1", "right"),
        ("c2", "edit"),
        ("c2", "edit"),
        ("u3", "drop"),
        ("u3", None),
    ]


def test_cursor_can_be_cleared(proj_path: Path) -> None:
    with Project.open(proj_path) as p:
        p.save_cursor("c9")
        p.save_cursor(None)
        assert p.cursor() is None


def test_create_refuses_an_existing_file(proj_path: Path) -> None:
    before = _digest(proj_path)
    with pytest.raises(ProjectError, match="already there"):
        Project.create(proj_path, {})
    assert _digest(proj_path) == before


def test_error_message_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.reviewer"
    with pytest.raises(ProjectError) as e:
        Project.open(missing)
    assert str(e.value) == f"{missing}: no such project file"
    assert e.value.path == str(missing) and e.value.problem == "no such project file"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"this is not a database\n" * 20, "not an SQLite database"),
    ],
)
def test_non_projects_are_refused_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.reviewer"
    p.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(p)
    assert p.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "other.reviewer"
    raw = sqlite3.connect(p)
    raw.execute("CREATE TABLE x (y)")
    raw.commit()
    raw.close()
    before = _digest(p)
    with pytest.raises(ProjectError, match="another kind of SQLite database"):
        Project.open(p)
    assert _digest(p) == before


def test_damaged_project_is_refused_untouched(proj_path: Path) -> None:
    with Project.open(proj_path) as p:
        for i in range(200):  # enough rows for several pages
            p.save_decision(f"k{i}", Decision("edit", "字" * 40))
    data = bytearray(proj_path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[3 * page : 3 * page + 300] = b"\xff" * 300
    proj_path.write_bytes(bytes(data))
    with pytest.raises(ProjectError, match="damaged"):
        Project.open(proj_path)
    assert proj_path.read_bytes() == bytes(data)


def test_newer_version_is_refused_untouched(proj_path: Path) -> None:
    raw = sqlite3.connect(proj_path)
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    before = _digest(proj_path)
    with pytest.raises(ProjectError, match="newer version of Reviewer") as e:
        Project.open(proj_path)
    assert f"format {SCHEMA_VERSION + 1}" in e.value.problem
    assert _digest(proj_path) == before


def test_second_open_in_the_same_process_is_locked(proj_path: Path) -> None:
    first = Project.open(proj_path)
    try:
        with pytest.raises(ProjectError, match="open in another Reviewer"):
            Project.open(proj_path)
        first.save_decision("c1", Decision("left"))  # the holder keeps working
    finally:
        first.close()
    with Project.open(proj_path) as again:
        assert [sd.key for sd in again.decisions()] == ["c1"]


_HOLDER = """
import sys
import threading
from reviewer.core.store.database import Project
p = Project.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


def test_lock_held_by_another_process_and_released_when_it_is_killed(proj_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(proj_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(ProjectError, match="open in another Reviewer"):
            Project.open(proj_path)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    # The stale lock of a killed process must not block reopening.
    with Project.open(proj_path) as p:
        assert p.meta()["left_path"] == "/a"


def test_closed_project_refuses_to_save(proj_path: Path) -> None:
    p = Project.open(proj_path)
    p.close()
    p.close()  # twice is fine
    assert p.closed
    with pytest.raises(ProjectError, match="closed"):
        p.save_decision("c1", Decision("left"))


def test_rekey_moves_a_decision_with_its_new_content_key(proj_path: Path) -> None:
    with Project.open(proj_path) as p:
        p.save_decision("old", Decision("keep"))
        p.bind({"new": ItemInfo("k-new", 7, None, "独")})
        p.rekey({"old": "new"})
        (sd,) = p.decisions()
    assert (sd.key, sd.decision, sd.content_key, sd.ord) == ("new", Decision("keep"), "k-new", 7)


def test_opened_in_one_thread_saved_from_another(proj_path: Path) -> None:
    # The window opens a review off the UI thread and decides on the UI thread.
    opened: list[Project] = []
    t = threading.Thread(target=lambda: opened.append(Project.open(proj_path)))
    t.start()
    t.join()
    with opened[0] as p:
        p.save_decision("c1", Decision("left"))
        p.save_cursor("c1")
        assert [sd.key for sd in p.decisions()] == ["c1"] and p.cursor() == "c1"


def test_unchanged_cursor_is_not_rewritten(proj_path: Path) -> None:
    with Project.open(proj_path) as p:
        p.save_cursor("c1")
        before = p.conn.total_changes
        p.save_cursor("c1")
        assert p.conn.total_changes == before
        p.save_cursor("c2")
        assert p.conn.total_changes > before
