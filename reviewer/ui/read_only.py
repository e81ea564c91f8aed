"""What the window offers when a review's project cannot be written: view it, or copy it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

VIEW_ONLY = QT_TRANSLATE_NOOP("ReadOnly", "View only")
SAVE_COPY = QT_TRANSLATE_NOOP("ReadOnly", "Save a copy…")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadOnly", text)


def offer(window: QWidget, controller, project_path: str, message: str) -> QMessageBox:
    """Ask (without blocking) whether to view the read-only review or go on in a copy."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ReadOnly", "Read-only review"),
        message
        + ".\n\n"
        + QCoreApplication.translate(
            "ReadOnly",
            "View only: your decisions are not saved.\n"
            "Save a copy: go on reviewing in a copy elsewhere.",
        ),
        QMessageBox.StandardButton.Cancel,
        window,
    )
    box.setObjectName("read_only_box")
    view = box.addButton(_tr(VIEW_ONLY), QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(_tr(SAVE_COPY), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(view)

    def chosen(button: QAbstractButton) -> None:
        if button is view:
            controller.open_read_only()
        elif button is copy:
            suggested = str(Path.home() / Path(project_path).name)
            target, _ = QFileDialog.getSaveFileName(
                window,
                QCoreApplication.translate("ReadOnly", "Save a copy of the review"),
                suggested,
                QCoreApplication.translate("ReadOnly", "Reviews (*.reviewer)"),
            )
            if target:
                controller.save_copy_and_open(project_path, target)

    box.buttonClicked.connect(chosen)
    box.open()  # not exec(): the window keeps running, tests can find and press the buttons
    return box
