"""Passages one version pasted into another article go back to the article they belong to.

A scraped page sometimes carries an article's last paragraphs inside a neighbouring
article (the sample's spliced passage). The structure of both versions says where such a
passage is in dispute; its words say where it belongs: a story's paragraphs share names,
places and terms that the other stories on the page do not use.

``rejoin_moved`` works on the parts of fragments (structure alone); ``relocate`` then moves
runs of paragraphs still in dispute, by their words.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable
from typing import Protocol

from rapidfuzz import fuzz

from reviewer.core.engine.sides import Side
from reviewer.core.engine.word_bags import WordBags, is_text


class UnionFind(Protocol):
    def find(self, x: object) -> object: ...
    def union(self, x: object, y: object) -> None: ...


MARGIN = 2.0  # the passage must share twice the evidence with its new article
# and enough of it (idf-weighted shared bigrams over sqrt(its bigrams)): less where the
# other version prints the passage in that article, more where only its words say so.
MIN_PRINTED = 0.5
MIN_WORDS = 1.0
WORDS_MARGIN = 3.0  # and three times as strongly where only its words say so;
SHORT_GRAMS = 20  # a line shorter than a sentence needs twice as much
MIN_GRAMS = 8  # shorter passages say too little about their article


def rejoin_moved(
    uf: UnionFind, subs: dict[str, list[tuple[int, int]]], moved: dict[str, set]
) -> None:
    """A passage one version moved into another article is cut off on both sides; it goes
    back to where the other version prints it, as the tail of its own article.

    The side that holds the passage inside another article (a part sandwiched between two
    parts of one article) is the one that moved it.
    """
    order = {s: list(dict.fromkeys(keys)) for s, keys in subs.items()}
    members: dict[object, list[tuple[str, int]]] = defaultdict(list)
    for s, keys in order.items():
        for idx, key in enumerate(keys):
            members[uf.find((s, key))].append((s, idx))
    for group in list(members.values()):
        # Only passages cut off on every side, at least once by a jump backwards (or, when
        # the version jumped forwards to reach them, by the jump back right after them).
        if any(order[s][idx][1] == 0 for s, idx in group) or not any(
            order[s][idx] in moved[s] or _jumped_over(uf, s, order[s], idx, moved[s])
            for s, idx in group
        ):
            continue
        homes = []
        for s, idx in group:
            keys = order[s]
            prev = keys[idx - 1] if idx > 0 else None
            nxt = keys[idx + 1] if idx + 1 < len(keys) else None
            if prev is None or prev[0] != keys[idx][0]:
                continue
            inside = (
                nxt is not None and nxt[0] == prev[0] and uf.find((s, nxt)) == uf.find((s, prev))
            )
            if not inside:
                homes.append((s, prev))
        if len({s for s, _ in homes}) == 1:
            uf.union(homes[0], (group[0][0], order[group[0][0]][group[0][1]]))


def _jumped_over(uf: UnionFind, s: str, keys: list, idx: int, moved: set) -> bool:
    """Part ``idx`` sits inside one article of its fragment, resumed after it by a jump back."""
    if not 0 < idx < len(keys) - 1:
        return False
    prev, cur, nxt = keys[idx - 1], keys[idx], keys[idx + 1]
    return prev[0] == cur[0] == nxt[0] and nxt in moved and uf.find((s, prev)) == uf.find((s, nxt))


def rejoin_untitled(
    uf: UnionFind,
    sides: dict[str, Side],
    subs: dict[str, list[tuple[int, int]]],
    partner: dict[str, dict[int, int]],
) -> None:
    """A part cut off its fragment whose group has no title in either version but body text
    both print (sentences, not title-like lines that may head a story of their own) is the
    rest of the article its version prints it in: it joins the part before it in the same
    fragment."""
    titled: set[object] = set()
    body: set[object] = set()
    for s, side in sides.items():
        for i, p in enumerate(side.pieces):
            group = uf.find((s, subs[s][i]))
            other = sides["b" if s == "a" else "a"]
            j = partner[s].get(i)
            if p.role in ("title", "subtitle") or (
                j is not None and other.pieces[j].role in ("title", "subtitle")
            ):
                titled.add(group)  # a heading here, or a line the other version heads with
            elif p.role == "paragraph" and p.size >= 20 and not p.weak_end and i in partner[s]:
                body.add(group)
    for s in ("a", "b"):
        keys = list(dict.fromkeys(subs[s]))
        for prev, cur in itertools.pairwise(keys):
            if cur[0] != prev[0] or cur[1] == 0:
                continue
            group = uf.find((s, cur))
            if group in titled or group not in body or uf.find((s, prev)) not in titled:
                continue
            uf.union((s, prev), (s, cur))


def absorb_leftovers(
    sides: dict[str, Side],
    partner: dict[str, dict[int, int]],
    roots: dict[str, list],
    moved: dict[str, set[int]],
) -> None:
    """An article left with only one version's text and no title (what stayed behind when a
    passage moved out of a part cut off its fragment) is the rest of the article that
    version prints just before it in the same fragment."""
    shared: set[Hashable] = set()
    members: dict[Hashable, list[tuple[str, int]]] = defaultdict(list)
    for s, side in sides.items():
        for i, p in enumerate(side.pieces):
            if i in partner[s] or p.role in ("title", "subtitle"):
                shared.add(roots[s][i])
            members[roots[s][i]].append((s, i))
    for root, ms in members.items():
        if root in shared or len({s for s, _ in ms}) != 1:
            continue
        s = ms[0][0]
        side = sides[s]
        # A byline or dateline opens a story of its own: only what comes before one goes.
        idx = sorted(i for _, i in ms)
        opens = [k for k, i in enumerate(idx) if side.pieces[i].role == "byline"]
        idx = idx[: opens[0]] if opens else idx
        if not idx:
            continue
        first, frag = idx[0], side.pieces[idx[0]].frag
        if any(side.pieces[i].frag != frag for i in idx):
            continue
        before = first - 1
        while before >= 0 and before in moved[s]:
            before -= 1  # what moved here from elsewhere says nothing of this place
        if before < 0 or side.pieces[before].frag != frag:
            continue
        home = roots[s][before]
        for i in idx:
            roots[s][i] = home


def _paragraphs(side: Side, skip: set[int]) -> list[int]:
    return [i for i, p in enumerate(side.pieces) if is_text(p) and i not in skip]


def relocate(
    sides: dict[str, Side],
    partner: dict[str, dict[int, int]],
    roots: dict[str, list[Hashable]],
    skip: dict[str, set[int]],
) -> dict[str, set[int]]:
    """Move disputed runs of paragraphs (``roots`` is updated in place); returns the moved
    pieces per side. ``sides`` has keys "a" and "b"; ``skip`` holds duplicates."""
    other = {"a": "b", "b": "a"}
    bags = WordBags(
        sides, roots, skip, partner
    )  # a duplicate's words say nothing of where it belongs
    paras = {s: _paragraphs(sides[s], skip[s]) for s in sides}
    rank = {s: {i: k for k, i in enumerate(paras[s])} for s in sides}
    moved: dict[str, set[int]] = {"a": set(), "b": set()}
    for s in ("a", "b"):
        o, side, ps = other[s], sides[s], paras[s]
        for k, e in _runs(ps, partner[s], rank[o], roots[s], sides[o]):
            run, prev, nxt = ps[k : e + 1], ps[k - 1], ps[e + 1]
            host, paired = roots[s][run[0]], run[0] in partner[s]
            if any(i in moved[s] for i in run):
                continue  # settled once, from the other version
            frag = side.pieces[run[0]].frag
            near = [x for x in (prev, nxt) if side.pieces[x].frag == frag]
            floor, margin = MIN_PRINTED, MARGIN
            ctx: list[tuple[Hashable, list[int]]] = []
            if paired:
                # In its article here; the other version prints it in another one. One of
                # the two holds it inside an article (not where one ends and one begins).
                mine = [roots[s][x] for x in near]
                ctx = _other_context(
                    sides[o], paras[o], rank[o], roots[o], partner[s], run, partner[o]
                )
                theirs = [r for r, _ in ctx]
                if host not in mine or host in theirs:
                    continue
                inside = mine == [host, host] or (len(theirs) == 2 and theirs[0] == theirs[1])
                if not inside:
                    if _under_title(side, run[0], roots[s]):
                        continue  # the first text under its own heading: it opens the story
                    # At an article's edge in both versions: only words can tell.
                    floor, margin = MIN_WORDS, WORDS_MARGIN
                cands = set(theirs)
            elif len(near) < 2:
                continue
            elif roots[s][prev] != roots[s][nxt]:
                # One-sided text where one article ends and another begins, with no break.
                cands = {roots[s][prev], roots[s][nxt]}
            elif roots[s][prev] != host or not _hole(prev, nxt, partner[s], rank[o]):
                continue
            else:
                # The other version prints the article on without it: it may print the
                # text itself elsewhere, one-sided too; else only words can tell.
                twin = _twin(sides, s, run, paras[o], partner[o], roots[o])
                if twin is not None and twin != host:
                    _move(bags, roots, moved, [(s, i) for i in run], host, twin)
                    continue
                cands, floor, margin = set(bags.count), MIN_WORDS, WORDS_MARGIN
                if sum(len(bags.grams.get((s, i), ())) for i in run) < SHORT_GRAMS:
                    floor *= 2
            cands.discard(host)
            if not cands:
                continue
            members = [(s, i) for i in run] + [(o, partner[s][i]) for i in run if paired]
            if sum(len(bags.grams.get(m, ())) for m in members[: len(run)]) < MIN_GRAMS:
                continue
            shadow = [(s, i) for i in _one_sided_around(ps, k, e, partner[s], roots[s])]
            between = [(r, [(o, j) for j in js if roots[o][j] == host]) for r, js in ctx]
            shadow += [m for _, ms in between for m in ms]
            got = bags.scores(members, roots, cands | {host}, shadow)
            best = max(cands, key=lambda c: (got[c], repr(c)))
            base, top = got[host], got[best]
            if top >= floor and top >= margin * base:
                # One-sided text between the partners and the new article goes along.
                members += [m for r, ms in between if r == best for m in ms]
                _move(bags, roots, moved, members, host, best)
    return moved


def _runs(
    ps: list[int], partner: dict[int, int], rank_o: dict[int, int], roots: list, other: Side
) -> list[tuple[int, int]]:
    """(first, last) positions in ``ps`` of runs with a paragraph on either side: consecutive
    paragraphs of one article, all one-sided or all paired with consecutive paragraphs of
    one fragment of the other version."""
    out = []
    k = 1
    while k < len(ps) - 1:
        paired = ps[k] in partner
        e = k
        while e + 1 < len(ps) - 1:
            cur, nxt = ps[e], ps[e + 1]
            if (nxt in partner) != paired or roots[nxt] != roots[cur]:
                break
            if paired and (
                rank_o.get(partner[nxt], -9) != rank_o.get(partner[cur], -9) + 1
                or other.pieces[partner[nxt]].frag != other.pieces[partner[cur]].frag
            ):
                break
            e += 1
        out.append((k, e))
        k = e + 1
    return out


def _one_sided_around(ps: list[int], k: int, e: int, partner: dict[int, int], roots: list):
    """One-sided paragraphs of the run's article right before and after it."""
    host = roots[ps[k]]
    out = []
    for step, at in ((-1, k - 1), (1, e + 1)):
        while 0 <= at < len(ps) and ps[at] not in partner and roots[ps[at]] == host:
            out.append(ps[at])
            at += step
    return out


def _move(bags: WordBags, roots: dict, moved: dict, members: list, old, new) -> None:
    bags.move(members, old, new)
    for s, i in members:
        roots[s][i] = new
        moved[s].add(i)


def _twin(
    sides: dict[str, Side], s: str, run: list[int], paras_o: list[int], partner_o: dict, roots_o
) -> Hashable | None:
    """The article of a one-sided paragraph of the other version that reads as the run."""
    side, other = sides[s], sides["b" if s == "a" else "a"]
    text = "".join(side.stream[side.pieces[i].start : side.pieces[i].end] for i in run)
    for j in paras_o:
        q = other.pieces[j]
        near = j not in partner_o and abs(q.size - len(text)) <= 2
        if near and fuzz.ratio(text, other.stream[q.start : q.end]) >= 90:
            return roots_o[j]
    return None


def _under_title(side: Side, i: int, roots: list) -> bool:
    """Piece ``i`` is printed right under a title of its own article (bylines, datelines
    and decks between), in the same fragment."""
    k = i - 1
    pieces = side.pieces
    while k >= 0 and pieces[k].frag == pieces[i].frag and pieces[k].role in ("subtitle", "byline"):
        k -= 1
    return (
        k >= 0
        and pieces[k].frag == pieces[i].frag
        and pieces[k].role == "title"
        and roots[k] == roots[i]
    )


def _hole(prev: int, nxt: int, partner: dict[int, int], rank_o: dict[int, int]) -> bool:
    if prev not in partner or nxt not in partner:
        return False
    rp, rn = rank_o.get(partner[prev]), rank_o.get(partner[nxt])
    return rp is not None and rn is not None and rn == rp + 1


def _other_context(
    side: Side,
    paras: list[int],
    rank: dict[int, int],
    roots: list,
    partner: dict[int, int],
    run: list[int],
    paired: dict[int, int],
) -> list[tuple[Hashable, list[int]]]:
    """Articles of the nearest paired paragraphs the other version prints before and after
    the run's partners, in the same fragment, each with the one-sided paragraphs passed on
    the way (as doubtful as the run)."""
    mine = sorted(rank[partner[i]] for i in run if partner[i] in rank)
    if not mine:
        return []
    out = []
    for edge, step in ((mine[0], -1), (mine[-1], 1)):
        frag = side.pieces[paras[edge]].frag
        at, passed = edge + step, []
        while 0 <= at < len(paras) and side.pieces[paras[at]].frag == frag:
            if paras[at] in paired:
                out.append((roots[paras[at]], passed))
                break
            passed.append(paras[at])
            at += step
    return out
