"""Layout repair: raw text → paragraphs with a map back to raw offsets.

Two layouts are told apart:
- ``lines``: one paragraph per line (web scrapes, markdown; ``#`` headings become titles);
- ``wrapped``: hard-wrapped extraction (PDF), where each visual line of a column is a line
  of its own and paragraph breaks are lost; lines are joined back into paragraphs.
In both, spaces that extraction put between CJK and digits/Latin or inside letter-spaced
CJK runs are removed; a space survives only between two ASCII characters ("Noto Sans").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from reviewer.core.engine.broken_sentences import join_broken
from reviewer.core.engine.paragraph import (
    CLOSED_TAIL,
    REPORTERS,
    Para,
    is_name_line,
)
from reviewer.core.text import DATELINE, display_width, ends_sentence, is_cjk, may_end_paragraph

_WS = re.compile(r"\s")
_INK = re.compile(r"\S+")
_ASCII_INK = re.compile(r"[\x00-\x08\x0e-\x1b!-\x7f]")  # ASCII, not whitespace
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+")
# A new paragraph starts with an enumerator or a question/answer label.
_BARE_DATELINE = re.compile(
    r"^(?:（新华社[^\s，。]{0,8}\s*\d+\s*月\s*\d+\s*日\s*电）|新华社[^\s，。]{0,8}\s*\d+\s*月\s*\d+\s*日\s*电)$"
)
# A direct quote closed by its attribution ("…辩证法。”中国城市规划学会常务理事郑德高说。"):
# in news the quote's paragraph ends there, so a full line ending so ends its paragraph.
_QUOTE_ATTRIBUTION = re.compile(r"[。！？…]”[^“”。，！？：；]{1,24}(?:说|表示|指出|介绍|强调)。$")
# One note or a credit and a note after it: "（周文广摄）（新华社稿）".
_NOTES_LINE = re.compile(r"(?:[（(][^（）()，。]{2,24}[）)]){1,2}")
# "本报记者江华" alone on a line: a reporter's byline, never the rest of the line above.
_REPORTER_LINE = re.compile(r"(?:新华社|本报)(?:特约)?记者[\u4e00-\u9fff·]{2,4}")
# "本报天津电记者陈杰报道：": a dateline without a date opens a paragraph.
_DATELESS = re.compile(r"据?(?:新华社|本报)[\u4e00-\u9fff]{2,4}电(?:记者|讯|（)")
_BULLET = re.compile(r"^[●■◆▲★◇]\S")  # a list item never goes on from the line before
# A numbered item: "１、", "（一）", "二、".
_ITEM = re.compile(r"^(?:\d+、|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")
_PARA_START = re.compile(
    r"^(?:[一二三四五六七八九十]+是|问：|答：|（[一二三四五六七八九十]+）|\d+[.、])"
)


@dataclass
class _Line:
    start: int  # raw offset of the first character of the line
    text: str  # the line without its newline
    gap: int = 1  # newlines between this line and the next non-empty one


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for line in raw.split("\n"):
        if line.strip():
            out.append(_Line(pos, line, 0))
        elif out:
            out[-1].gap += 1
        pos += len(line) + 1
    for ln in out:
        ln.gap += 1
    if out:
        out[-1].gap = 3  # the end of the text is a structural break
    return out


def detect_layout(raw: str, lines: list[_Line] | None = None) -> str:
    """``markdown``, ``wrapped`` (hard-wrapped extraction) or ``plain`` (a line a paragraph).

    ``lines`` are ``_lines(raw)`` when the caller has them already."""
    lines = [ln.text.strip() for ln in (_lines(raw) if lines is None else lines)]
    if any(_MD_HEADING.match(t) for t in lines):
        return "markdown"
    long_lines = [t for t in lines if len(t) >= 8]
    if not long_lines:
        return "plain"
    open_ = sum(1 for t in long_lines if not may_end_paragraph(t))
    return "wrapped" if open_ / len(long_lines) >= 0.4 else "plain"


class _Builder:
    """Accumulates characters of one paragraph with their raw offsets, fixing spaces."""

    def __init__(self, keep_spaces: bool = False, reporters: bool = False) -> None:
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.pending_space = -1  # raw offset of a space not yet known to be kept
        self.line_ends: list[int] = []  # character counts at each wrapped line end
        self.keep_spaces = keep_spaces  # a line of names: every space between words stays
        # Spaces between reporters' names in "（记者…）" stay; not in hard-wrapped text, where
        # letter-spacing puts spaces between every character.
        self.reporters = reporters

    def add(self, raw: str, start: int, end: int) -> None:
        if (
            start < end
            and not _WS.search(raw, start, end)
            and (self.pending_space < 0 or not self.chars)
        ):
            self.chars.extend(raw[start:end])  # fast path: a run with no spaces
            self.offs.extend(range(start, end))
            return
        # Run by run of non-space characters: only a run's first character can follow a
        # space, so only it needs the space decided.
        pos = start
        for m in _INK.finditer(raw, start, end):
            i, j = m.span()
            if i > pos and self.chars and self.pending_space < 0:
                self.pending_space = pos  # the first space of the gap
            if self.pending_space >= 0:
                prev, ch = self.chars[-1], raw[i]
                if (
                    self.keep_spaces
                    or (prev.isascii() and ch.isascii() and (prev.isalnum() or ch.isalnum()))
                    or (self.reporters and is_cjk(prev) and is_cjk(ch) and self._in_reporters())
                ):
                    self.chars.append(" ")
                    self.offs.append(self.pending_space)
                self.pending_space = -1
            self.chars.extend(raw[i:j])
            self.offs.extend(range(i, j))
            pos = j
        if pos < end and self.chars and self.pending_space < 0:
            self.pending_space = pos

    def _in_reporters(self) -> bool:
        """Inside "（记者唐诗凝 韩佳诺）": the space between two names is content."""
        tail = "".join(self.chars[-24:])
        k = tail.rfind("（")
        return k >= 0 and "）" not in tail[k:] and tail[k + 1 :].startswith(REPORTERS)

    def soft_break(self, raw_pos: int) -> None:
        """Join across a wrapped line end: a space only between two Latin letters."""
        self.line_ends.append(len(self.chars))
        if self.chars and self.chars[-1].isascii() and self.chars[-1].isalpha():
            self.pending_space = raw_pos
        else:
            self.pending_space = -1

    def take(self, **kw: object) -> Para | None:
        if not self.chars:
            return None
        p = Para("".join(self.chars), self.offs, **kw)  # type: ignore[arg-type]
        # Raw offsets of the characters that open a wrapped line: in hard-wrapped text a
        # paragraph can only end where a line does.
        p.extra["line_starts"] = frozenset(
            self.offs[k] for k in self.line_ends if 0 < k < len(self.offs)
        )
        self.chars, self.offs, self.pending_space, self.line_ends = [], [], -1, []
        return p


def _line_paras(raw: str, markdown: bool, lines: list[_Line]) -> list[Para]:
    out: list[Para] = []
    prev_gap = 3
    for ln in lines:
        text = ln.text
        b = _Builder(keep_spaces=is_name_line(text), reporters=True)
        kind, level, start = "text", 0, 0
        m = _MD_HEADING.match(text.lstrip()) if markdown else None
        if m:
            lead = len(text) - len(text.lstrip())
            kind, level, start = "heading", len(m.group(1)), lead + m.end()
        b.add(raw, ln.start + start, ln.start + len(text))
        p = b.take(kind=kind, level=level, hard_before=prev_gap >= 3 or kind == "heading")
        if p is not None:
            p.tight = prev_gap == 1
            p.tight_next = ln.gap == 1
            if out and p.tight:
                out[-1].tight = True
            out.append(p)
        prev_gap = ln.gap
    return out


def _wrapped_paras(raw: str, lines: list[_Line]) -> list[Para]:
    n = len(lines)
    if not n:
        return []
    gaps = Counter(ln.gap for ln in lines[:-1])
    sep = gaps.most_common(1)[0][0] if gaps else 2
    # What separates line i from line i+1: "tight" (a single newline inside a double-spaced
    # column: a block extraction kept apart, such as a title), "hard" (a bigger gap, or an
    # indented next line: a new text block), or "soft" (an ordinary wrap).
    after: list[str] = []
    for i in range(n - 1):
        g = lines[i].gap
        nxt = lines[i + 1].text
        if g < sep:
            after.append("tight")
        elif g > sep or nxt[:1].isspace():
            after.append("hard")
        else:
            after.append("soft")
    after.append("hard")
    # Column width is estimated among nearby lines of the same text block, since articles
    # on one page are set in columns of different widths.
    # Letter-spaced lines measure as what they hold, not as the spaces extraction added.
    widths = [display_width("".join(ln.text.split())) for ln in lines]
    block = [0] * n
    for i in range(1, n):
        block[i] = block[i - 1] + (after[i - 1] != "soft")
    out: list[Para] = []
    b = _Builder()
    before = "hard"
    first = True  # the line starts a paragraph (indented in print, so narrower)
    indented = True  # the paragraph's first line kept its indent: a new text block
    names = [is_name_line(ln.text) for ln in lines]  # byline lines stand alone
    for i, ln in enumerate(lines):
        if first:
            indented = i == 0 or ln.text[:1].isspace()
            b.keep_spaces = names[i]
        b.add(raw, ln.start, ln.start + len(ln.text))
        # A line set apart by a single newline after it is a heading or title line: a
        # text block of its own, so the paragraph before it ends too.
        nxt = lines[i + 1].text.strip() if i + 1 < n else ""
        brk = (
            after[i] != "soft"
            or (i + 1 < n and after[i + 1] == "tight" and not ends_sentence(nxt))
            or bool(DATELINE.match("".join(nxt.split())))
            or names[i]
            or (i + 1 < n and names[i + 1])
            or bool(_REPORTER_LINE.fullmatch("".join(nxt.split())))
            or bool(_DATELESS.match("".join(nxt.split())))
            or bool(_BULLET.match(nxt))
        )
        if not brk:
            lo, hi = max(0, i - 8), min(n, i + 9)
            # ``block`` never decreases, so the lines of this block are one slice.
            near = sorted(
                widths[bisect_left(block, block[i], lo, hi) : bisect_right(block, block[i], lo, hi)]
            )
            # Most lines of a column are full; a high quantile ignores wide stray lines.
            col = near[(len(near) * 2) // 3]
            # A paragraph's first line is measured against the lines after it too: the
            # text before may be another story, set in a wider column.
            ahead = bisect_right(block, block[i], i, hi)
            if first and ahead - i >= 6:
                col = min(col, sorted(widths[i:ahead])[((ahead - i) * 2) // 3])
            stripped = ln.text.strip()
            # Justified lines holding digits or Latin often measure a little short.
            slack = 3 + len(_ASCII_INK.findall(stripped))
            slack += 4 if first else 0
            if _BARE_DATELINE.match(stripped):
                brk = True  # "新华社北京7月18日电" on a line of its own closes an article
            elif (
                first
                and i > 0
                and after[i - 1] == "tight"
                and widths[i] < col - slack
                and not any(c in stripped for c in "，。：；")
            ):
                brk = True  # the short last line of a title set tight over two lines
            elif first and _NOTES_LINE.fullmatch(stripped):
                brk = True  # a credit or notes in brackets on a line of its own
            elif _opens_bracket(stripped):
                brk = False  # "…日电（记者邓" / "献忠）…": the bracket closes on the next line
            elif may_end_paragraph(stripped):
                # A complete line set tight under a title line, with no indent: a caption
                # or deck line of the title block, measured without a first line's indent.
                tight = i > 0 and after[i - 1] == "tight"
                tight_above = first and tight and not ln.text[:1].isspace()
                brk = (
                    widths[i] < col - slack + (4 if tight_above else 0)
                    or bool(_PARA_START.match(nxt))
                    # "…。（李虹）": a signature or dateline in brackets closes the paragraph.
                    or bool(CLOSED_TAIL.search(stripped))
                    or bool(_QUOTE_ATTRIBUTION.search(stripped))
                    # A line clearly wider than the column is not more of its text: a
                    # title set across columns.
                    or widths[i + 1] > col + 6
                    # A paragraph's short last line ends it; a short line that does not
                    # end a sentence after a complete one is a title of its own.
                    or (
                        "。" not in nxt
                        and not may_end_paragraph(nxt)
                        and widths[i + 1] < col * 0.75 - slack
                    )
                )
            elif first and _ITEM.match(nxt):
                brk = True  # a line standing alone, then "１、…": a title above a list
            elif (
                (not first and abs(widths[i] - widths[i - 1]) <= 2)
                or (
                    "，" in stripped
                    and abs(widths[i] - widths[i + 1]) <= 2
                    and not ends_sentence(nxt)
                )
                or (len("".join(nxt.split())) <= 3 and ends_sentence(nxt))
            ):
                # As wide as the paragraph's line before, or body text as wide as the next
                # line, which goes on: full lines of a column narrower than its neighbours.
                # A sentence's last character or two ("见。") are no paragraph of their own.
                brk = False
            elif first:
                # A paragraph's first line fills the column (less an indent); one that is
                # clearly shorter stands alone: a title or deck line.
                brk = widths[i] < col * 0.75 - slack + 7
            else:
                brk = widths[i] < col * 0.6
        if brk:
            p = b.take()
            if p is not None:
                p.hard_before = before == "hard" or indented
                p.tight = before == "tight" or after[i] == "tight"
                p.tight_next = after[i] == "tight"
                out.append(p)
            before = after[i] if after[i] != "soft" else "para"
        else:
            b.soft_break(ln.start + len(ln.text))
        first = brk
    return out


def _opens_bracket(line: str) -> bool:
    """The line leaves a bracket open: it cannot end a paragraph."""
    k = max(line.rfind("（"), line.rfind("("))
    return k >= 0 and "）" not in line[k:] and ")" not in line[k:]


def normalize(raw: str, layout: str | None = None) -> tuple[str, list[Para]]:
    """Detect the layout (unless given) and return it with the paragraphs of ``raw``."""
    lines = _lines(raw)  # split once: the layout and the paragraphs both read them
    layout = layout or detect_layout(raw, lines)
    if layout == "wrapped":
        return layout, _wrapped_paras(raw, lines)
    return layout, join_broken(_line_paras(raw, layout == "markdown", lines))
