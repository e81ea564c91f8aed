"""The merged result, as it grows: what export will write, each reading marked by its origin.

``merged_spans`` mirrors ``reviewer.core.review.merge.merge_unit`` but also says where each chosen
reading sits in the merged text; if the two ever disagree (the core changed), the core's text
wins and the marks are left out, so the pane can be wrong only in colour, never in content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.core.model import Unit
from reviewer.core.review.merge import Decision, final_text, is_unit_item, merge_unit

UNDECIDED_SEP = "｜"  # between the two readings of an undecided conflict


@dataclass(frozen=True)
class Piece:
    """[start, end) of the merged text came from ``origin`` ("left"/"right"/"edit"/"unresolved")."""

    start: int
    end: int
    origin: str
    key: str


@dataclass(frozen=True)
class MergedCell:
    text: str | None  # None: left out of the export; undecided conflicts show both readings
    origin: str  # "left" | "right" | "edit" | "mixed" | "dropped"
    pieces: tuple[Piece, ...]
    unresolved: int


def merged_spans(unit: Unit, decisions: Mapping[str, Decision]) -> MergedCell:
    m = merge_unit(unit, decisions)
    if m.text is None:
        return MergedCell(None, m.origin, (), 0)
    unit_side: str | None = None
    if final_text(unit, decisions) is not None:  # edited in context: one typed piece
        return MergedCell(m.text, "edit", (Piece(0, len(m.text), "edit", unit.id),), 0)
    if is_unit_item(unit):
        d = decisions.get(unit.id)
        if (d is not None and d.choice == "edit") or unit.one_sided or not unit.conflicts:
            whole = () if d is None else (Piece(0, len(m.text), m.origin, unit.id),)
            return MergedCell(m.text, m.origin, whole, 0 if d else 1)
        # A kept two-sided duplicate or noise unit: its conflicts still apply, and a side
        # chosen for the whole unit settles those without their own decision (as the core).
        if d is not None and d.choice in ("left", "right"):
            unit_side = d.choice
    assert unit.left is not None and unit.right is not None
    chosen: list[tuple[str, str | None] | None] = []
    for c in unit.conflicts:
        d = decisions.get(c.id)
        chosen.append((d.choice, d.text) if d else ((unit_side, None) if unit_side else None))
    votes_right = sum(1 for ch in chosen if ch and ch[0] == "right")
    votes_left = sum(1 for ch in chosen if ch and ch[0] == "left")
    base = "right" if votes_right > votes_left else "left"
    text = unit.right if base == "right" else unit.left
    out: list[str] = []
    core: list[str] = []  # what the core merges, to check against (undecided: the base side)
    pieces: list[Piece] = []
    pos = n = 0
    for c, ch in zip(unit.conflicts, chosen):
        start, end = (c.right_start, c.right_end) if base == "right" else (c.left_start, c.left_end)
        out.append(text[pos:start])
        core.append(text[pos:start])
        n += start - pos
        choice, typed = ch if ch else (None, None)
        if choice is None:
            # Undecided: both readings, marked, never one side silently.
            core.append(c.left if base == "left" else c.right)
            parts = [(f"{c.left}{UNDECIDED_SEP}{c.right}", "unresolved")]
        elif choice == "both":
            parts = [(c.left, "left"), (c.right, "right")]
        elif choice == "both_rl":
            parts = [(c.right, "right"), (c.left, "left")]
        elif choice == "edit":
            parts = [(typed or "", "edit")]
        else:
            parts = [(c.left if choice == "left" else c.right, choice)]
        for piece, origin in parts:
            pieces.append(Piece(n, n + len(piece), origin, c.id))
            out.append(piece)
            if choice is not None:
                core.append(piece)
            n += len(piece)
        pos = end
    out.append(text[pos:])
    core.append(text[pos:])
    if "".join(core) != m.text:
        return MergedCell(m.text, m.origin, (), m.unresolved)
    return MergedCell("".join(out), m.origin, tuple(pieces), m.unresolved)
