"""Corpus mode in the window: the page navigator, two pages reviewed with the keyboard."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.dev.synth import make_small_pair
from reviewer.ui import app as app_mod
from reviewer.ui import corpus_mode, tasks
from reviewer.ui.actions import cheat_sheet_html
from reviewer.ui.command_table import ActionId
from reviewer.ui.main_window import MainWindow

K = Qt.Key
PAGES = ("2025-07-18/p01", "2025-07-18/p02", "2025-07-19/p01")


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    web, pdf = tmp_path / "web", tmp_path / "pdf"
    for seed, page in enumerate(PAGES):
        left, right = make_small_pair(seed)
        for path, text in ((web / f"{page}.web.md", left), (pdf / f"{page}.pdf.txt", right)):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return web, pdf


@pytest.fixture
def corpus_window(qtbot, corpus, monkeypatch):
    # Threads instead of processes: same code path, no worker start-up in a unit test.
    monkeypatch.setattr(corpus_mode, "EXECUTOR", lambda: ThreadPoolExecutor(max_workers=1))
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    web, pdf = corpus
    assert app_mod.open_files(controller, [str(web), str(pdf)], window=window) is None
    mode = window.corpus
    assert mode is not None
    qtbot.waitUntil(
        lambda: mode.outcome is not None and controller.session is not None, timeout=60_000
    )
    qtbot.waitUntil(lambda: not controller.busy)
    window.view.setFocus()
    yield window
    window.close()


def page_of(window: MainWindow) -> str:
    s = window.controller.session
    assert s is not None
    return window.corpus.current  # type: ignore[union-attr]


def test_navigator_lists_every_page_and_reviews_two(
    qtbot, corpus_window: MainWindow, corpus
) -> None:
    window, c = corpus_window, corpus_window.controller
    mode = window.corpus
    nav = mode.navigator
    model = nav.model
    assert [e.page for e in model.entries] == list(PAGES)
    assert all(e.ready for e in model.entries)
    with _rows(mode) as rows:
        for e in model.entries:
            assert (e.articles, e.conflicts_left) == (
                rows[e.page].articles,
                rows[e.page].conflicts_left,
            )
    first = page_of(window)
    assert first == model.next_with_work(None, +1)
    assert c.session.alignment.left.path.endswith(f"{first}.web.md")  # type: ignore[union-attr]
    assert "Corpus: 3 pages" in mode.totals_label.text()

    # decide one conflict with the keyboard: the page's count drops in the navigator
    s = c.session
    conflict = next(i for i, it in enumerate(s.items) if it.kind == "conflict")
    c.goto(conflict)
    before = model.entry(first).conflicts_left
    qtbot.keyClick(window.view, K.Key_1)
    assert s.decision(s.items[conflict].key).choice == "left"
    assert model.entry(first).conflicts_left == before - 1
    left_total = model.totals()["conflicts_left"]
    assert f"{left_total} conflicts left" in mode.totals_label.text()

    # PgDn: the next page with work left opens; its alignment replaces the first one's
    second = model.next_with_work(first, +1)
    assert second is not None
    with qtbot.waitSignal(c.loaded, timeout=30_000):
        qtbot.keyClick(window.view, K.Key_PageDown)
    assert page_of(window) == second
    assert c.session.alignment.left.path.endswith(f"{second}.web.md")
    assert model.current == second
    # `{` goes back; the decision made there was saved and is re-attached
    with qtbot.waitSignal(c.loaded, timeout=30_000):
        qtbot.keyClick(window.view, K.Key_BraceLeft)
    assert page_of(window) == first
    assert c.session.decision(s.items[conflict].key).choice == "left"


class _rows:
    """The project's page rows, read through the window's store thread."""

    def __init__(self, mode) -> None:
        self.mode = mode

    def __enter__(self):
        store = self.mode.controller.store
        return {r.path: r for r in store.call(self.mode.project.pages)}

    def __exit__(self, *exc) -> None:
        pass


def test_filter_sort_and_keys_in_the_cheat_sheet(qtbot, corpus_window: MainWindow) -> None:
    nav = corpus_window.corpus.navigator
    model, proxy = nav.model, nav.proxy
    with_work = [e.page for e in model.entries if e.conflicts_left]
    nav.work_only.setChecked(True)
    assert proxy.rowCount() == len(with_work)
    nav.work_only.setChecked(False)
    assert proxy.rowCount() == len(PAGES)
    nav.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(r, 2).data(Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())]
    assert shown == sorted(shown, reverse=True)
    sheet = cheat_sheet_html()
    assert "Next page with work left" in sheet and "PgDown" in sheet.replace("Page Down", "PgDown")


def test_export_from_the_window_exports_the_corpus(
    qtbot, corpus_window: MainWindow, tmp_path
) -> None:
    from reviewer.ui.corpus_export import run_corpus_export

    tasks.set_synchronous(True)
    try:
        run_corpus_export(corpus_window, corpus_window.corpus, str(tmp_path / "out"), "right")
    finally:
        tasks.set_synchronous(False)
    out = tmp_path / "out"
    assert (out / "manifest.json").is_file() and (out / "decisions.csv").is_file()
    for page in PAGES:
        assert list((out / page).glob("*.txt")), page
    assert "Wrote" in corpus_window.statusBar().currentMessage()


def test_reopening_the_corpus_project_file(qtbot, corpus_window: MainWindow, corpus) -> None:
    web, _pdf = corpus
    project = web.parent / "web.reviewer"
    page = corpus_window.corpus.current
    corpus_window.close()  # releases the project
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    window.show()
    assert app_mod.open_files(controller, [str(project)], window=window) is None
    mode = window.corpus
    qtbot.waitUntil(lambda: mode.outcome is not None and controller.session is not None)
    qtbot.waitUntil(lambda: not controller.busy)
    assert [e.page for e in mode.navigator.model.entries] == list(PAGES)
    assert mode.current == page  # the page the editor was on
    assert (mode.outcome.aligned, mode.outcome.unchanged) == (0, 3)  # nothing aligned again
    window.close()


def test_window_prealigns_in_worker_processes(qtbot, corpus, monkeypatch) -> None:
    """The default executor: a process pool (spawned: the window has threads)."""
    from reviewer.core.corpus.executors import local_executor

    made = []
    monkeypatch.setattr(corpus_mode, "EXECUTOR", lambda: made.append(local_executor(1)) or made[-1])
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    window.show()
    web, pdf = corpus
    assert app_mod.open_files(controller, [str(web), str(pdf)], window=window) is None
    mode = window.corpus
    qtbot.waitUntil(lambda: mode.outcome is not None, timeout=120_000)
    qtbot.waitUntil(lambda: controller.session is not None and not controller.busy)
    assert (mode.outcome.aligned, mode.outcome.failures) == (3, [])
    # never fork a process that runs threads (Qt's, the store's): spawned workers
    assert made[0]._mp_context.get_start_method() == "spawn"
    assert all(e.ready for e in mode.navigator.model.entries)
    window.close()


def test_file_menu_opens_a_corpus_from_two_folders(qtbot, corpus, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(corpus_mode, "EXECUTOR", lambda: ThreadPoolExecutor(max_workers=1))
    web, pdf = corpus
    answers = iter([str(web), str(pdf)])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: next(answers))
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    window.show()
    window.actions[ActionId.OPEN_CORPUS].trigger()
    mode = window.corpus
    assert mode is not None and mode.dirs == (str(web), str(pdf))
    qtbot.waitUntil(lambda: controller.session is not None and not controller.busy)
    assert window.corpus.current in PAGES
    window.close()


def test_a_failed_open_leaves_the_page_working(qtbot, corpus_window: MainWindow, tmp_path) -> None:
    c = corpus_window.controller
    page, s = corpus_window.corpus.current, c.session
    with qtbot.waitSignal(c.failed):
        c.open_pair(tmp_path / "missing.md", tmp_path / "missing.txt")
    assert c.session is s and c.review is not None  # still the page, still saving
    item = s.current
    qtbot.keyClick(corpus_window.view, K.Key_X if item.kind == "unit" else K.Key_1)
    c.flush()
    rows = {r.path: r for r in c.store.call(corpus_window.corpus.project.pages)}
    assert rows[page].items_left == s.status().remaining
    box = corpus_window.message_box
    if box is not None:
        box.close()
