"""Corpus mode in the window: the page navigator, background pre-alignment, one page open.

``CorpusMode`` opens (or makes) the corpus project, pre-aligns the pages that are not
current in a background thread feeding a process pool (core/corpus/prealign.py), and
opens pages through the ReviewController like any review: only the open page's alignment
is in memory, decoded from the project. Pages open as soon as their alignment is stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel

from reviewer.core.corpus import executors
from reviewer.core.corpus.pages import open_page, page_counts
from reviewer.core.corpus.pairing import CorpusError, pair_folders
from reviewer.core.corpus.prealign import AlignOutcome, open_corpus, plan, prealign
from reviewer.core.corpus.progress import _eta
from reviewer.core.corpus.store import CorpusProject, PageRow
from reviewer.ui.controller import Loaded
from reviewer.ui.page_navigator import PageEntry, PageNavigator

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow

# How pages are aligned in the background (tests swap in a thread pool).
EXECUTOR: Callable[[], Executor] = lambda: executors.local_executor()  # noqa: E731


def _entry(row: PageRow, ready: bool = True) -> PageEntry:
    return PageEntry(
        row.path,
        row.articles,
        row.conflicts_left,
        row.items_left,
        ready=ready and row.aligned and not row.error,
        error=row.error,
    )


class CorpusTexts(QObject):
    """The translation context of this module's texts: ``CorpusTexts.tr(...)``."""


def aligning_text(done: int, total: int, seconds: float) -> str:
    """The window's form of the core's ``describe``: "Aligning: 120/270 pages · 45.2 pages/s…"."""
    rate = done / seconds if seconds > 0 and done else 0.0
    if done == total:
        return CorpusTexts.tr("Aligned %n page(s) in {time}", "", total).format(time=_eta(seconds))
    text = CorpusTexts.tr("Aligning: {done}/{total} pages · {rate} pages/s").format(
        done=done, total=total, rate=f"{rate:.1f}"
    )
    if rate:
        text += " · " + CorpusTexts.tr("{time} left").format(time=_eta((total - done) / rate))
    return text


class _PageHandle:
    """The controller's ``review`` for an open page (the shape of project.Review): the
    session, and its sink as ``project``; closing a page leaves the corpus project open."""

    def __init__(self, session: Any, sink: Any) -> None:
        self.session = session
        self.project = sink  # ReviewController routes decision writes to ``.project``

    def close(self) -> None:
        pass

    def reopen(self) -> _PageHandle:
        """After another open failed: the page goes on saving to the corpus project."""
        self.session.sink = self.project
        return self


class _Bridge(QObject):
    """Signals from the pre-alignment thread, delivered on the UI thread."""

    planned = Signal(object)  # list[PageEntry]
    stored = Signal(object)  # PageEntry
    progress = Signal(int, int, float)
    finished = Signal(object)  # AlignOutcome, or the exception that stopped it


class CorpusMode:
    def __init__(
        self,
        window: MainWindow,
        left_dir: str | Path | None,
        right_dir: str | Path | None,
        project: str | Path | None = None,
    ) -> None:
        self.window = window
        self.controller = window.controller
        self.project: CorpusProject | None = None
        self.dirs = (left_dir, right_dir)
        self.current: str | None = None
        self.outcome: AlignOutcome | None = None
        self._opening: str | None = None
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.bridge = _Bridge()
        self.navigator = PageNavigator()
        self.dock = QDockWidget(CorpusTexts.tr("Pages"), window)
        self.dock.setObjectName("pages_dock")
        self.dock.setWidget(self.navigator)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.splitDockWidget(self.dock, window.list_dock, Qt.Orientation.Vertical)
        window.resizeDocks([self.dock, window.list_dock], [380, 420], Qt.Orientation.Vertical)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("corpus_totals")
        window.statusBar().insertPermanentWidget(0, self.totals_label)
        self.navigator.picked.connect(self.open)
        self.bridge.planned.connect(self._on_planned)
        self.bridge.stored.connect(self._on_stored)
        self.bridge.progress.connect(self._on_progress)
        self.bridge.finished.connect(self._on_finished)
        self.controller.loaded.connect(self._on_loaded)
        self.controller.changed.connect(self._on_changed)
        self._start(project)

    # --- pre-alignment ---------------------------------------------------------------------
    def _start(self, project_path: str | Path | None) -> None:
        left, right = self.dirs
        store = self.controller.store
        try:
            if left is None or right is None:  # a corpus project file: its folders are inside
                cp = store.call(lambda: CorpusProject.open(project_path))
                meta = store.call(cp.meta)
                left, right = meta.get("left_dir"), meta.get("right_dir")
                self.dirs = (left, right)
                self.project, warnings = cp, []
            else:
                self.project, warnings = store.call(lambda: open_corpus(left, right, project_path))
        except Exception as e:  # ProjectError, CorpusError: "path: problem"
            self.controller.failed.emit(str(e))
            return
        name = Path(str(left)).name
        self.window.setWindowTitle(
            CorpusTexts.tr("Reviewer — corpus {left} ↔ {right}").format(
                left=name, right=Path(str(right)).name
            )
        )
        for w in warnings:
            self.window.statusBar().showMessage(w, 8000)
        self.navigator.progress.setRange(0, 0)
        self.navigator.progress_label.setText(CorpusTexts.tr("Pairing the folders…"))
        self._thread = threading.Thread(target=self._run, name="reviewer-prealign", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        """Background thread: pair, list the pages, align what is not current."""
        project, b = self.project, self.bridge
        assert project is not None
        try:
            try:
                pairing = pair_folders(*self.dirs)  # type: ignore[arg-type]
            except (CorpusError, TypeError) as e:
                # The folders moved or are gone: review what the project holds, align nothing.
                b.planned.emit([_entry(r) for r in project.pages()])
                b.finished.emit(e if isinstance(e, CorpusError) else CorpusError("", str(e)))
                return
            pairs = [p for p in pairing.pairs]
            todo, _ = plan(project, pairs)
            stale = {p.page for p in todo}
            rows = {r.path: r for r in project.pages()}
            b.planned.emit(
                [
                    _entry(rows[p.page], p.page not in stale)
                    if p.page in rows
                    else PageEntry(p.page)
                    for p in pairs
                ]
            )

            def stored(page: str) -> None:
                row = project.page(page)
                if row is not None:
                    b.stored.emit(_entry(row))

            outcome = prealign(
                project, pairing, EXECUTOR, b.progress.emit, stored, self._cancel.is_set
            )
            b.finished.emit(outcome)
        except Exception as e:  # reported in the window, never lost in a thread
            b.finished.emit(e)

    def _on_planned(self, entries: list[PageEntry]) -> None:
        self.navigator.model.set_entries(entries)
        self._refresh_totals()
        if self.current is None and self._opening is None:
            self._open_first()

    def _on_stored(self, entry: PageEntry) -> None:
        self.navigator.model.update(
            entry.page,
            articles=entry.articles,
            conflicts_left=entry.conflicts_left,
            items_left=entry.items_left,
            ready=entry.ready,
            error=entry.error,
        )
        self._refresh_totals()
        if self.current is None and self._opening is None and entry.ready:
            self.open(entry.page)

    def _on_progress(self, done: int, total: int, seconds: float) -> None:
        bar = self.navigator.progress
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        self.navigator.progress_label.setText(aligning_text(done, total, seconds))

    def _on_finished(self, result: object) -> None:
        bar, label = self.navigator.progress, self.navigator.progress_label
        bar.setRange(0, 1)
        bar.setValue(1)
        if isinstance(result, AlignOutcome):
            self.outcome = result
            parts = [CorpusTexts.tr("%n page(s) aligned", "", result.pages)]
            if result.failures:
                parts.append(CorpusTexts.tr("%n failed", "", len(result.failures)))
            if result.unpaired:
                parts.append(CorpusTexts.tr("%n unpaired file(s)", "", len(result.unpaired)))
            label.setText(CorpusTexts.tr(", ").join(parts))
            bar.hide()
        else:
            label.setText(CorpusTexts.tr("Pre-alignment stopped: {reason}").format(reason=result))
            self.window.statusBar().showMessage(str(result))
        self._refresh_totals()

    # --- pages -----------------------------------------------------------------------------
    def _open_first(self) -> None:
        model = self.navigator.model
        remembered = self.project and self.controller.store.call(
            lambda: self.project.meta().get("cursor_page")  # type: ignore[union-attr]
        )
        entry = model.entry(remembered) if remembered else None
        if entry is not None and entry.ready:
            self.open(entry.page)
            return
        page = model.next_with_work(None, +1) or next(
            (e.page for e in model.entries if e.ready), None
        )
        if page is not None:
            self.open(page)

    def open(self, page: str) -> None:
        """Open ``page`` for review if it is aligned (off the UI thread, like any review)."""
        entry = self.navigator.model.entry(page)
        project = self.project
        if entry is None or project is None:
            return
        if not entry.ready:
            why = entry.error or CorpusTexts.tr("it is still being aligned")
            self.window.statusBar().showMessage(
                CorpusTexts.tr("{page}: cannot open yet ({why})").format(page=page, why=why), 4000
            )
            return
        store = self.controller.store
        self._opening = page

        def load(_progress: Any) -> Loaded:
            review = store.call(lambda: open_page(project, page))
            handle = _PageHandle(review.session, review.sink)
            return Loaded(review.session, handle, list(review.warnings))

        self.controller.open_with(page, load)

    def _on_loaded(self) -> None:
        if self._opening is None:  # something else was opened (File ▸ Open): not a page
            self.current = None
            self.navigator.model.set_current(None)
            return
        self.current, self._opening = self._opening, None
        self.navigator.show_page(self.current)
        self._refresh_totals()

    def _on_changed(self, _change: object) -> None:
        s = self.controller.session
        if s is None or self.current is None:
            return
        cl, il = page_counts(s)
        self.navigator.model.update(self.current, conflicts_left=cl, items_left=il)
        self._refresh_totals()

    def step_page(self, delta: int) -> None:
        page = self.navigator.model.next_with_work(self.current, delta)
        if page is None:
            where = (
                CorpusTexts.tr("No page with conflicts left after this")
                if delta > 0
                else CorpusTexts.tr("No page with conflicts left before this")
            )
            self.window.statusBar().showMessage(where, 4000)
            return
        self.open(page)

    def _refresh_totals(self) -> None:
        t = self.navigator.model.totals()
        parts = [CorpusTexts.tr("Corpus: %n page(s)", "", t["pages"])]
        if t["ready"] != t["pages"]:
            parts.append(CorpusTexts.tr("{ready} aligned").format(ready=t["ready"]))
        parts.append(CorpusTexts.tr("%n article(s)", "", t["articles"]))
        left_on = CorpusTexts.tr("on %n page(s)", "", t["pages_left"])
        parts.append(
            CorpusTexts.tr("%n conflict(s) left {on_pages}", "", t["conflicts_left"]).format(
                on_pages=left_on
            )
        )
        self.totals_label.setText(" · ".join(parts))
        self.dock.setWindowTitle(
            CorpusTexts.tr("Pages — {count} with conflicts left").format(count=t["pages_left"])
        )

    def ready_pages(self) -> list[str] | None:
        """Every page in order if all are aligned, else None."""
        entries = self.navigator.model.entries
        if any(not e.ready for e in entries):
            return None
        return [e.page for e in entries]

    # --- lifetime --------------------------------------------------------------------------
    def close(self) -> None:
        """Stop the pre-alignment (pages in flight finish) and close the project."""
        self._cancel.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.controller.close_project()
        if self.project is not None:
            project, self.project = self.project, None
            self.controller.store.call(project.close)
