"""``p``: the exact text of the current article's ``NN-title.txt``, as export would write it.

Built by the export code itself (``export.build_articles``, ``ArticleText.text``), so what
is shown is what is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reviewer.core.export.files import article_filename, build_articles
from reviewer.core.review.merge import final_text
from reviewer.core.review.session import ReviewSession

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow


def article_file(session: ReviewSession, article_index: int) -> tuple[str, str, int]:
    """(file name, its text, undecided conflicts in the article) for one article; the
    undecided conflicts read as left, as an export preferring left would write them."""
    art = session.alignment.articles[article_index]
    undecided = sum(
        1
        for u in art.units
        if final_text(u, session.decisions) is None  # edited in context: all decided
        for c in u.conflicts
        if c.id not in session.decisions
    )
    texts = build_articles(session.alignment, session.decisions, "left")
    width = max(2, len(str(len(texts))))  # as export.render numbers the files
    for a in texts:
        if a.id == art.id:
            return article_filename(a.number, a.title, width), a.text(), undecided
    return "", "", undecided  # everything in it is dropped: no file


class FilePreview(QDialog):
    def __init__(self, name: str, text: str, undecided: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file_preview")
        self.setWindowTitle(name or self.tr("No file"))
        lay = QVBoxLayout(self)
        note = name or self.tr(
            "Everything in this article is dropped: export writes no file for it."
        )
        if undecided:
            note += " · " + self.tr("%n undecided conflict(s) read as left", "", undecided)
        self.note = QLabel(note, self)
        lay.addWidget(self.note)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("file_preview_text")
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        lay.addWidget(self.text)
        self.resize(640, 720)


class PreviewCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: FilePreview | None = None

    def preview_file(self) -> None:
        s = self.window.controller.session
        unit = self.window.structure.unit()
        if s is None or unit is None:
            return
        at = s.unit_by_id(unit.id)
        if at is None:
            return
        name, text, undecided = article_file(s, at[0])
        self.dialog = FilePreview(name, text, undecided, self.window)
        self.dialog.finished.connect(lambda _r: self.window.view.setFocus())
        self.dialog.open()
