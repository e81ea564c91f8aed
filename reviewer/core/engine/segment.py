"""Paragraphs → roles and fragments.

A *fragment* is a run of paragraphs of one source that belongs to one article as far as
local evidence goes: it is cut at titles, datelines, end markers, continuation markers
and structural gaps. Which fragments of the two sources make one article is decided later,
from the alignment (see ``articles.py``), because one version may splice pieces of an
article into another or print the title after the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.core.engine.paragraph import Para
from reviewer.core.engine.roles import (
    CONTINUATION,
    classify,
    heading_like,
    is_end_marker,
    maybe_title_head,
    names_reporter,
    squeeze,
)
from reviewer.core.engine.title_cuts import names_all_below as _names_all_below
from reviewer.core.engine.title_cuts import split_between_titles as _split_between_titles
from reviewer.core.engine.titles import (
    md_title_end,
    split_joined_titles,
    split_title_pairs,
    split_title_tails,
    title_groups,
    title_looks_back,
    titles_printed_after,
    wraps_on,
)
from reviewer.core.text import DATELINE, REGION_DATELINE, may_end_paragraph


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
    strong: bool = False  # the break before it is strong evidence of a new article
    title_after: bool = False  # its title block was printed after its body
    candidate: bool = False  # its title block is only title-like (may be a section head)
    opened: bool = False  # its body starts at a byline or dateline that opens a story
    after_at: int = -1  # the paragraph where its title block printed after the body starts
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
    # "甲——乙" on one line is one title ("『突破自我』——周明谈游泳赛"); a deck printed on a
    # line of its own starts with the dash.
    kicker = len(paras) > 1 and paras[0].kind == paras[1].kind == "heading"
    kicker = kicker and paras[1].level <= paras[0].level
    last, ended = "", False  # the title's last line; whether that line ended it
    for k, p in enumerate(paras):
        role = classify(p.text)
        if k == 0 and len(paras) > 1 and maybe_title_head(p.text):
            role = "paragraph"  # the short first line of a wrapped title ("罗总统")
        if kicker and k == 0:
            out.append(Block(p, "subtitle"))
        elif kicker and k == 1:
            out.append(Block(p, "title"))
            last = p.text
        elif role in ("byline", "caption"):
            out.append(Block(p, role))
        elif p.text.startswith("——") or (out and not wrapped):
            out.append(Block(p, "subtitle"))
        elif out and out[-1].role == "title" and not ended and wraps_on(last, p.text):
            # A title wrapped over two lines of the column: one title. A line shorter than
            # the one above it was not full: the title ends there.
            prev = out[-1].para
            joined = Para(prev.text + p.text, prev.offsets + p.offsets, prev.kind, prev.level)
            out[-1] = Block(joined, "title")
            ended = len(squeeze(p.text)) < len(squeeze(last))
            last = p.text
        elif out and out[-1].role == "title":
            out.append(Block(p, "subtitle"))  # a longer line under the title: a deck
        else:
            out.append(Block(p, "title"))
            last, ended = p.text, False
    return out


def segment(paras: list[Para], layout: str) -> list[Fragment]:
    """Roles for every paragraph, titles attached to their bodies, and fragments."""
    return segment_page(paras, layout)[0]


def segment_page(paras: list[Para], layout: str) -> tuple[list[Fragment], bool]:
    """The fragments, and whether the page prints its titles after their bodies.

    Roles for every paragraph and titles attached to their bodies. Each fragment says
    whether the break before it is *strong* evidence of a new article (a markdown heading,
    a title block set apart, a dateline opening a story, an end marker) or only a weak cut
    (a gap, a loose title-like line that may be a section head).
    """
    paras = split_joined_titles(split_title_tails(paras, layout), layout)
    group_list = split_title_pairs(paras, title_groups(paras, layout))
    groups = dict(group_list)
    titles_after = titles_printed_after(paras, layout, group_list)
    # Pages may mix titles before and after their bodies: each block's words decide,
    # the page's habit when they do not.
    looks_back = {}
    named: dict[int, bool] = {}
    names_next: dict[int, bool] = {}
    for k, (gs, _ge) in enumerate(group_list):
        v = title_looks_back(paras, group_list, k) if layout != "markdown" else False
        looks_back[gs] = titles_after if v is None else v
        named[gs] = v is True  # the title's own words tie it to the text before it
        names_next[gs] = v is False
    loose = {
        s for s, e in groups.items() if not paras[e - 1].tight_next and paras[s].kind != "heading"
    }

    frags: list[Fragment] = [Fragment(0, strong=True)]

    def new_frag(strong: bool) -> Fragment:
        if frags[-1].titles or frags[-1].body:
            frags.append(Fragment(len(frags), strong=strong))
        else:
            frags[-1].strong = frags[-1].strong or strong
        return frags[-1]

    i, n = 0, len(paras)
    last_role = ""
    in_head = False  # between a title block and the first body paragraph
    next_strong = False  # the break that closed the last fragment was strong
    while i < n:
        if i in groups:
            end = groups[i]
            is_md = paras[i].kind == "heading"
            if is_md:
                end = md_title_end(paras, i, end)
            blocks = _title_parts(paras[i:end], wrapped=layout == "wrapped")
            # A title block that names its reporter and the text below it opens a story: a
            # section head has no reporter.
            strong = i not in loose or (
                names_next[i]
                and (
                    last_role == "closed"
                    or any(b.role == "byline" and names_reporter(b.text) for b in blocks)
                )
            )
            cur = frags[-1]
            if (
                not is_md
                and named[i]
                and cur.titles
                and not cur.body
                and not cur.title_after
                and len(frags) > 1
                and frags[-2].body
                and not frags[-2].titles
            ):
                # A title-like line that got no body, right above a title whose words name
                # the text before both: the last line of that text, not a title.
                frags.pop()
                frags[-1].body.extend(Block(b.para, "paragraph") for b in cur.titles)
                cur = frags[-1]
            elif (
                not is_md
                and named[i]
                and cur.title_after
                and groups.get(cur.after_at) == i
                and not named[cur.after_at]
            ):
                # Of two title blocks in a row after a body, the one whose words name it is
                # its title; the one that names nothing is the body's last line.
                cur.body.extend(Block(b.para, "paragraph") for b in cur.titles)
                cur.titles.clear()
                cur.title_after = False
            backward = not is_md and (looks_back[i] or last_role == "end") and cur.body
            if (
                backward
                and named[i]
                and cur.candidate
                and not cur.title_after
                and len(frags) > 1
                and frags[-2].body
                and _names_all_below(cur, blocks)
            ):
                # A loose title-like line over a text that names none of it, while the title
                # printed after the text names it: the last line of the story above.
                frags[-2].body.extend(Block(b.para, "paragraph") for b in cur.titles)
                cur.titles.clear()
                cur.candidate = False
            if backward and cur.titles and not cur.title_after:
                # A title printed after a body that already has a title above it: two
                # stories with no break between them. Cut where each title's words lie.
                k = _split_between_titles(cur, blocks)
                if k is not None:
                    rest = cur.body[k:]
                    del cur.body[k:]
                    cur = new_frag(True)
                    cur.body.extend(rest)
                elif cur.candidate and len(frags) > 1 and not frags[-2].title_after:
                    # No cut the words show, and the title above is only a loose title-like
                    # line in a story no title closed yet: a subhead inside the story this
                    # title closes.
                    cur.body[:0] = [Block(b.para, "paragraph") for b in cur.titles]
                    cur.titles.clear()
            if backward and not cur.titles:
                cur.titles.extend(blocks)
                cur.title_after = True
                cur.after_at = i
                cur.candidate = not strong
                # A dateline opened this text and a title closes it, or the text before it
                # has a title of its own: a story of its own.
                cur.strong = cur.strong or cur.opened or (len(frags) > 1 and bool(frags[-2].titles))
                # A title that names the text above closes that story: what follows is new.
                next_strong = strong or named[i]
                in_head = False
                last_role = "closed"
            else:
                f = new_frag(strong or next_strong)
                f.titles.extend(blocks)
                f.candidate = not strong
                next_strong = False
                in_head = True
                last_role = "title"
            i = end
            continue
        p = paras[i]
        for k, piece in enumerate(_split_dateline(p)):
            hard = p.hard_before and k == 0
            role = classify(piece.text)
            c = squeeze(piece.text)
            cur = frags[-1]
            # A byline or a dateline opens a story (a closing dateline does not).
            opening = role == "byline" and (piece is not p or not is_end_marker(c))
            # "本报某地X月X日电记者": a dateline too short a text after it to split off.
            opening = opening or (
                role == "paragraph" and bool(DATELINE.match(c) or REGION_DATELINE.match(c))
            )
            cont_in = role == "noise" and bool(CONTINUATION.match(c)) and "上" in c
            cut, strong = False, next_strong
            if last_role in ("end", "closed"):
                # A credit or photo caption after the closing dateline still belongs above.
                # A long caption there (a photo item of its own) starts new text.
                long_caption = role == "caption" and len(c) > 40
                cut, strong = role not in ("noise", "caption") or cont_in or long_caption, True
            elif in_head:
                cut = False  # bylines, datelines and "（上接第X版）" under a title
            elif opening:
                # After a caption or a credit a dateline opens a story; after body text it
                # may be one more item of the same column: the other version decides.
                cut, strong = True, last_role not in ("paragraph", "")
            elif cont_in:
                cut, strong = True, True  # "（上接第X版）": the rest of another article
            elif hard:
                cut = True
            # Web text without a heading: title-like lines just above the byline that
            # opens a story are its head, not the end of the story before.
            carried: list[Block] = []
            if cut and (opening or cont_in) and layout != "wrapped":
                while (
                    cur.body
                    and len(carried) < 2
                    and cur.body[-1].role == "paragraph"
                    and heading_like(cur.body[-1].text)
                    and not may_end_paragraph(cur.body[-1].text)
                    and len(cur.body) > 1
                ):
                    carried.insert(0, Block(cur.body.pop().para, "subtitle"))
            if cut:
                cur = new_frag(strong)
                next_strong = False
                cur.body.extend(carried)
                # A dateline, or new text set apart after a photo credit, opens a story.
                cur.opened = (opening and names_reporter(c)) or (hard and last_role == "caption")
            cur.body.append(Block(piece, role))
            if role == "byline" or (cut and cont_in):
                # More bylines and datelines may follow: one article head.
                in_head = True
            elif role == "paragraph" or (role == "caption" and len(c) > 40):
                in_head = False  # text, or a photo item's caption: the head is over
            # "新华社X电（记者Y）" on its own line names its reporter: it opens, never closes.
            closing = is_end_marker(piece.text) and (c.startswith("（") or "记者" not in c)
            if last_role in ("end", "closed") and not cut and role in ("noise", "caption"):
                continue  # the credit under a closed story: what follows still starts anew
            last_role = "end" if closing and piece is p else role
        i += 1
    for f in frags:
        for b in f.blocks:
            b.frag = f.index
    return [f for f in frags if f.blocks], titles_after
