"""The core's notes on an item (suggestion reasons, duplicate notes) in the UI language.

The core writes them in English (they are also CLI and report output, see core/suggest.py and
core/describe.py). Each known shape is matched here and re-said through the "Reasons"
catalogue; the quoted Chinese text in them is kept as is. An unknown shape stays English.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_SIDE = r"(?P<side>left|right)"
SIDE_WORDS = (QT_TRANSLATE_NOOP("Reasons", "left"), QT_TRANSLATE_NOOP("Reasons", "right"))
WHAT_WORDS = (QT_TRANSLATE_NOOP("Reasons", "sentence"), QT_TRANSLATE_NOOP("Reasons", "passage"))

# (pattern on the core's text, the same text as a template: {names} are the pattern's groups)
SHAPES: tuple[tuple[str, str], ...] = (
    (r"no suggestion", QT_TRANSLATE_NOOP("Reasons", "no suggestion")),
    (
        rf"suggests {_SIDE}: (?P<reason>.*) \((?P<confidence>[\d.]+)\)",
        QT_TRANSLATE_NOOP("Reasons", "suggests {side}: {reason} ({confidence})"),
    ),
    (
        rf"extraction artefact on the {_SIDE}",
        QT_TRANSLATE_NOOP("Reasons", "extraction artefact on the {side}"),
    ),
    (
        rf"{_SIDE} lost the bracket (?P<x>.+)",
        QT_TRANSLATE_NOOP("Reasons", "{side} lost the bracket {x}"),
    ),
    (r"doubled word (?P<x>.+)", QT_TRANSLATE_NOOP("Reasons", "doubled word {x}")),
    (
        r"also at (?P<where>¶[\d.]+): pasted text",
        QT_TRANSLATE_NOOP("Reasons", "also at {where}: pasted text"),
    ),
    (
        rf"(?P<what>sentence|passage) missing on the {_SIDE}",
        QT_TRANSLATE_NOOP("Reasons", "{what} missing on the {side}"),
    ),
    (
        r"two valid readings: (?P<a>.+) / (?P<b>.+)",
        QT_TRANSLATE_NOOP("Reasons", "two valid readings: {a} / {b}"),
    ),
    (
        rf"{_SIDE} breaks the word (?P<x>.+)",
        QT_TRANSLATE_NOOP("Reasons", "{side} breaks the word {x}"),
    ),
    (
        rf"{_SIDE} lacks (?P<x>\S+) \((?P<a>.+) / (?P<b>.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "{side} lacks {x} ({a} / {b})"),
    ),
    (
        rf"stray (?P<x>.+) on the {_SIDE}",
        QT_TRANSLATE_NOOP("Reasons", "stray {x} on the {side}"),
    ),
    (
        rf"word (?P<x>.+) missing on the {_SIDE}",
        QT_TRANSLATE_NOOP("Reasons", "word {x} missing on the {side}"),
    ),
    (rf"{_SIDE} lacks (?P<x>.+)", QT_TRANSLATE_NOOP("Reasons", "{side} lacks {x}")),
    (
        rf"{_SIDE} has the rarer word (?P<x>.+) \((?P<a>.+)\)",
        QT_TRANSLATE_NOOP("Reasons", "{side} has the rarer word {x} ({a})"),
    ),
    (r"duplicate", QT_TRANSLATE_NOOP("Reasons", "duplicate")),
    (
        r"duplicate of (?P<where>¶[\d.]+) \(identical\)",
        QT_TRANSLATE_NOOP("Reasons", "duplicate of {where} (identical)"),
    ),
    (
        r"duplicate of (?P<where>¶[\d.]+), differs: (?P<diffs>.+?) and (?P<more>\d+) more",
        QT_TRANSLATE_NOOP("Reasons", "duplicate of {where}, differs: {diffs} and {more} more"),
    ),
    (
        r"duplicate of (?P<where>¶[\d.]+), differs: (?P<diffs>.+)",
        QT_TRANSLATE_NOOP("Reasons", "duplicate of {where}, differs: {diffs}"),
    ),
)
_COMPILED = [(re.compile(p, re.S), t) for p, t in SHAPES]
_WORDS = {"side", "what"}  # groups that are English words, translated too


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reasons", text)


def reason_text(note: str) -> str:
    """``note`` (a core description) in the UI language; unchanged if its shape is unknown."""
    for pattern, template in _COMPILED:
        m = pattern.fullmatch(note)
        if m is None:
            continue
        parts = {
            k: _tr(v) if k in _WORDS else reason_text(v) if k == "reason" else v
            for k, v in m.groupdict().items()
        }
        return _tr(template).format(**parts)
    return note
