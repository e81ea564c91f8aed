"""The alignment a perfect engine would give for a generated page, built from its gold.

Used to check the scorer: scoring the oracle must give 1.0 on every figure. One unit per
gold passage (paired where both versions have it), one conflict per gold variant, one
article per gold article; page-level noise (editor credits) goes in an article of its own.
"""

from __future__ import annotations

from reviewer.core.model import Alignment, Article, Conflict, Source, Unit
from reviewer.dev.gold import GoldPassage, PagePair


def _keyed(raw: str, span: tuple[int, int]) -> tuple[str, list[int]]:
    """The span's text without whitespace, with the raw offset of each kept character."""
    chars, offs = [], []
    for i in range(*span):
        if not raw[i].isspace():
            chars.append(raw[i])
            offs.append(i)
    return "".join(chars), offs


def _at(offs: list[int], raw_pos: int) -> int:
    """Index in the keyed text of the first character at or after ``raw_pos``."""
    return next((k for k, o in enumerate(offs) if o >= raw_pos), len(offs))


def _unit(page: PagePair, p: GoldPassage) -> Unit:
    texts: dict[str, tuple[str, list[int]] | None] = {}
    for side, raw in (("left", page.left), ("right", page.right)):
        span = p.span(side)
        texts[side] = _keyed(raw, span) if span is not None else None
    conflicts = []
    lt, rt = texts["left"], texts["right"]
    if lt is not None and rt is not None:
        for v in page.variants:
            if v.passage != p.id:
                continue
            ls, le = _at(lt[1], v.left_span[0]), _at(lt[1], v.left_span[1])
            rs, re_ = _at(rt[1], v.right_span[0]), _at(rt[1], v.right_span[1])
            conflicts.append(Conflict(v.id, lt[0][ls:le], rt[0][rs:re_], ls, le, rs, re_))
    return Unit(
        id=f"u-{p.id}",
        role=p.role,
        left=lt[0] if lt else None,
        right=rt[0] if rt else None,
        duplicate_of=f"u-{p.duplicate_of}" if p.duplicate_of else None,
        conflicts=tuple(conflicts),
        left_raw=p.left,
        right_raw=p.right,
    )


def oracle(page: PagePair) -> Alignment:
    articles = []
    for g in page.articles:
        units = tuple(_unit(page, page.passage(pid)) for pid in g.passages)
        articles.append(Article(f"a-{g.id}", g.title, units))
    loose = tuple(_unit(page, p) for p in page.passages if p.article is None)
    if loose:
        articles.append(Article("a-noise", "", loose))
    return Alignment(Source("web", "", page.left), Source("pdf", "", page.right), tuple(articles))
