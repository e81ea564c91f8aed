"""Title blocks: where a page's titles stand and which text each one names.

A title may stand before or after its body (a PDF extraction may mix both), on one line or
wrapped over two, set apart by a blank line or a single newline, with decks, kickers,
bylines and photo credits under it. Which text a title names is read from the character
bigrams they share.
"""

from __future__ import annotations

import re

from reviewer.core.engine.paragraph import NOTE_LINE, Para
from reviewer.core.engine.roles import (
    classify,
    closes,
    heading_like,
    is_end_marker,
    maybe_title_head,
    opens_article,
    squeeze,
)
from reviewer.core.text import DATELINE, ends_sentence, may_end_paragraph

# A date standing alone on a line ("１９９８年１月７日"): the date under a signature, never
# the rest of a wrapped title.
_DATE_LINE = re.compile(r"[0-9０-９]{2,4}年[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?")


def wraps_on(first: str, second: str) -> bool:
    """``second`` can be the rest of a title wrapped after ``first``: a longer line with
    clauses of its own ("回顾一年来的学科发展，我们认为，…") is a deck, and so is a line
    more than twice as long (a title wraps where its first line is full, so the rest is
    not much longer than it), or a date alone."""
    a, b = squeeze(first), squeeze(second)
    if _DATE_LINE.fullmatch(b) or len(b) > 2 * len(a) + 2:
        return False
    # "…控制储 / 量3.5亿吨，…": a line that starts inside a word goes on with the title.
    return len(b) <= len(a) or "，" not in b or _word_across(first, second)


def title_groups(paras: list[Para], layout: str = "plain") -> list[tuple[int, int]]:
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
            # A kicker: a heading (as big or smaller) set right above the main one.
            kicker = i + 1 < n and paras[i + 1].kind == "heading" and paras[i + 1].level <= p.level
            groups.append((i, i + 1 + kicker))
            i += 1 + kicker
            continue
        # A line set apart like body lines may be a title on its own; each such line is a
        # block of its own (a title's lines are set tight), so one may follow another.
        loose = (
            wrapped
            and (i + 1 < n or i > 0)
            and (i == 0 or closes(paras[i - 1]) or bool(groups and groups[-1][1] == i))
            and heading_like(p.text)
            and not may_end_paragraph(p.text)
            and len(squeeze(p.text)) <= 40
            # "圆梦（中国画） / （胡才春）": a work and its author's name, not a title.
            and not (i + 1 < n and NOTE_LINE.fullmatch(squeeze(paras[i + 1].text)))
        )
        # "罗总统 / 呼吁保持国家稳定": a short first line of a wrapped title is not a name.
        wrapped_head = (
            wrapped
            and p.tight_next
            and i + 1 < n
            and maybe_title_head(p.text)
            and heading_like(paras[i + 1].text)
        )
        if (p.tight_next and heading_like(p.text)) or loose or wrapped_head:
            j = i + 1
            while j < n and j - i < 3 and heading_like(paras[j].text) and paras[j - 1].tight_next:
                j += 1
            # A heading followed directly by body text is a section head inside an article,
            # unless a byline or dateline follows it or an article just ended before it.
            section = (
                j < n
                and paras[j - 1].tight_next
                and classify(paras[j].text) == "paragraph"
                and not paras[j].hard_before
                and not opens_article(paras[j])
                and not (i > 0 and is_end_marker(paras[i - 1].text))
                and not _names_before(paras, i, j)
                # At the top of the page or right under another title block it opens a story.
                and not (i == 0 or (groups and groups[-1][1] == i))
                # A title wrapped inside a word over two lines ("…步入人 / 口发展…"): a
                # section head is too short to wrap.
                and not (j - i >= 2 and _word_across(paras[i].text, paras[i + 1].text))
            )
            if not section:
                # Bylines and photo credits set tight under the title belong to its block.
                while (
                    wrapped
                    and j < n
                    and paras[j - 1].tight_next
                    and classify(paras[j].text) in ("byline", "caption")
                    and not (opens_article(paras[j]) and DATELINE.match(squeeze(paras[j].text)))
                ):
                    j += 1
                # A deck of one line set tight under the title, with a blank line after it
                # (the first line of a story's text under its title goes on below it).
                if (
                    wrapped
                    and j < n
                    and j - i >= 2
                    and paras[j - 1].tight_next
                    and not paras[j].tight_next
                    and not paras[j].hard_before  # an indent: a paragraph's first line
                    and classify(paras[j].text) == "paragraph"
                    and not opens_article(paras[j])
                    and not _gaps(paras[j])
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


def bigrams(paras: list[Para]) -> set[str]:
    return set().union(*(_words(p) for p in paras)) if paras else set()


def _shared(words: set[str], paras: list[Para]) -> int:
    """``len(words & bigrams(paras))``, without building the union of the paragraphs' many
    bigrams for a title's few."""
    sets = [_words(p) for p in paras]
    return sum(1 for w in words if any(w in got for got in sets))


def _names_before(paras: list[Para], s: int, e: int) -> bool:
    """The heading-like lines ``s:e`` share more words with the text before them than with
    the text after: a title printed after its body, not a section head."""
    words = bigrams(paras[s:e])
    back = _shared(words, paras[max(0, s - 8) : s])
    fwd = _shared(words, paras[e : e + 8])
    return back >= 2 and back > fwd


def title_looks_back(paras: list[Para], groups: list[tuple[int, int]], k: int) -> bool | None:
    """Whether title block ``k`` names the text before it (printed after its body) rather
    than the text after it, by the words they share; None when the words do not tell."""
    s, e = groups[k]
    words = bigrams([p for p in paras[s:e] if heading_like(p.text)])
    if len(words) < 2:
        return None
    # A title block set right under another one (a line closing the story above, a
    # weather line) still reads back over it to the text before.
    back_k = k - 1
    while back_k >= 0 and groups[back_k][1] == (groups[back_k + 1][0]):
        back_k -= 1
    lo = groups[back_k][1] if back_k >= 0 else 0
    hi = groups[k + 1][0] if k + 1 < len(groups) else len(paras)
    back = _shared(words, paras[max(lo, s - 12) : s])
    fwd = _shared(words, paras[e : min(hi, e + 12)])
    if back == fwd or max(back, fwd) < 2:
        return None
    return back > fwd


def _word_across(first: str, second: str) -> bool:
    """The two characters either side of a line break make a dictionary word."""
    a, b = squeeze(first)[-1:], squeeze(second)[:1]
    if not (a and b):
        return False
    from reviewer.core.engine.diff import tokenizer  # jieba's dictionary, loaded once

    return (tokenizer().FREQ.get(a + b) or 0) >= 20


def split_title_pairs(paras: list[Para], groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
            one = bigrams([p for p in paras[s:m] if heading_like(p.text)])
            two = bigrams([p for p in paras[m:e] if heading_like(p.text)])
            before, after = bigrams(paras[max(0, s - 12) : s]), bigrams(paras[e : e + 12])
            back, fwd = len(one & before), len(two & after)
            if back >= 2 and fwd >= 2 and back > len(one & after) and fwd > len(two & before):
                cut = m
                break
        out.extend([(s, cut), (cut, e)] if cut is not None else [(s, e)])
    return out


def md_title_end(paras: list[Para], i: int, end: int) -> int:
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
    groups = title_groups(paras, layout) if groups is None else groups
    if not groups:
        return False
    body = sum(classify(p.text) == "paragraph" for p in paras[: groups[0][0]])
    tail = paras[groups[-1][1] :]
    return body >= 3 or not any(classify(p.text) == "paragraph" for p in tail)


_PUNCT = re.compile(r"[，。！？；：、,.!?;:]")


def split_title_tails(paras: list[Para], layout: str) -> list[Para]:
    """Title lines the PDF line joining ran onto the end of a paragraph ("…的关系。/
    邹家华要求…水平 / 洋教练助阵篮球冬训") stand apart: a paragraph's last line ends on
    punctuation, so lines without any after its last complete sentence are no more of it."""
    if layout != "wrapped":
        return paras
    out: list[Para] = []
    for p in paras:
        cut = _title_tail(p)
        out.extend([p] if cut is None else _cut_in_two(p, cut))
    return out


def _cut_in_two(p: Para, cut: int) -> list[Para]:
    """``p`` cut at ``cut``; the second part starts a text block of its own."""
    one, two = p.slice(0, cut), p.slice(cut, len(p.text))
    one.hard_before, one.tight = p.hard_before, p.tight
    two.hard_before, two.tight, two.tight_next = True, p.tight, p.tight_next
    return [one, two]


def _title_tail(p: Para) -> int | None:
    """Where such a tail begins in ``p``: at the start of a raw line right after a complete
    sentence, one or two lines of title-like text without punctuation to the end."""
    starts = _gaps(p)
    for n, k in enumerate(starts):
        tail = p.text[k:]
        if len(starts) - n > 2 or _PUNCT.search(tail) or not ends_sentence(p.text[:k]):
            continue
        lines = [p.text[a:b] for a, b in zip(starts[n:], [*starts[n + 1 :], len(p.text)])]
        if all(heading_like(x) and len(squeeze(x)) >= 4 for x in lines):
            return k
    return None


def split_joined_titles(paras: list[Para], layout: str) -> list[Para]:
    """Two title lines the PDF line joining ran into one paragraph (the title of the story
    above, printed after its body, then the title of the story below) are cut apart where
    the words of each part name the text on its own side, as ``split_title_pairs`` does
    for lines kept apart."""
    if layout != "wrapped":
        return paras
    out: list[Para] = []
    for i, p in enumerate(paras):
        cut = _joined_cut(paras, i) if _title_like_lines(p) else None
        out.extend([p] if cut is None else _cut_in_two(p, cut))
    return out


def _gaps(p: Para) -> list[int]:
    """Where the paragraph's raw lines meet across a blank line."""
    return [k for k in range(1, len(p.offsets)) if p.offsets[k] - p.offsets[k - 1] >= 3]


def _title_like_lines(p: Para) -> bool:
    """A title-like paragraph, or two title-like lines run together (two titles each as
    wide as the column)."""
    if heading_like(p.text):
        return True
    gaps = _gaps(p)
    return (
        len(gaps) == 1
        and "。" not in p.text
        and heading_like(p.text[: gaps[0]])
        and heading_like(p.text[gaps[0] :])
    )


def _joined_cut(paras: list[Para], i: int) -> int | None:
    p = paras[i]
    # Where the two raw lines meet: the one place the text skips a blank line.
    gaps = _gaps(p)
    if len(gaps) != 1 or len(squeeze(p.text)) > 80:
        return None
    k = gaps[0]
    one, two = p.slice(0, k), p.slice(k, len(p.text))
    if len(squeeze(one.text)) < 4 or len(squeeze(two.text)) < 4 or _word_across(one.text, two.text):
        return None
    w1, w2 = _words(one), _words(two)
    before, after = paras[max(0, i - 12) : i], paras[i + 1 : i + 13]
    back, fwd = _shared(w1, before), _shared(w2, after)
    if back >= 2 and fwd >= 2 and back > _shared(w1, after) and fwd > _shared(w2, before):
        return k
    return None
