"""The web/markdown version of a page: headings, blank-line paragraphs and the web's damage."""

from __future__ import annotations

import random

from reviewer.dev import corpus, damage
from reviewer.dev.layout import Builder, Segment, broken, plain
from reviewer.dev.plan import Article, Ids

_CN_PAGES = "一二三四五六七八九十"


def add_noise(rng: random.Random, ids: Ids, arts: list[Article]) -> None:
    """Continuation markers, editor credits, broken sentences, missing headings."""
    for a in arts:
        if not a.in_left:
            continue
        if rng.random() < 0.12:
            page = rng.choice(_CN_PAGES)
            a.web_noise["up"] = ids.new(a.id, "continuation", f"（上接第{page}版）", None)
            a.tags.add("web-continued")
        if len(a.paras) > 3 and rng.random() < 0.1:
            page = rng.choice(_CN_PAGES)
            a.web_noise["down"] = ids.new(a.id, "continuation", f"（下转第{page}版）", None)
            a.down_after = rng.randrange(1, len(a.paras) - 1)
        if rng.random() < 0.12:
            name = rng.choice(corpus.names())
            a.web_noise["editor"] = ids.new(a.id, "editor", f"（责任编辑：{name}）", None)
        if a.in_right and rng.random() < 0.13:
            a.tags.add("web-no-heading")
            a.title.r.left = None
        for p in a.paras:
            text = p.r.left
            if text and len(text) > 40 and not p.r.variants and rng.random() < 0.07:
                cut = damage.break_point(rng, text)
                if cut is not None:
                    a.broken_at[p.id] = cut
                    a.tags.add("web-broken-sentence")


def _blocks(rng: random.Random, a: Article) -> list[tuple[str, list[Segment], str]]:
    """The web version of one article: (style, segments, prefix) blocks in order."""
    blocks: list[tuple[str, list[Segment], str]] = []
    hashes = "#" if rng.random() < 0.75 else "##"
    head = [p for p in a.head if p.r.left is not None]
    decks = [p for p in head if p.kind == "deck"]
    if decks and a.title.r.left is not None and rng.random() < 0.25:
        decks[0].kind = "kicker"
        a.tags.add("web-kicker")
        blocks.append(("line", [(decks[0].id, decks[0].r.left)], "## "))
        head.remove(decks[0])
    if a.title.r.left is not None:
        blocks.append(("line", [(a.title.id, a.title.r.left)], hashes + " "))
    for p in head:
        if p.kind == "deck":
            style = "## " if hashes == "#" and rng.random() < 0.5 else ""
            a.tags.add("web-deck-h2" if style else "web-deck-plain")
            blocks.append(("line", [(p.id, p.r.left)], style))
        else:
            blocks.append(("line", [(p.id, p.r.left)], ""))
    if "up" in a.web_noise:
        p = a.web_noise["up"]
        blocks.append(("line", [(p.id, p.r.left)], ""))
    for k, p in enumerate(a.paras):
        segs: list[Segment] = []
        if k == 0 and a.dateline is not None and a.dateline.r.left is not None:
            segs.append((a.dateline.id, a.dateline.r.left))
        if p.r.left is not None:
            segs.append((p.id, p.r.left))
        if segs:
            cut = a.broken_at.get(p.id)
            if cut is not None:
                cut += len(segs[0][1]) if len(segs) == 2 else 0
            blocks.append(("broken" if cut is not None else "line", segs, str(cut or "")))
        if "down" in a.web_noise and k == a.down_after:
            q = a.web_noise["down"]
            blocks.append(("line", [(q.id, q.r.left)], ""))
    if a.closing is not None and a.closing.r.left is not None:
        blocks.append(("line", [(a.closing.id, a.closing.r.left)], ""))
    for p in a.captions:
        if p.r.left is not None:
            blocks.append(("line", [(p.id, p.r.left)], ""))
    if "editor" in a.web_noise:
        q = a.web_noise["editor"]
        blocks.append(("line", [(q.id, q.r.left)], ""))
    return blocks


def render(rng: random.Random, ids: Ids, arts: list[Article]) -> Builder:
    web = [a for a in arts if a.in_left]
    per = {a.id: _blocks(rng, a) for a in web}
    # an article's tail pasted into a later article (the sample's spliced passage)
    if len(web) >= 3 and rng.random() < 0.3:
        a, b = rng.sample([x for x in web if len(x.paras) >= 3], 2) if sum(
            len(x.paras) >= 3 for x in web) >= 2 else (None, None)  # fmt: skip
        if a is not None and b is not None:
            tail = [p for p in a.paras[-rng.randint(1, 2) :] if p.r.left is not None]
            if tail and len(tail) < len(a.paras):
                ids_tail = {p.id for p in tail}
                moved = [bl for bl in per[a.id] if bl[1][-1][0] in ids_tail]
                per[a.id] = [bl for bl in per[a.id] if bl[1][-1][0] not in ids_tail]
                spots = [
                    i for i, bl in enumerate(per[b.id]) if bl[1][-1][0] in {p.id for p in b.paras}
                ]
                at = spots[len(spots) // 2] + 1 if spots else len(per[b.id])
                per[b.id][at:at] = moved
                a.tags.add("web-tail-moved")
                b.tags.add("web-hosts-tail")
    # duplicated passages: a paragraph or its tail repeated later
    order = [a.id for a in web]
    for _ in range(rng.choice((0, 1, 1, 2))):
        src_art = rng.choice(web[:-1] or web)
        cands = [
            p
            for p in src_art.paras
            if p.r.left and not p.r.variants and p.id not in src_art.broken_at
        ]
        if not cands:
            continue
        orig = rng.choice(cands)
        text = orig.r.left if rng.random() < 0.5 else damage.clause_tail(rng, orig.r.left)
        copy = ids.new(src_art.id, "duplicate", text, None)
        copy.dup_of = orig.id
        host = rng.choice(order[order.index(src_art.id) :])
        at = len(per[host]) if rng.random() < 0.6 else len(per[host]) - 1
        per[host].insert(at, ("line", [(copy.id, text)], ""))
        src_art.tags.add("web-duplicated")
    out = Builder()
    out.add("\n\n")
    first = True
    for aid in order:
        for style, segs, prefix in per[aid]:
            if not first:
                out.add("\n\n")
            first = False
            if style == "broken":
                raw, index = broken(segs, int(prefix))
            else:
                raw, index = plain(segs, prefix)
            out.add(raw, index, segs)
    credits = [f"{k}版责编：{rng.choice(corpus.names())}" for k in "一二三"[: rng.randint(0, 3)]]
    credits += [f"版式设计：{rng.choice(corpus.names())}" for _ in range(rng.randint(0, 2))]
    for c in credits:
        p = ids.new(None, "editor", c, None)
        out.add("\n\n")
        out.add(c, list(range(len(c))), [(p.id, c)])
    out.add("\n")
    return out
