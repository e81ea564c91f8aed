"""File ▸ Export: choose a folder, settle unresolved conflicts, write off the UI thread.

All writing is ``reviewer.core.project.export_review``; this module only asks questions.
Unresolved items never block the export (users hate that, see UX.md): the editor may jump to
the first one, or export with one side's reading standing in for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.ui import tasks

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow


class Exporting(QObject):
    """The translation context of this module's texts: ``Exporting.tr(...)``."""


def run_export(
    window: MainWindow, out_dir: str, prefer: str | None = None, force: bool = False
) -> None:
    """Export the open review to ``out_dir``; answers come back on the UI thread."""
    from reviewer.core.export.files import ExportError, UnresolvedError
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
        wrote = (
            Exporting.tr("Replaced %n article(s) in {folder}", "", result.articles)
            if result.replaced
            else Exporting.tr("Wrote %n article(s) in {folder}", "", result.articles)
        )
        paragraphs = Exporting.tr("%n paragraph(s)", "", result.paragraphs)
        window.statusBar().showMessage(
            f"{wrote.format(folder=out_dir)} ({paragraphs})",
            10000,
        )

    def failed(error: BaseException) -> None:
        if isinstance(error, UnresolvedError):
            _ask_unresolved(window, out_dir, error, force)
        elif isinstance(error, ExportError) and "not empty" in error.problem:
            answer = QMessageBox.question(
                window,
                Exporting.tr("Replace the folder?"),
                Exporting.tr("{error}\n\nReplace its contents?").format(error=error),
            )
            if answer == QMessageBox.StandardButton.Yes:
                run_export(window, out_dir, prefer, force=True)
        else:
            window.statusBar().showMessage(
                Exporting.tr("Export failed: {error}").format(error=error)
            )
            QMessageBox.warning(window, Exporting.tr("Export failed"), str(error))

    window.statusBar().showMessage(Exporting.tr("Exporting to {folder}…").format(folder=out_dir))
    tasks.run_task(work, done, failed)


def _ask_unresolved(window: MainWindow, out_dir: str, error: Any, force: bool) -> None:
    box = QMessageBox(window)
    box.setWindowTitle(Exporting.tr("Unresolved conflicts"))
    box.setText(
        Exporting.tr(
            "%n conflict(s) remain unresolved. Export anyway, using one version's reading "
            "for them?",
            "",
            len(error.items),
        )
    )
    left = box.addButton(Exporting.tr("Use left readings"), QMessageBox.ButtonRole.AcceptRole)
    right = box.addButton(Exporting.tr("Use right readings"), QMessageBox.ButtonRole.AcceptRole)
    go = box.addButton(Exporting.tr("Go to the first one"), QMessageBox.ButtonRole.RejectRole)
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
    out = QFileDialog.getExistingDirectory(
        window, Exporting.tr("Export the merged articles to…"), start
    )
    if out:
        run_export(window, out)
