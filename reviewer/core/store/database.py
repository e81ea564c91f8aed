"""The review project file: one SQLite database holding every decision of one review.

Durability: WAL journal, ``synchronous=FULL`` and one transaction per decision, so a
decision is on disk before ``save_decision`` returns and survives a crash or SIGKILL.

Locking: the connection runs in ``locking_mode=EXCLUSIVE`` and holds the database lock for
as long as the project is open. A second instance gets "database is locked" and a clear
message; the operating system drops the lock when a process dies, so a killed instance
never blocks reopening.

Its format, and the checks made before it is used, are in ``fileformat``.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reviewer.core import filesystem
from reviewer.core.review.merge import ORIGINS, Decision
from reviewer.core.review.structure import StructureEdit
from reviewer.core.store import fileformat, projectfile
from reviewer.core.store.fileformat import (
    APPLICATION_ID,
    KINDS,
    OPEN_ELSEWHERE,
    SCHEMA,
    TABLES,
    ProjectError,
    ProjectReadOnly,
    utc_now,
)


@dataclass(frozen=True)
class ItemInfo:
    """What the store records beside a decision so a later alignment can find its item."""

    content_key: str
    ord: int
    left: str | None
    right: str | None


@dataclass(frozen=True)
class StoredDecision:
    key: str
    decision: Decision
    content_key: str | None
    ord: int | None
    left: str | None
    right: str | None
    who: str
    at: str


def _origin(value: str | None) -> str:
    return value if value in ORIGINS else "editor"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (containers, services)
        return "unknown"


class Project:
    """An open project file; implements ``session.DecisionSink``. Close it to release the lock."""

    # A corpus project subclasses this for the same opening, locking and validation with
    # its own tables; the application id tells the two kinds apart.
    APPLICATION_ID = APPLICATION_ID
    SCHEMA = SCHEMA
    TABLES = TABLES

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        user: str | None = None,
        snapshot: Path | None = None,
    ) -> None:
        self.path = path
        # Opened read-only: a private copy is read, nothing is ever written to ``path``.
        self.read_only = snapshot is not None
        self._snapshot = snapshot
        self._conn: sqlite3.Connection | None = conn
        self.user = user or _user()
        self._items: Mapping[str, ItemInfo] = {}
        # The window opens reviews off the UI thread and saves on it: one lock serialises use.
        self._lock = threading.RLock()
        meta = self.meta()
        self.project_id = meta.get("project_id", "")
        self._cursor: str | None = meta.get("cursor")

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, meta: Mapping[str, str], user: str | None = None) -> Project:
        """Make a new project file at ``path`` (refused if anything is there) and open it."""
        p = Path(path)
        problem = filesystem.name_problem(p)
        if problem:
            raise ProjectError(p, problem)
        absolute = len(os.fsencode(os.path.abspath(p)))
        if absolute > projectfile.SQLITE_PATH_MAX:
            raise ProjectError(
                p,
                f"the path is too long for a project file ({absolute} bytes; the limit is "
                f"{projectfile.SQLITE_PATH_MAX})",
            )
        if filesystem.exists(p):
            raise ProjectError(p, "a file is already there; it was left untouched")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ProjectError(p, f"cannot create the folder ({e.strerror or e})") from None
        if filesystem.is_read_only(p.parent):
            raise ProjectReadOnly(p, "cannot create the project: its folder is read-only")
        with filesystem.folder_lock(p.parent):
            projectfile.remove_stale_temps(p)
            fileformat.build(p, meta, cls.APPLICATION_ID, cls.SCHEMA)
        return cls.open(p, user)

    @classmethod
    def open(cls, path: str | Path, user: str | None = None, *, read_only: bool = False) -> Project:
        """Open an existing project: checks format, version and integrity, then takes the lock.

        ``read_only`` reads a private snapshot and never writes to the project or its folder
        (ProjectError on any attempt to save). Otherwise a project that cannot be written is
        refused with ProjectReadOnly.
        """
        p = Path(path)
        try:
            projectfile.check(p, cls.APPLICATION_ID, KINDS)
            if not read_only:
                projectfile.check_writable(p)
        except projectfile.FileProblem as e:
            raise fileformat.problem(p, e) from None
        if read_only:
            return cls._open_snapshot(p, user)
        if not filesystem.is_read_only(p.parent):
            with filesystem.folder_lock(p.parent):
                projectfile.remove_stale_temps(p)
        conn = fileformat.connect(p, p, cls.APPLICATION_ID, cls.TABLES)
        return cls(p, conn, user)

    @classmethod
    def _open_snapshot(cls, p: Path, user: str | None) -> Project:
        if projectfile.locked_elsewhere(p):
            raise ProjectError(p, OPEN_ELSEWHERE)
        try:
            copy = projectfile.snapshot(p)
        except projectfile.FileProblem as e:
            raise fileformat.problem(p, e) from None
        try:
            conn = fileformat.connect(copy, p, cls.APPLICATION_ID, cls.TABLES)
            return cls(p, conn, user, snapshot=copy)
        except BaseException:
            projectfile.discard(copy)
            raise

    # --- lifetime ------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self) -> None:
        """Close the database and release the lock; safe to call twice."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if self._snapshot is not None:
                projectfile.discard(self._snapshot)
                self._snapshot = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ProjectError(self.path, "the project is closed")
        return self._conn

    @contextmanager
    def _tx(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction; any failure rolls back and becomes a ProjectError."""
        with self._lock:
            conn = self.conn
            if self.read_only:
                raise ProjectError(self.path, f"could not save {what}: opened read-only")
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as e:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise ProjectError(self.path, f"could not save {what} ({e})") from None

    # --- metadata ------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        with self._lock:
            return dict(self.conn.execute("SELECT key, value FROM meta").fetchall())

    def set_meta(self, values: Mapping[str, str | None]) -> None:
        """Set (or, with None, remove) metadata entries in one transaction."""
        with self._tx("the project details") as conn:
            for k, v in sorted(values.items()):
                if v is None:
                    conn.execute("DELETE FROM meta WHERE key = ?", (k,))
                else:
                    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (k, v))

    # --- decisions (session.DecisionSink) ------------------------------------------------
    def bind(self, items: Mapping[str, ItemInfo]) -> None:
        """The current alignment's items, so each saved decision carries its content key."""
        self._items = items

    def save_decision(self, key: str, decision: Decision | None) -> None:
        """Commit one decision (None withdraws it) before returning."""
        self.save_decisions([(key, decision)])

    def save_decisions(self, changes: Sequence[tuple[str, Decision | None]]) -> None:
        """Commit many decisions in ONE transaction (a bulk action: accept all, defaults)."""
        now = utc_now()
        with self._tx("the decision") as conn:
            for key, decision in changes:
                self._write(conn, key, decision, now)

    def _write(
        self, conn: sqlite3.Connection, key: str, decision: Decision | None, now: str
    ) -> None:
        info = self._items.get(key)
        if decision is None:
            conn.execute("DELETE FROM decision WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT INTO decision (key, choice, text, content_key, ord, left, right, who, "
                "at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET choice = excluded.choice, "
                "text = excluded.text, who = excluded.who, at = excluded.at, "
                "origin = excluded.origin, "
                "content_key = COALESCE(excluded.content_key, decision.content_key), "
                "ord = COALESCE(excluded.ord, decision.ord), "
                "left = COALESCE(excluded.left, decision.left), "
                "right = COALESCE(excluded.right, decision.right)",
                (
                    key,
                    decision.choice,
                    decision.text,
                    info.content_key if info else None,
                    info.ord if info else None,
                    info.left if info else None,
                    info.right if info else None,
                    self.user,
                    now,
                    decision.origin,
                ),
            )
        conn.execute(
            "INSERT INTO event (key, choice, text, who, at) VALUES (?, ?, ?, ?, ?)",
            (key, decision and decision.choice, decision and decision.text, self.user, now),
        )

    def save_cursor(self, key: str | None) -> None:
        """Remember the editor's position; skipped when unchanged (navigation is frequent)."""
        if key == self._cursor:
            return
        if self.read_only:
            self._cursor = key
            return
        with self._lock:
            # Losing the position to a power cut is harmless: no fsync for it, unlike decisions.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            try:
                self.set_meta({"cursor": key})
            finally:
                self.conn.execute("PRAGMA synchronous=FULL")
            self._cursor = key

    def cursor(self) -> str | None:
        self._cursor = self.meta().get("cursor")
        return self._cursor

    def decisions(self) -> list[StoredDecision]:
        """Every stored decision, in the order the items had when decided."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT key, choice, text, content_key, ord, left, right, who, at, origin "
                "FROM decision ORDER BY ord IS NULL, ord, key"
            ).fetchall()
        return [
            StoredDecision(
                r[0], Decision(r[1], r[2], _origin(r[9])), r[3], r[4], r[5], r[6], r[7], r[8]
            )
            for r in rows
        ]

    def rekey(self, moves: Mapping[str, str]) -> None:
        """Move re-attached decisions to their new item ids, in one transaction."""
        if not moves:
            return
        with self._tx("the re-attached decisions") as conn:
            for old, new in sorted(moves.items()):
                info = self._items.get(new)
                conn.execute(
                    "UPDATE decision SET key = ?, content_key = COALESCE(?, content_key), "
                    "ord = COALESCE(?, ord) WHERE key = ?",
                    (new, info and info.content_key, info and info.ord, old),
                )

    # --- structure edits ---------------------------------------------------------------
    def save_structure(self, edits: Sequence[StructureEdit]) -> None:
        """Replace the stored structure edits with ``edits``, in one transaction."""
        with self._tx("the structure change") as conn:
            conn.execute("DELETE FROM structure")
            conn.executemany(
                "INSERT INTO structure (seq, edit) VALUES (?, ?)",
                [(n, e.to_json()) for n, e in enumerate(edits)],
            )
            conn.execute(
                "INSERT INTO event (key, choice, text, who, at) VALUES (?, ?, ?, ?, ?)",
                (
                    "structure",
                    "structure",
                    edits[-1].to_json() if edits else None,
                    self.user,
                    utc_now(),
                ),
            )

    def structure(self) -> list[StructureEdit]:
        """The stored structure edits, in the order they apply (unreadable rows skipped)."""
        with self._lock:
            rows = self.conn.execute("SELECT edit FROM structure ORDER BY seq").fetchall()
        out = []
        for (data,) in rows:
            try:
                out.append(StructureEdit.from_json(data))
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def events(self) -> list[tuple[str, str | None, str | None, str, str]]:
        """The audit log: (key, choice, text, who, at), oldest first."""
        with self._lock:
            return self.conn.execute(
                "SELECT key, choice, text, who, at FROM event ORDER BY seq"
            ).fetchall()
