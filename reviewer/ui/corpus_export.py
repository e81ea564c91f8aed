"""File ▸ Export in corpus mode: the whole corpus as one article set (core/corpus/export.py).

Same questions as a single review: conflicts left never block silently; the editor may go
to the first page that has some, or use one version's reading for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.ui import tasks

if TYPE_CHECKING:
    from reviewer.ui.corpus_mode import CorpusMode
    from reviewer.ui.main_window import MainWindow


class CorpusExport(QObject):
    """The translation context of this module's texts: ``CorpusExport.tr(...)``."""


def run_corpus_export(
    window: MainWindow,
    mode: CorpusMode,
    out_dir: str,
    prefer: str | None = None,
    force: bool = False,
) -> None:
    from reviewer.core.corpus.export import CorpusUnresolvedError, export_corpus
    from reviewer.core.export.files import ExportError

    pages, project = mode.ready_pages(), mode.project
    if project is None:
        return
    if pages is None:
        window.statusBar().showMessage(
            CorpusExport.tr(
                "Some pages are still being aligned or failed; export when every page is ready"
            ),
            8000,
        )
        return
    store = window.controller.store
    dirs = [Path(str(d)) for d in mode.dirs if d is not None]

    def work(_progress: Any) -> Any:
        # On the store thread: after every queued decision write, never beside one.
        return store.call(
            lambda: export_corpus(project, pages, out_dir, prefer, force=force, protected=dirs)
        )

    def done(result: Any) -> None:
        wrote = (
            CorpusExport.tr("Replaced %n article(s) in {folder}", "", result.articles)
            if result.replaced
            else CorpusExport.tr("Wrote %n article(s) in {folder}", "", result.articles)
        )
        pages = CorpusExport.tr("from %n page(s)", "", result.pages)
        window.statusBar().showMessage(f"{wrote.format(folder=out_dir)} ({pages})", 10000)

    def failed(error: BaseException) -> None:
        if isinstance(error, CorpusUnresolvedError):
            _ask_unresolved(window, mode, out_dir, error, force)
        elif isinstance(error, ExportError) and "not empty" in error.problem:
            answer = QMessageBox.question(
                window,
                CorpusExport.tr("Replace the folder?"),
                CorpusExport.tr("{error}\n\nReplace its contents?").format(error=error),
            )
            if answer == QMessageBox.StandardButton.Yes:
                run_corpus_export(window, mode, out_dir, prefer, force=True)
        else:
            window.statusBar().showMessage(
                CorpusExport.tr("Export failed: {error}").format(error=error)
            )
            QMessageBox.warning(window, CorpusExport.tr("Export failed"), str(error))

    window.statusBar().showMessage(
        CorpusExport.tr("Exporting the corpus to {folder}…").format(folder=out_dir)
    )
    tasks.run_task(work, done, failed)


def _ask_unresolved(
    window: MainWindow, mode: CorpusMode, out_dir: str, error: Any, force: bool
) -> None:
    box = QMessageBox(window)
    box.setWindowTitle(CorpusExport.tr("Unresolved conflicts"))
    conflicts = CorpusExport.tr(
        "%n conflict(s) remain unresolved", "", sum(len(v) for v in error.items.values())
    )
    box.setText(
        CorpusExport.tr(
            "{conflicts} on %n page(s). Export anyway, using one version's reading for them?",
            "",
            len(error.items),
        ).format(conflicts=conflicts)
    )
    left = box.addButton(CorpusExport.tr("Use left readings"), QMessageBox.ButtonRole.AcceptRole)
    right = box.addButton(CorpusExport.tr("Use right readings"), QMessageBox.ButtonRole.AcceptRole)
    go = box.addButton(CorpusExport.tr("Go to the first page"), QMessageBox.ButtonRole.RejectRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked in (left, right):
        run_corpus_export(window, mode, out_dir, "left" if clicked is left else "right", force)
    elif clicked is go and error.items:
        mode.open(next(iter(error.items)))


def corpus_export_dialog(window: MainWindow, mode: CorpusMode) -> None:
    start = str(Path(str(mode.dirs[0] or ".")).parent)
    out = QFileDialog.getExistingDirectory(
        window, CorpusExport.tr("Export the corpus's articles to…"), start
    )
    if out:
        run_corpus_export(window, mode, out)
