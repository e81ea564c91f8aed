"""Paired pieces → articles: which fragments of both versions make one article, in what
order, with which title; short leftovers paired by similarity; duplicates flagged.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from reviewer.core.align import Piece, Side

_CONTENT = frozenset({"paragraph", "caption"})
_HEAD = ("title", "subtitle")


@dataclass
class Draft:
    """A unit before it gets its id and conflicts: piece indexes on each side."""

    a: int | None
    b: int | None
    role: str
    key: tuple[int, int, int] = (0, 0, 0)
    dup_of: tuple[str, int] | None = None  # (side, piece index) of the original


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, x: object) -> object:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: object, y: object) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry, key=repr)] = min(rx, ry, key=repr)


def _subfragments(pieces: list[Piece], partner: dict[int, int]) -> list[tuple[int, int]]:
    """(fragment, part) for each piece: a fragment is cut where its partners jump back.

    A version that spliced part of another article into this one shows it as a jump
    backwards in the other version's order.
    """
    out: list[tuple[int, int]] = []
    frag, part, last = -1, 0, -1
    for i, p in enumerate(pieces):
        if p.frag != frag:
            frag, part, last = p.frag, 0, -1
        q = partner.get(i)
        if q is not None and p.role in _CONTENT:
            if last >= 0 and q < last - 2:
                part += 1
            last = q
        out.append((frag, part))
    return out


def _duplicates(side: Side, one_sided: list[int]) -> dict[int, int]:
    """One-sided pieces whose text already stood earlier in the same version."""
    s = side.stream
    k = 8
    # Iterating backwards leaves each k-gram mapped to its first position.
    first = {s[i : i + k]: i for i in range(len(s) - k, -1, -1)}
    starts = side.starts()
    out: dict[int, int] = {}
    whole: dict[str, int] = {}
    for pi, p in enumerate(side.pieces):
        whole.setdefault(s[p.start : p.end], pi)
    for pi in one_sided:
        p = side.pieces[pi]
        if p.role in ("title", "subtitle", "byline"):
            continue  # datelines and headings legitimately repeat on a page
        if p.size < 20:
            # Short text counts as a duplicate only when a whole earlier piece reads the same.
            first_pi = whole.get(s[p.start : p.end], pi)
            if first_pi < pi:
                out[pi] = first_pi
            continue
        covered = bytearray(p.size)
        origin = -1
        for i in range(p.start, p.end - k + 1):
            f = first.get(s[i : i + k], i)
            if f < p.start:
                covered[i - p.start : i - p.start + k] = b"\x01" * k
                if origin < 0:
                    origin = f
        if origin >= 0 and sum(covered) >= 0.8 * p.size:
            out[pi] = bisect.bisect_right(starts, origin) - 1
    return out


def _fill_gaps(units: list[Draft], a: Side, b: Side) -> list[Draft]:
    """Pair neighbouring one-sided units that read alike (end markers, headings, titles)."""
    out: list[Draft] = []
    i = 0
    while i < len(units):
        j = i
        while (
            j < len(units)
            and (units[j].a is None) != (units[j].b is None)
            and (units[j].dup_of is None)
        ):
            j += 1
        if j == i:
            out.append(units[i])
            i += 1
            continue
        run = units[i:j]
        lefts = [u for u in run if u.a is not None]
        rights = [u for u in run if u.b is not None]
        taken: set[int] = set()
        for u in lefts:
            ta = a.stream[a.pieces[u.a].start : a.pieces[u.a].end]
            best, best_score = None, 0.0
            for v in rights:
                if id(v) in taken or (u.role in _HEAD) != (v.role in _HEAD):
                    continue
                tb = b.stream[b.pieces[v.b].start : b.pieces[v.b].end]
                score = fuzz.ratio(ta, tb)
                if score > best_score:
                    best, best_score = v, score
            if best is not None and best_score >= 60:
                taken.add(id(best))
                u.b = best.b
                u.key = min(u.key, best.key)
        out.extend(u for u in run if id(u) not in taken)
        i = j
    return out


def build_articles(a: Side, b: Side, pairs: list[tuple[int, int, int]]) -> list[list[Draft]]:
    """Group all pieces of both sides into ordered articles of draft units."""
    pa = {x: y for x, y, _ in pairs}
    pb = {y: x for x, y, _ in pairs}
    sub_a = _subfragments(a.pieces, pa)
    sub_b = _subfragments(b.pieces, pb)
    uf = _UnionFind()
    for x, y, n in pairs:
        uf.find(("a", sub_a[x]))
        if n >= 12 and a.pieces[x].role in _CONTENT and b.pieces[y].role in _CONTENT:
            uf.union(("a", sub_a[x]), ("b", sub_b[y]))
    for i in range(len(a.pieces)):
        uf.find(("a", sub_a[i]))
    for j in range(len(b.pieces)):
        uf.find(("b", sub_b[j]))
    _attach_orphans(uf, "a", a.pieces, sub_a)
    _attach_orphans(uf, "b", b.pieces, sub_b)

    dup_a = _duplicates(a, [i for i in range(len(a.pieces)) if i not in pa])
    dup_b = _duplicates(b, [j for j in range(len(b.pieces)) if j not in pb])

    # Every piece's article; a duplicate belongs with the passage it repeats.
    root_a = [uf.find(("a", sub_a[i])) for i in range(len(a.pieces))]
    root_b = [root_a[pb[j]] if j in pb else uf.find(("b", sub_b[j])) for j in range(len(b.pieces))]
    for i, orig in dup_a.items():
        root_a[i] = root_a[orig]
    for j, orig in dup_b.items():
        root_b[j] = root_b[orig]

    groups: dict[object, list[Draft]] = defaultdict(list)
    for i, p in enumerate(a.pieces):
        d = Draft(i, pa.get(i), p.role, (i, 0, 0))
        if i in dup_a:
            d.dup_of = ("a", dup_a[i])
        groups[root_a[i]].append(d)
    # B-only pieces go after the B piece before them in the same article (or before the
    # one after them), read in A's order.
    by_root: dict[object, list[int]] = defaultdict(list)
    for j in range(len(b.pieces)):
        by_root[root_b[j]].append(j)
    last_global = -1
    global_pred: dict[int, int] = {}
    for j in range(len(b.pieces)):
        if j in pb:
            last_global = pb[j]
        global_pred[j] = last_global
    for root, js in by_root.items():
        paired = [j for j in js if j in pb]
        for j in js:
            if j in pb:
                continue
            k = bisect.bisect_left(paired, j)
            if k > 0:
                key = (pb[paired[k - 1]], 1, j)
            elif k < len(paired):
                key = (pb[paired[k]], -1, j)
            else:
                key = (global_pred[j], 1, j)
            d = Draft(None, j, b.pieces[j].role, key)
            if j in dup_b:
                d.dup_of = ("b", dup_b[j])
            groups[root].append(d)
    articles = []
    for units in groups.values():
        units.sort(key=lambda d: d.key)
        head = [u for u in units if u.role in _HEAD]
        body = [u for u in units if u.role not in _HEAD]
        articles.append(_fill_gaps(head, a, b) + _fill_gaps(body, a, b))
    articles.sort(key=lambda us: min(u.key for u in us))
    return articles


def _attach_orphans(uf: _UnionFind, side: str, pieces: list[Piece], sub: list) -> None:
    """Noise-only parts (editor credits) join the article printed just before them."""
    parts: dict[object, list[Piece]] = defaultdict(list)
    order: list[object] = []
    for p, s in zip(pieces, sub):
        if s not in parts:
            order.append(s)
        parts[s].append(p)
    for prev, cur in itertools.pairwise(order):
        if all(p.role == "noise" for p in parts[cur]):
            uf.union((side, prev), (side, cur))
