"""File ▸ Export: choose a folder, settle unresolved conflicts, write off the UI thread.

All writing is ``reviewer.core.project.export_review``; this module only asks questions.
Unresolved items never block the export (users hate that, see UX.md): the editor may jump to
the first one, or export with one side's reading standing in for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.ui import tasks

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow


def run_export(
    window: MainWindow, out_dir: str, prefer: str | None = None, force: bool = False
) -> None:
    """Export the open review to ``out_dir``; answers come back on the UI thread."""
    from reviewer.core.export import ExportError, UnresolvedError
    from reviewer.core.project import export_review

    c = window.controller
    session, review = c.session, c.review
    if session is None:
        return

    def work(_progress: Any) -> Any:
        if review is not None:  # the project file belongs to the store thread
            return c.store.call(lambda: export_review(review, out_dir, prefer, force=force))
        return export_review(
            session.alignment, out_dir, prefer, force=force, decisions=dict(session.decisions)
        )

    def done(result: Any) -> None:
        verb = "Replaced" if result.replaced else "Wrote"
        window.statusBar().showMessage(
            f"{verb} {result.articles} articles ({result.paragraphs} paragraphs) in {out_dir}",
            10000,
        )

    def failed(error: BaseException) -> None:
        if isinstance(error, UnresolvedError):
            _ask_unresolved(window, out_dir, error, force)
        elif isinstance(error, ExportError) and "not empty" in error.problem:
            answer = QMessageBox.question(
                window, "Replace the folder?", f"{error}\n\nReplace its contents?"
            )
            if answer == QMessageBox.StandardButton.Yes:
                run_export(window, out_dir, prefer, force=True)
        else:
            window.statusBar().showMessage(f"Export failed: {error}")
            QMessageBox.warning(window, "Export failed", str(error))

    window.statusBar().showMessage(f"Exporting to {out_dir}…")
    tasks.run_task(work, done, failed)


def _ask_unresolved(window: MainWindow, out_dir: str, error: Any, force: bool) -> None:
    box = QMessageBox(window)
    box.setWindowTitle("Unresolved conflicts")
    box.setText(f"{error}. Export anyway, using one version's reading for them?")
    left = box.addButton("Use left readings", QMessageBox.ButtonRole.AcceptRole)
    right = box.addButton("Use right readings", QMessageBox.ButtonRole.AcceptRole)
    go = box.addButton("Go to the first one", QMessageBox.ButtonRole.RejectRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked in (left, right):
        run_export(window, out_dir, "left" if clicked is left else "right", force)
    elif clicked is go and error.items:
        s = window.controller.session
        idx = s.index_of(error.items[0].key) if s else None
        if idx is not None:
            window.controller.goto(idx)


def export_dialog(window: MainWindow) -> None:
    c = window.controller
    if c.session is None:
        return
    start = str(Path(c.session.alignment.left.path).with_suffix("").parent)
    out = QFileDialog.getExistingDirectory(window, "Export the merged articles to…", start)
    if out:
        run_export(window, out)
