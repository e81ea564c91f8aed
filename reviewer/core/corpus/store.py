"""The corpus project: one SQLite file holding every page's alignment and decisions.

It is a ``store.Project`` (same opening, locking, validation, WAL and one transaction per
decision) with its own tables: ``page`` holds per page the two sources' paths and SHA-256,
the engine version, the serialised alignment (codec.py) and cached counts; ``decision`` and
``event`` are the single-pair tables with a page column. Only the open page's alignment is
ever decoded, so memory does not grow with the corpus.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.corpus.batch import PageResult
from reviewer.core.corpus.codec import from_blob
from reviewer.core.model import Alignment
from reviewer.core.review.merge import Decision
from reviewer.core.store.database import ItemInfo, Project, StoredDecision
from reviewer.core.store.fileformat import CORPUS_APPLICATION_ID, ProjectError, utc_now

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE page (
    path TEXT PRIMARY KEY,     -- relative page path: "2025-07-19/p01"
    left_path TEXT NOT NULL,
    right_path TEXT NOT NULL,
    left_sha256 TEXT,
    right_sha256 TEXT,
    engine_version TEXT,
    alignment BLOB,            -- codec.to_blob, NULL until aligned
    articles INTEGER NOT NULL DEFAULT 0,
    units INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0,
    conflicts_left INTEGER NOT NULL DEFAULT 0,  -- what an export would stop on
    items_left INTEGER NOT NULL DEFAULT 0,      -- undecided review items
    cursor TEXT,
    aligned_at TEXT,
    error TEXT                 -- "file: reason" of the last failed attempt, else NULL
);
CREATE TABLE decision (
    page TEXT NOT NULL,
    key TEXT NOT NULL,
    choice TEXT NOT NULL,
    text TEXT,
    content_key TEXT,
    ord INTEGER,
    left TEXT,
    right TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (page, key)
);
CREATE TABLE event (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    page TEXT NOT NULL,
    key TEXT NOT NULL,
    choice TEXT,
    text TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);
"""

_PAGE_COLUMNS = (
    "path, left_path, right_path, left_sha256, right_sha256, engine_version, articles, units, "
    "conflicts, items, conflicts_left, items_left, error, alignment IS NOT NULL"
)


@dataclass(frozen=True)
class PageRow:
    """A page as listed (no alignment decoded)."""

    path: str
    left_path: str
    right_path: str
    left_sha256: str | None
    right_sha256: str | None
    engine_version: str | None
    articles: int
    units: int
    conflicts: int
    items: int
    conflicts_left: int
    items_left: int
    error: str | None
    aligned: bool


class CorpusProject(Project):
    APPLICATION_ID = CORPUS_APPLICATION_ID
    SCHEMA = _SCHEMA
    TABLES = frozenset({"meta", "page", "decision", "event"})

    # --- pages -----------------------------------------------------------------------------
    def pages(self) -> list[PageRow]:
        with self._lock:
            rows = self.conn.execute(f"SELECT {_PAGE_COLUMNS} FROM page ORDER BY path").fetchall()
        return [PageRow(*r[:-1], aligned=bool(r[-1])) for r in rows]

    def page(self, path: str) -> PageRow | None:
        with self._lock:
            r = self.conn.execute(
                f"SELECT {_PAGE_COLUMNS} FROM page WHERE path = ?", (path,)
            ).fetchone()
        return PageRow(*r[:-1], aligned=bool(r[-1])) if r else None

    def alignment(self, path: str) -> Alignment:
        """Decode one page's stored alignment (ProjectError if missing or damaged)."""
        with self._lock:
            r = self.conn.execute("SELECT alignment FROM page WHERE path = ?", (path,)).fetchone()
        if r is None or r[0] is None:
            raise ProjectError(self.path, f"page {path} has not been aligned")
        try:
            return from_blob(r[0])
        except ValueError as e:
            raise ProjectError(self.path, f"page {path}: {e}") from None

    def store_results(self, results: Iterable[PageResult]) -> None:
        """Write a batch of worker results in one transaction (the single writer).

        A page that already has decisions is re-attached to its new alignment (by id, then by
        content key) so they carry over; decisions that no longer apply stay stored.
        """
        # Pre-alignment is recomputable: a batch lost to a power cut is aligned again on the
        # next run, so it needs no fsync of its own (decisions keep synchronous=FULL).
        with self._lock:
            self.conn.execute("PRAGMA synchronous=NORMAL")
            try:
                with self._tx("the aligned pages") as conn:
                    for r in results:
                        self._store_one(conn, r)
            finally:
                self.conn.execute("PRAGMA synchronous=FULL")

    def _store_one(self, c: sqlite3.Connection, r: PageResult) -> None:
        if r.failure is not None:
            c.execute(
                "INSERT INTO page (path, left_path, right_path, error) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET left_path = excluded.left_path, "
                "right_path = excluded.right_path, error = excluded.error",
                (r.page, r.left_path, r.right_path, f"{r.failure.path}: {r.failure.reason}"),
            )
            return
        assert r.counts is not None and r.blob is not None
        conflicts_left, items_left = r.counts.conflicts_left, r.counts.items
        c.execute(
            "INSERT INTO page (path, left_path, right_path, left_sha256, right_sha256, "
            "engine_version, alignment, articles, units, conflicts, items, conflicts_left, "
            "items_left, aligned_at, error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
            "ON CONFLICT(path) DO UPDATE SET left_path = excluded.left_path, "
            "right_path = excluded.right_path, left_sha256 = excluded.left_sha256, "
            "right_sha256 = excluded.right_sha256, engine_version = excluded.engine_version, "
            "alignment = excluded.alignment, articles = excluded.articles, "
            "units = excluded.units, conflicts = excluded.conflicts, items = excluded.items, "
            "conflicts_left = excluded.conflicts_left, items_left = excluded.items_left, "
            "aligned_at = excluded.aligned_at, error = NULL",
            (
                r.page,
                r.left_path,
                r.right_path,
                r.left_sha256,
                r.right_sha256,
                r.engine_version,
                r.blob,
                r.counts.articles,
                r.counts.units,
                r.counts.conflicts,
                r.counts.items,
                conflicts_left,
                items_left,
                utc_now(),
            ),
        )
        has = c.execute("SELECT 1 FROM decision WHERE page = ? LIMIT 1", (r.page,)).fetchone()
        if has:
            from reviewer.core.corpus.pages import reattach_page

            reattach_page(self, r.page, from_blob(r.blob), in_transaction=True)

    # --- decisions of one page ---------------------------------------------------------------
    def sink(self, page: str) -> PageSink:
        return PageSink(self, page)

    def decisions(self, page: str | None = None) -> list[StoredDecision]:  # type: ignore[override]
        """One page's stored decisions in item order (every page's with ``page=None``)."""
        sql = (
            "SELECT key, choice, text, content_key, ord, left, right, who, at FROM decision "
            + ("WHERE page = ? " if page is not None else "")
            + "ORDER BY ord IS NULL, ord, key"
        )
        with self._lock:
            rows = self.conn.execute(sql, (page,) if page is not None else ()).fetchall()
        return [
            StoredDecision(r[0], Decision(r[1], r[2]), r[3], r[4], r[5], r[6], r[7], r[8])
            for r in rows
        ]

    def decision_map(self) -> dict[str, dict[str, Decision]]:
        """Every decision, by page then item id (for export and status)."""
        out: dict[str, dict[str, Decision]] = {}
        with self._lock:
            rows = self.conn.execute("SELECT page, key, choice, text FROM decision").fetchall()
        for page, key, choice, text in rows:
            out.setdefault(page, {})[key] = Decision(choice, text)
        return out

    def totals(self) -> dict[str, int]:
        with self._lock:
            r = self.conn.execute(
                "SELECT COUNT(*), COUNT(alignment), COALESCE(SUM(articles), 0), "
                "COALESCE(SUM(conflicts), 0), COALESCE(SUM(conflicts_left), 0), "
                "COALESCE(SUM(items_left), 0), COUNT(error) FROM page"
            ).fetchone()
        keys = ("pages", "aligned", "articles", "conflicts", "conflicts_left", "items_left")
        return dict(zip((*keys, "failed"), r))


class PageSink:
    """``session.DecisionSink`` for one page of a corpus project (one transaction a decision).

    ``counts`` (set by whoever opened the page) returns (conflicts left, items left) after a
    decision, so the page list stays current without decoding any alignment.
    """

    def __init__(self, project: CorpusProject, page: str) -> None:
        self.project = project
        self.page = page
        self._items: Mapping[str, ItemInfo] = {}
        self.counts: Callable[[], tuple[int, int]] | None = None
        self._cursor: str | None = None

    def bind(self, items: Mapping[str, ItemInfo]) -> None:
        self._items = items

    def save_decision(self, key: str, decision: Decision | None) -> None:
        now, who, info = utc_now(), self.project.user, self._items.get(key)
        with self.project._tx("the decision") as conn:
            if decision is None:
                conn.execute("DELETE FROM decision WHERE page = ? AND key = ?", (self.page, key))
            else:
                conn.execute(
                    "INSERT INTO decision VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(page, key) DO UPDATE SET choice = excluded.choice, "
                    "text = excluded.text, who = excluded.who, at = excluded.at, "
                    "content_key = COALESCE(excluded.content_key, decision.content_key), "
                    "ord = COALESCE(excluded.ord, decision.ord), "
                    "left = COALESCE(excluded.left, decision.left), "
                    "right = COALESCE(excluded.right, decision.right)",
                    (
                        self.page,
                        key,
                        decision.choice,
                        decision.text,
                        info.content_key if info else None,
                        info.ord if info else None,
                        info.left if info else None,
                        info.right if info else None,
                        who,
                        now,
                    ),
                )
            conn.execute(
                "INSERT INTO event (page, key, choice, text, who, at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    self.page,
                    key,
                    decision and decision.choice,
                    decision and decision.text,
                    who,
                    now,
                ),
            )
            if self.counts is not None:
                cl, il = self.counts()
                conn.execute(
                    "UPDATE page SET conflicts_left = ?, items_left = ? WHERE path = ?",
                    (cl, il, self.page),
                )

    def save_cursor(self, key: str | None) -> None:
        if key == self._cursor:
            return
        with self.project._lock:
            conn = self.project.conn
            conn.execute("PRAGMA synchronous=NORMAL")  # a lost position is harmless
            try:
                with self.project._tx("the position") as c:
                    c.execute("UPDATE page SET cursor = ? WHERE path = ?", (key, self.page))
                    c.execute("INSERT OR REPLACE INTO meta VALUES ('cursor_page', ?)", (self.page,))
            finally:
                conn.execute("PRAGMA synchronous=FULL")
        self._cursor = key

    def cursor(self) -> str | None:
        with self.project._lock:
            r = self.project.conn.execute(
                "SELECT cursor FROM page WHERE path = ?", (self.page,)
            ).fetchone()
        self._cursor = r[0] if r else None
        return self._cursor

    def rekey(self, moves: Mapping[str, str], conn: object | None = None) -> None:
        if not moves:
            return

        def run(c: object) -> None:
            for old, new in sorted(moves.items()):
                info = self._items.get(new)
                c.execute(  # type: ignore[attr-defined]
                    "UPDATE decision SET key = ?, content_key = COALESCE(?, content_key), "
                    "ord = COALESCE(?, ord) WHERE page = ? AND key = ?",
                    (new, info and info.content_key, info and info.ord, self.page, old),
                )

        if conn is not None:
            run(conn)
        else:
            with self.project._tx("the re-attached decisions") as c:
                run(c)

    def set_counts(self, conflicts_left: int, items_left: int, conn: object | None = None) -> None:
        sql = "UPDATE page SET conflicts_left = ?, items_left = ? WHERE path = ?"
        if conn is not None:
            conn.execute(sql, (conflicts_left, items_left, self.page))  # type: ignore[attr-defined]
        else:
            with self.project._tx("the page counts") as c:
                c.execute(sql, (conflicts_left, items_left, self.page))


def is_corpus_project(path: str | Path) -> bool:
    """Does ``path`` hold a corpus project (the SQLite header's application id)?"""
    from reviewer.core.store.projectfile import read_header

    head = read_header(path, 72)  # a FIFO or device is not read: no hang
    return len(head) == 72 and int.from_bytes(head[68:72], "big") == CORPUS_APPLICATION_ID


def default_corpus_path(left_dir: str | Path) -> Path:
    """``LEFTDIR/../<name>.reviewer``, named after the left folder; the bundled sample
    corpus's project lives in the user data folder (never inside the installation)."""
    from reviewer.core import paths

    left = Path(left_dir).resolve()
    if left == paths.SAMPLE_CORPUS_LEFT.resolve():
        return paths.user_data_dir() / "sample-corpus.reviewer"
    return left.parent / f"{left.name or 'corpus'}.reviewer"
