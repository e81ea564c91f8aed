"""Builders of small alignments for core and CLI tests (imported as ``builders``)."""

from __future__ import annotations

from reviewer.core.model import Alignment, Article, Conflict, Source, Unit


def _diff_span(left: str, right: str) -> tuple[int, int, int, int]:
    """The one differing stretch of two strings: [ls, le) in left, [rs, re) in right."""
    p = 0
    while p < min(len(left), len(right)) and left[p] == right[p]:
        p += 1
    s = 0
    while s < min(len(left), len(right)) - p and left[-1 - s] == right[-1 - s]:
        s += 1
    return p, len(left) - s, p, len(right) - s


def make_unit(
    uid: str,
    left: str | None,
    right: str | None,
    cids: tuple[str, ...] = (),
    role: str = "paragraph",
    duplicate_of: str | None = None,
    spans: tuple[tuple[int, int, int, int], ...] = (),
) -> Unit:
    """A unit by hand. One conflict id → the differing stretch is found; more → give ``spans``."""
    if cids and not spans:
        assert left is not None and right is not None
        spans = (_diff_span(left, right),)
    conflicts = tuple(
        Conflict(cid, (left or "")[ls:le], (right or "")[rs:re], ls, le, rs, re)
        for cid, (ls, le, rs, re) in zip(cids, spans, strict=True)
    )
    return Unit(uid, role, left, right, duplicate_of, conflicts)


def make_alignment(
    articles: list[tuple[str, str, list[Unit]]],
    left_path: str = "left.md",
    right_path: str = "right.txt",
    engine_version: str = "1",
) -> Alignment:
    """An Alignment by hand from (article id, title, units)."""
    arts = tuple(Article(aid, title, tuple(units)) for aid, title, units in articles)
    return Alignment(
        Source(left_path, "1" * 64, "left text"),
        Source(right_path, "2" * 64, "right text"),
        arts,
        engine_version,
    )
