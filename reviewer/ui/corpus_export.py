"""File ▸ Export in corpus mode: the whole corpus as one article set (core/corpus/export.py).

Same questions as a single review: conflicts left never block silently; the editor may go
to the first page that has some, or use one version's reading for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.ui import tasks

if TYPE_CHECKING:
    from reviewer.ui.corpus_mode import CorpusMode
    from reviewer.ui.main_window import MainWindow


def run_corpus_export(
    window: MainWindow,
    mode: CorpusMode,
    out_dir: str,
    prefer: str | None = None,
    force: bool = False,
) -> None:
    from reviewer.core.corpus.export import CorpusUnresolvedError, export_corpus
    from reviewer.core.export import ExportError

    pages, project = mode.ready_pages(), mode.project
    if project is None:
        return
    if pages is None:
        window.statusBar().showMessage(
            "Some pages are still being aligned or failed; export when every page is ready", 8000
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
        verb = "Replaced" if result.replaced else "Wrote"
        window.statusBar().showMessage(
            f"{verb} {result.articles} articles of {result.pages} pages in {out_dir}", 10000
        )

    def failed(error: BaseException) -> None:
        if isinstance(error, CorpusUnresolvedError):
            _ask_unresolved(window, mode, out_dir, error, force)
        elif isinstance(error, ExportError) and "not empty" in error.problem:
            answer = QMessageBox.question(
                window, "Replace the folder?", f"{error}\n\nReplace its contents?"
            )
            if answer == QMessageBox.StandardButton.Yes:
                run_corpus_export(window, mode, out_dir, prefer, force=True)
        else:
            window.statusBar().showMessage(f"Export failed: {error}")
            QMessageBox.warning(window, "Export failed", str(error))

    window.statusBar().showMessage(f"Exporting the corpus to {out_dir}…")
    tasks.run_task(work, done, failed)


def _ask_unresolved(
    window: MainWindow, mode: CorpusMode, out_dir: str, error: Any, force: bool
) -> None:
    box = QMessageBox(window)
    box.setWindowTitle("Unresolved conflicts")
    box.setText(
        f"{error} on {len(error.items)} pages. Export anyway, using one version's reading for them?"
    )
    left = box.addButton("Use left readings", QMessageBox.ButtonRole.AcceptRole)
    right = box.addButton("Use right readings", QMessageBox.ButtonRole.AcceptRole)
    go = box.addButton("Go to the first page", QMessageBox.ButtonRole.RejectRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked in (left, right):
        run_corpus_export(window, mode, out_dir, "left" if clicked is left else "right", force)
    elif clicked is go and error.items:
        mode.open(next(iter(error.items)))


def corpus_export_dialog(window: MainWindow, mode: CorpusMode) -> None:
    start = str(Path(str(mode.dirs[0] or ".")).parent)
    out = QFileDialog.getExistingDirectory(window, "Export the corpus's articles to…", start)
    if out:
        run_corpus_export(window, mode, out)
