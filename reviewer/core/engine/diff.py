"""Word-level conflicts inside an aligned pair of units.

Characters are compared in the layout-free canonical form (so whitespace, wrapping and
width variants never differ), edits come from rapidfuzz, and each edit is widened to
whole jieba words on both sides; digit and Latin runs are never split. Nearby edits merge
into one readable conflict.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from reviewer.core.text import canon_with_index


def tokenizer():
    """jieba, loaded once per process through the fast prefix-dictionary cache (lexicon.py)."""
    from reviewer.core.engine import lexicon

    return lexicon.load()


@dataclass(frozen=True)
class Edit:
    """A conflict as [start, end) display offsets into the left and right texts."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


_WINDOW = 24  # characters of context jieba sees on each side of an edit


def _boundaries(s: str, spans: list[tuple[int, int]]) -> list[int]:
    """Sorted cut positions of ``s`` near ``spans``: jieba word ends, never inside a
    digit/Latin run. Only windows around the edits are tokenised (the rest is never
    looked at), which keeps long paragraphs with one changed word cheap."""
    windows: list[list[int]] = []
    for lo, hi in sorted(spans):
        lo, hi = max(0, lo - _WINDOW), min(len(s), hi + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    cut = tokenizer().cut
    cuts = {0, len(s)}
    for lo, hi in windows:
        pos = lo
        cuts.add(lo)
        for tok in cut(s[lo:hi], HMM=False):
            pos += len(tok)
            cuts.add(pos)
    return [
        c
        for c in sorted(cuts)
        if c in (0, len(s)) or not (_is_word_char(s[c - 1]) and _is_word_char(s[c]))
    ]


def _floor(cuts: list[int], x: int) -> int:
    return cuts[bisect.bisect_right(cuts, x) - 1]


def _ceil(cuts: list[int], x: int) -> int:
    i = bisect.bisect_left(cuts, x)
    return cuts[i] if i < len(cuts) else cuts[-1]


def _regions(a: str, b: str) -> list[list[int]]:
    """Raw edit regions [a0, a1, b0, b1] between equal blocks."""
    out: list[list[int]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if out and out[-1][1] == op.src_start and out[-1][3] == op.dest_start:
            out[-1][1], out[-1][3] = op.src_end, op.dest_end
        else:
            out.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return out


def _size(r: list[int]) -> int:
    return max(r[1] - r[0], r[3] - r[2])


def _merge(regions: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for r in regions:
        if out:
            p = out[-1]
            gap = r[0] - p[1]
            if gap <= 2 or gap < 0.6 * min(_size(p), _size(r)) or gap < 0:
                p[1], p[3] = max(p[1], r[1]), max(p[3], r[3])
                continue
        out.append(list(r))
    return out


def _widen(regions: list[list[int]], ca: list[int], cb: list[int], la: int, lb: int) -> None:
    """Grow each region to word boundaries on both sides, in step (equal text is shared)."""
    for r in regions:
        while True:
            left = max(r[0] - _floor(ca, r[0]), r[2] - _floor(cb, r[2]))
            right = max(_ceil(ca, r[1]) - r[1], _ceil(cb, r[3]) - r[3])
            left = min(left, r[0], r[2])
            right = min(right, la - r[1], lb - r[3])
            if not left and not right:
                break
            r[0] -= left
            r[2] -= left
            r[1] += right
            r[3] += right


def diff_units(left: str, right: str) -> list[Edit]:
    """Conflicts between two readings of one unit, as display-offset spans."""
    a, ia = canon_with_index(left)
    b, ib = canon_with_index(right)
    if a == b:
        return []
    regions = _merge(_regions(a, b))
    ca = _boundaries(a, [(r[0], r[1]) for r in regions])
    cb = _boundaries(b, [(r[2], r[3]) for r in regions])
    for _ in range(3):
        _widen(regions, ca, cb, len(a), len(b))
        merged = _merge(regions)
        if len(merged) == len(regions):
            break
        regions = merged
    for r in regions:
        # An insertion reads better with the word it attaches to: "力" → "发力", not "" → "发".
        if (r[0] == r[1]) != (r[2] == r[3]) and _size(r) <= 6:
            if r[1] < len(a):
                step = _ceil(ca, r[1] + 1) - r[1]
                r[1] += step
                r[3] += step
            elif r[0] > 0:
                step = r[0] - _floor(ca, r[0] - 1)
                r[0] -= step
                r[2] -= step
    regions = _merge(regions)
    edits: list[Edit] = []
    for a0, a1, b0, b1 in regions:
        if a[a0:a1] == b[b0:b1]:
            continue
        edits.append(Edit(*_span(ia, a0, a1, len(left)), *_span(ib, b0, b1, len(right))))
    return edits


def _span(idx: list[int], c0: int, c1: int, n: int) -> tuple[int, int]:
    """Display [start, end) of canonical [c0, c1); an empty span sits after the char before."""
    if c1 > c0:
        return idx[c0], idx[c1 - 1] + 1
    pos = idx[c0 - 1] + 1 if c0 > 0 else 0
    return pos, pos
