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

from reviewer.core.normalize import Para, is_name_line
from reviewer.core.text import DATELINE, NUM, ends_sentence, may_end_paragraph

_NOISE = (
    re.compile(rf"^[（(]?[上下][接转]第?{NUM}版[）)]?$"),
    re.compile(
        r"^[（(]?[一二三四五六七八九十\d]*版?"
        r"(?:责编|责任编辑|编辑|美编|校对|版式设计|设计|制图|统筹|策划)[：:]"
    ),
    re.compile(r"^本版(?:责编|编辑)"),
    re.compile(r"^[（(]?(?:转|续)第?[一二三四五六七八九十\d]+版[）)]?$"),
)
_BYLINE = (
    re.compile(r"^(?:新华社|本报|人民日报)?(?:特约)?记者[^。！？]{1,40}$"),
    re.compile(r"^[（(](?:记者|通讯员)[^）)]{1,40}[）)]$"),
)
_POSITION_NAME = re.compile(
    r"(?:部长|院长|主任|研究员|教授|书记|局长|主席|总经理|经理|所长|厂长|校长|社长|台长|行长"
    r"|市长|省长|县长|董事长|司令员|政委|大使|总裁|总编辑|特约记者|记者|通讯员)"
    r"[\u4e00-\u9fff·]{2,3}$"
)
_SHORT_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
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
    if is_name_line(text) or _SHORT_NAME.match(c):
        return "byline"  # names alone: "王伟 张玉琛", "泰岛"
    if len(c) <= 24 and _POSITION_NAME.search(c):
        return "byline"  # an author with a post: "中国农业银行行长何林祥", "农业部部长刘江"
    return "paragraph"


def is_end_marker(text: str) -> bool:
    """A bare dateline such as "（新华社北京7月18日电）" closing an article."""
    c = squeeze(text)
    m = DATELINE.match(c)
    return bool(m) and m.end() == len(c) and not c.startswith(("据", "本报讯"))


def heading_like(text: str) -> bool:
    c = squeeze(text)
    if c.startswith("（") and c.endswith("）"):
        return False  # "（方明）": a signature or a note, never a title
    limit = 90 if c.startswith("——") else 40
    return (
        0 < len(c) <= limit
        and not ends_sentence(c)
        and "。" not in c
        and classify(text) == "paragraph"  # the spaced text: "周邓 钱江" is a byline
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
    strong: bool = False  # the break before it is strong evidence of a new article
    title_after: bool = False  # its title block was printed after its body
    candidate: bool = False  # its title block is only title-like (may be a section head)
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


def wraps_on(first: str, second: str) -> bool:
    """``second`` can be the rest of a title wrapped after ``first``: a longer line with
    clauses of its own ("回顾一年来的学科发展，我们认为，…") is a deck."""
    a, b = squeeze(first), squeeze(second)
    return len(b) <= len(a) or "，" not in b


def _title_parts(paras: list[Para], wrapped: bool) -> list[Block]:
    """A title block: title line(s) then "——" subtitle lines."""
    out: list[Block] = []
    # "甲——乙" on one line is one title ("『突破自我』——周明谈游泳赛"); a deck printed on a
    # line of its own starts with the dash.
    kicker = len(paras) > 1 and paras[0].kind == paras[1].kind == "heading"
    kicker = kicker and paras[1].level < paras[0].level
    for k, p in enumerate(paras):
        role = classify(p.text)
        if k == 0 and role == "byline" and _SHORT_NAME.match(squeeze(p.text)):
            role = "paragraph"  # the short first line of a wrapped title ("罗总统")
        if kicker and k == 0:
            out.append(Block(p, "subtitle"))
        elif kicker and k == 1:
            out.append(Block(p, "title"))
        elif role in ("byline", "caption"):
            out.append(Block(p, role))
        elif p.text.startswith("——") or (out and not wrapped):
            out.append(Block(p, "subtitle"))
        elif out and out[-1].role == "title" and wraps_on(out[-1].para.text, p.text):
            # A title wrapped over two lines of the column: one title.
            prev = out[-1].para
            joined = Para(prev.text + p.text, prev.offsets + p.offsets, prev.kind, prev.level)
            out[-1] = Block(joined, "title")
        elif out and out[-1].role == "title":
            out.append(Block(p, "subtitle"))  # a longer line under the title: a deck
        else:
            out.append(Block(p, "title"))
    return out


def _opens_article(p: Para) -> bool:
    """A byline or dateline paragraph: what follows a title, never a section head."""
    c = squeeze(p.text)
    return classify(c) == "byline" or bool(DATELINE.match(c))


# A paragraph closed by its dateline: "…覆辙呢？（新华社伦敦1月17日电）".
_CLOSING_TAIL = re.compile(r"[（(][^（）()]{2,24}[电讯][）)]$")


def _closes(p: Para) -> bool:
    """The paragraph ends complete: a title may follow it."""
    return (
        may_end_paragraph(p.text)
        or is_end_marker(p.text)
        or bool(_CLOSING_TAIL.search(squeeze(p.text)))
        or classify(p.text) != "paragraph"
    )


def _title_groups(paras: list[Para], layout: str = "plain") -> list[tuple[int, int]]:
    """[start, end) runs of paragraphs that form a title block (not a section head).

    In hard-wrapped extraction a title may also stand between blank lines like any other
    line: a short heading-like paragraph after a complete one is a title candidate there.
    """
    wrapped = layout == "wrapped"
    groups: list[tuple[int, int]] = []
    i, n = 0, len(paras)
    while i < n:
        p = paras[i]
        if p.kind == "heading":
            # A kicker: a smaller heading set right above the main one.
            kicker = i + 1 < n and paras[i + 1].kind == "heading" and paras[i + 1].level < p.level
            groups.append((i, i + 1 + kicker))
            i += 1 + kicker
            continue
        loose = (
            wrapped
            and (i + 1 < n or i > 0)
            and (i == 0 or _closes(paras[i - 1]))
            and heading_like(p.text)
            and not may_end_paragraph(p.text)
            and len(squeeze(p.text)) <= 40
        )
        # "罗总统 / 呼吁保持国家稳定": a short first line of a wrapped title is not a name.
        wrapped_head = (
            wrapped
            and p.tight_next
            and i + 1 < n
            and bool(_SHORT_NAME.match(squeeze(p.text)))
            and heading_like(paras[i + 1].text)
        )
        if (p.tight_next and heading_like(p.text)) or loose or wrapped_head:
            j = i + 1
            while (
                j < n
                and j - i < 3
                and heading_like(paras[j].text)
                and (paras[j - 1].tight_next or (loose and len(squeeze(paras[j].text)) <= 40))
            ):
                j += 1
            # A heading followed directly by body text is a section head inside an article,
            # unless a byline or dateline follows it or an article just ended before it.
            section = (
                j < n
                and paras[j - 1].tight_next
                and classify(paras[j].text) == "paragraph"
                and not paras[j].hard_before
                and not _opens_article(paras[j])
                and not (i > 0 and is_end_marker(paras[i - 1].text))
                and not _names_before(paras, i, j)
                # At the top of the page or right under another title block it opens a story.
                and not (i == 0 or (groups and groups[-1][1] == i))
            )
            if not section:
                # Bylines and photo credits set tight under the title belong to its block.
                while (
                    wrapped
                    and j < n
                    and paras[j - 1].tight_next
                    and classify(paras[j].text) in ("byline", "caption")
                    and not (_opens_article(paras[j]) and DATELINE.match(squeeze(paras[j].text)))
                ):
                    j += 1
                groups.append((i, j))
            i = j
            continue
        i += 1
    return groups


_NOT_CJK = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _words(p: Para) -> set[str]:
    """The paragraph's CJK character bigrams (cached on it): what a title shares with the
    text it names."""
    got = p.extra.get("bigrams")
    if got is None:
        c = _NOT_CJK.sub("", p.text)
        got = p.extra["bigrams"] = {c[i : i + 2] for i in range(len(c) - 1)}
    return got  # type: ignore[return-value]


def _bigrams(paras: list[Para]) -> set[str]:
    return set().union(*(_words(p) for p in paras)) if paras else set()


def _names_before(paras: list[Para], s: int, e: int) -> bool:
    """The heading-like lines ``s:e`` share more words with the text before them than with
    the text after: a title printed after its body, not a section head."""
    words = _bigrams(paras[s:e])
    before = _bigrams(paras[max(0, s - 8) : s])
    after = _bigrams(paras[e : e + 8])
    back, fwd = len(words & before), len(words & after)
    return back >= 2 and back > fwd


def _title_looks_back(paras: list[Para], groups: list[tuple[int, int]], k: int) -> bool | None:
    """Whether title block ``k`` names the text before it (printed after its body) rather
    than the text after it, by the words they share; None when the words do not tell."""
    s, e = groups[k]
    words = _bigrams([p for p in paras[s:e] if heading_like(p.text)])
    if len(words) < 2:
        return None
    lo = groups[k - 1][1] if k > 0 else 0
    hi = groups[k + 1][0] if k + 1 < len(groups) else len(paras)
    before = _bigrams(paras[max(lo, s - 12) : s])
    after = _bigrams(paras[e : min(hi, e + 12)])
    back, fwd = len(words & before), len(words & after)
    if back == fwd or max(back, fwd) < 2:
        return None
    return back > fwd


def _word_across(first: str, second: str) -> bool:
    """The two characters either side of a line break make a dictionary word."""
    a, b = squeeze(first)[-1:], squeeze(second)[:1]
    if not (a and b):
        return False
    from reviewer.core.diff import tokenizer  # jieba's dictionary, loaded once

    return (tokenizer().FREQ.get(a + b) or 0) >= 20


def _split_title_pairs(paras: list[Para], groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two titles set on consecutive lines (one closing the story above, one opening the
    story below) are two title blocks: the first names the text before, the second the
    text after."""
    out: list[tuple[int, int]] = []
    for s, e in groups:
        cut = None
        for m in range(s + 1, e):
            line = paras[m]
            if line.text.startswith("——") or line.kind == "heading" or not heading_like(line.text):
                continue  # a deck, a byline or a credit belongs to the title above it
            if _word_across(paras[m - 1].text, line.text):
                continue  # "…完 / 成…": one title wrapped inside a word
            one = _bigrams([p for p in paras[s:m] if heading_like(p.text)])
            two = _bigrams([p for p in paras[m:e] if heading_like(p.text)])
            before, after = _bigrams(paras[max(0, s - 12) : s]), _bigrams(paras[e : e + 12])
            back, fwd = len(one & before), len(two & after)
            if back >= 2 and fwd >= 2 and back > len(one & after) and fwd > len(two & before):
                cut = m
                break
        out.extend([(s, cut), (cut, e)] if cut is not None else [(s, e)])
    return out


def _split_between_titles(frag: Fragment, after: list[Block]) -> int | None:
    """Where the body of ``frag`` (titled above) stops and the story titled ``after`` (printed
    below) begins: the cut that puts most of each title's words on its own side; None if
    the words do not show one clearly."""
    body = frag.body
    if len(body) < 2:
        return None
    top = _bigrams([b.para for b in frag.titles if b.role == "title"])
    low = _bigrams([b.para for b in after if b.role == "title"])
    if len(top) < 2 or len(low) < 2:
        return None
    best, best_gain = None, 1
    for k in range(1, len(body)):
        head, tail = _bigrams([b.para for b in body[:k]]), _bigrams([b.para for b in body[k:]])
        gain = len(top & head) - len(top & tail) + len(low & tail) - len(low & head)
        if gain > best_gain and len(top & head) >= 2:
            best, best_gain = k, gain
    return best


def _md_title_end(paras: list[Para], i: int, end: int) -> int:
    """After a markdown heading: deck and kicker lines (``##`` or short heading-like lines)
    before the byline or body belong to the title block."""
    j = end
    top = min(p.level for p in paras[i:end])
    while (
        j < len(paras)
        and j - i < 5
        and (
            (paras[j].kind == "heading" and paras[j].level > top)
            or (
                paras[j].kind != "heading"
                and heading_like(paras[j].text)
                and len(squeeze(paras[j].text)) <= 40
                and not may_end_paragraph(paras[j].text)
            )
        )
    ):
        j += 1
    return j


def titles_printed_after(
    paras: list[Para], layout: str, groups: list[tuple[int, int]] | None = None
) -> bool:
    """Extractions that print titles after their bodies show a body before any title, or
    end on a title."""
    if layout == "markdown":
        return False
    groups = _title_groups(paras, layout) if groups is None else groups
    if not groups:
        return False
    body = sum(classify(p.text) == "paragraph" for p in paras[: groups[0][0]])
    tail = paras[groups[-1][1] :]
    return body >= 3 or not any(classify(p.text) == "paragraph" for p in tail)


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
    group_list = _split_title_pairs(paras, _title_groups(paras, layout))
    groups = dict(group_list)
    titles_after = titles_printed_after(paras, layout, group_list)
    # Pages may mix titles before and after their bodies: each block's words decide,
    # the page's habit when they do not.
    looks_back = {}
    named: dict[int, bool] = {}
    for k, (gs, _ge) in enumerate(group_list):
        v = _title_looks_back(paras, group_list, k) if layout != "markdown" else False
        looks_back[gs] = titles_after if v is None else v
        named[gs] = v is True  # the title's own words tie it to the text before it
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
                end = _md_title_end(paras, i, end)
            blocks = _title_parts(paras[i:end], wrapped=layout == "wrapped")
            strong = i not in loose
            cur = frags[-1]
            backward = not is_md and (looks_back[i] or last_role == "end") and cur.body
            if backward and cur.titles and not cur.title_after:
                # A title printed after a body that already has a title above it: two
                # stories with no break between them. Cut where each title's words lie.
                k = _split_between_titles(cur, blocks)
                if k is not None:
                    rest = cur.body[k:]
                    del cur.body[k:]
                    cur = new_frag(True)
                    cur.body.extend(rest)
            if backward and not cur.titles:
                cur.titles.extend(blocks)
                cur.title_after = True
                cur.candidate = not strong
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
            cont_in = role == "noise" and bool(_NOISE[0].match(c)) and "上" in c
            cut, strong = False, next_strong
            if last_role in ("end", "closed"):
                cut, strong = role != "noise" or cont_in, True
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
            if cut and opening and layout != "wrapped":
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
            cur.body.append(Block(piece, role))
            if role == "byline":
                in_head = True  # more bylines and datelines may follow: one article head
            elif role == "paragraph":
                in_head = False
            last_role = "end" if is_end_marker(piece.text) and piece is p else role
        i += 1
    for f in frags:
        for b in f.blocks:
            b.frag = f.index
    return [f for f in frags if f.blocks], titles_after
