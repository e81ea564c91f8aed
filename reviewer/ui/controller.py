"""ReviewController: the thin layer between the window and the core ReviewSession.

It owns no review state of its own: it forwards commands to the session and announces
what changed (which item keys, old and new cursor) so views refresh only those rows.
Loading (reading + alignment + jieba's dictionary) runs off the UI thread via run_task.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reviewer.core.review import bulk, unit_edit
from reviewer.core.review.session import ReviewItem, ReviewSession
from reviewer.core.review.unit_edit import EditContext
from reviewer.ui import tasks
from reviewer.ui.store_thread import StoreThread, ThreadedSink
from reviewer.ui.tasks import Progress


@dataclass(frozen=True)
class Change:
    """What one command changed, so views repaint only the affected rows."""

    keys: tuple[str, ...]
    old_cursor: int
    new_cursor: int


@dataclass
class Loaded:
    """The result of a load task: a session plus what the project layer reported."""

    session: ReviewSession
    review: Any = None  # reviewer.core.project.Review, or None for an in-memory review
    warnings: list[str] = field(default_factory=list)


def _warm_jieba(progress: Progress) -> None:
    # jieba loads its dictionary (~1 s) on first use; do it here, in the worker, never on
    # the UI thread. The engine's loader is shared (one lock, one load).
    progress(QCoreApplication.translate("Stages", "loading the dictionary"), 0.0)
    try:
        from reviewer.core.engine.diff import tokenizer
    except ImportError:
        return
    tokenizer()


def load_pair(
    left: str | Path,
    right: str | Path,
    store: StoreThread | None,
    progress: Progress,
    read_only: bool = False,
) -> Loaded:
    """Align a pair (in a worker). With a ``store`` thread, open or create its project file
    (``read_only``: open the existing one for viewing only, never writing to it)."""
    _warm_jieba(progress)
    if store is None:
        from reviewer.core.engine.pipeline import align_files

        return Loaded(ReviewSession(align_files(left, right, progress)))
    from reviewer.core import project

    review = store.call(
        lambda: project.open_review(left, right, progress=progress, read_only=read_only)
    )
    return Loaded(review.session, review, list(review.warnings))


def load_project(
    path: str | Path, store: StoreThread, progress: Progress, read_only: bool = False
) -> Loaded:
    """Reopen a saved review from its project file (in a worker)."""
    _warm_jieba(progress)
    from reviewer.core import project

    review = store.call(
        lambda: project.open_project_file(path, progress=progress, read_only=read_only)
    )
    return Loaded(review.session, review, list(review.warnings))


class ReviewController(QObject):
    loading = Signal(str)  # a description of what is being opened
    progress = Signal(str, float)
    loaded = Signal()
    failed = Signal(str)  # a message fit for the user (file and problem)
    read_only = Signal(str, str)  # the project path and the message: offer view-only or a copy
    closed = Signal()  # the review on screen was closed (a failed open could not restore it)
    changed = Signal(object)  # Change
    message = Signal(str)  # a short status-bar note

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.review: Any = None  # the open project's Review, if any
        self.warnings: list[str] = []
        self.busy = False
        self.store = StoreThread()
        self._resumable: Any = None  # the review closed for an open still in progress
        self._request: tuple[str, tuple[str, ...]] | None = None  # what is being opened

    # --- loading -------------------------------------------------------------------------
    def open_pair(
        self, left: str | Path, right: str | Path, persist: bool = True, read_only: bool = False
    ) -> None:
        """Open a pair; ``persist`` keeps decisions in its project file (False: in memory);
        ``read_only`` views the existing project without writing to it."""
        store = self.store if persist else None
        self._request = ("pair", (str(left), str(right)))
        self._start(
            f"{Path(left).name} ↔ {Path(right).name}",
            # read_only only when asked: tests replace load_pair with 4-argument fakes
            lambda p: load_pair(
                left, right, store, p, **({"read_only": True} if read_only else {})
            ),
        )

    def open_project(self, path: str | Path, read_only: bool = False) -> None:
        self._request = ("project", (str(path),))
        extra = {"read_only": True} if read_only else {}
        self._start(Path(path).name, lambda p: load_project(path, self.store, p, **extra))

    def open_read_only(self) -> None:
        """Open again, for viewing only, what was refused as read-only."""
        if self._request is not None:
            kind, args = self._request
            (self.open_pair if kind == "pair" else self.open_project)(*args, read_only=True)

    def save_copy_and_open(self, project_path: str, copy_path: str) -> None:
        """Copy a read-only project to ``copy_path`` and open the copy (errors: ``failed``)."""
        from reviewer.core import project

        try:
            self.store.call(lambda: project.save_copy(project_path, copy_path))
        except Exception as e:  # ProjectError: shown like any failed open
            self._on_failed(e)
            return
        self.open_project(copy_path)

    @property
    def read_only_view(self) -> bool:
        project = self.review.project if self.review is not None else None
        return bool(getattr(project, "read_only", False))

    def open_with(self, what: str, fn: Callable[[Progress], Loaded]) -> None:
        """Open what ``fn`` loads (in a worker), e.g. one page of a corpus project."""
        self._start(what, fn)

    def _start(self, what: str, fn: Callable[[Progress], Loaded]) -> None:
        # Release the open project first: reopening the same pair would find it locked. If
        # the open fails, the review on screen is bound to its project again (_on_failed).
        self._resumable = self.review
        self.close_project()
        if self.session is not None:
            self.session.sink = None
        self.busy = True
        self.loading.emit(what)
        tasks.run_task(fn, self._on_loaded, self._on_failed, self.progress.emit)

    def _on_loaded(self, result: Loaded) -> None:
        self.close_project()
        self.busy = False
        self._resumable = None
        self.session, self.review, self.warnings = result.session, result.review, result.warnings
        self._bind_store()
        self.loaded.emit()

    def _bind_store(self) -> None:
        review, session = self.review, self.session
        if review is not None and session is not None and session.sink is not None:
            # The sqlite connection belongs to the store thread: route the writes there.
            session.sink = ThreadedSink(review.project, self.store, self._on_store_error)

    def _on_store_error(self, error: BaseException) -> None:
        # Called on the store thread; the signal is queued to the UI thread.
        self.message.emit(self.tr("Could not save: {error}").format(error=error))

    def _on_failed(self, error: BaseException) -> None:
        self.busy = False
        # ReadError and ProjectError carry "file: problem"; anything else is a bug, but the
        # editor still deserves a sentence rather than a traceback.
        name = type(error).__name__
        known = name in ("ReadError", "ProjectError", "ProjectReadOnly")
        message = (
            str(error)
            if known
            else self.tr("Could not open: {name}: {error}").format(name=name, error=error)
        )
        message += self._resume()
        if name == "ProjectReadOnly":
            self.read_only.emit(str(getattr(error, "path", "")), message)
        else:
            self.failed.emit(message)

    def _resume(self) -> str:
        """Keep the review on screen working after a failed open; or say it was closed."""
        previous, self._resumable = self._resumable, None
        if previous is None or self.session is None:
            return ""  # nothing was open, or an in-memory review: it is still intact
        if not hasattr(previous, "session"):
            # A corpus page: its project stays open, only the session's sink was unbound.
            self.review, self.session.sink = previous, previous.project
            self._bind_store()
            return ""
        from reviewer.core import project

        # A corpus page reopens itself: its project was never closed.
        reopen = getattr(previous, "reopen", None) or (lambda: project.reopen(previous))
        try:
            self.review = self.store.call(reopen)
        except Exception as e:
            self.session, self.review, self.warnings = None, None, []
            self.closed.emit()
            return "\n\n" + self.tr("The review that was open has been closed: {error}").format(
                error=e
            )
        self._bind_store()
        return ""

    def close_project(self) -> None:
        """Finish queued writes and release the project file (its lock)."""
        if self.review is not None:
            review, self.review = self.review, None
            self.store.call(review.close)

    def flush(self) -> None:
        self.store.flush()

    # --- commands (handler names from command_table) -----------------------------------
    @property
    def current(self) -> ReviewItem | None:
        return self.session.current if self.session else None

    def _run(self, op: Callable[[ReviewSession], object], keys: tuple[str, ...] = ()) -> None:
        s = self.session
        if s is None or self.busy:
            return
        old = s.cursor
        op(s)
        self.changed.emit(Change(keys, old, s.cursor))

    def _run_history(self, op: Callable[[ReviewSession], bool]) -> None:
        s = self.session
        if s is None or self.busy:
            return
        # The session does not say which key an undo touched; compare the decisions.
        before = dict(s.decisions)
        old = s.cursor
        if not op(s):
            self.message.emit(
                self.tr("Nothing to undo")
                if op is ReviewSession.undo
                else self.tr("Nothing to redo")
            )
            return
        after = s.decisions
        keys = tuple(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        self.changed.emit(Change(keys, old, s.cursor))

    def goto(self, index: int) -> None:
        self._run(lambda s: s.goto(index))

    # j/k and n/N move between word conflicts only; t/T between triage items.
    def next_item(self) -> None:
        self._run(
            lambda s: s.step(+1, triage=False) or self.message.emit(self.tr("No further conflict"))
        )

    def prev_item(self) -> None:
        self._run(
            lambda s: s.step(-1, triage=False) or self.message.emit(self.tr("No earlier conflict"))
        )

    def next_unresolved(self) -> None:
        self._run(
            lambda s: (
                s.step_unresolved(+1, False) or self.message.emit(self.tr("No conflicts left"))
            )
        )

    def prev_unresolved(self) -> None:
        self._run(
            lambda s: (
                s.step_unresolved(-1, False) or self.message.emit(self.tr("No conflicts left"))
            )
        )

    def next_triage(self) -> None:
        self._run(lambda s: s.step_unresolved(+1, True) or s.step(+1, True))

    def prev_triage(self) -> None:
        self._run(lambda s: s.step_unresolved(-1, True) or s.step(-1, True))

    def next_article(self) -> None:
        self._run(lambda s: s.step_article(+1))

    def prev_article(self) -> None:
        self._run(lambda s: s.step_article(-1))

    def undo(self) -> None:
        self._run_history(ReviewSession.undo)

    def redo(self) -> None:
        self._run_history(ReviewSession.redo)

    def decide(self, choice: str, text: str | None = None, index: int | None = None) -> None:
        """Decide the current item (or item ``index``); the session auto-advances."""
        s = self.session
        if s is None or self.busy or not s.items:
            return
        item = s.items[s.cursor if index is None else index]
        if item.kind == "conflict" and choice in ("keep", "drop"):
            self.message.emit(
                self.tr("Keep and drop apply to one-sided units; use 1, 2, 3, 4 or e")
            )
            return
        if item.kind == "unit" and choice in ("both", "both_rl") and s.unit_of(item).one_sided:
            self.message.emit(self.tr("Only one side has this unit: keep (Space) or drop (x)"))
            return
        if text is not None:
            from reviewer.core.sanitize import strip_controls

            text = strip_controls(text)  # NUL, ESC… typed or pasted never reach the files
        self._run(lambda s: s.decide(choice, text, key=item.key), (item.key,))

    def take_left(self) -> None:
        self.decide("left")

    def take_right(self) -> None:
        self.decide("right")

    def take_both(self) -> None:
        self.decide("both")

    def take_both_rl(self) -> None:
        self.decide("both_rl")

    def keep(self) -> None:
        self._triage("keep")

    def drop(self) -> None:
        self._triage("drop")

    def _triage(self, choice: str) -> None:
        """Keep/drop; on the title row of a one-sided article, the whole article at once."""
        s, item = self.session, self.current
        if s is not None and item is not None and bulk.is_title_row(s, item):
            art = item.article_index
            what = self.tr("article kept") if choice == "keep" else self.tr("article dropped")
            self.run_batch(lambda s: bulk.whole_article(s, art, choice), what)
        else:
            self.decide(choice)

    # --- many decisions at once: each is one undo step --------------------------------------
    def run_batch(self, plan: Callable[[ReviewSession], list], what: str) -> int:
        """Apply the changes ``plan`` makes for the session as one undo step."""
        s = self.session
        if s is None or self.busy:
            return 0
        changes = plan(s)
        old = s.cursor
        n = s.apply_batch(changes)
        if not n:
            self.message.emit(self.tr("Nothing to do ({what})").format(what=what))
            return 0
        self.changed.emit(Change(tuple(k for k, _d in changes), old, s.cursor))
        self.message.emit(self.tr("{what}: %n item(s) decided (z undoes)", "", n).format(what=what))
        return n

    def _article(self) -> int | None:
        return self.current.article_index if self.current is not None else None

    def accept_suggestion(self) -> None:
        s, item = self.session, self.current
        sug = s.suggestion_of(item) if s is not None and item is not None else None
        if item is None or sug is None:
            self.message.emit(self.tr("No suggestion for this item"))
            return
        self._run(lambda s: s.decide(sug.pick, key=item.key, origin="suggestion"), (item.key,))

    def accept_article_suggestions(self) -> None:
        art = self._article()
        if art is not None:
            plan = lambda s: bulk.suggestions(s, bulk.SUGGESTION_THRESHOLD, art)  # noqa: E731
            self.run_batch(plan, self.tr("suggestions accepted in this article"))

    def take_left_article(self) -> None:
        art = self._article()
        if art is not None:
            self.run_batch(
                lambda s: bulk.side(s, "left", art), self.tr("left readings for this article")
            )

    def take_right_article(self) -> None:
        art = self._article()
        if art is not None:
            self.run_batch(
                lambda s: bulk.side(s, "right", art), self.tr("right readings for this article")
            )

    def accept_article_defaults(self) -> None:
        art = self._article()
        if art is not None:
            self.run_batch(lambda s: bulk.defaults(s, art), self.tr("defaults for this article"))

    def clear(self) -> None:
        item = self.current
        if item is not None:
            self._run(lambda s: s.clear(item.key), (item.key,))

    def edit_context(self) -> EditContext | None:
        """What the in-context editor opens with: the current item's whole unit, merged."""
        s, item = self.session, self.current
        if s is None or item is None:
            return None
        return unit_edit.context(s, s.unit_of(item), item.key if item.kind == "conflict" else None)

    def edit_unit(self, unit_id: str, text: str) -> None:
        """Store ``text`` as the unit's final text (a paragraph break splits the unit)."""
        s = self.session
        if s is None or self.busy or s.unit_by_id(unit_id) is None:
            return
        ai, ui = s.unit_by_id(unit_id)  # type: ignore[misc]
        unit = s.alignment.articles[ai].units[ui]
        old = s.cursor
        if not unit_edit.edit_unit(s, unit_id, text):
            if unit_edit.paragraphs(text) and "\n" in text.strip():
                self.message.emit(self.tr("This paragraph cannot be split there"))
            return
        keys = (unit_id, *(c.id for c in unit.conflicts))
        self.changed.emit(Change(keys, old, s.cursor))
