"""Unit pairing across the two versions.

Each source becomes one canonical character stream (layout-free), cut into *pieces*
(paragraphs, titles, bylines...; ``sides.py``). Anchors between the streams (``anchors.py``)
say which characters correspond. Piece boundaries are then reconciled: where one version lost a
paragraph break, its piece is split where the other version has one; where one version
broke a sentence mid-way and the other runs on, the broken pieces are joined. Finally
pieces are paired by the anchors they share; the rest are one-sided.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from reviewer.core.engine.anchors import Run, find_runs
from reviewer.core.engine.sides import Piece, Side
from reviewer.core.text import SENTENCE_END, ends_sentence

_SPLITTABLE = frozenset({"paragraph", "caption"})
_HEAD = frozenset({"title", "subtitle"})
# A title block's lines: what a wrapped title may be confused with.
_HEAD_LINES = frozenset({"title", "subtitle", "byline", "caption"})


@dataclass
class Overlap:
    count: int = 0
    a_first: int = 1 << 60
    a_last: int = -1
    b_first: int = 1 << 60
    b_last: int = -1

    def add(self, a: int, b: int, n: int) -> None:
        self.count += n
        self.a_first = min(self.a_first, a)
        self.a_last = max(self.a_last, a + n - 1)
        self.b_first = min(self.b_first, b)
        self.b_last = max(self.b_last, b + n - 1)


def overlaps(runs: list[Run], sa: list[int], sb: list[int]) -> dict[tuple[int, int], Overlap]:
    """Anchored characters shared by each (piece of A, piece of B)."""
    out: dict[tuple[int, int], Overlap] = defaultdict(Overlap)
    for r in runs:
        a, b, n = r
        while n > 0:
            pa = bisect.bisect_right(sa, a) - 1
            pb = bisect.bisect_right(sb, b) - 1
            end_a = sa[pa + 1] if pa + 1 < len(sa) else 1 << 60
            end_b = sb[pb + 1] if pb + 1 < len(sb) else 1 << 60
            take = min(n, end_a - a, end_b - b)
            out[(pa, pb)].add(a, b, take)
            a, b, n = a + take, b + take, n - take
    return out


@dataclass
class _Edits:
    splits: set[int] = field(default_factory=set)
    joins: set[int] = field(default_factory=set)  # piece index i joins with i + 1
    # Cuts inside a title block's piece, each with the role of the part it starts.
    head_cuts: dict[int, str] = field(default_factory=dict)


def _ends(side: Side, lo: int, hi: int) -> list[int]:
    """Positions in [lo, hi] right after a sentence end, or after a colon that ends a line
    of hard-wrapped text (a paragraph that introduces a list or a quotation)."""
    stream = side.stream
    return [
        p
        for p in range(lo, hi + 1)
        if (p > 0 and stream[p - 1] in SENTENCE_END)
        or (p > 1 and stream[p - 1] in "”’）)" and stream[p - 2] in SENTENCE_END)
        or (p > 0 and stream[p - 1] in "：:" and not side.reliable_breaks and side.at_line_end(p))
    ]


def _split_point(side: Side, lo: int, hi: int, guess: int) -> int:
    """Where to cut a receiving piece between lo and hi: after a sentence end if any.

    In hard-wrapped text a paragraph only ends where a line does, so a sentence end at a
    line end is preferred to one in mid-line.
    """
    ends = _ends(side, lo, hi)
    ends = [p for p in ends if side.at_line_end(p)] or ends
    if not ends:
        return max(lo, min(hi, guess))
    return min(ends, key=lambda p: abs(p - guess))


def _reconcile(
    donor: Side,
    recv: Side,
    ov: dict[tuple[int, int], Overlap],
    flip: bool,
    ed_donor: _Edits,
    ed_recv: _Edits,
) -> None:
    by_recv: dict[int, list[tuple[int, Overlap]]] = defaultdict(list)
    for (pa, pb), o in ov.items():
        d, r = (pb, pa) if flip else (pa, pb)
        if o.count >= 6 or (o.count >= 4 and o.count == donor.pieces[d].size):
            by_recv[r].append((d, o))
    for r, contribs in by_recv.items():
        if len(contribs) < 2:
            continue
        if recv.pieces[r].role in _HEAD:
            _reconcile_head(donor, recv, r, contribs, flip, ed_donor, ed_recv)
            continue

        def rpos(o: Overlap) -> tuple[int, int]:
            return (o.a_first, o.a_last) if flip else (o.b_first, o.b_last)

        def dpos(o: Overlap) -> tuple[int, int]:
            return (o.b_first, o.b_last) if flip else (o.a_first, o.a_last)

        contribs.sort(key=lambda t: rpos(t[1])[0])
        for (d1, o1), (d2, o2) in itertools.pairwise(contribs):
            r1, r2 = rpos(o1), rpos(o2)
            if r2[0] <= r1[1]:
                continue  # interleaved: not a clean boundary
            p1, p2 = donor.pieces[d1], donor.pieces[d2]
            tail = p1.end - 1 - dpos(o1)[1]
            head = dpos(o2)[0] - p2.start
            gap = r2[0] - r1[1] - 1
            # A sentence broken mid-way (possibly with a changed word at the break).
            broken = gap <= max(tail + head + 3, 40 if p1.weak_end else 0)
            joinable = p1.role in _SPLITTABLE and p2.role in _SPLITTABLE
            # A break the wrapped version guessed inside what the other version prints as
            # one paragraph, with nothing between the two parts: not a paragraph break.
            guessed = (
                recv.reliable_breaks and not donor.reliable_breaks and max(tail, head, gap) <= 3
            )
            if (
                d2 == d1 + 1
                and joinable
                and p1.frag == p2.frag
                and ((p1.weak_end and broken) or guessed)
            ):
                ed_donor.joins.add(d1)  # a sentence broken mid-way: the other side runs on
            else:
                lo, hi = r1[1] + 1, r2[0]
                # Text only the receiver has between the two: one sentence is more often
                # one the donor dropped at its paragraph's end than a paragraph of its own.
                extra = recv.stream[lo + tail : hi - head]
                dropped = not p1.weak_end and len(extra) > 6 and _sentences(extra) == 1
                guess = hi - head if dropped and ends_sentence(extra) else lo + tail
                ed_recv.splits.add(_split_point(recv, lo, hi, guess))


def _reconcile_head(
    donor: Side,
    recv: Side,
    r: int,
    contribs: list[tuple[int, Overlap]],
    flip: bool,
    ed_donor: _Edits,
    ed_recv: _Edits,
) -> None:
    """A title block's lines as the version with reliable line breaks (markdown headings)
    shows them: a title the PDF wrapped over two pieces is joined; a PDF piece that glued a
    title to the deck or title under it is cut where the other version's lines end."""
    if recv.reliable_breaks == donor.reliable_breaks:
        return
    if any(donor.pieces[d].role not in _HEAD_LINES for d, _ in contribs):
        return
    # (first, last) position in the receiver, donor piece, overlap; in receiver order.
    pos = [((o.a_first, o.a_last) if flip else (o.b_first, o.b_last), d, o) for d, o in contribs]
    pos.sort(key=lambda t: t[0][0])
    if recv.reliable_breaks:
        # One heading of the reliable version over consecutive head pieces: one title.
        ds = [d for _, d, _ in pos]
        if ds == list(range(ds[0], ds[0] + len(ds))) and all(
            donor.pieces[d].role in _HEAD for d in ds
        ):
            ed_donor.joins.update(ds[:-1])
        return
    pairs = list(itertools.pairwise(pos))
    if any(two[0][0] <= one[0][1] for one, two in pairs):
        return  # interleaved: not a clean boundary
    for ((_, last), d1, o1), ((first, _), d2, _) in pairs:
        tail = donor.pieces[d1].end - 1 - (o1.b_last if flip else o1.a_last)
        ed_recv.head_cuts[max(last + 1, min(first, last + 1 + tail))] = donor.pieces[d2].role
    ed_recv.head_cuts.setdefault(recv.pieces[r].start, donor.pieces[pos[0][1]].role)


def _sentence_cut(side: Side, lo: int, hi: int, guess: int) -> int | None:
    """A cut at a sentence end that is also a line end of the source, nearest ``guess``."""
    ends = [p for p in _ends(side, lo, hi) if side.at_line_end(p)]
    return min(ends, key=lambda p: abs(p - guess)) if ends else None


def _sentences(text: str) -> int:
    return sum(
        1
        for i, ch in enumerate(text)
        if ch in SENTENCE_END and text[i + 1 : i + 2] not in SENTENCE_END
    )


def _edge_splits(
    donor: Side, recv: Side, ov: dict[tuple[int, int], Overlap], flip: bool, ed_recv: _Edits
) -> None:
    """Cut a receiving paragraph where the matching donor paragraph starts or ends.

    Only for receivers whose own paragraph breaks are unreliable (hard-wrapped text):
    there a paragraph may have swallowed the next one, which the donor shows apart.
    """
    if recv.reliable_breaks:
        return
    best: dict[int, tuple[int, Overlap]] = {}
    firsts: dict[int, list[int]] = defaultdict(list)  # receiver → where its donors start
    for (pa, pb), o in ov.items():
        d, r = (pb, pa) if flip else (pa, pb)
        if o.count >= 8 and (d not in best or o.count > best[d][1].count):
            best[d] = (r, o)
        if o.count >= 8:
            firsts[r].append(o.a_first if flip else o.b_first)
    for d, (r, o) in best.items():
        dp, rp = donor.pieces[d], recv.pieces[r]
        if dp.role not in _SPLITTABLE or rp.role not in _SPLITTABLE:
            continue
        r_first, r_last = (o.a_first, o.a_last) if flip else (o.b_first, o.b_last)
        d_first, d_last = (o.b_first, o.b_last) if flip else (o.a_first, o.a_last)
        tail = dp.end - 1 - d_last
        head = d_first - dp.start
        # What is left after the donor's paragraph ends is a paragraph of its own only if
        # it holds more than one sentence: one sentence is more often one the donor dropped.
        # (Up to where the next paragraph the donor has starts: that cut is reconcile's.)
        stop = min((f for f in firsts[r] if f > r_last), default=rp.end)
        rest = recv.stream[r_last + 1 + tail : stop]
        if not dp.weak_end and tail <= 10 and len(rest) > 15 and _sentences(rest) >= 2:
            cut = _sentence_cut(
                recv, r_last + 1, min(rp.end - 1, r_last + 1 + tail + 8), r_last + 1 + tail
            )
            if cut is not None and rp.start < cut < rp.end:
                ed_recv.splits.add(cut)
        if (r_first - head) - rp.start > 15:
            lo = max(rp.start + 1, r_first - head - 8)
            cut = _sentence_cut(recv, lo, r_first, r_first - head)
            if cut is not None and rp.start < cut < rp.end:
                ed_recv.splits.add(cut)


def _apply(side: Side, ed: _Edits) -> bool:
    if not ed.splits and not ed.joins and not ed.head_cuts:
        return False
    merged: list[Piece] = []
    for i, p in enumerate(side.pieces):
        if merged and (i - 1) in ed.joins:
            last = merged[-1]
            merged[-1] = Piece(last.start, p.end, last.role, last.frag, p.weak_end)
        else:
            merged.append(Piece(p.start, p.end, p.role, p.frag, p.weak_end))
    out: list[Piece] = []
    cuts = sorted(ed.splits)
    heads = sorted(ed.head_cuts)
    for p in merged:
        if p.role in _HEAD:
            inner = [c for c in heads[bisect.bisect_right(heads, p.start) :] if c < p.end]
            bounds = [p.start, *inner, p.end]
            for s, e in itertools.pairwise(bounds):
                role = ed.head_cuts.get(s, p.role) if inner else p.role
                out.append(Piece(s, e, role, p.frag, p.weak_end if e == p.end else True))
            continue
        inner = [c for c in cuts[bisect.bisect_right(cuts, p.start) :] if c < p.end]
        if not inner:
            out.append(p)
            continue
        bounds = [p.start, *inner, p.end]
        for s, e in itertools.pairwise(bounds):
            if e > s:
                weak = e != p.end and side.stream[e - 1] not in SENTENCE_END
                out.append(Piece(s, e, p.role, p.frag, weak if e != p.end else p.weak_end))
    side.pieces = out
    return True


def reconcile(a: Side, b: Side, runs: list[Run], rounds: int = 2) -> None:
    """Make paragraph boundaries agree where the anchors show they should."""
    for _ in range(rounds):
        ov = overlaps(runs, a.starts(), b.starts())
        ea, eb = _Edits(), _Edits()
        _reconcile(a, b, ov, False, ea, eb)
        _reconcile(b, a, ov, True, eb, ea)
        _edge_splits(a, b, ov, False, eb)
        _edge_splits(b, a, ov, True, ea)
        changed = _apply(a, ea) | _apply(b, eb)
        if not changed:
            break


def pair(a: Side, b: Side, runs: list[Run]) -> list[tuple[int, int, int]]:
    """Mutually best (piece of A, piece of B, shared characters) pairs."""
    ov = overlaps(runs, a.starts(), b.starts())
    best_a: dict[int, tuple[int, int]] = {}
    best_b: dict[int, tuple[int, int]] = {}
    for (pa, pb), o in ov.items():
        if o.count > best_a.get(pa, (0, -1))[0]:
            best_a[pa] = (o.count, pb)
        if o.count > best_b.get(pb, (0, -1))[0]:
            best_b[pb] = (o.count, pa)
    out = []
    for pa, (n, pb) in best_a.items():
        if best_b.get(pb, (0, -1))[1] != pa:
            continue
        small = min(a.pieces[pa].size, b.pieces[pb].size)
        big = max(a.pieces[pa].size, b.pieces[pb].size)
        # Bylines and credits share boilerplate: a run through it from the line before
        # ("…摄本报记者") does not make "本报记者 X" and "本报记者 Y" one line.
        lines = {a.pieces[pa].role, b.pieces[pb].role} & {"byline", "caption"}
        if n >= 4 and n >= 0.15 * small and (not lines or big > 20 or n >= 0.7 * big):
            out.append((pa, pb, n))
    return sorted(out)


def align_streams(a: Side, b: Side) -> tuple[list[Run], list[tuple[int, int, int]]]:
    runs = find_runs(a.stream, b.stream)
    reconcile(a, b, runs)
    return runs, pair(a, b, runs)
