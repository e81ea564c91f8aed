"""The project file's format: its schema and version, its errors, and the checks made before
a database is used.

A file that is not ours, is corrupt or comes from a newer version is reported and never
written to: it is validated inside a read transaction (that also takes the exclusive lock)
before anything is changed; an older one is upgraded in place, additively.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path

from reviewer.core import filesystem
from reviewer.core.store import projectfile

SCHEMA_VERSION = 3  # 2: decision.origin (editor, suggestion, preference, default); 3: structure
APPLICATION_ID = 0x52565752  # "RVWR": tells our databases from any other SQLite file
CORPUS_APPLICATION_ID = 0x52565743  # "RVWC": a corpus project (reviewer.core.corpus.store)
KINDS = {APPLICATION_ID: "a project of one pair", CORPUS_APPLICATION_ID: "a corpus project"}
TABLES = frozenset({"meta", "decision", "event"})

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE decision (
    key TEXT PRIMARY KEY,      -- review item id: conflict id or unit id
    choice TEXT NOT NULL,
    text TEXT,                 -- the typed reading of an edit
    content_key TEXT,          -- readings + a little context: re-attaches after re-alignment
    ord INTEGER,               -- item position when decided: orders equal content keys
    left TEXT,                 -- readings when decided, to list decisions that no longer apply
    right TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'editor'  -- who chose: editor, suggestion, preference, default
);
CREATE INDEX decision_content ON decision(content_key);
CREATE TABLE structure (       -- structure edits by hand, in order (core/review/structure.py)
    seq INTEGER PRIMARY KEY,
    edit TEXT NOT NULL         -- StructureEdit as JSON, keyed by unit content
);
CREATE TABLE event (           -- audit log: every change, undo and redo included
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    choice TEXT,               -- NULL: the decision was withdrawn
    text TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


class ProjectError(Exception):
    """The project file cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ProjectReadOnly(ProjectError):
    """The project (or its folder) cannot be written: it can be viewed, or copied."""


def problem(p: Path, e: projectfile.FileProblem) -> ProjectError:
    """The error for a problem found before SQLite opened the file."""
    return (ProjectReadOnly if e.read_only else ProjectError)(p, e.problem)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


OPEN_ELSEWHERE = "the project is open in another Reviewer window or process; close it there"


def _is_locked(e: sqlite3.Error) -> bool:
    msg = str(e).lower()
    return "locked" in msg or "busy" in msg


def build(p: Path, meta: Mapping[str, str], app_id: int, schema: str) -> None:
    """Make a new database at ``p`` with ``schema`` and ``meta`` (nothing if it fails)."""
    # Built under a temporary name (never longer than the project's) and renamed, so a
    # crash never leaves a half-made file; a killed run's leftovers go on the next create.
    tmp = p.with_name(filesystem.side_name(p.name, ".tmp"))
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA application_id={app_id}")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("BEGIN")
            for stmt in schema.split(";"):
                if stmt.strip():
                    conn.execute(stmt)
            rows = {"project_id": uuid.uuid4().hex, "created_at": utc_now(), **meta}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(rows.items()))
            conn.execute("COMMIT")
        finally:
            conn.close()  # last connection: checkpoints and removes the -wal file
        if filesystem.exists(p):
            raise ProjectError(p, "a file appeared there meanwhile; it was left untouched")
        os.replace(tmp, p)
    except sqlite3.Error as e:
        raise ProjectError(p, f"cannot create the project ({e})") from None
    except OSError as e:
        raise ProjectError(p, f"cannot create the project ({e.strerror or e})") from None
    finally:
        for suffix in projectfile.SIDECARS:
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)


def connect(db: Path, p: Path, app_id: int, tables: frozenset[str]) -> sqlite3.Connection:
    """Connect to ``db`` (the project, or a snapshot of project ``p``) and validate it."""
    try:
        conn = sqlite3.connect(db, timeout=0.1, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise ProjectError(p, f"cannot be opened ({e})") from None
    try:
        # Must be set before the first access: the lock is then held until close().
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        _validate(p, conn, app_id, tables)
        _upgrade(p, conn)
        conn.execute("PRAGMA synchronous=FULL")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error as e:
        conn.close()
        raise ProjectError(p, f"cannot be opened ({e})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _validate(p: Path, conn: sqlite3.Connection, app_id: int, tables: frozenset[str]) -> None:
    """Read-only checks inside one transaction that also takes the exclusive lock."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        if _is_locked(e):
            raise ProjectError(p, OPEN_ELSEWHERE) from None
        if "readonly" in str(e).lower():
            raise ProjectReadOnly(
                p, "the project is read-only; open it for viewing only, or save a copy"
            ) from None
        raise ProjectError(p, f"the project file is damaged ({e})") from None
    except sqlite3.DatabaseError as e:
        raise ProjectError(p, f"the project file is damaged ({e})") from None
    try:
        found = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if found != app_id and found in KINDS:
            raise ProjectError(p, f"this is {KINDS[found]}, not {KINDS[app_id]}")
        if found != app_id:
            raise ProjectError(p, "not a Reviewer project (another kind of SQLite database)")
        if version > SCHEMA_VERSION:
            raise ProjectError(
                p,
                f"made by a newer version of Reviewer (project format {version}; this "
                f"version reads up to {SCHEMA_VERSION}); open it with that version",
            )
        check = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise ProjectError(p, f"the project file is damaged ({'; '.join(check[:3])})")
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if not present >= tables or version < 1:
            raise ProjectError(p, "the project file is damaged (tables are missing)")
    except sqlite3.DatabaseError as e:
        raise ProjectError(p, f"the project file is damaged ({e})") from None
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _upgrade(p: Path, conn: sqlite3.Connection) -> None:
    """Bring an older project to the current format: additive changes, decisions kept
    (2: decision.origin; 3: the structure table)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        cols = {r[1] for r in conn.execute("PRAGMA table_info(decision)")}
        if "origin" not in cols:
            conn.execute("ALTER TABLE decision ADD COLUMN origin TEXT NOT NULL DEFAULT 'editor'")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS structure (seq INTEGER PRIMARY KEY, edit TEXT NOT NULL)"
        )
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise ProjectError(p, f"could not upgrade the project format ({e})") from None
