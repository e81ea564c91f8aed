"""Paragraphs → roles and fragments.

A *fragment* is a run of paragraphs of one source that belongs to one article as far as
local evidence goes: it is cut at titles, datelines, end markers, continuation markers
and structural gaps. Which fragments of the two sources make one article is decided later,
from the alignment (see ``articles.py``), because one version may splice pieces of an
article into another or print the title after the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.core.normalize import Para
from reviewer.core.text import ends_sentence

_NUM = r"[0-9０-９一二三四五六七八九十]+"
DATELINE = re.compile(
    rf"^（?新华社[^\s，。：（）]{{0,8}}?{_NUM}月{_NUM}日电）?(?:（[^）]{{0,30}}）)?"
)
_NOISE = (
    re.compile(rf"^[（(]?[上下]接第?{_NUM}版[）)]?$"),
    re.compile(
        r"^[一二三四五六七八九十\d]*版?(?:责编|责任编辑|编辑|美编|校对|版式设计|设计|制图|统筹|策划)[：:]"
    ),
    re.compile(r"^本版(?:责编|编辑)"),
    re.compile(r"^[（(]?(?:转|续)第?[一二三四五六七八九十\d]+版[）)]?$"),
)
_BYLINE = (
    re.compile(r"^(?:新华社|本报|人民日报)?(?:特约)?记者[^。！？]{1,40}$"),
    re.compile(r"^[（(](?:记者|通讯员)[^）)]{1,40}[）)]$"),
)
_CAPTION = re.compile(r"(?:拍摄|摄$|新华/传真|新华社发|（新华社发|供图$|[（(][^（）()]*摄[）)]$)")


def squeeze(text: str) -> str:
    return "".join(text.split())


def classify(text: str) -> str:
    """Role of a paragraph from its own text: noise, byline, caption or paragraph."""
    c = squeeze(text)
    if len(c) <= 40 and any(p.match(c) for p in _NOISE):
        return "noise"
    m = DATELINE.match(c)
    if m and m.end() == len(c):
        return "byline"
    if len(c) <= 300 and _CAPTION.search(c):
        return "caption"
    if len(c) <= 48 and any(p.match(c) for p in _BYLINE):
        return "byline"
    return "paragraph"


def is_end_marker(text: str) -> bool:
    """A bare dateline such as "（新华社北京7月18日电）" closing an article."""
    c = squeeze(text)
    m = DATELINE.match(c)
    return bool(m) and m.end() == len(c)


def heading_like(text: str) -> bool:
    c = squeeze(text)
    limit = 90 if c.startswith("——") else 40
    return (
        0 < len(c) <= limit
        and not ends_sentence(c)
        and "。" not in c
        and classify(c) == "paragraph"
    )


@dataclass
class Block:
    """A paragraph with its role, in a source's document order."""

    para: Para
    role: str
    frag: int = -1

    @property
    def text(self) -> str:
        return self.para.text


@dataclass
class Fragment:
    index: int
    titles: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return self.titles + self.body


def _split_dateline(p: Para) -> list[Para]:
    """ "新华社北京7月18日电（记者…）记者从…" → the dateline and the paragraph."""
    m = DATELINE.match(squeeze(p.text))
    if not m:
        return [p]
    # Map the end of the match in the space-free text back to the displayed text.
    seen = 0
    end = len(p.text)
    for i, ch in enumerate(p.text):
        if not ch.isspace():
            seen += 1
            if seen == m.end():
                end = i + 1
                break
    if len(squeeze(p.text[end:])) < 4:
        return [p]
    return [p.slice(0, end), p.slice(end, len(p.text))]


def _title_parts(paras: list[Para], wrapped: bool) -> list[Block]:
    """A title block: title line(s) then "——" subtitle lines."""
    out: list[Block] = []
    for p in paras:
        dash = p.text.find("——")
        if dash > 0 and not out:  # "标题 ——副题" on one line
            head, tail = p.slice(0, dash), p.slice(dash, len(p.text))
            out.append(Block(head, "title"))
            out.append(Block(tail, "subtitle"))
        elif p.text.startswith("——") or (out and not wrapped):
            out.append(Block(p, "subtitle"))
        elif out and out[-1].role == "title":
            # A title wrapped over two lines of the column: one title.
            prev = out[-1].para
            joined = Para(prev.text + p.text, prev.offsets + p.offsets, prev.kind, prev.level)
            out[-1] = Block(joined, "title")
        else:
            out.append(Block(p, "title"))
    return out


def _title_groups(paras: list[Para]) -> list[tuple[int, int]]:
    """[start, end) runs of paragraphs that form a title block (not a section head)."""
    groups: list[tuple[int, int]] = []
    i, n = 0, len(paras)
    while i < n:
        p = paras[i]
        if p.kind == "heading":
            groups.append((i, i + 1))
            i += 1
            continue
        if p.tight_next and heading_like(p.text):
            j = i + 1
            while j < n and paras[j - 1].tight_next and heading_like(paras[j].text):
                j += 1
            # A heading followed directly by body text is a section head inside an article.
            section = j < n and paras[j - 1].tight_next and not paras[j].hard_before
            if not section:
                groups.append((i, j))
            i = j
            continue
        i += 1
    return groups


def segment(paras: list[Para], layout: str) -> list[Fragment]:
    """Roles for every paragraph, titles attached to their bodies, and fragments."""
    groups = {s: e for s, e in _title_groups(paras)}
    body_before_first_title = 0
    for i, p in enumerate(paras):
        if i in groups:
            break
        if classify(p.text) == "paragraph":
            body_before_first_title += 1
    # Extractions that print titles after their bodies show a body before any title.
    titles_after = layout != "markdown" and body_before_first_title >= 3

    frags: list[Fragment] = [Fragment(0)]

    def new_frag() -> Fragment:
        if frags[-1].titles or frags[-1].body:
            frags.append(Fragment(len(frags)))
        return frags[-1]

    i, n = 0, len(paras)
    last_role = ""
    while i < n:
        if i in groups:
            end = groups[i]
            blocks = _title_parts(paras[i:end], wrapped=layout == "wrapped")
            is_md = paras[i].kind == "heading"
            cur = frags[-1]
            backward = not is_md and (titles_after or last_role == "end") and cur.body
            if backward and not cur.titles:
                cur.titles.extend(blocks)
                new_frag()
            else:
                new_frag().titles.extend(blocks)
            i = end
            last_role = "title"
            continue
        p = paras[i]
        for k, piece in enumerate(_split_dateline(p)):
            hard = p.hard_before and k == 0
            role = classify(piece.text)
            cur = frags[-1]
            dateline = DATELINE.match(squeeze(piece.text))
            starts_article = role == "byline" and dateline and piece is not p
            if (
                (
                    hard
                    or (role == "noise" and _NOISE[0].match(squeeze(piece.text)))
                    or starts_article
                    or (last_role == "end" and role != "noise")
                )
                and last_role != "title"
            ) or (last_role == "title" and hard and cur.body):
                cur = new_frag()
            cur.body.append(Block(piece, role))
            last_role = "end" if is_end_marker(piece.text) and piece is p else role
        i += 1
    for f in frags:
        for b in f.blocks:
            b.frag = f.index
    return [f for f in frags if f.blocks]
