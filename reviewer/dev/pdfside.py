"""The PDF-extraction version of a page: wrapped columns, titles after bodies, lost breaks."""

from __future__ import annotations

import random

from reviewer.dev.layout import Builder, Segment, plain, wrapped
from reviewer.dev.plan import Article

Piece = tuple[str, list[int], list[Segment]]


def _title_lines(rng: random.Random, a: Article) -> Piece:
    """The title, wrapped over two lines now and then (never inside a ——)."""
    text = a.title.r.right or ""
    segs = [(a.title.id, text)]
    if len(text) >= 10 and rng.random() < 0.45:
        cuts = [
            i for i in range(len(text) // 3, 2 * len(text) // 3 + 1) if text[i - 1 : i + 1] != "——"
        ]
        if cuts:
            cut = rng.choice(cuts)
            a.tags.add("pdf-title-wrapped")
            index = list(range(cut)) + list(range(cut + 1, len(text) + 1))
            return text[:cut] + "\n" + text[cut:], index, segs
    raw, index = plain(segs)
    return raw, index, segs


def _title_block(rng: random.Random, a: Article, after: bool, author_up: bool) -> list[Piece]:
    """Title, deck, author and caption lines, one newline apart."""
    block = [_title_lines(rng, a)]
    for p in a.head:
        if p.r.right is None or (p.kind == "author" and not author_up):
            continue
        segs = [(p.id, p.r.right)]
        raw, index = plain(segs)
        block.append((raw, index, segs))
        if p.kind in ("deck", "kicker") and after:
            a.tags.add("pdf-deck-after-body")
        if p.kind == "author" and after:
            a.tags.add("pdf-title-then-byline")
    if after:
        block.extend(_captions(a))
    return block


def _captions(a: Article) -> list[Piece]:
    out = []
    for p in a.captions:
        if p.r.right is not None:
            segs = [(p.id, p.r.right)]
            raw, index = plain(segs, " " if len(p.r.right) > 30 else "")
            out.append((raw, index, segs))
    return out


def _body(rng: random.Random, a: Article, width: int, spacing: bool, author: bool) -> list[Piece]:
    """Each paragraph hard-wrapped, a blank line after every visual line."""
    out: list[Piece] = []
    for p in a.head:
        if author and p.kind == "author" and p.r.right is not None:
            segs = [(p.id, p.r.right)]
            out.append((*plain(segs), segs))
    indent = " " if rng.random() < 0.25 else ""
    for k, p in enumerate(a.paras + ([a.closing] if a.closing else [])):
        segs: list[Segment] = []
        if k == 0 and a.dateline is not None and a.dateline.r.right is not None:
            segs.append((a.dateline.id, a.dateline.r.right))
        if p.r.right is not None:
            segs.append((p.id, p.r.right))
        if not segs:
            continue
        raw, index = wrapped(rng, segs, width, spacing, indent if not out else "")
        if len(segs) == 2 and rng.random() < 0.5:  # "新华社北京 7 月 18 日电 工业和"
            at = index[len(segs[0][1])]
            raw = raw[:at] + " " + raw[at:]
            index = [i + (i >= at) for i in index]
        out.append((raw.rstrip("\n"), index, segs))
    return out


def render(rng: random.Random, arts: list[Article]) -> Builder:
    """All articles the PDF has, in its order, as one extracted text."""
    out = Builder()
    # A title printed right after another article's body always closes that body, as in
    # the sample: so a title comes before its body only at the top of the page or after
    # another article's title block (anything else could not be told apart, even by a
    # careful reader).
    afters: list[bool] = []
    for n in range(len(arts)):
        afters.append(rng.random() < 0.7 or (n > 0 and not afters[n - 1]))
    for n, a in enumerate(arts):
        width = rng.randint(14, 26)
        spacing = rng.random() < 0.85
        after = afters[n]
        author_up = not after or rng.random() < 0.45
        body = _body(rng, a, width, spacing, not author_up)
        title = _title_block(rng, a, after, author_up)
        pieces: list[tuple[Piece, str]] = []
        if after:
            a.tags.add("pdf-title-after")
            pieces += [(p, "\n\n") for p in body]
            pieces += [(p, "\n") for p in title]
            has_author = author_up and any(p.kind == "author" and p.r.right for p in a.head)
            nxt = arts[n + 1] if n + 1 < len(arts) and afters[n + 1] else None
            if not has_author and not a.captions and nxt is not None and rng.random() < 0.6:
                opens = nxt.dateline is not None and nxt.dateline.r.right is not None
                a.tags.add("pdf-title-then-dateline" if opens else "pdf-title-then-next")
                end = "\n"
            else:
                if not has_author and not a.captions:
                    a.tags.add("pdf-title-then-blank")
                end = "\n\n"
        else:
            a.tags.add("pdf-title-before")
            pieces += [(p, "\n") for p in title]
            if rng.random() < 0.5:
                pieces[-1] = (pieces[-1][0], "\n\n")
            pieces += [(p, "\n\n") for p in body]
            pieces += [(p, "\n\n") for p in _captions(a)]
            end = "\n\n"
        pieces[-1] = (pieces[-1][0], end)
        for (raw, index, segs), gap in pieces:
            out.add(raw, index, segs)
            out.add(gap)
    return out
