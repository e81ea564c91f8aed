"""Text made safe for the files an export writes: no control characters, no formulas."""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def strip_controls(text: str) -> str:
    """``text`` without control characters (NUL, ESC…); newlines stay, tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROLS.sub("", text)


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text (OWASP CSV injection advice), without controls.

    A cell starting with ``= + - @``, tab or CR gets a leading apostrophe, which spreadsheets
    take as "this is text" and do not display.
    """
    raw = str(value)
    text = strip_controls(raw)
    if raw.startswith(_FORMULA_START) or text.startswith(_FORMULA_START):
        return "'" + text
    return text
