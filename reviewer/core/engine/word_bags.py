"""The words of each article, as evidence of where a passage in dispute belongs.

``relocation.py`` moves passages by the words they share with each article: a story's
paragraphs share names, places and terms the other stories on the page do not use.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable

from reviewer.core.engine.sides import Piece, Side

LONG_CAPTION = 40


def is_text(p: Piece) -> bool:
    """Running text: paragraphs, and captions long enough to be read as text."""
    return p.role == "paragraph" or (p.role == "caption" and p.size >= LONG_CAPTION)


_CJK_RUN = re.compile("[\u4e00-\u9fff]{2,}")


def _grams(text: str) -> frozenset[str]:
    """Distinct bigrams of CJK characters: the words a passage uses."""
    out: set[str] = set()
    for run in _CJK_RUN.findall(text):
        out.update(map(str.__add__, run, run[1:]))
    return frozenset(out)


class WordBags:
    """Per article, how often each bigram occurs in its paragraphs (both versions) and
    titles, and in how many articles each bigram occurs."""

    def __init__(
        self,
        sides: dict[str, Side],
        roots: dict[str, list[Hashable]],
        skip: dict[str, set[int]],
        partner: dict[str, dict[int, int]],
    ) -> None:
        self.grams: dict[tuple[str, int], frozenset[str]] = {}
        self.count: dict[Hashable, Counter[str]] = defaultdict(Counter)
        own: dict[tuple[str, int], frozenset[str]] = {}
        for s, side in sides.items():
            for i, p in enumerate(side.pieces):
                if is_text(p) and i not in skip[s]:
                    own[(s, i)] = _grams(side.stream[p.start : p.end])
        for (s, i), g in own.items():
            j = partner[s].get(i)
            o = "b" if s == "a" else "a"
            if j is not None and (o, j) in own:
                # Words one version alone prints in a paragraph both print (a passage of
                # another story pasted into it) say nothing of where the paragraph belongs.
                g = g & own[(o, j)]
            self.grams[(s, i)] = g
            self.count[roots[s][i]].update(g)
        for s, side in sides.items():
            for i, p in enumerate(side.pieces):
                if p.role == "title":  # a title names its story's words; it stays put
                    self.count[roots[s][i]].update(_grams(side.stream[p.start : p.end]))
        self.df: Counter[str] = Counter()
        for bag in self.count.values():
            self.df.update(bag.keys())

    def move(self, members: list[tuple[str, int]], old: Hashable, new: Hashable) -> None:
        for m in members:
            for x in self.grams.get(m, frozenset()):
                self.df[x] += self.count[new][x] == 0
                self.count[new][x] += 1
                self.count[old][x] -= 1
                self.df[x] -= self.count[old][x] == 0

    def scores(
        self,
        run: list[tuple[str, int]],
        roots: dict[str, list],
        articles: set[Hashable],
        shadow: list[tuple[str, int]],
    ) -> dict[Hashable, float]:
        """How much of the run's vocabulary the rest of each article uses: shared bigrams
        weighted by how few articles use them. The run itself and its ``shadow`` (one-sided
        text next to it, as doubtful as the run) are left out of its host."""
        grams: set[str] = set()
        own: Counter[str] = Counter()
        for s, i in run:
            g = self.grams.get((s, i), frozenset())
            grams |= g
            own.update(g)
        for s, i in shadow:
            own.update(self.grams.get((s, i), frozenset()))
        host = roots[run[0][0]][run[0][1]]
        n = len(self.count) + 1
        out = dict.fromkeys(articles, 0.0)
        bags = {c: self.count[c] for c in articles}
        for g in grams:
            in_host = self.count[host][g]
            host_has = in_host > own[g]
            df = self.df[g] - (in_host > 0 and not host_has)
            if df <= 0:
                continue
            idf = math.log(n / df)
            for c, bag in bags.items():
                if host_has if c == host else bag[g] > 0:
                    out[c] += idf
        root = math.sqrt(len(grams)) if grams else 1.0
        return {c: v / root for c, v in out.items()}
