"""The review project file: one SQLite database holding every decision of one review.

Durability: WAL journal, ``synchronous=FULL`` and one transaction per decision, so a
decision is on disk before ``save_decision`` returns and survives a crash or SIGKILL.

Locking: the connection runs in ``locking_mode=EXCLUSIVE`` and holds the database lock for
as long as the project is open. A second instance gets "database is locked" and a clear
message; the operating system drops the lock when a process dies, so a killed instance
never blocks reopening.

A file that is not ours, is corrupt or comes from a newer version is reported and never
written to: it is validated inside a read transaction before anything is changed.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reviewer.core import filesystem
from reviewer.core.review.merge import ORIGINS, Decision
from reviewer.core.review.structure import StructureEdit
from reviewer.core.store import projectfile

SCHEMA_VERSION = 3  # 2: decision.origin (editor, suggestion, preference, default); 3: structure
APPLICATION_ID = 0x52565752  # "RVWR": tells our databases from any other SQLite file
CORPUS_APPLICATION_ID = 0x52565743  # "RVWC": a corpus project (reviewer.core.corpus.store)
_KINDS = {APPLICATION_ID: "a project of one pair", CORPUS_APPLICATION_ID: "a corpus project"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_TABLES = frozenset({"meta", "decision", "event"})

_SCHEMA = """
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


def _problem(p: Path, e: projectfile.FileProblem) -> ProjectError:
    return (ProjectReadOnly if e.read_only else ProjectError)(p, e.problem)


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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (containers, services)
        return "unknown"


_OPEN_ELSEWHERE = "the project is open in another Reviewer window or process; close it there"


def _is_locked(e: sqlite3.Error) -> bool:
    msg = str(e).lower()
    return "locked" in msg or "busy" in msg


class Project:
    """An open project file; implements ``session.DecisionSink``. Close it to release the lock."""

    # A corpus project subclasses this for the same opening, locking and validation with
    # its own tables; the application id tells the two kinds apart.
    APPLICATION_ID = APPLICATION_ID
    SCHEMA = _SCHEMA
    TABLES = _TABLES

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
            cls._build(p, meta)
        return cls.open(p, user)

    @classmethod
    def _build(cls, p: Path, meta: Mapping[str, str]) -> None:
        # Built under a temporary name (never longer than the project's) and renamed, so a
        # crash never leaves a half-made file; a killed run's leftovers go on the next create.
        tmp = p.with_name(filesystem.side_name(p.name, ".tmp"))
        try:
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(f"PRAGMA application_id={cls.APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                conn.execute("BEGIN")
                for stmt in cls.SCHEMA.split(";"):
                    if stmt.strip():
                        conn.execute(stmt)
                rows = {"project_id": uuid.uuid4().hex, "created_at": _now(), **meta}
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

    @classmethod
    def open(cls, path: str | Path, user: str | None = None, *, read_only: bool = False) -> Project:
        """Open an existing project: checks format, version and integrity, then takes the lock.

        ``read_only`` reads a private snapshot and never writes to the project or its folder
        (ProjectError on any attempt to save). Otherwise a project that cannot be written is
        refused with ProjectReadOnly.
        """
        p = Path(path)
        try:
            projectfile.check(p, cls.APPLICATION_ID, _KINDS)
            if not read_only:
                projectfile.check_writable(p)
        except projectfile.FileProblem as e:
            raise _problem(p, e) from None
        if read_only:
            return cls._open_snapshot(p, user)
        if not filesystem.is_read_only(p.parent):
            with filesystem.folder_lock(p.parent):
                projectfile.remove_stale_temps(p)
        conn = cls._connect(p, p)
        return cls(p, conn, user)

    @classmethod
    def _open_snapshot(cls, p: Path, user: str | None) -> Project:
        if projectfile.locked_elsewhere(p):
            raise ProjectError(p, _OPEN_ELSEWHERE)
        try:
            copy = projectfile.snapshot(p)
        except projectfile.FileProblem as e:
            raise _problem(p, e) from None
        try:
            conn = cls._connect(copy, p)
            return cls(p, conn, user, snapshot=copy)
        except BaseException:
            projectfile.discard(copy)
            raise

    @classmethod
    def _connect(cls, db: Path, p: Path) -> sqlite3.Connection:
        """Connect to ``db`` (the project, or a snapshot of project ``p``) and validate it."""
        try:
            conn = sqlite3.connect(db, timeout=0.1, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise ProjectError(p, f"cannot be opened ({e})") from None
        try:
            # Must be set before the first access: the lock is then held until close().
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            cls._validate(p, conn)
            cls._upgrade(p, conn)
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

    @classmethod
    def _validate(cls, p: Path, conn: sqlite3.Connection) -> None:
        """Read-only checks inside one transaction that also takes the exclusive lock."""
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if _is_locked(e):
                raise ProjectError(p, _OPEN_ELSEWHERE) from None
            if "readonly" in str(e).lower():
                raise ProjectReadOnly(
                    p, "the project is read-only; open it for viewing only, or save a copy"
                ) from None
            raise ProjectError(p, f"the project file is damaged ({e})") from None
        except sqlite3.DatabaseError as e:
            raise ProjectError(p, f"the project file is damaged ({e})") from None
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != cls.APPLICATION_ID and app_id in _KINDS:
                want = _KINDS[cls.APPLICATION_ID]
                raise ProjectError(p, f"this is {_KINDS[app_id]}, not {want}")
            if app_id != cls.APPLICATION_ID:
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
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not tables >= cls.TABLES or version < 1:
                raise ProjectError(p, "the project file is damaged (tables are missing)")
        except sqlite3.DatabaseError as e:
            raise ProjectError(p, f"the project file is damaged ({e})") from None
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    @staticmethod
    def _upgrade(p: Path, conn: sqlite3.Connection) -> None:
        """Bring an older project to the current format: additive changes, decisions kept
        (2: decision.origin; 3: the structure table)."""
        if conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            cols = {r[1] for r in conn.execute("PRAGMA table_info(decision)")}
            if "origin" not in cols:
                conn.execute(
                    "ALTER TABLE decision ADD COLUMN origin TEXT NOT NULL DEFAULT 'editor'"
                )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS structure (seq INTEGER PRIMARY KEY, edit TEXT NOT NULL)"
            )
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise ProjectError(p, f"could not upgrade the project format ({e})") from None

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
        now = _now()
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
                    _now(),
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
