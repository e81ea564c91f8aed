"""Plain, immutable data shared by every stage: sources, articles, units, conflicts.

Ids are derived from content (never from positions alone), so a later run on the same
inputs gives the same ids and decisions stored against them re-attach.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["title", "subtitle", "byline", "paragraph", "caption", "noise"]
ROLES: tuple[str, ...] = ("title", "subtitle", "byline", "paragraph", "caption", "noise")
Side = Literal["left", "right"]

ENGINE_VERSION = "1"


def content_id(prefix: str, *parts: object) -> str:
    """A short stable id from content: same parts, same id, on every run and machine."""
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x1f")
    return f"{prefix}{h.hexdigest()}"


@dataclass(frozen=True)
class Source:
    """One version of the page as read from disk."""

    path: str
    sha256: str
    text: str  # decoded raw text, exactly as in the file (BOM removed)
    layout: str = "plain"  # "markdown" | "wrapped" (hard-wrapped PDF extraction) | "plain"


@dataclass(frozen=True)
class Suggestion:
    """Which reading of a conflict is probably the undamaged one, and why (core/suggest.py)."""

    pick: Side
    reason: str  # a short phrase a person can check: "doubled word 升级"
    confidence: float  # 0..1, calibrated: at >= 0.9 at least 95% of picks are right


@dataclass(frozen=True)
class Conflict:
    """One place where the two readings of a unit disagree.

    Offsets index into ``Unit.left`` / ``Unit.right`` (the normalised unit texts), so a
    view can highlight them and the merge can splice the chosen reading in.
    """

    id: str
    left: str
    right: str
    left_start: int
    left_end: int
    right_start: int
    right_end: int
    suggestion: Suggestion | None = None


@dataclass(frozen=True)
class Unit:
    """One aligned row: a title, byline, paragraph... as read in each version.

    ``left``/``right`` is None where the unit is absent from that version.
    ``left_raw``/``right_raw`` are [start, end) offsets into ``Source.text``.
    """

    id: str
    role: str
    left: str | None
    right: str | None
    duplicate_of: str | None = None
    conflicts: tuple[Conflict, ...] = ()
    left_raw: tuple[int, int] | None = None
    right_raw: tuple[int, int] | None = None

    @property
    def one_sided(self) -> bool:
        return (self.left is None) != (self.right is None)

    def text(self, side: Side) -> str | None:
        return self.left if side == "left" else self.right

    def raw(self, side: Side) -> tuple[int, int] | None:
        return self.left_raw if side == "left" else self.right_raw


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Alignment:
    """The engine's whole result for one pair of sources."""

    left: Source
    right: Source
    articles: tuple[Article, ...]
    engine_version: str = ENGINE_VERSION
    stats: dict[str, float] = field(default_factory=dict, compare=False)

    def units(self) -> list[tuple[Article, Unit]]:
        return [(a, u) for a in self.articles for u in a.units]
