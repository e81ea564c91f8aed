"""Titles that pair across the versions, as evidence of which parts make one article.

``articles.py`` cuts a version's fragment where its passages' partners fall in different
articles of the other version; a pair of titles can show that such a cut was wrong.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from reviewer.core.engine.sides import Side


class UnionFind(Protocol):
    def find(self, x: object) -> object: ...

    def union(self, x: object, y: object) -> None: ...


def rejoin_titled(
    uf: UnionFind, a: Side, b: Side, pairs: list[tuple[int, int, int]], sub_a: list, sub_b: list
) -> None:
    """Two titles that pair name one article: where one version's fragment was cut in two
    by its partners, and the other version's title stands with the part cut off, the
    parts are one article again (a story whose first paragraph the other version left
    at the end of the story before)."""
    parts: dict[tuple[str, int], set[object]] = defaultdict(set)
    for side, sub in (("a", sub_a), ("b", sub_b)):
        for key in sub:
            parts[(side, key[0])].add(key)
    for x, y, _n in pairs:
        if a.pieces[x].role != "title" or b.pieces[y].role != "title":
            continue
        gx, gy = uf.find(("a", sub_a[x])), uf.find(("b", sub_b[y]))
        if gx == gy:
            continue
        a_cut = {uf.find(("a", k)) for k in parts[("a", sub_a[x][0])]}
        b_cut = {uf.find(("b", k)) for k in parts[("b", sub_b[y][0])]}
        # Only the head of a cut fragment (its first part, holding the title above the
        # text) goes back to the rest of its story.
        if (sub_a[x][1] == 0 and gy in a_cut) or (sub_b[y][1] == 0 and gx in b_cut):
            uf.union(("a", sub_a[x]), ("b", sub_b[y]))
