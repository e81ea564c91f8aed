"""Exact anchors between two character streams, tolerant of reordering.

Seeds are k-grams that occur once in each stream (so repeated boilerplate never anchors);
each seed is extended to a maximal common run, and runs are chosen longest first without
overlap, which keeps the best copy of a passage that one version duplicated. Cost grows
with the length of the streams, not with the product of their paragraph counts.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

SEED = 6
MIN_ALONE = 12  # a run shorter than this needs a neighbour on a close diagonal to count


class Run(NamedTuple):
    a: int
    b: int
    n: int


def _unique_grams(s: str, k: int) -> dict[str, int]:
    grams = [s[i : i + k] for i in range(len(s) - k + 1)]
    counts = Counter(grams)
    once = {g for g, n in counts.items() if n == 1}  # a set tests faster than a Counter
    return {g: i for i, g in enumerate(grams) if g in once}


def _extend(a: str, b: str, i: int, j: int, n: int) -> Run:
    """Grow the common run a[i:i+n] == b[j:j+n] as far as both streams agree."""
    while i > 0 and j > 0 and a[i - 1] == b[j - 1]:
        i, j, n = i - 1, j - 1, n + 1
    step = 64
    while step:
        if (
            a[i + n : i + n + step] == b[j + n : j + n + step]
            and i + n + step <= len(a)
            and (j + n + step <= len(b))
        ):
            n += step
        else:
            step //= 2
    return Run(i, j, n)


def find_runs(a: str, b: str, k: int = SEED) -> list[Run]:
    """Non-overlapping common runs of ``a`` and ``b`` (sorted by position in ``a``)."""
    if len(a) < k or len(b) < k:
        return []
    ua = _unique_grams(a, k)
    ub = _unique_grams(b, k)
    seeds = sorted((i, ub[g]) for g, i in ua.items() if g in ub)
    runs: list[Run] = []
    last_diag_end: dict[int, int] = {}
    for i, j in seeds:
        d = i - j
        if last_diag_end.get(d, -1) > i:
            continue  # inside a run already found on this diagonal
        r = _extend(a, b, i, j, k)
        last_diag_end[d] = r.a + r.n
        runs.append(r)
    return _filter(_choose(runs, len(a), len(b)))


def _choose(runs: list[Run], la: int, lb: int) -> list[Run]:
    """Longest first, each character of either stream used at most once."""
    used_a = bytearray(la)
    used_b = bytearray(lb)
    out: list[Run] = []
    for r in sorted(runs, key=lambda r: (-r.n, r.a, r.b)):
        if used_a.find(1, r.a, r.a + r.n) < 0 and used_b.find(1, r.b, r.b + r.n) < 0:
            # All free (most runs): taken whole, as the loop below would.
            if r.n >= 4:
                used_a[r.a : r.a + r.n] = b"\x01" * r.n
                used_b[r.b : r.b + r.n] = b"\x01" * r.n
                out.append(r)
            continue
        start = None
        for t in range(r.n + 1):
            free = t < r.n and not used_a[r.a + t] and not used_b[r.b + t]
            if free and start is None:
                start = t
            elif not free and start is not None:
                if t - start >= 4:
                    sub = Run(r.a + start, r.b + start, t - start)
                    used_a[sub.a : sub.a + sub.n] = b"\x01" * sub.n
                    used_b[sub.b : sub.b + sub.n] = b"\x01" * sub.n
                    out.append(sub)
                start = None
    out.sort()
    return out


def _filter(runs: list[Run]) -> list[Run]:
    """Drop short runs with no neighbour on a nearby diagonal: chance matches."""
    keep: list[Run] = []
    for idx, r in enumerate(runs):
        if r.n >= MIN_ALONE:
            keep.append(r)
            continue
        d = r.a - r.b
        ok = False
        for other in runs[max(0, idx - 3) : idx] + runs[idx + 1 : idx + 4]:
            if abs((other.a - other.b) - d) <= 40 and abs(other.a - r.a) <= 200:
                ok = True
                break
        if ok:
            keep.append(r)
    return keep
