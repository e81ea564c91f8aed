"""Passages one version prints twice: which copy is paired with the other version, which
one is flagged as the duplicate, and which of two one-sided copies is kept.

Unique-substring anchors cannot reach a passage held twice, so ``copy_pairs`` pairs it by
similarity and surroundings; ``first_copies`` corrects anchors that ran through the
junction of two copies printed in a row; ``duplicates`` flags later copies (not a passage
pasted into another paragraph, a splice); ``better_copies`` keeps the copy whose quotes and
brackets pair up.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from reviewer.core.engine.sides import Side

if TYPE_CHECKING:
    from reviewer.core.engine.articles import Draft

_CONTENT = frozenset({"paragraph", "caption"})


def _context_gap(partner: dict[int, int], i: int, j: int, skip: set[int]) -> int:
    """How far piece ``i``'s neighbours are paired from piece ``j``'s neighbours.

    The other copies (``skip``) are stepped over, and so are up to two unpaired pieces (a
    byline, a credit): copies printed one after the other share their surroundings, and
    then the first is the original.
    """
    gap = 0
    for step in (-1, 1):
        k, seen, x = i + step, 0, None
        while seen < 3:
            if k in skip:
                k += step
                continue
            x = partner.get(k)
            if x is not None:
                break
            k, seen = k + step, seen + 1
        gap += abs(x - (j + step)) if x is not None else 50
    return gap


def copy_pairs(a: Side, b: Side, pairs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Pair paragraphs unique anchors cannot reach: a passage one version holds twice has no
    unique substrings there. Among the copies that read alike, the one whose neighbours are
    paired near the partner's neighbours wins; the other is then flagged as a duplicate."""
    pa = {x: y for x, y, _ in pairs}
    pb = {y: x for x, y, _ in pairs}
    heads: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(a.pieces):
        if i not in pa and p.role in _CONTENT and p.size >= 20:
            heads[a.stream[p.start : p.start + 10]].append(i)
    out: list[tuple[int, int, int]] = []
    taken: set[int] = set()
    for j, q in enumerate(b.pieces):
        if j in pb or q.role not in _CONTENT or q.size < 20:
            continue
        text = b.stream[q.start : q.end]
        alike = [
            i
            for i in heads.get(text[:10], ())
            if i not in taken
            and fuzz.ratio(text, a.stream[a.pieces[i].start : a.pieces[i].end]) >= 90
        ]
        if not alike:
            continue

        best = min(alike, key=lambda i: (_context_gap(pa, i, j, set(alike)), i))
        taken.add(best)
        out.append((best, j, min(a.pieces[best].size, q.size)))
    return out


def _text(side: Side, i: int) -> str:
    p = side.pieces[i]
    return side.stream[p.start : p.end]


def first_copies(a: Side, b: Side, pairs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A passage printed twice in a row shares its surroundings in both copies, so anchors
    through the junction with the next paragraph pick the second. Pair the copy that reads
    closest to the other version instead, the first on a tie (the original comes first)."""
    out: list[tuple[int, int, int]] = []
    used = {x for x, _, _ in pairs}, {y for _, y, _ in pairs}
    for x, y, n in pairs:
        for side, other, mine, theirs, k in ((a, b, x, y, 0), (b, a, y, x, 1)):
            prev = mine - 1
            if (
                prev < 0
                or prev in used[k]
                or side.pieces[prev].role not in _CONTENT
                or side.pieces[mine].role not in _CONTENT
                or side.pieces[prev].size < 20
            ):
                continue
            here, before = _text(side, mine), _text(side, prev)
            if fuzz.ratio(here, before) < 90:
                continue
            target = _text(other, theirs)
            if fuzz.ratio(before, target) >= fuzz.ratio(here, target):
                used[k].discard(mine)
                used[k].add(prev)
                x, y = (prev, y) if k == 0 else (x, prev)
                break
        out.append((x, y, n))
    return sorted(out)


_K = 8


def _first_grams(side: Side) -> dict[str, int]:
    """Each k-gram of a version's stream → its first position, kept on the side (the
    other side's call reads it too)."""
    cached = getattr(side, "_first_grams", None)
    if cached is None:
        s = side.stream
        # Iterating backwards leaves each k-gram mapped to its first position.
        cached = {s[i : i + _K]: i for i in range(len(s) - _K, -1, -1)}
        side._first_grams = cached  # type: ignore[attr-defined]
    return cached


def duplicates(
    side: Side, one_sided: list[int], partner: dict[int, int], other: Side, spliced: set[int]
) -> dict[int, int]:
    """One-sided pieces whose text already stood earlier in the same version.

    Not where that earlier text sits in a paragraph the other version prints without it
    anywhere on the page: that is a passage pasted into another paragraph (a splice), and
    the piece is the original in its own place (added to ``spliced``: its words, printed
    twice, say nothing of where it belongs).
    """
    s = side.stream
    first = _first_grams(side)
    theirs: dict[str, int] | None = None  # the other version's k-grams, when first needed
    starts = side.starts()
    out: dict[int, int] = {}
    whole: dict[str, int] = {}
    for pi, p in enumerate(side.pieces):
        whole.setdefault(s[p.start : p.end], pi)
    for pi in one_sided:
        p = side.pieces[pi]
        if p.role in ("title", "subtitle", "byline") or (p.role == "caption" and p.size < 20):
            continue  # datelines, headings and photo credits legitimately repeat on a page
        if p.size < 20:
            # Short text counts as a duplicate only when a whole earlier piece reads the same.
            first_pi = whole.get(s[p.start : p.end], pi)
            if first_pi < pi:
                out[pi] = first_pi
            continue
        covered = bytearray(p.size)
        origin = -1
        seen: list[str] = []
        for i in range(p.start, p.end - _K + 1):
            f = first.get(s[i : i + _K], i)
            if f < p.start:
                covered[i - p.start : i - p.start + _K] = b"\x01" * _K
                seen.append(s[i : i + _K])
                if origin < 0:
                    origin = f
        if origin < 0 or sum(covered) < 0.8 * p.size:
            continue
        head = covered.find(1)  # the piece's own opening, before the copied text
        if head >= 4 and _opens_gap_piece(side, pi, s[p.start : p.start + head], partner, other):
            spliced.add(pi)  # the other version's paragraph here, its body pasted over
            continue
        at = bisect.bisect_right(starts, origin) - 1
        if at in partner:
            if theirs is None:
                theirs = _first_grams(other)
            if sum(g in theirs for g in seen) < 0.5 * len(seen):
                spliced.add(pi)
                continue
        out[pi] = at
    return out


def _opens_gap_piece(
    side: Side, i: int, opening: str, partner: dict[int, int], other: Side
) -> bool:
    """The other version prints, between the partners of the paired pieces around piece
    ``i``, a piece of its own that opens as ``i`` does."""

    def near(ks: range) -> int | None:
        # Paragraphs only: a title one version prints after its body is paired far away.
        return next((partner[k] for k in ks if k in partner and _body(side, k)), None)

    before, after = near(range(i - 1, -1, -1)), near(range(i + 1, len(side.pieces)))
    if before is None or after is None or not 0 < after - before <= 12:
        return False
    paired = set(partner.values())
    return any(
        j not in paired and other.stream.startswith(opening, other.pieces[j].start)
        for j in range(before + 1, after)
    )


def _body(side: Side, i: int) -> bool:
    return side.pieces[i].role in _CONTENT


_PAIRED_MARKS = ("“”", "‘’", "《》", "（）", "「」", "『』")


def _unbalanced(text: str) -> int:
    return sum(abs(text.count(o) - text.count(c)) for o, c in _PAIRED_MARKS)


def better_copies(units: list[Draft], a: Side, b: Side) -> None:
    """Of two one-sided copies of a passage, keep the one whose quotes and brackets pair
    up ("下一步…。”" against "“下一步…。”"): the other is the duplicate."""
    by_piece = {("a", u.a): u for u in units if u.a is not None}
    by_piece.update({("b", u.b): u for u in units if u.b is not None})
    for u in units:
        if u.dup_of is None:
            continue
        side, orig = u.dup_of
        o = by_piece.get((side, orig))
        if o is None or o.dup_of is not None or (o.a is not None and o.b is not None):
            continue  # an original the other version confirms stays
        src = a if side == "a" else b
        mine = u.a if side == "a" else u.b
        assert mine is not None
        copy, first = src.text(src.pieces[mine])[0], src.text(src.pieces[orig])[0]
        if abs(len(copy) - len(first)) <= len(first) // 10 and _unbalanced(copy) < _unbalanced(
            first
        ):
            for w in units:
                if w.dup_of == (side, orig):
                    w.dup_of = (side, mine)
            u.dup_of, o.dup_of = None, (side, mine)
