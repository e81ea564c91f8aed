"""Paired pieces → articles: which fragments of both versions make one article, in what
order, with which title; short leftovers paired by similarity; duplicates flagged.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from reviewer.core.engine.bylines import (
    block_follows_title,
    follow_title,
    hand_on_bylines,
    keep_with_title,
)
from reviewer.core.engine.copies import better_copies, copy_pairs, duplicates, first_copies
from reviewer.core.engine.fragment_cuts import closes_before, segments, subfragments, titleish
from reviewer.core.engine.relocation import (
    absorb_leftovers,
    rejoin_moved,
    rejoin_untitled,
    relocate,
)
from reviewer.core.engine.roles import paired_role
from reviewer.core.engine.sides import Piece, Side
from reviewer.core.engine.solo_stories import split_solo_stories
from reviewer.core.engine.strays import attach_strays
from reviewer.core.engine.title_blocks import carried_back, heads_lead
from reviewer.core.engine.title_joins import rejoin_titled

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


def title_pairs(
    a: Side, b: Side, pairs: list[tuple[int, int, int]], cutoff: float = 80
) -> list[tuple[int, int, int]]:
    """Pair unpaired title-like pieces by similarity.

    Titles are short and repeat phrases of their bodies, so unique-substring anchors often
    miss them; a title printed after its body is also far from its partner's diagonal.
    """
    used_a = {x for x, _, _ in pairs}
    used_b = {y for _, y, _ in pairs}
    ca = [i for i in range(len(a.pieces)) if i not in used_a and titleish(a, i)]
    cb = [j for j in range(len(b.pieces)) if j not in used_b and titleish(b, j)]
    if not ca or not cb:
        return []
    tb = [b.stream[b.pieces[j].start : b.pieces[j].end] for j in cb]
    scored: list[tuple[float, int, int]] = []
    for i in ca:
        ta = a.stream[a.pieces[i].start : a.pieces[i].end]
        for _t, score, k in process.extract(
            ta, tb, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
        ):
            if a.pieces[i].role in _HEAD or b.pieces[cb[k]].role in _HEAD:
                scored.append((score, i, cb[k]))
    out: list[tuple[int, int, int]] = []
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for _score, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i in seen_a or j in seen_b:
            continue
        seen_a.add(i)
        seen_b.add(j)
        out.append((i, j, min(a.pieces[i].size, b.pieces[j].size)))
    return out


def _pair_short(units: list[Draft], a: Side, b: Side, cutoff: float = 80) -> list[Draft]:
    """Pair short one-sided units of one article that read alike wherever they stand:
    a byline, a photo credit or a title one version prints above the body and the other
    below it. Repeated short text ("新华/传真") never anchors, so it is left to this."""
    lefts = [u for u in units if u.b is None and u.dup_of is None and a.pieces[u.a].size <= 40]
    rights = [u for u in units if u.a is None and u.dup_of is None and b.pieces[u.b].size <= 40]
    if not lefts or not rights:
        return units
    tb = [b.stream[b.pieces[v.b].start : b.pieces[v.b].end] for v in rights]
    scored = []
    for i, u in enumerate(lefts):
        ta = a.stream[a.pieces[u.a].start : a.pieces[u.a].end]
        for _t, score, k in process.extract(
            ta, tb, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
        ):
            scored.append((score, i, k))
    taken_l: set[int] = set()
    taken_r: set[int] = set()
    gone: set[int] = set()
    for _score, i, k in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i in taken_l or k in taken_r:
            continue
        taken_l.add(i)
        taken_r.add(k)
        u, v = lefts[i], rights[k]
        u.b = v.b
        u.key = min(u.key, v.key)
        gone.add(id(v))
    return sorted((u for u in units if id(u) not in gone), key=lambda d: d.key)


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


def _endings_stay(side: Side) -> None:
    """A closing dateline, credit or signature that opens a fragment ends the one before."""
    pieces = side.pieces
    for i in range(1, len(pieces)):
        # A caption may open a story of photos: only a closing line moves its captions.
        if (
            pieces[i].frag != pieces[i - 1].frag
            and pieces[i].role != "caption"
            and closes_before(side, i)
        ):
            k = i
            while k < len(pieces) and pieces[k].frag == pieces[i].frag and closes_before(side, k):
                k += 1
            if k < len(pieces) and pieces[k].frag == pieces[i].frag:
                for j in range(i, k):
                    pieces[j].frag = pieces[i - 1].frag


def build_articles(a: Side, b: Side, pairs: list[tuple[int, int, int]]) -> list[list[Draft]]:
    """Group all pieces of both sides into ordered articles of draft units."""
    _endings_stay(a)
    _endings_stay(b)
    pairs = first_copies(a, b, sorted(pairs + copy_pairs(a, b, pairs)))
    heads = title_pairs(a, b, pairs)
    pairs = sorted(pairs + heads)
    pa = {x: y for x, y, _ in pairs}
    pb = {y: x for x, y, _ in pairs}
    split_solo_stories(a, pa, b, pb, segments(b, pb, a))
    split_solo_stories(b, pb, a, pa, segments(a, pa, b))
    # Segments again: the solo-story cuts above changed the fragments in place.
    sub_a, moved_a = subfragments(a, pa, segments(b, pb, a))
    sub_b, moved_b = subfragments(b, pb, segments(a, pa, b))
    uf = _UnionFind()
    for x, y, n in pairs:
        # Title pairs do not join articles: a title follows its partner's article below.
        if n >= 12 and a.pieces[x].role in _CONTENT and b.pieces[y].role in _CONTENT:
            uf.union(("a", sub_a[x]), ("b", sub_b[y]))
    # A deck standing alone in its version's part (a web page that opens on it, without a
    # heading) goes with the article its partner's title block heads.
    size_a, size_b = Counter(sub_a), Counter(sub_b)
    for x, y, _n in pairs:
        lone_a, lone_b = size_a[sub_a[x]] == 1, size_b[sub_b[y]] == 1
        subtitle = "subtitle" in (a.pieces[x].role, b.pieces[y].role)
        if subtitle and lone_a != lone_b:
            uf.union(("a", sub_a[x]), ("b", sub_b[y]))
    for i in range(len(a.pieces)):
        uf.find(("a", sub_a[i]))
    for j in range(len(b.pieces)):
        uf.find(("b", sub_b[j]))
    heads_lead(uf, {"a": a, "b": b}, {"a": sub_a, "b": sub_b}, {"a": pa, "b": pb})
    rejoin_titled(uf, a, b, pairs, sub_a, sub_b)
    rejoin_moved(uf, {"a": sub_a, "b": sub_b}, {"a": moved_a, "b": moved_b})
    rejoin_untitled(uf, {"a": a, "b": b}, {"a": sub_a, "b": sub_b}, {"a": pa, "b": pb})
    _attach_orphans(uf, "a", a.pieces, sub_a)
    _attach_orphans(uf, "b", b.pieces, sub_b)
    _glue_weak(uf, "a", a, sub_a, pa, b)
    _glue_weak(uf, "b", b, sub_b, pb, a)

    spliced_a: set[int] = set()
    spliced_b: set[int] = set()
    dup_a = duplicates(a, [i for i in range(len(a.pieces)) if i not in pa], pa, b, spliced_a)
    dup_b = duplicates(b, [j for j in range(len(b.pieces)) if j not in pb], pb, a, spliced_b)

    # Every piece's article; a duplicate belongs with the passage it repeats.
    root_a = [uf.find(("a", sub_a[i])) for i in range(len(a.pieces))]
    root_b = [root_a[pb[j]] if j in pb else uf.find(("b", sub_b[j])) for j in range(len(b.pieces))]
    for i, orig in dup_a.items():
        root_a[i] = root_a[orig]
    for j, orig in dup_b.items():
        root_b[j] = root_b[orig]
    moved = relocate(
        {"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b},
        {"a": set(dup_a) | spliced_a, "b": set(dup_b) | spliced_b},
    )  # fmt: skip
    absorb_leftovers({"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b}, moved)
    block_follows_title({"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b})
    follow_title({"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b})
    keep_with_title({"a": a, "b": b}, {"a": root_a, "b": root_b})
    hand_on_bylines({"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b})
    attach_strays({"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b})
    carried_back({"a": a, "b": b}, {"a": pa, "b": pb}, {"a": root_a, "b": root_b})

    groups: dict[object, list[Draft]] = defaultdict(list)
    for i, p in enumerate(a.pieces):
        role = p.role if i not in pa else paired_role(a, b, i, pa[i])
        d = Draft(i, pa.get(i), role, (i, 0, 0))
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
        better_copies(units, a, b)
        _place_moved(units, moved)
        units.sort(key=lambda d: d.key)
        units = _pair_short(units, a, b)
        head = [u for u in units if u.role in _HEAD]
        body = [u for u in units if u.role not in _HEAD]
        articles.append(_fill_gaps(head, a, b) + _fill_gaps(body, a, b))
    articles.sort(key=lambda us: min(u.key for u in us))
    return articles


def _place_moved(units: list[Draft], moved: dict[str, set[int]]) -> None:
    """Passages moved back into an article follow its last paragraph (a moved passage is
    the article's tail), in their own order."""
    back = [u for u in units if u.a in moved["a"] or u.b in moved["b"]]
    if not back:
        return
    rest = [u.key for u in units if u.role == "paragraph" and u not in back]
    if not rest:
        return
    k0, k1, k2 = max(rest)
    for n, u in enumerate(sorted(back, key=lambda d: d.key)):
        u.key = (k0, k1, k2 + 1 + n)


def _attach_orphans(uf: _UnionFind, side: str, pieces: list[Piece], sub: list) -> None:
    """Parts of only noise or captions (editor credits, photo captions and credits) join
    the article printed just before them."""
    parts: dict[object, list[Piece]] = defaultdict(list)
    order: list[object] = []
    for p, s in zip(pieces, sub):
        if s not in parts:
            order.append(s)
        parts[s].append(p)
    for prev, cur in itertools.pairwise(order):
        if all(p.role in ("noise", "caption") for p in parts[cur]):
            uf.union((side, prev), (side, cur))


def _glue_weak(
    uf: _UnionFind, side: str, s: Side, sub: list, partner: dict[int, int], other: Side
) -> None:
    """A part with no partner in the other version, after a weak break (a gap, a title-like
    line that may be a section head), stays with the article before it."""
    shared: set[object] = set()
    for i, key in enumerate(sub):
        if i in partner:
            shared.add(uf.find((side, key)))
    order: list[tuple[int, object]] = []  # (first piece index, part key)
    for i, key in enumerate(sub):
        if not order or order[-1][1] != key:
            order.append((i, key))
    for (_pi, prev), (i, cur) in itertools.pairwise(order):
        frag, part = cur  # type: ignore[misc]
        if part > 0 or frag in s.strong_frags or uf.find((side, cur)) in shared:
            continue
        # A title closing the part before, or opening this one, that the other version
        # also prints as a title makes the break strong.
        edge = [i - 1, i]
        if any(
            k in partner and other.pieces[partner[k]].role in _HEAD and s.pieces[k].role in _HEAD
            for k in edge
        ):
            continue
        uf.union((side, prev), (side, cur))
