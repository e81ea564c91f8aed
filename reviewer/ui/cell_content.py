"""What one cell of the parallel view shows, computed from the session on every paint.

Kept apart from the painting code so the rules (what is highlighted, struck, hatched,
labelled) read in one place and can be tested without pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont, QTextCharFormat

from reviewer.core.review.merge import is_unit_item
from reviewer.ui.parallel_model import MERGED, SIDES, ParallelModel
from reviewer.ui.textlayout import Span
from reviewer.ui.theme import Theme

# Which choices put a side's reading into the merge.
TAKES = {
    "left": {"left", "both", "both_rl"},
    "right": {"right", "both", "both_rl"},
}
STATE_WORDS = {
    None: QT_TRANSLATE_NOOP("CellContent", "unresolved"),
    "left": QT_TRANSLATE_NOOP("CellContent", "left"),
    "right": QT_TRANSLATE_NOOP("CellContent", "right"),
    "both": QT_TRANSLATE_NOOP("CellContent", "both"),
    "both_rl": QT_TRANSLATE_NOOP("CellContent", "both (R+L)"),
    "edit": QT_TRANSLATE_NOOP("CellContent", "edited"),
    "keep": QT_TRANSLATE_NOOP("CellContent", "kept"),
    "drop": QT_TRANSLATE_NOOP("CellContent", "dropped"),
}


ORIGIN_WORDS = {
    "left": QT_TRANSLATE_NOOP("CellContent", "from left"),
    "right": QT_TRANSLATE_NOOP("CellContent", "from right"),
    "edit": QT_TRANSLATE_NOOP("CellContent", "edited"),
    "mixed": QT_TRANSLATE_NOOP("CellContent", "from both"),
    "dropped": QT_TRANSLATE_NOOP("CellContent", "dropped"),
}

# The core's unit roles (reviewer/core/model.py ROLES), as the window names them.
ROLE_WORDS = {
    "title": QT_TRANSLATE_NOOP("CellContent", "title"),
    "subtitle": QT_TRANSLATE_NOOP("CellContent", "subtitle"),
    "byline": QT_TRANSLATE_NOOP("CellContent", "byline"),
    "paragraph": QT_TRANSLATE_NOOP("CellContent", "paragraph"),
    "caption": QT_TRANSLATE_NOOP("CellContent", "caption"),
    "noise": QT_TRANSLATE_NOOP("CellContent", "noise"),
}


@dataclass
class Cell:
    text: str | None
    label: str = ""  # shown instead of text when text is None
    spans: tuple[Span, ...] = ()
    badge: str = ""
    badge_colour: QColor | None = None
    background: QColor | None = None
    hatched: bool = False
    bar: tuple[QColor, ...] = ()
    current_row: bool = False
    pen: QColor | None = None
    font: QFont | None = None
    whole_key: str = ""  # a unit item: clicking anywhere in its text chooses it


def _fmt(
    bg: QColor | None = None,
    fg: QColor | None = None,
    strike: bool = False,
    underline: QColor | None = None,
) -> QTextCharFormat:
    f = QTextCharFormat()
    if bg is not None:
        f.setBackground(bg)
    if fg is not None:
        f.setForeground(fg)
    if strike:
        f.setFontStrikeOut(True)
    if underline is not None:
        f.setFontUnderline(True)
        f.setUnderlineColor(underline)
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    return f


def _tr(text: str) -> str:
    """A word marked with QT_TRANSLATE_NOOP in this module, in the UI language."""
    return QCoreApplication.translate("CellContent", text)


def state_word(choice: str | None) -> str:
    """A decision's state ("unresolved", "left", "kept"…) in the UI language."""
    return _tr(STATE_WORDS.get(choice, "?"))


def role_word(role: str) -> str:
    """A unit's role ("paragraph", "caption"…) in the UI language."""
    return _tr(ROLE_WORDS.get(role, role))


def unit_state(model: ParallelModel, key: str) -> str:
    assert model.session is not None
    d = model.session.decision(key)
    return state_word(d.choice if d else None)


def cell_for(model: ParallelModel, row: int, col: int, t: Theme, font: QFont, small: QFont) -> Cell:
    s = model.session
    unit = model.unit(row)
    assert s is not None and unit is not None
    cur = s.current
    current_key = cur.key if cur else ""
    current_row = (
        cur is not None and model.row_of_unit.get((cur.article_index, cur.unit_index)) == row
    )
    role_font = None
    if unit.role in ("title", "subtitle"):
        role_font = QFont(font)
        role_font.setBold(True)
    if col == MERGED:
        return _merged_cell(model, row, t, current_key, current_row, role_font)
    side = SIDES[col]
    other = SIDES[1 - col]
    text = unit.text(side)
    cell = Cell(text, background=t.tint(side), current_row=current_row, font=role_font)
    if is_unit_item(unit):
        d = s.decision(unit.id)
        kinds = [
            word
            for word, on in (
                (QT_TRANSLATE_NOOP("CellContent", "duplicate"), unit.duplicate_of is not None),
                (QT_TRANSLATE_NOOP("CellContent", "noise"), unit.role == "noise"),
                (QT_TRANSLATE_NOOP("CellContent", "only here"), unit.one_sided),
            )
            if on
        ]
        kind = " · ".join(_tr(k) for k in kinds)
        if text is None:
            cell.hatched = True
            cell.background = None
            cell.label = QCoreApplication.translate("CellContent", "only in {name}").format(
                name=model.names[1 - col]
            )
            return cell
        cell.badge = f"{kind} · {unit_state(model, unit.id)}"
        cell.badge_colour = t.side(side) if d is None else t.muted
        cell.whole_key = unit.id
        dropped = d is not None and (d.choice == "drop" or (d.choice == other and unit.one_sided))
        if dropped:
            cell.spans = (Span(0, len(text), _fmt(fg=t.muted, strike=True), False, unit.id),)
        elif unit.id == current_key:
            cell.spans = (Span(0, len(text), None, True, unit.id),)
        if unit.one_sided:
            return cell
    assert text is not None
    spans: list[Span] = list(cell.spans)
    for c in unit.conflicts:
        start, end = (c.left_start, c.left_end) if side == "left" else (c.right_start, c.right_end)
        d = s.decision(c.id)
        if d is None:
            fmt = _fmt(bg=t.mark(side))
        elif d.choice in TAKES[side]:
            fmt = _fmt(bg=t.mark(side), underline=t.side(side))
        else:  # not taken (or replaced by an edit): struck through, still readable
            fmt = _fmt(fg=t.muted, strike=True)
        spans.append(Span(start, end, fmt, c.id == current_key, c.id))
    cell.spans = tuple(spans)
    return cell


def _merged_cell(
    model: ParallelModel,
    row: int,
    t: Theme,
    current_key: str,
    current_row: bool,
    role_font: QFont | None,
) -> Cell:
    merged = model.merged(row)
    assert merged is not None
    bars = {
        "left": (t.left,),
        "right": (t.right,),
        "edit": (t.edit,),
        "mixed": (t.left, t.right),
        "dropped": (t.muted,),
    }
    cell = Cell(
        merged.text, current_row=current_row, font=role_font, bar=bars.get(merged.origin, ())
    )
    if merged.text is None:
        cell.label = QCoreApplication.translate("CellContent", "— left out of the export —")
        if model.item_keys(row):
            cell.badge = (
                QCoreApplication.translate("CellContent", "✓ resolved · dropped")
                if model.session and any(k in model.session.decisions for k in model.item_keys(row))
                else QCoreApplication.translate("CellContent", "left out by default")
            )
            cell.badge_colour = t.muted
        return cell
    spans = []
    unit = model.unit(row)
    for p in merged.pieces:
        if unit is not None and p.key == unit.id and unit.one_sided:
            # Kept one-sided text reads as normal text: the margin bar alone shows its origin.
            spans.append(Span(p.start, p.end, None, p.key == current_key, p.key))
            continue
        if p.origin == "unresolved":
            fmt = _fmt(bg=t.unresolved_mark, underline=t.muted)
        else:
            fmt = _fmt(bg=t.mark(p.origin))
        spans.append(Span(p.start, p.end, fmt, p.key == current_key, p.key))
    # Rows with something to decide always carry a badge line, so deciding never changes
    # the row's height (which would shift and repaint everything below it).
    if merged.unresolved:
        cell.badge = QCoreApplication.translate("CellContent", "{count} unresolved").format(
            count=merged.unresolved
        )
        cell.badge_colour = t.muted
    elif model.item_keys(row):
        origin = _tr(ORIGIN_WORDS.get(merged.origin, merged.origin))
        cell.badge = QCoreApplication.translate("CellContent", "✓ resolved · {origin}").format(
            origin=origin
        )
        cell.badge_colour = t.muted
    cell.spans = tuple(spans)
    return cell
