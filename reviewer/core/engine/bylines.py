"""Bylines printed under a title that closes the story above but open the story below.

A PDF that prints each title after its body sets the block "title / byline" right above
the next story's text; the byline may be the title's (its author) or the next story's
(the first line of its text), and the layout alone does not tell. The other version does:
when it prints the titled story without that byline, the byline is the next story's.
"""

from __future__ import annotations

from collections.abc import Hashable

from rapidfuzz import fuzz

from reviewer.core.engine.roles import classify
from reviewer.core.engine.sides import Side

_HEAD_ROLES = ("title", "subtitle", "byline")


def _same_text(side: Side, i: int, other: Side, j: int) -> bool:
    p, q = side.pieces[i], other.pieces[j]
    return fuzz.ratio(side.stream[p.start : p.end], other.stream[q.start : q.end]) >= 80


def _head(side: Side, i: int, partner: dict[int, int], other: Side) -> bool:
    """A title-block line: a title or deck here, or a line the other version heads with."""
    if side.pieces[i].role in ("title", "subtitle"):
        return True
    return i in partner and other.pieces[partner[i]].role in ("title", "subtitle")


def _byline(side: Side, i: int, partner: dict[int, int]) -> bool:
    """A byline, or a one-sided line of a title block that reads as one ("本报记者X")."""
    p = side.pieces[i]
    if p.role == "byline":
        return True
    return i not in partner and p.size <= 20 and classify(side.text(p)[0]) == "byline"


def _trailing_bylines(
    side: Side, partner: dict[int, int], other: Side
) -> list[tuple[int, list[int]]]:
    """(title piece, bylines) for each title block printed after its fragment's body
    whose last lines are bylines with no partner, the block closing its fragment."""
    pieces = side.pieces
    out: list[tuple[int, list[int]]] = []
    for t, p in enumerate(pieces):
        if t == 0 or pieces[t - 1].frag != p.frag:
            continue
        if pieces[t - 1].role not in ("paragraph", "caption") or _head(side, t - 1, partner, other):
            continue  # the title is not printed after body text
        if p.role != "title" and not (t in partner and other.pieces[partner[t]].role == "title"):
            continue
        k = t + 1
        while (
            k < len(pieces)
            and pieces[k].frag == p.frag
            and (_head(side, k, partner, other) or _byline(side, k, partner))
        ):
            k += 1
        if k >= len(pieces) or pieces[k].frag == p.frag:
            continue  # the block does not close the fragment
        tail: list[int] = []
        for i in range(k - 1, t, -1):
            if i in partner or not _byline(side, i, partner):
                break
            tail.insert(0, i)
        if tail:
            out.append((t, tail))
    return out


def hand_on_bylines(
    sides: dict[str, Side], partner: dict[str, dict[int, int]], roots: dict[str, list]
) -> None:
    """Move the unpaired bylines closing a title block printed after its body to the story
    below, when the other version prints the titled story without them and the story
    below is in this version alone or carries them in the other version."""
    for s, o in (("a", "b"), ("b", "a")):
        side, other = sides[s], sides[o]
        members: dict[Hashable, list[int]] = {}
        for j, r in enumerate(roots[o]):
            members.setdefault(r, []).append(j)
        for t, tail in _trailing_bylines(side, partner[s], other):
            here, below = roots[s][t], roots[s][tail[-1] + 1]
            if here == below or roots[s][tail[0]] != here:
                continue
            theirs = members.get(here, [])
            if not any(j in partner[o] for j in theirs):
                continue  # the titled story is not in the other version: nothing tells
            heads = [j for j in theirs if other.pieces[j].role in _HEAD_ROLES]
            # Lines the other version prints under this title stay, and all above them.
            kept = [
                k for k, i in enumerate(tail) if any(_same_text(side, i, other, j) for j in heads)
            ]
            tail = tail[kept[-1] + 1 :] if kept else tail
            if not tail:
                continue
            nxt = members.get(below, [])
            if nxt and not any(
                other.pieces[j].role == "byline" and _same_text(side, tail[0], other, j)
                for j in nxt
            ):
                continue  # the story below is shared and does not carry it either
            for i in tail:
                roots[s][i] = below
                side.pieces[i].role = "byline"  # a title-block line that reads as one


def keep_with_title(sides: dict[str, Side], roots: dict[str, list]) -> None:
    """An article of one version's bylines alone, printed right under a title (or a line of
    its title block), is that title's byline: it joins the title's article."""
    members: dict[Hashable, list[tuple[str, int]]] = {}
    for s, rs in roots.items():
        for i, r in enumerate(rs):
            members.setdefault(r, []).append((s, i))
    for ms in members.values():
        s = ms[0][0]
        side = sides[s]
        if any(t != s or side.pieces[i].role != "byline" for t, i in ms):
            continue
        first = min(i for _, i in ms)
        if first == 0:
            continue
        above = side.pieces[first - 1]
        if above.frag == side.pieces[first].frag and above.role in _HEAD_ROLES:
            for _, i in ms:
                roots[s][i] = roots[s][first - 1]


def block_follows_title(sides: dict[str, Side], partner: dict[str, dict[int, int]], roots) -> None:
    """The unpaired bylines and photo credits of a title block printed after its body go
    where its title goes (a moved tail of the body must not take them elsewhere)."""
    for s, side in sides.items():
        pieces = side.pieces
        for t, p in enumerate(pieces):
            if p.role != "title" or t == 0 or pieces[t - 1].frag != p.frag:
                continue
            if pieces[t - 1].role not in ("paragraph", "caption"):
                continue
            k = t + 1
            while k < len(pieces) and pieces[k].frag == p.frag:
                q = pieces[k]
                if not (q.role in _HEAD_ROLES or (q.role == "caption" and q.size <= 40)):
                    break
                if k not in partner[s] and q.role != "title":
                    roots[s][k] = roots[s][t]
                k += 1


def follow_title(
    sides: dict[str, Side], partner: dict[str, dict[int, int]], roots: dict[str, list]
) -> None:
    """An unpaired byline printed under a title goes where that title goes when the other
    version prints the same byline in the title's article."""
    for s, o in (("a", "b"), ("b", "a")):
        side, other = sides[s], sides[o]
        members: dict[Hashable, list[int]] = {}
        for j, r in enumerate(roots[o]):
            members.setdefault(r, []).append(j)
        pieces = side.pieces
        for i, p in enumerate(pieces):
            if p.role != "byline" or i in partner[s]:
                continue
            t = i - 1
            while t >= 0 and pieces[t].frag == p.frag and pieces[t].role in ("subtitle", "byline"):
                t -= 1
            if t < 0 or pieces[t].frag != p.frag or pieces[t].role != "title":
                continue
            here = roots[s][t]
            if roots[s][i] == here:
                continue
            if any(
                other.pieces[j].role == "byline" and _same_text(side, i, other, j)
                for j in members.get(here, [])
            ):
                roots[s][i] = here
