"""Pieces left an article of their own that no article is made of.

After all the structure rules an article may hold nothing but a photo credit, or nothing
but a title one version prints and the other does not: what stayed behind when the text
around it went to its articles. A credit is the last line of the story printed above it;
a lone title names the text its version prints it next to (the text above it where the
version prints titles after their bodies, the text below it otherwise).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

from reviewer.core.engine.sides import Side

CREDIT = 40  # a caption longer than this is a photo item of its own
_HEAD = ("title", "subtitle")


def _neighbour(side: Side, roots: list, idx: list[int], step: int) -> Hashable | None:
    """The article of the nearest piece outside ``idx`` before (step -1) or after (+1) it."""
    inside = set(idx)
    at = (idx[0] if step < 0 else idx[-1]) + step
    while 0 <= at < len(side.pieces) and at in inside:
        at += step
    if not 0 <= at < len(side.pieces):
        return None
    if side.pieces[at].role not in ("paragraph", "caption", "byline"):
        return None
    return roots[at]


def _home(
    sides: dict[str, Side], partner: dict[str, dict[int, int]], roots: dict, ms: list
) -> Hashable | None:
    by_side: dict[str, list[int]] = defaultdict(list)
    for s, i in ms:
        by_side[s].append(i)
    pieces = [sides[s].pieces[i] for s, i in ms]
    if all(p.role == "noise" or (p.role == "caption" and p.size <= CREDIT) for p in pieces):
        if not any(p.role == "caption" for p in pieces):
            return None
        homes = {_neighbour(sides[s], roots[s], sorted(idx), -1) for s, idx in by_side.items()}
    elif len(by_side) == 1 and all(p.role in _HEAD for p in pieces):
        ((s, idx),) = by_side.items()
        if any(i in partner[s] for i in idx):
            return None
        step = -1 if sides[s].titles_after else 1
        homes = {_neighbour(sides[s], roots[s], sorted(idx), step)}
    else:
        return None
    homes.discard(None)
    return homes.pop() if len(homes) == 1 else None


def attach_strays(
    sides: dict[str, Side], partner: dict[str, dict[int, int]], roots: dict[str, list]
) -> None:
    """Move articles of only credits (and noise), or of only one version's unpaired title
    lines, to the article their version prints them with (``roots`` updated in place)."""
    members: dict[Hashable, list[tuple[str, int]]] = defaultdict(list)
    for s, rs in roots.items():
        for i, r in enumerate(rs):
            members[r].append((s, i))
    for root, ms in members.items():
        home = _home(sides, partner, roots, ms)
        if home is None or home == root:
            continue
        for s, i in ms:
            roots[s][i] = home
