"""The engine's front door: two sources in, one Alignment out.

read → normalize → segment → align (anchors, reconcile, pair) → articles → diff
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from reviewer.core.engine.align import align_streams
from reviewer.core.engine.articles import Draft, build_articles
from reviewer.core.engine.diff import diff_units
from reviewer.core.engine.headlines import match_heads
from reviewer.core.engine.normalize import normalize
from reviewer.core.engine.read import check_paragraphs, read_source
from reviewer.core.engine.segment import segment_page
from reviewer.core.engine.sides import Side
from reviewer.core.engine.suggest import suggest_alignment
from reviewer.core.model import Alignment, Article, Conflict, Source, Unit, content_id
from reviewer.core.text import canon

Progress = Callable[[str, float], None]


def _side(source: Source) -> tuple[Source, Side]:
    layout, paras = normalize(source.text)
    check_paragraphs(source, len(paras))  # before the per-paragraph stages: ReadError
    frags, titles_after = segment_page(paras, layout)
    side = Side(
        [b for f in frags for b in f.blocks],
        reliable_breaks=layout != "wrapped",
        strong_frags={f.index for f in frags if f.strong},
        titles_after=titles_after,
        candidate_frags={f.index for f in frags if f.candidate},
    )
    return replace(source, layout=layout), side


def _reading(u: Unit, primary: str) -> str:
    """The reading of the version the engine ran first (the one with reliable paragraph
    breaks), whichever side is LEFT, so a swap never changes a title."""
    first = u.left if primary == "left" else u.right
    other = u.right if primary == "left" else u.left
    return first if first is not None else (other or "")


def _title_of(units: list[Unit], primary: str) -> str:
    for u in units:
        if u.role == "title":
            return _reading(u, primary)
    # No title: the first words of the body (a photo credit only when there is no body).
    body = [u for u in units if u.role == "paragraph"] or [u for u in units if u.role == "caption"]
    if not body:
        return "（无标题）"
    text = _reading(body[0], primary)
    cut = min((i for i, ch in enumerate(text) if ch in "，。；：！？"), default=len(text))
    head = text[: min(cut, 24)]
    return head + ("…" if len(head) < len(text) else "")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The engine allocates millions of short-lived, acyclic objects while its live data
    grows: the cyclic collector would scan that data again and again (~15 % of the time
    on a 1 MB pair). It runs as usual once the alignment is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def align_sources(left: Source, right: Source, progress: Progress | None = None) -> Alignment:
    """Align two already-read sources."""
    with _collector_paused():
        return _align(left, right, progress)


def _align(left: Source, right: Source, progress: Progress | None) -> Alignment:
    report = progress or (lambda stage, frac: None)
    t0 = time.perf_counter()
    report("normalising", 0.05)
    left, a = _side(left)
    right, b = _side(right)
    report("aligning", 0.2)
    # The engine is not symmetric in its tie-breaks, so it always runs in one canonical
    # orientation (the version with reliable paragraph breaks first) and the result is
    # mirrored back: swapping LEFT and RIGHT then mirrors the result exactly.
    flip = (not b.reliable_breaks, b.stream) < (not a.reliable_breaks, a.stream)
    if flip:
        a, b = b, a
    match_heads(a, b)
    _runs, pairs = align_streams(a, b)
    drafts = build_articles(a, b, pairs)
    if flip:
        a, b = b, a
        for art in drafts:
            for d in art:
                d.a, d.b = d.b, d.a
                if d.dup_of is not None:
                    d.dup_of = ("b" if d.dup_of[0] == "a" else "a", d.dup_of[1])
    report("comparing", 0.5)

    texts_a = [a.text(p) for p in a.pieces]
    texts_b = [b.text(p) for p in b.pieces]
    seen: Counter[tuple] = Counter()
    conflict_seen: Counter[tuple] = Counter()
    unit_ids: dict[tuple[str, int], str] = {}
    total = sum(len(d) for d in drafts) or 1
    done = 0
    built: list[list[tuple[Draft, Unit]]] = []
    for art in drafts:
        units: list[tuple[Draft, Unit]] = []
        for d in art:
            lt = texts_a[d.a] if d.a is not None else None
            rt = texts_b[d.b] if d.b is not None else None
            ltext, rtext = (lt[0] if lt else None), (rt[0] if rt else None)
            key = (d.role, canon(ltext) if ltext else None, canon(rtext) if rtext else None)
            seen[key] += 1
            uid = content_id("u", *key, seen[key])
            conflicts: list[Conflict] = []
            if ltext is not None and rtext is not None:
                for e in diff_units(ltext, rtext):
                    cl = ltext[e.left_start : e.left_end]
                    cr = rtext[e.right_start : e.right_end]
                    ctx = (ltext[max(0, e.left_start - 6) : e.left_start], ltext[e.left_end :][:6])
                    ckey = (cl, cr, *ctx)
                    conflict_seen[ckey] += 1
                    cid = content_id("c", *ckey, conflict_seen[ckey])
                    conflicts.append(
                        Conflict(cid, cl, cr, e.left_start, e.left_end, e.right_start, e.right_end)
                    )
            unit = Unit(
                id=uid,
                role=d.role,
                left=ltext,
                right=rtext,
                conflicts=tuple(conflicts),
                left_raw=lt[1] if lt else None,
                right_raw=rt[1] if rt else None,
            )
            if d.a is not None:
                unit_ids[("a", d.a)] = uid
            if d.b is not None:
                unit_ids[("b", d.b)] = uid
            units.append((d, unit))
            done += 1
            if done % 200 == 0:
                report("comparing", 0.5 + 0.45 * done / total)
        built.append(units)

    articles: list[Article] = []
    for units in built:
        final = [
            replace(u, duplicate_of=unit_ids.get(d.dup_of)) if d.dup_of is not None else u
            for d, u in units
        ]
        title = _title_of(final, "right" if flip else "left")
        aid = content_id("a", title, final[0].id if final else "")
        articles.append(Article(aid, title, tuple(final)))
    aligned = suggest_alignment(Alignment(left, right, tuple(articles)))
    report("done", 1.0)
    return replace(aligned, stats={"align_ms": (time.perf_counter() - t0) * 1000})


def align_files(
    left_path: str | Path, right_path: str | Path, progress: Progress | None = None
) -> Alignment:
    """Read both files (ReadError on bad input) and align them."""
    return align_sources(read_source(left_path), read_source(right_path), progress)
