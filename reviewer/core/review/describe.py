"""Short descriptions of review items for the window: where a duplicate's original is and
how the copies differ, what a suggestion says, and where a reading sits in the raw source.

Pure functions of plain data (no Qt), so the wording is tested without a window.
"""

from __future__ import annotations

import re

from reviewer.core.engine.diff import diff_units
from reviewer.core.model import Alignment, Suggestion, Unit

_SHOW = 3  # differences listed for a duplicate


def locate(alignment: Alignment, unit_id: str) -> tuple[int, int] | None:
    """(article index, unit index) of a unit, or None."""
    for ai, art in enumerate(alignment.articles):
        for ui, unit in enumerate(art.units):
            if unit.id == unit_id:
                return ai, ui
    return None


def _short(text: str, n: int = 12) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def duplicate_note(alignment: Alignment, unit: Unit) -> str:
    """ "duplicate of ¶3.9 (identical)" or "duplicate of ¶3.9: 「“下一步」 ↔ 「下一步」"."""
    if unit.duplicate_of is None:
        return ""
    where = locate(alignment, unit.duplicate_of)
    if where is None:
        return "duplicate"
    original = alignment.articles[where[0]].units[where[1]]
    label = f"duplicate of ¶{where[0] + 1}.{where[1] + 1}"
    side = "left" if unit.left is not None else "right"
    mine = unit.text(side) or ""
    theirs = original.text(side) or original.text("right" if side == "left" else "left") or ""
    edits = diff_units(theirs, mine)
    if not edits:
        return f"{label} (identical)"
    diffs = [
        f"「{_short(theirs[e.left_start : e.left_end]) or '∅'}」 ↔ "
        f"「{_short(mine[e.right_start : e.right_end]) or '∅'}」"
        for e in edits[:_SHOW]
    ]
    more = f" and {len(edits) - _SHOW} more" if len(edits) > _SHOW else ""
    return f"{label}, differs: " + ", ".join(diffs) + more


def suggestion_note(s: Suggestion | None) -> str:
    """ "suggests right: left breaks the word 千帆竞发 (0.90)"."""
    if s is None:
        return "no suggestion"
    return f"suggests {s.pick}: {s.reason} ({s.confidence:.2f})"


def _pattern(text: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in text if not ch.isspace())


def raw_span(raw: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``text[start:end]`` (a reading in the normalised unit text) lies in ``raw``,
    the unit's raw source; context on both sides tells repeated readings apart."""
    for ctx in (8, 3, 0):
        before, inner, after = text[max(0, start - ctx) : start], text[start:end], text[end:][:ctx]
        pat = (
            f"({_pattern(before)})"
            + r"\s*"
            + f"({_pattern(inner)})"
            + r"\s*"
            + f"({_pattern(after)})"
        )
        m = re.search(pat, raw)
        if m is not None and (inner.strip() or before or after):
            return (m.start(2), m.end(2)) if inner.strip() else (m.end(1), m.end(1))
    return None
