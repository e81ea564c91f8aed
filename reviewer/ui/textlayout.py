"""Wrapped CJK text for the delegates: layout with generous leading, span rectangles, hit tests.

Built on QTextLayout so only visible cells pay for shaping; there is no QTextDocument per row.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption

from reviewer.ui.theme import LINE_SPACING


@dataclass(frozen=True)
class Span:
    """A highlighted stretch [start, end) of a cell's text."""

    start: int
    end: int
    fmt: QTextCharFormat | None = None
    outline: bool = False  # the current conflict: drawn boxed
    key: str = ""  # review item key, for clicks


def layout_text(
    text: str, font: QFont, width: float, spans: list[Span] | tuple[Span, ...] = ()
) -> tuple[QTextLayout, float]:
    """Lay ``text`` out at ``width``; returns the layout and its height."""
    layout = QTextLayout(text, font)
    opt = QTextOption()
    # CJK has no spaces: wrap anywhere, but keep Latin words and numbers whole when possible.
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    formats = []
    for s in spans:
        if s.fmt is not None and s.end > s.start:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = s.start, s.end - s.start, s.fmt
            formats.append(r)
    if formats:
        layout.setFormats(formats)
    lead = QFontMetricsF(font).height() * (LINE_SPACING - 1.0)
    y = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 10.0))
        line.setPosition(QPointF(0.0, y))
        y += line.height() + lead
    layout.endLayout()
    height = y - lead if layout.lineCount() else QFontMetricsF(font).height()
    return layout, height


def text_height(text: str, font: QFont, width: float) -> float:
    return layout_text(text, font, width)[1]


def span_rects(layout: QTextLayout, start: int, end: int) -> list[QRectF]:
    """Rectangles covering [start, end), one per line; an empty span gives a thin caret."""
    rects: list[QRectF] = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        ls, le = line.textStart(), line.textStart() + line.textLength()
        if end < ls or start > le or (start == end and start == le and i + 1 < layout.lineCount()):
            continue
        if start != end and (end <= ls or start >= le):
            continue
        x1 = line.cursorToX(max(start, ls))[0]
        x2 = line.cursorToX(min(end, le))[0]
        if start == end:
            x1, x2 = x1 - 2.0, x1 + 2.0
        rects.append(QRectF(x1, line.y(), max(x2 - x1, 3.0), line.height()))
        if start == end:
            break
    return rects


def hit(layout: QTextLayout, pos: QPointF) -> int | None:
    """Text position under ``pos`` (layout coordinates), or None outside the text."""
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if line.y() <= pos.y() < line.y() + line.height():
            if pos.x() > line.naturalTextWidth() + 4:
                return None
            return line.xToCursor(pos.x())
    return None
