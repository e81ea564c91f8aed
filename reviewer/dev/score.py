"""Scoring one alignment against the exact gold of its page, by raw offsets.

Every gold passage is matched to the engine's units through the raw characters they share
(``Unit.left_raw``/``right_raw`` against the gold spans), never by fuzzy text. Each check
gives a list of :class:`Outcome` (one per gold item: passed or not, with the reason and
the failure class), so figures can be broken down and failures listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reviewer.core.model import Alignment, Unit
from reviewer.dev.gold import IGNORED_KINDS, GoldArticle, GoldPassage, PagePair

SIDES = ("left", "right")
MOSTLY = 0.9  # share of a passage's characters that must sit in one unit
LENGTH_SLACK = 12  # a conflict may be this many chars longer than its variant, per side


@dataclass(frozen=True)
class Outcome:
    check: str  # "articles_whole" | "titles_right" | ...
    item: str  # gold id
    ok: bool
    classes: tuple[str, ...]  # failure classes this item belongs to (tags, kinds)
    why: str = ""


def squash(text: str | None) -> str:
    return "".join((text or "").split())


class Index:
    """Which unit holds each raw character of each side, and each unit's article."""

    def __init__(self, page: PagePair, al: Alignment) -> None:
        self.page = page
        self.units: list[Unit] = []
        self.article_of: list[int] = []
        self.raw = {"left": page.left, "right": page.right}
        self.owner: dict[str, list[int]] = {s: [-1] * len(self.raw[s]) for s in SIDES}
        self.hits: dict[str, list[int]] = {s: [0] * len(self.raw[s]) for s in SIDES}
        for ai, art in enumerate(al.articles):
            for u in art.units:
                k = len(self.units)
                self.units.append(u)
                self.article_of.append(ai)
                for side in SIDES:
                    span = u.raw(side)
                    if span is None:
                        continue
                    for i in range(max(0, span[0]), min(span[1], len(self.raw[side]))):
                        self.owner[side][i] = k
                        self.hits[side][i] += 1
        self.titles = [squash(a.title) for a in al.articles]

    def chars(self, side: str, span: tuple[int, int]) -> list[int]:
        text = self.raw[side]
        return [i for i in range(*span) if not text[i].isspace() and text[i] != "#"]

    def main_unit(self, side: str, span: tuple[int, int]) -> tuple[int, float]:
        """The unit holding most of the span's characters, and the share it holds."""
        pos = self.chars(side, span)
        if not pos:
            return -1, 0.0
        k, n = Counter(self.owner[side][i] for i in pos).most_common(1)[0]
        return k, n / len(pos)

    def point_unit(self, side: str, span: tuple[int, int], within: tuple[int, int]) -> int:
        """The unit at a variant position (an empty span: the char before it, else after)."""
        text = self.raw[side]
        if span[1] > span[0]:
            return self.main_unit(side, span)[0]
        for i in range(span[0] - 1, within[0] - 1, -1):
            if not text[i].isspace():
                return self.owner[side][i]
        for i in range(span[0], within[1]):
            if not text[i].isspace():
                return self.owner[side][i]
        return -1


def _content(p: GoldPassage) -> bool:
    return p.kind not in IGNORED_KINDS


def _article_share(ix: Index, p: GoldPassage) -> Counter[int]:
    """Characters of passage ``p`` per output article, both sides."""
    c: Counter[int] = Counter()
    for side in SIDES:
        span = p.span(side)
        if span is not None:
            for i in ix.chars(side, span):
                k = ix.owner[side][i]
                c[ix.article_of[k] if k >= 0 else -1] += 1
    return c


def home_article(ix: Index, g: GoldArticle) -> int:
    """The output article holding most of a gold article's characters (-1: none)."""
    c: Counter[int] = Counter()
    for pid in g.passages:
        p = ix.page.passage(pid)
        if _content(p):
            c.update(_article_share(ix, p))
    c.pop(-1, None)
    return c.most_common(1)[0][0] if c else -1


def articles_whole(ix: Index) -> list[Outcome]:
    out = []
    content = [p for p in ix.page.passages if _content(p) and p.article]
    for g in ix.page.articles:
        mine = [p for p in content if p.article == g.id]
        if len(mine) < 2:
            continue
        homes = {}
        for p in mine:
            share = _article_share(ix, p)
            homes[p.id] = share.most_common(1)[0][0] if share else -1
        arts = set(homes.values())
        why = ""
        if len(arts) > 1 or -1 in arts:
            where = Counter(homes.values())
            why = f"split over output articles {dict(where)}"
        else:
            (home,) = arts
            intruders = []
            for q in content:
                if q.article == g.id:
                    continue
                share = _article_share(ix, q)
                total = sum(share.values())
                if total and share[home] / total > 0.5:
                    intruders.append(q)
            if intruders:
                others = sorted({q.article or "" for q in intruders})
                first = squash(intruders[0].left_text or intruders[0].right_text)[:16]
                why = f"output article {home} also holds {', '.join(others)} ({first}…)"
        out.append(Outcome("articles_whole", g.id, not why, g.tags, why))
    return out


def titles_right(ix: Index) -> list[Outcome]:
    out = []
    for g in ix.page.articles:
        if not g.title:
            continue
        home = home_article(ix, g)
        got = ix.titles[home] if home >= 0 else ""
        why = "" if got == g.title else f"title {got[:24]!r}, gold {g.title[:24]!r}"
        out.append(Outcome("titles_right", g.id, not why, g.tags, why))
    return out


def passages_paired(ix: Index) -> list[Outcome]:
    out = []
    for p in ix.page.passages:
        if p.left is None or p.right is None:
            continue
        (lk, lf), (rk, rf) = ix.main_unit("left", p.left), ix.main_unit("right", p.right)
        why = ""
        if lk != rk:
            why = "left and right in different units"
        elif lf < MOSTLY or rf < MOSTLY:
            why = f"split over units ({lf:.0%} / {rf:.0%} in the main one)"
        if why:
            why = f"{why}: {squash(p.left_text)[:20]}…"
        out.append(Outcome("passages_paired", p.id, not why, classes(ix, p), why))
    return out


def classes(ix: Index, p: GoldPassage) -> tuple[str, ...]:
    """The passage's kind and, where the issue names a finer shape, that shape."""
    text = squash(p.left_text or p.right_text)
    out = [p.kind]
    if p.kind == "title":
        if 8 <= len(text) <= 11:
            out.append("title-8-11-chars")
        if "——" in text:
            out.append("title-with-dash")
        if p.right is not None and "\n" in ix.raw["right"][p.right[0] : p.right[1]]:
            out.append("title-wrapped-in-pdf")
    elif p.kind == "dateline":
        head = next((h for h in ("据新华社", "本报讯") if text.startswith(h)), text[:2])
        out.append(f"dateline-{head}")
    elif p.kind == "continuation":
        out.append(f"continuation-{text[1:3]}")
    elif p.kind == "author" and " " in (p.left_text or p.right_text or "").strip():
        out.append("author-names-spaced")
    return tuple(out)


def _text_to_raw(ix: Index, u: Unit, side: str) -> list[int]:
    """Raw offset of each character of the unit's text (-1 where it cannot be placed)."""
    text, span = u.text(side) or "", u.raw(side)
    if span is None:
        return [-1] * len(text)
    raw = ix.raw[side]
    out = []
    j = span[0]
    for ch in text:
        if ch.isspace():
            out.append(out[-1] if out else span[0])
            continue
        k = j
        while k < span[1] and raw[k] != ch:
            k += 1
        if k < span[1]:
            out.append(k)
            j = k + 1
        else:
            out.append(-1)
    return out


def _conflict_range(
    offs: list[int], start: int, end: int, span: tuple[int, int]
) -> tuple[int, int]:
    placed = [o for o in offs[start:end] if o >= 0]
    if placed:
        return min(placed), max(placed) + 1
    before = [o for o in offs[:start] if o >= 0]
    at = before[-1] + 1 if before else span[0]
    return at, at


def _touch(a: tuple[int, int], b: tuple[int, int], raw: str) -> bool:
    """Do two raw ranges overlap or meet (layout and a shifted repeat of 2 chars aside)?

    A diff may place an insertion one repeated character earlier or later ("变[。X]。" is
    "变。[X。]"), so ranges up to two characters apart still meet.
    """
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    if lo[1] > hi[0]:
        return True
    return len(squash(raw[lo[1] : hi[0]])) <= 2


def differences_found(ix: Index) -> list[Outcome]:
    out = []
    for v in ix.page.variants:
        p = ix.page.passage(v.passage)
        assert p.left is not None and p.right is not None
        lk = ix.point_unit("left", v.left_span, p.left)
        rk = ix.point_unit("right", v.right_span, p.right)
        why = ""
        if lk < 0 or lk != rk:
            why = "the two readings are not in one paired unit"
        else:
            u = ix.units[lk]
            hits = []
            offs = {s: _text_to_raw(ix, u, s) for s in SIDES}
            for c in u.conflicts:
                rng = {
                    "left": _conflict_range(offs["left"], c.left_start, c.left_end, u.left_raw),
                    "right": _conflict_range(
                        offs["right"], c.right_start, c.right_end, u.right_raw
                    ),
                }
                if all(_touch(rng[s], v.span(s), ix.raw[s]) for s in SIDES):
                    hits.append(c)
            if not hits:
                why = f"no conflict in the unit ({len(u.conflicts)} elsewhere)"
            elif len(hits) > 1:
                why = f"split over {len(hits)} conflicts"
            else:
                c = hits[0]
                wide = any(
                    len(squash(getattr(c, s))) > len(squash(v.text(s))) + LENGTH_SLACK
                    for s in SIDES
                )
                if wide:
                    why = f"conflict too wide ({squash(c.left)[:12]!r} / {squash(c.right)[:12]!r})"
        label = f"{v.kind}/{v.damaged}: {squash(v.left)[:12]!r}→{squash(v.right)[:12]!r}"
        out.append(
            Outcome("differences_found", v.id, not why, (v.kind,), f"{why}: {label}" if why else "")
        )
    return out


def layout_conflicts(al: Alignment) -> list[str]:
    """Conflicts whose two readings are equal once whitespace is removed."""
    return [
        f"{c.left!r} / {c.right!r}"
        for a in al.articles
        for u in a.units
        for c in u.conflicts
        if squash(c.left) == squash(c.right)
    ]


def coverage_problems(ix: Index) -> list[str]:
    """Non-whitespace raw characters in no unit or in several (markdown markers aside)."""
    out = []
    for side in SIDES:
        raw = ix.raw[side]
        lost = [
            i
            for i, ch in enumerate(raw)
            if not ch.isspace() and ch != "#" and ix.hits[side][i] == 0
        ]
        double = [i for i, ch in enumerate(raw) if not ch.isspace() and ix.hits[side][i] > 1]
        if lost:
            out.append(
                f"{side}: {len(lost)} chars in no unit, first {raw[lost[0] : lost[0] + 12]!r}"
            )
        if double:
            out.append(
                f"{side}: {len(double)} chars in several units, "
                f"first {raw[double[0] : double[0] + 12]!r}"
            )
    return out


def duplicates_apart(ix: Index) -> list[Outcome]:
    """A duplicate copy stays one-sided; the original is the one paired."""
    out = []
    for p in ix.page.passages:
        if p.duplicate_of is None or p.left is None:
            continue
        orig = ix.page.passage(p.duplicate_of)
        k, _ = ix.main_unit("left", p.left)
        why = ""
        if k >= 0 and ix.units[k].left is not None and ix.units[k].right is not None:
            why = "the copy is paired with the other version"
        elif orig.left is not None and orig.right is not None:
            ok, _ = ix.main_unit("left", orig.left)
            if ok < 0 or ix.units[ok].right is None:
                why = "the original is left one-sided"
        out.append(Outcome("duplicates_apart", p.id, not why, ("duplicate",), why))
    return out


def roles_right(ix: Index) -> list[Outcome]:
    out = []
    for p in ix.page.passages:
        side = "left" if p.left is not None else "right"
        span = p.span(side)
        assert span is not None
        k, _ = ix.main_unit(side, span)
        got = ix.units[k].role if k >= 0 else "none"
        why = "" if got == p.role else f"role {got}, gold {p.role}: {squash(p.text(side))[:16]}…"
        out.append(Outcome("roles_right", p.id, not why, classes(ix, p), why))
    return out


def title_symmetry(ix: Index, swapped: Alignment) -> list[Outcome]:
    """The same article titles with LEFT and RIGHT swapped."""
    mirror = PagePair(ix.page.split, ix.page.index, ix.page.right, ix.page.left, ix.page.articles,
                      tuple(_swap(p) for p in ix.page.passages), ())  # fmt: skip
    ix2 = Index(mirror, swapped)
    out = []
    for g in ix.page.articles:
        h1, h2 = home_article(ix, g), home_article(ix2, g)
        t1 = ix.titles[h1] if h1 >= 0 else ""
        t2 = ix2.titles[h2] if h2 >= 0 else ""
        why = "" if t1 == t2 else f"{t1[:20]!r} swapped gives {t2[:20]!r}"
        out.append(Outcome("titles_symmetric", g.id, not why, g.tags, why))
    return out


def _swap(p: GoldPassage) -> GoldPassage:
    return GoldPassage(p.id, p.article, p.kind, p.role, p.right_text, p.left_text, p.right, p.left,
                       p.duplicate_of)  # fmt: skip
