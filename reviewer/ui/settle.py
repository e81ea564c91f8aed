"""Settling the whole review at once (accept every confident suggestion, accept the triage
defaults), each after one confirmation that says how many items it decides; the status
text that tells conflicts from triage; and the "everything is settled" offer to export.

The decisions themselves are made by the core (``reviewer.core.review.bulk``) through the
controller, as one undo step each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from reviewer.core.review import bulk
from reviewer.core.review.session import ReviewSession, Status

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow


def status_text(st: Status) -> str:
    """ "21 conflicts left · 113 triage, defaults apply" (kinds apart, as the editor thinks)."""
    # A class's tr() outside the class: lupdate and Qt both take the class name as context.
    if not st.conflicts_left and not st.triage_left:
        return SettleCommands.tr("All settled · Ctrl+E exports")
    conflicts = SettleCommands.tr("%n conflict(s) left", "", st.conflicts_left)
    if not st.triage_left:
        return SettleCommands.tr("{conflicts} · triage settled").format(conflicts=conflicts)
    return SettleCommands.tr("{conflicts} · %n triage, defaults apply", "", st.triage_left).format(
        conflicts=conflicts
    )


class SettleCommands(QObject):
    """Window commands (handler names in command_table) that ask before deciding many items."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._was_settled = True  # no offer for a review that opens already settled

    def _confirm(self, title: str, text: str, yes: str, then: Callable[[], object]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.window)
        box.setObjectName("confirm_box")
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)  # Enter confirms: one key
        box.buttonClicked.connect(lambda b: b is ok and then())
        box.finished.connect(lambda _r: self._back())
        self.window.message_box = box
        box.open()  # not exec(): the window keeps running, tests and the bench press keys

    def _back(self) -> None:
        # The review keys are window shortcuts: they need the window active again at once.
        self.window.activateWindow()
        self.window.view.setFocus()

    def _count(self, plan: Callable[[ReviewSession], list]) -> int:
        s = self.window.controller.session
        return len(plan(s)) if s is not None and not self.window.controller.busy else 0

    def accept_all_suggestions(self) -> None:
        x = bulk.SUGGESTION_THRESHOLD
        n = self._count(lambda s: bulk.suggestions(s, x))
        if not n:
            self.window.statusBar().showMessage(
                self.tr("No undecided conflict has a suggestion ≥ {x}").format(x=x)
            )
            return
        self._confirm(
            self.tr("Accept suggestions"),
            self.tr(
                "Accept %n suggested reading(s) (confidence ≥ {x}) in the whole review? "
                "One undo step.",
                "",
                n,
            ).format(x=x),
            self.tr("Accept %n", "", n),
            lambda: self.window.controller.run_batch(
                lambda s: bulk.suggestions(s, x), self.tr("suggestions accepted")
            ),
        )

    def accept_all_defaults(self) -> None:
        n = self._count(bulk.defaults)
        if not n:
            self.window.statusBar().showMessage(self.tr("No undecided triage item"))
            return
        self._confirm(
            self.tr("Accept the defaults"),
            self.tr(
                "Decide %n triage item(s) by the defaults: keep one-sided paragraphs, "
                "drop duplicates and noise? One undo step.",
                "",
                n,
            ),
            self.tr("Decide %n", "", n),
            lambda: self.window.controller.run_batch(bulk.defaults, self.tr("defaults accepted")),
        )

    def after_change(self, st: Status) -> None:
        """Offer the export once, when the last item has just been settled."""
        settled = st.total > 0 and st.resolved == st.total
        if settled and not self._was_settled:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Everything is settled"),
                self.tr(
                    "All %n conflict(s) and {triage} triage items are decided.", "", st.conflicts
                ).format(triage=st.triage),
                parent=self.window,
            )
            box.setObjectName("settled_box")
            export = box.addButton(self.tr("Export…"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(export)
            box.buttonClicked.connect(lambda b: b is export and self.window.export_dialog())
            self.window.message_box = box
            box.open()
        self._was_settled = settled

    def loaded(self, st: Status) -> None:
        self._was_settled = st.total > 0 and st.resolved == st.total
