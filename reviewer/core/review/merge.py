"""What the editor's decisions make of a unit: the merged text, and where it came from.

Pure functions over plain data; the session, the merged-result pane and export all use them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from reviewer.core.model import Unit

Choice = Literal["left", "right", "both", "both_rl", "edit", "keep", "drop"]
CHOICES: tuple[str, ...] = ("left", "right", "both", "both_rl", "edit", "keep", "drop")
# Who made a decision: the editor by hand, an accepted suggestion, a side preferred for
# many conflicts at once, or the triage default (keep paragraphs, drop duplicates/noise).
ORIGINS: tuple[str, ...] = ("editor", "suggestion", "preference", "default")
# Units nobody asked for by default: export leaves them out unless the editor keeps them.
DROPPED_BY_DEFAULT_ROLES = frozenset({"noise"})


@dataclass(frozen=True)
class Decision:
    """The editor's answer to one review item (a conflict, or a one-sided/duplicate unit)."""

    choice: str
    text: str | None = None  # the typed reading, for choice == "edit"
    origin: str = "editor"  # one of ORIGINS

    def __post_init__(self) -> None:
        if self.choice not in CHOICES:
            raise ValueError(f"unknown choice {self.choice!r}")
        if self.origin not in ORIGINS:
            raise ValueError(f"unknown origin {self.origin!r}")
        if self.choice == "edit" and self.text is None:
            raise ValueError("an edit needs its text")


@dataclass(frozen=True)
class MergedUnit:
    text: str | None  # None: the unit is left out of the result
    origin: str  # "left" | "right" | "edit" | "mixed" | "dropped"
    unresolved: int  # conflicts with neither a decision nor a preference


def is_unit_item(unit: Unit) -> bool:
    """Units the editor triages as a whole (keep/drop) rather than conflict by conflict."""
    return unit.one_sided or unit.duplicate_of is not None or unit.role == "noise"


def unit_kept_by_default(unit: Unit) -> bool:
    return unit.duplicate_of is None and unit.role not in DROPPED_BY_DEFAULT_ROLES


def _conflict_reading(choice: str, left: str, right: str, text: str | None) -> str:
    if choice == "left":
        return left
    if choice == "right":
        return right
    if choice == "both":
        return left + right
    if choice == "both_rl":
        return right + left
    if choice == "edit":
        return text or ""
    raise ValueError(f"{choice!r} does not resolve a conflict")


def final_text(unit: Unit, decisions: Mapping[str, Decision]) -> str | None:
    """The text the editor typed for the whole unit (edit in context), if any: it overrides
    every conflict of the unit, which then count as decided."""
    d = decisions.get(unit.id)
    return d.text if d is not None and d.choice == "edit" else None


def merge_unit(
    unit: Unit, decisions: Mapping[str, Decision], prefer: str | None = None
) -> MergedUnit:
    """Merge one unit under ``decisions`` (keyed by unit or conflict id).

    ``prefer`` ("left"/"right") stands in for every conflict without a decision.
    """
    return merge_with_spans(unit, decisions, prefer)[0]


def merge_with_spans(
    unit: Unit, decisions: Mapping[str, Decision], prefer: str | None = None
) -> tuple[MergedUnit, dict[str, tuple[int, int]]]:
    """``merge_unit``, and where each conflict's reading sits in the merged text."""
    final = final_text(unit, decisions)
    if final is not None:
        return MergedUnit(final, "edit", 0), {}
    unit_side: str | None = None  # a side chosen for a whole two-sided unit item
    if is_unit_item(unit):
        d = decisions.get(unit.id)
        side = "left" if unit.left is not None else "right"
        present = unit.left if unit.left is not None else unit.right
        if d is None:
            keep = unit_kept_by_default(unit)
        elif d.choice in ("keep", "drop"):
            keep = d.choice == "keep"
        elif d.choice in ("left", "right") and unit.one_sided:
            keep = d.choice == side  # taking the empty side drops the unit
        else:
            keep = True
        if not keep:
            return MergedUnit(None, "dropped", 0), {}
        if unit.one_sided or not unit.conflicts:
            return MergedUnit(present, side, 0), {}
        # A two-sided duplicate or noise unit that is kept: its conflicts still apply,
        # and choosing one side of the whole unit settles those it has no decision for.
        if d is not None and d.choice in ("left", "right"):
            unit_side = d.choice

    assert unit.left is not None and unit.right is not None
    chosen: list[str | None] = []
    for c in unit.conflicts:
        d = decisions.get(c.id)
        chosen.append(d.choice if d else (unit_side or prefer))
    votes_right = sum(1 for ch in chosen if ch == "right")
    votes_left = sum(1 for ch in chosen if ch == "left")
    base = "right" if votes_right > votes_left else "left"
    text = unit.right if base == "right" else unit.left
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = n = 0
    unresolved = 0
    for c, ch in zip(unit.conflicts, chosen):
        start, end = (c.right_start, c.right_end) if base == "right" else (c.left_start, c.left_end)
        out.append(text[pos:start])
        n += start - pos
        if ch is None:
            unresolved += 1
            reading = c.left if base == "left" else c.right
        else:
            d = decisions.get(c.id)
            reading = _conflict_reading(ch, c.left, c.right, d.text if d else None)
        out.append(reading)
        spans[c.id] = (n, n + len(reading))
        n += len(reading)
        pos = end
    out.append(text[pos:])
    kinds = {ch for ch in chosen if ch is not None}
    if "edit" in kinds:
        origin = "edit"
    elif not unit.conflicts or kinds <= {"left"}:
        origin = "left"
    elif kinds <= {"right"}:
        origin = "right"
    else:
        origin = "mixed"
    return MergedUnit("".join(out), origin, unresolved), spans


def origin_counts(
    units: Iterable[Unit], decisions: Mapping[str, Decision], prefer: str | None = None
) -> dict[str, int]:
    """How the review items were settled, by origin: a conflict without a decision counts as
    "preference" when ``prefer`` gives it a reading, an undecided triage unit as "default"."""
    counts: Counter[str] = Counter({o: 0 for o in ORIGINS})
    for unit in units:
        if is_unit_item(unit):
            d = decisions.get(unit.id)
            counts[d.origin if d else "default"] += 1
            continue
        whole = decisions.get(unit.id) if final_text(unit, decisions) is not None else None
        if whole is not None:  # edited in context: every conflict settled by the edit
            counts[whole.origin] += len(unit.conflicts)
            continue
        for c in unit.conflicts:
            d = decisions.get(c.id)
            if d is not None:
                counts[d.origin] += 1
            elif prefer:
                counts["preference"] += 1
    return dict(counts)
