"""Colours and fonts: a colour-blind-safe left/right pair, light and dark variants, CJK fonts.

Okabe–Ito colours (blue #0072B2 / orange #E69F00) stay distinct for the common forms of
colour blindness; every colour here is also paired with a shape or text cue in the views.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Tried in order; Qt falls back per glyph, so Latin text still uses the first family that has it.
CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans",
    "sans-serif",
]
LINE_SPACING = 1.45  # CJK paragraphs read better with generous leading


@dataclass(frozen=True)
class Theme:
    """Every colour the views paint with, for one palette (light or dark)."""

    dark: bool
    left: QColor  # strong side colours: markers, outlines
    right: QColor
    edit: QColor
    left_tint: QColor  # row backgrounds
    right_tint: QColor
    left_mark: QColor  # conflict span backgrounds
    right_mark: QColor
    edit_mark: QColor
    unresolved_mark: QColor
    current: QColor  # outline of the current conflict
    current_row: QColor  # a faint wash over the current row
    text: QColor
    muted: QColor
    header_bg: QColor
    hatch: QColor
    found: QColor  # find results: yellow, away from both side colours

    def side(self, side: str) -> QColor:
        return self.left if side == "left" else self.right

    def tint(self, side: str) -> QColor:
        return self.left_tint if side == "left" else self.right_tint

    def mark(self, origin: str) -> QColor:
        return {
            "left": self.left_mark,
            "right": self.right_mark,
            "edit": self.edit_mark,
        }.get(origin, self.unresolved_mark)


def _alpha(hex_colour: str, alpha: int) -> QColor:
    c = QColor(hex_colour)
    c.setAlpha(alpha)
    return c


LIGHT = Theme(
    dark=False,
    left=QColor("#0072B2"),
    right=QColor("#D55E00"),  # vermillion outline reads better than orange on white
    edit=QColor("#CC79A7"),
    left_tint=_alpha("#0072B2", 14),
    right_tint=_alpha("#E69F00", 20),
    left_mark=_alpha("#56B4E9", 110),
    right_mark=_alpha("#E69F00", 120),
    edit_mark=_alpha("#CC79A7", 110),
    unresolved_mark=_alpha("#999999", 70),
    current=QColor("#000000"),
    current_row=_alpha("#000000", 12),
    text=QColor("#1a1a1a"),
    muted=QColor("#6b6b6b"),
    header_bg=QColor("#e8e8ec"),
    hatch=_alpha("#000000", 38),
    found=_alpha("#F0E442", 200),
)

DARK = Theme(
    dark=True,
    left=QColor("#56B4E9"),
    right=QColor("#E69F00"),
    edit=QColor("#CC79A7"),
    left_tint=_alpha("#56B4E9", 20),
    right_tint=_alpha("#E69F00", 20),
    left_mark=_alpha("#0072B2", 170),
    right_mark=_alpha("#E69F00", 120),
    edit_mark=_alpha("#CC79A7", 130),
    unresolved_mark=_alpha("#bbbbbb", 60),
    current=QColor("#ffffff"),
    current_row=_alpha("#ffffff", 14),
    text=QColor("#e6e6e6"),
    muted=QColor("#9a9a9a"),
    header_bg=QColor("#2e3138"),
    hatch=_alpha("#ffffff", 40),
    found=_alpha("#F0E442", 110),
)


def dark_palette() -> QPalette:
    """A plain dark palette for --dark (the system's own dark palette is used when it has one)."""
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor("#3d6a99")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8a8a")),
        (QPalette.ColorRole.Mid, QColor("#3a3c42")),
    ):
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777777"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#777777"))
    return p


def apply(app: QApplication, dark: bool = False) -> None:
    """Set style, palette and the CJK-friendly default font for the whole application."""
    if dark:
        app.setStyle("Fusion")  # the only built-in style that honours a custom palette fully
        app.setPalette(dark_palette())
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES)
    app.setFont(font)


def current() -> Theme:
    """The theme matching the application palette (follows the system light/dark setting)."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def text_font(scale: float = 1.12) -> QFont:
    """The reading font: CJK family first, a little larger than the UI font."""
    font = QFont(QGuiApplication.font())
    font.setFamilies(CJK_FAMILIES)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    return font
