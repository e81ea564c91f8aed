"""The strip above the rows: what the current item is, its suggestion (reason, confidence)
or, for triage, its default and what a duplicate duplicates."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from reviewer.core.review import bulk
from reviewer.core.review.describe import duplicate_note, suggestion_note
from reviewer.core.review.merge import unit_kept_by_default
from reviewer.core.review.session import ReviewSession
from reviewer.ui import theme
from reviewer.ui.cell_content import role_word
from reviewer.ui.reasons import reason_text


def describe(session: ReviewSession) -> str:
    """The strip's text (HTML) for the session's current item."""
    item = session.current
    if item is None:
        return ""
    unit = session.unit_of(item)
    where = f"¶{item.article_index + 1}.{item.unit_index + 1}"
    c = session.conflict_of(item)
    if c is not None:
        sug = c.suggestion
        note = escape(reason_text(suggestion_note(sug)))
        if sug is not None:
            colour = theme.current().side(sug.pick).name()
            strong = "<b>" if sug.confidence >= bulk.SUGGESTION_THRESHOLD else ""
            note = f"<span style='color:{colour}'>{strong}{note}{'</b>' if strong else ''}</span>"
            note += " — " + ItemInfo.tr("<b>a</b> accepts")
        return ItemInfo.tr("Conflict {where} · {note}").format(where=where, note=note)
    parts = [ItemInfo.tr("Triage"), where]
    if unit.duplicate_of is not None:
        parts.append(escape(reason_text(duplicate_note(session.alignment, unit))))
    elif unit.role == "noise":
        parts.append(role_word("noise"))
    if unit.one_sided:
        parts.append(
            ItemInfo.tr("only in the left version")
            if unit.left is not None
            else ItemInfo.tr("only in the right version")
        )
    parts.append(
        ItemInfo.tr("default: keep") if unit_kept_by_default(unit) else ItemInfo.tr("default: drop")
    )
    if bulk.is_title_row(session, item):
        n = sum(1 for it in session.items if it.article_index == item.article_index)
        parts.append(
            ItemInfo.tr("<b>Space</b> keeps / <b>x</b> drops the whole article (%n unit(s))", "", n)
        )
    return " · ".join(parts)


class ItemInfo(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_info")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(10, 4, 10, 4)
        self.setWordWrap(False)
        self.setFont(theme.text_font(0.95))

    def show_item(self, session: ReviewSession) -> None:
        self.setText(describe(session))
