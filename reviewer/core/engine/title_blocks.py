"""Title blocks a version cut off from the body under them.

A web page may set a heading and its deck (a second headline line printed as a plain
paragraph, ending on "——" or "：") and then break before the byline that opens the body:
the break is weak (it follows a paragraph) and the title block is left an article of
its own, with no text. ``articles.py`` calls ``heads_lead`` to put such a block back on
top of the text below it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Protocol

from reviewer.core.engine.sides import Side
from reviewer.core.text import may_end_paragraph

_HEAD = ("title", "subtitle")


class UnionFind(Protocol):
    def find(self, x: object) -> object: ...

    def union(self, x: object, y: object) -> None: ...


def _head_line(side: Side, i: int, partner: dict[int, int]) -> bool:
    """A line of a title block: a title or deck, or a short line (where the other version
    prints it is checked after; one it does not print must end no sentence)."""
    p = side.pieces[i]
    if p.role in _HEAD:
        return True
    if p.role != "paragraph" or not 4 <= p.size <= 60:
        return False
    text = side.stream[p.start : p.end]
    return i in partner or ("。" not in text and not may_end_paragraph(text))


def heads_lead(
    uf: UnionFind,
    sides: dict[str, Side],
    subs: dict[str, list],
    partner: dict[str, dict[int, int]],
) -> None:
    """A part of only title-block lines, followed after a weak break by a part with no
    title of its own, heads that part. Where the other version prints the block's lines
    too, they must stand in the article the part below belongs to (a title printed
    after its body, there), else the block may be another story's."""
    parts: dict[str, dict[object, list[int]]] = {}
    for s, sub in subs.items():
        parts[s] = defaultdict(list)
        for i, key in enumerate(sub):
            parts[s][key].append(i)
    titled = {
        uf.find((s, subs[s][i]))
        for s, side in sides.items()
        for i, p in enumerate(side.pieces)
        if p.role == "title"
    }
    for s, o in (("a", "b"), ("b", "a")):
        side = sides[s]
        if side.titles_after:
            continue  # a title block alone there closes the text above
        members = parts[s]
        for prev, cur in itertools.pairwise(members):
            head, body = members[prev], members[cur]
            if cur[1] != 0 or cur[0] in side.strong_frags:
                continue  # a part cut by its partners, or a break that opens a story
            if any(side.pieces[i].role in _HEAD for i in body):
                continue
            if not all(_head_line(side, i, partner[s]) for i in head):
                continue
            if not any(side.pieces[i].role in _HEAD or i not in partner[s] for i in head):
                continue
            below = uf.find((s, cur))
            block = {partner[s][i] for i in head if i in partner[s]}
            if all(_closes(uf, o, sides[o], subs[o], j, below, block, titled) for j in block):
                uf.union((s, prev), (s, cur))


def _closes(
    uf: UnionFind,
    o: str,
    other: Side,
    sub: list,
    j: int,
    below: object,
    block: set[int],
    titled: set[object],
) -> bool:
    """The other version prints line ``j`` of the block in the article below, or after
    that article's text in one fragment (a title block printed after its body): before it,
    past the block's other lines and untitled parts, the text is the article below's."""
    own = uf.find((o, sub[j]))
    if own == below:
        return True
    k = j - 1
    while k >= 0 and other.pieces[k].frag == other.pieces[j].frag:
        group = uf.find((o, sub[k]))
        if group == below:
            return True
        if k not in block and group != own and group in titled:
            return False
        k -= 1
    # The block's line just before, in the fragment before: the block goes on over a break.
    return k >= 0 and k in block and _closes(uf, o, other, sub, k, below, block, titled)


def carried_back(
    sides: dict[str, Side], partner: dict[str, dict[int, int]], roots: dict[str, list]
) -> None:
    """A heading-like line one version sets at the top of a story, as its deck, right
    where the story above ends (the line opens its fragment), while the other version
    prints it inside that story above (between two of its lines, with no break): a subhead
    or the last line of the story above, not the deck of the one below."""
    for s, o in (("a", "b"), ("b", "a")):
        side, other = sides[s], sides[o]
        for i, p in enumerate(side.pieces):
            j = partner[s].get(i)
            if j is None or p.role != "subtitle" or i == 0 or side.pieces[i - 1].frag == p.frag:
                continue
            above, here = roots[s][i - 1], roots[s][i]
            if above == here or not 0 < j < len(other.pieces) - 1:
                continue
            q = other.pieces[j]
            if q.role not in ("subtitle", "paragraph"):
                continue
            if other.pieces[j - 1].frag != q.frag or roots[o][j - 1] != above:
                continue
            # Between two lines of the story above, or closing its fragment where this
            # version's break before the line is only weak.
            ends = other.pieces[j + 1].frag != q.frag
            if (ends and p.frag not in side.strong_frags) or roots[o][j + 1] == above:
                roots[s][i] = roots[o][j] = above
                p.role = q.role = "paragraph"  # a line of the story's text, no deck
