"""The main window: layout, and re-rendering from the session after each change.

Holds no review state: every refresh reads ``session.status()`` and session data.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.actions import build_actions, fill_menus
from reviewer.ui.command_table import ActionId
from reviewer.ui.conflict_list import ConflictList, kind_text
from reviewer.ui.controller import Change, ReviewController
from reviewer.ui.corpus_mode import CorpusMode
from reviewer.ui.file_preview import PreviewCommands
from reviewer.ui.item_info import ItemInfo
from reviewer.ui.keymap import load_key_overrides
from reviewer.ui.panels import CheatSheet, FindBar, RawPane
from reviewer.ui.parallel_model import LEFT, MERGED, RIGHT, SIDES, ParallelModel, source_label
from reviewer.ui.parallel_view import ParallelView
from reviewer.ui.settle import SettleCommands, status_text
from reviewer.ui.structure_commands import StructureCommands

PROJECT_SUFFIX = ".reviewer"


# The core's progress stages (core/engine/pipeline.py), marked for lupdate: shown translated.
STAGES = (
    QT_TRANSLATE_NOOP("Stages", "normalising"),
    QT_TRANSLATE_NOOP("Stages", "aligning"),
    QT_TRANSLATE_NOOP("Stages", "comparing"),
    QT_TRANSLATE_NOOP("Stages", "done"),
)


class MainWindow(QMainWindow):
    def __init__(self, controller: ReviewController) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Reviewer"))
        self.controller = controller
        self.model = ParallelModel()
        self.view = ParallelView(self.model)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.cheat_sheet: CheatSheet | None = None
        self.message_box: QMessageBox | None = None
        self.corpus: CorpusMode | None = None  # corpus mode: the page navigator and its pages
        self._editing: str | None = None  # the unit being edited in context

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.find_bar)
        self.item_info = ItemInfo()
        lay.addWidget(self.item_info)
        lay.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.settle = SettleCommands(self)
        self.structure = StructureCommands(self)
        self.preview = PreviewCommands(self)
        overrides, self.key_warnings = load_key_overrides()
        self.actions = build_actions(
            self, [controller, self.settle, self.structure, self.preview, self], overrides
        )
        fill_menus(self.menuBar(), self.actions)
        self._build_docks()
        self._build_status_bar()

        controller.loading.connect(self._on_loading)
        controller.progress.connect(self._on_progress)
        controller.loaded.connect(self._on_loaded)
        controller.failed.connect(self._on_failed)
        controller.read_only.connect(self._on_read_only)
        controller.closed.connect(self._on_closed)
        controller.changed.connect(self._on_changed)
        controller.changed.connect(self.structure.on_changed)  # after: rows are current
        controller.message.connect(lambda m: self.statusBar().showMessage(m, 4000))
        self.view.clicked_reading.connect(self._on_click)
        self.view.pdelegate.edited.connect(self._on_edited)
        self.view.pdelegate.closeEditor.connect(lambda *_: self._edit_closed())
        self.conflicts.picked.connect(controller.goto)
        self.find_bar.find.connect(self._find)
        self.find_bar.closed.connect(self.view.setFocus)
        self.view.setFocus()

    # --- layout ----------------------------------------------------------------------------
    def _build_docks(self) -> None:
        self.conflicts = ConflictList()
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        filt = QToolButton()
        filt.setDefaultAction(self.actions[ActionId.FILTER_UNRESOLVED])
        filt.setText(self.tr("Unresolved only (u)"))
        filt.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top.addStretch(1)
        top.addWidget(filt)
        lay.addLayout(top)
        lay.addWidget(self.conflicts, 1)
        self.list_dock = QDockWidget(self.tr("Conflicts"), self)
        self.list_dock.setObjectName("conflicts_dock")
        self.list_dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.list_dock)
        self.resizeDocks([self.list_dock], [300], Qt.Orientation.Horizontal)

        self.raw = RawPane()
        self.raw_dock = QDockWidget(self.tr("Raw source of the current unit (r)"), self)
        self.raw_dock.setObjectName("raw_dock")
        self.raw_dock.setWidget(self.raw)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.raw_dock)
        self.raw_dock.hide()
        self.raw_dock.visibilityChanged.connect(self._raw_visibility)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.resolved_label = QLabel(self.tr("No review open"))
        self.resolved_label.setObjectName("resolved_label")
        self.article_label = QLabel()
        self.article_label.setObjectName("article_label")
        self.sources_label = QLabel()
        # Fixed widths: a counter gaining a digit must not re-lay-out the status bar.
        self.resolved_label.setMinimumWidth(170)
        self.article_label.setMinimumWidth(120)
        for w in (self.progress, self.resolved_label, self.article_label, self.sources_label):
            sb.addPermanentWidget(w)

    # --- loading ---------------------------------------------------------------------------
    def _on_loading(self, what: str) -> None:
        self.progress.setRange(0, 0)  # busy until the engine reports a fraction
        self.progress.show()
        self.statusBar().showMessage(self.tr("Aligning {what}…").format(what=what))

    def _on_progress(self, stage: str, fraction: float) -> None:
        if fraction > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(fraction * 100))
        stage = QCoreApplication.translate("Stages", stage)  # the core names its stages in English
        self.statusBar().showMessage(self.tr("{stage}…").format(stage=stage))

    def _on_loaded(self) -> None:
        s = self.controller.session
        assert s is not None
        self.progress.hide()
        self.model.set_session(s)
        self.conflicts.list_model.set_session(s)
        names = self.model.names
        self.sources_label.setText(f"◧ {names[0]}   ◨ {names[1]}")
        self.setWindowTitle(
            self.tr("Reviewer — {left} ↔ {right}").format(left=names[0], right=names[1])
        )
        notes = [*self.controller.warnings, *self.key_warnings]
        if self.controller.read_only_view:
            self.setWindowTitle(self.tr("{title} (read-only)").format(title=self.windowTitle()))
            notes.insert(0, self.tr("Read-only: decisions are not saved"))
        self.statusBar().showMessage(
            " · ".join(notes) if notes else self.tr("Ready — press ? for keys"), 8000
        )
        self.settle.loaded(s.status())
        self._refresh_status()
        if s.current is not None:
            row = self.model.row_of_item(s.cursor)
            self.view.scrollTo(self.model.index(row, 0))
            self.conflicts.show_item(s.cursor)
        self._update_raw()
        self.view.setFocus()

    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self.statusBar().showMessage(message)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot open"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("error_box")
        self.message_box = box
        box.open()  # not exec(): the window keeps running, tests can find and close it

    def _on_read_only(self, project_path: str, message: str) -> None:
        from reviewer.ui import read_only

        self.progress.hide()
        self.statusBar().showMessage(message)
        self.message_box = read_only.offer(self, self.controller, project_path, message)

    def _on_closed(self) -> None:
        """A failed open could not restore the review on screen: show that none is open."""
        self.model.set_session(None)
        self.conflicts.list_model.set_session(None)
        self.setWindowTitle(self.tr("Reviewer"))
        self.resolved_label.setText(self.tr("No review open"))
        self.article_label.setText("")
        self.sources_label.setText("")

    # --- re-rendering ----------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        s = self.controller.session
        if s is None:
            return
        if self.model.alignment is not s.alignment:  # the structure changed: rows differ
            self.model.set_session(s)
            self.conflicts.list_model.set_session(s)
            self._refresh_status()
            self._update_raw()
        if not s.items:
            return
        m = self.model
        rows = {m.row_of_item(change.old_cursor), m.row_of_item(change.new_cursor)}
        for key in change.keys:
            idx = s.index_of(key)
            if idx is not None:
                rows.add(m.row_of_item(idx))
                self.conflicts.list_model.item_changed(idx)
            elif (at := s.unit_by_id(key)) is not None and at in m.row_of_unit:
                rows.add(m.row_of_unit[at])  # a unit's final text (edit in context)
                for c in s.alignment.articles[at[0]].units[at[1]].conflicts:
                    if (ci := s.index_of(c.id)) is not None:
                        self.conflicts.list_model.item_changed(ci)
        self.view.refresh_rows(rows)
        self.view.show_row(m.row_of_item(change.new_cursor))
        self.conflicts.show_item(change.new_cursor)
        self._refresh_status()
        self._update_raw()

    def _refresh_status(self) -> None:
        s = self.controller.session
        if s is None:
            return
        st = s.status()
        self.resolved_label.setText(status_text(st))
        # In the dock's title, not a label inside it: a label changing its text re-lays-out
        # the dock and repaints the whole list under it, on every decision.
        self.list_dock.setWindowTitle(
            self.tr("Conflicts — {left} unresolved of {total}").format(
                left=st.remaining, total=st.total
            )
        )
        self.article_label.setText(
            self.tr("Article {index} of {count}").format(
                index=st.article_index + 1, count=st.article_count
            )
        )
        # Undo belongs to the session; the window only reflects whether there is any.
        self.actions[ActionId.UNDO].setEnabled(st.can_undo)
        self.actions[ActionId.REDO].setEnabled(st.can_redo)
        self.settle.after_change(st)

    def _update_raw(self) -> None:
        s = self.controller.session
        if s is not None:
            self.item_info.show_item(s)
        if s is not None and self.raw_dock.isVisible():
            cur = s.current
            self.raw.show_unit(
                s, s.unit_of(cur) if cur else None, s.conflict_of(cur) if cur else None
            )

    # --- window commands (handler names from command_table) ------------------------------
    def set_unresolved_only(self, on: bool) -> None:
        self.conflicts.list_model.set_unresolved_only(on)
        s = self.controller.session
        if s is not None and s.current is not None:
            self.conflicts.show_item(s.cursor)

    def cycle_list_kind(self) -> None:
        kind = self.conflicts.list_model.cycle_kind()
        self.statusBar().showMessage(
            self.tr("List shows: {kind}").format(kind=kind_text(kind)), 3000
        )

    def set_raw_visible(self, on: bool) -> None:
        self.raw_dock.setVisible(on)
        self._update_raw()

    def _raw_visibility(self, visible: bool) -> None:
        self.actions[ActionId.SHOW_RAW].setChecked(visible)
        self._update_raw()

    def show_cheat_sheet(self) -> None:
        if self.cheat_sheet is None:
            self.cheat_sheet = CheatSheet(parent=self)
        self.cheat_sheet.show()
        self.cheat_sheet.raise_()

    def show_find(self) -> None:
        self.find_bar.open_bar()

    def _find(self, needle: str, delta: int) -> None:
        s = self.controller.session
        if s is None or not self.model.rows:
            return
        found = self.view.pdelegate.found
        start = found[0] if found else self.model.row_of_item(s.cursor) if s.current else 0
        row = self.model.find(needle, start, delta)
        if row is None:
            self.find_bar.result.setText(self.tr("not found"))
            return
        self.find_bar.result.setText(self.tr("row {row}").format(row=row + 1))
        self.view.show_found(row, needle)
        keys = self.model.item_keys(row)
        idx = s.index_of(keys[0]) if keys else None
        if idx is not None:  # a row with something to decide: review it from here
            self.controller.goto(idx)

    def edit_current(self) -> None:
        s = self.controller.session
        if s is None or s.current is None or self.controller.busy:
            return
        ctx = self.controller.edit_context()
        if ctx is None:
            return
        self._editing = ctx.unit_id
        row = self.model.row_of_item(s.cursor)
        self.view.pdelegate.editor_context = ctx
        self.view.show_row(row)
        self.view.edit(self.model.index(row, MERGED))

    def _on_edited(self, text: str) -> None:
        if self._editing is not None:
            self.controller.edit_unit(self._editing, text)

    def _edit_closed(self) -> None:
        self._editing = None
        self.view.setFocus()

    def _on_click(self, row: int, col: int, key: str) -> None:
        s = self.controller.session
        if s is None:
            return
        idx = s.index_of(key) if key else None
        if idx is not None and col in (LEFT, RIGHT):
            self.controller.decide(SIDES[col], index=idx)  # clicking a reading chooses it
            return
        keys = self.model.item_keys(row)
        first = s.index_of(keys[0]) if keys else None
        if first is not None:
            self.controller.goto(first)

    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open two versions, or a saved review"),
            "",
            self.tr("Sources and reviews ({patterns});;All files (*)").format(
                patterns=f"*.md *.txt *{PROJECT_SUFFIX}"
            ),
        )
        from reviewer.core.corpus.store import is_corpus_project

        if len(paths) == 1 and is_corpus_project(paths[0]):
            self.open_corpus(None, None, paths[0])
        elif len(paths) == 1:
            self.controller.open_project(paths[0])
        elif len(paths) == 2:
            self.controller.open_pair(paths[0], paths[1])
        elif paths:
            self._on_failed(
                self.tr("Choose two versions of a page (left, right), or one review file.")
            )

    def export_dialog(self) -> None:
        if self.corpus is not None:
            from reviewer.ui.corpus_export import corpus_export_dialog

            corpus_export_dialog(self, self.corpus)
            return
        from reviewer.ui.exporting import export_dialog

        export_dialog(self)

    # --- corpus mode -----------------------------------------------------------------------
    def open_corpus(
        self, left_dir: str | None, right_dir: str | None, project: str | None = None
    ) -> None:
        """Two folders (or a corpus project file): the page navigator and the first page."""
        if self.corpus is not None:
            self.corpus.close()
            self.removeDockWidget(self.corpus.dock)
        self.corpus = CorpusMode(self, left_dir, right_dir, project)

    def corpus_dialog(self) -> None:
        left = QFileDialog.getExistingDirectory(
            self, self.tr("Corpus: the folder of the first versions")
        )
        if not left:
            return
        right = QFileDialog.getExistingDirectory(
            self, self.tr("Corpus: the folder of the second versions"), left.rsplit("/", 1)[0]
        )
        if right:
            self.open_corpus(left, right)

    def next_page(self) -> None:
        if self.corpus is None:
            self.statusBar().showMessage(self.tr("Pages: open two folders (corpus mode)"), 4000)
        else:
            self.corpus.step_page(+1)

    def prev_page(self) -> None:
        if self.corpus is None:
            self.statusBar().showMessage(self.tr("Pages: open two folders (corpus mode)"), 4000)
        else:
            self.corpus.step_page(-1)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.corpus is not None:
            self.corpus.close()
        self.controller.close_project()
        super().closeEvent(event)

    def source_names(self) -> tuple[str, str]:
        s = self.controller.session
        if s is None:
            return ("left", "right")
        return (source_label(s.alignment.left.path), source_label(s.alignment.right.path))
