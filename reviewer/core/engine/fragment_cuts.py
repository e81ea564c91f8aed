"""Where one version's fragments are cut before the articles are joined: at titles that
stand as a story's own (not subheads the other version prints inside a story), and where a
fragment's partners jump backwards or fall in two articles the other version titles apart.
"""

from __future__ import annotations

import bisect
import re

from rapidfuzz import fuzz

from reviewer.core.engine.roles import is_end_marker
from reviewer.core.engine.sides import Side
from reviewer.core.text import may_end_paragraph

_CONTENT = frozenset({"paragraph", "caption"})
_HEAD = ("title", "subtitle")
_SIGNATURE = re.compile(r"^\([^()。！？]{1,20}\)$")


def segments(side: Side, partner: dict[int, int], other: Side) -> list[int]:
    """For each piece, its article as its own version's strong breaks alone say, or -1.

    Only segments that hold a title count: a segment without one may be the rest of an
    article that another one interrupted. A title the other version prints as a plain
    paragraph of its text (a subhead inside a story) does not count.
    """
    seg_of: list[int] = []
    seg, frag = 0, None
    for p in side.pieces:
        if p.frag != frag:
            frag = p.frag
            seg += frag in side.strong_frags
        seg_of.append(seg)
    titled = {
        seg_of[i]
        for i, p in enumerate(side.pieces)
        if p.role == "title" and (i not in partner or not _subhead(side, i, other, partner[i]))
    }
    return [s if s in titled else -1 for s in seg_of]


def _subhead(side: Side, i: int, other: Side, j: int) -> bool:
    """Title ``i`` reads as line ``j`` of the other version, which marks its headings
    (markdown) and prints it unmarked after body text: a subhead inside a story."""
    p, q = side.pieces[i], other.pieces[j]
    if q.role != "paragraph" or not other.marks_headings or j == 0:
        return False
    block = other.blocks[bisect.bisect_right(other.bstart, q.start) - 1]
    before = other.pieces[j - 1]
    return (
        block.para.kind == "text"
        and before.role == "paragraph"
        and before.frag == q.frag
        and fuzz.ratio(side.stream[p.start : p.end], other.stream[q.start : q.end]) >= 90
    )


def titleish(side: Side, i: int) -> bool:
    p = side.pieces[i]
    if p.role in _HEAD:
        return True
    if p.role != "paragraph" or not 4 <= p.size <= 40:
        return False
    t = side.stream[p.start : p.end]
    return "。" not in t and not may_end_paragraph(t)


def closes_before(side: Side, i: int) -> bool:
    """A closing dateline, a photo credit or a signature ("（王平 李文）"): what ends a story."""
    p = side.pieces[i]
    if p.role == "caption":
        return p.size <= 40  # a credit; a long caption is a photo item of its own
    text = side.stream[p.start : p.end]  # canonical: half-width brackets
    if p.role == "paragraph":
        return _SIGNATURE.match(text) is not None
    # Only a dateline in brackets closes a story: a bare one opens the next.
    return p.role == "byline" and text.startswith("(") and is_end_marker(side.text(p)[0])


def subfragments(
    side: Side, partner: dict[int, int], other_seg: list[int]
) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """(fragment, part) for each piece: a fragment is cut where its partners say two articles.

    A version that spliced part of another article into this one shows it as a jump
    backwards in the other version's order; a version that lost a title (or never had a
    heading) shows partners on both sides of a strong break of the other version.
    Also returns the parts that begin at a backward jump.
    """
    pieces = side.pieces
    cuts: list[tuple[int, int]] = []  # (last piece of the old part, first of the new)
    jumps: set[int] = set()
    frag, last, last_seg, last_i = -1, -1, -1, -1
    for i, p in enumerate(pieces):
        if p.frag != frag:
            frag, last, last_seg, last_i = p.frag, -1, -1, -1
        q = partner.get(i)
        if q is None or p.role not in _CONTENT:
            continue
        seg = other_seg[q]
        if last >= 0 and (q < last - 2 or (seg != last_seg and min(seg, last_seg) >= 0)):
            cuts.append((last_i, i))
            if q < last - 2:
                jumps.add(len(cuts) - 1)
        last, last_seg, last_i = q, other_seg[q], i
    starts: set[int] = set()
    jump_starts: set[int] = set()
    for c, (lo, hi) in enumerate(cuts):
        between = range(lo + 1, hi)
        heads = [k for k in between if titleish(side, k) or pieces[k].role == "byline"]
        if side.titles_after:
            titles = [k for k in between if titleish(side, k)]
            start = titles[-1] + 1 if titles else lo + 1
            rest = [k for k in between if k >= start and pieces[k].role == "byline"]
            start = min(rest, default=start) if not titles else start
        else:
            start = heads[0] if heads else lo + 1
            # A closing dateline and the photo credits after it end the article before.
            while (
                start < len(pieces)
                and pieces[start].frag == pieces[lo].frag
                and closes_before(side, start)
            ):
                start += 1
        starts.add(start)
        if c in jumps:
            jump_starts.add(start)
    out: list[tuple[int, int]] = []
    moved: set[tuple[int, int]] = set()
    frag, part = -1, 0
    for i, p in enumerate(pieces):
        if p.frag != frag:
            frag, part = p.frag, 0
        elif i in starts:
            part += 1
            if i in jump_starts:
                moved.add((frag, part))
        out.append((frag, part))
    return out, moved
