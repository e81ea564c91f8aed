"""Title-block lines of a hard-wrapped version re-cut as the other version prints them.

In a PDF extraction the lines of a title block run together: a title wrapped over two
lines, a deck or a byline set tight under the title, the next story's title right after,
a title printed after its body glued to the body's last line. The version with reliable
line breaks (markdown headings, one line a paragraph) prints each of these lines on its
own. Where the wrapped version's pieces are made of exactly those lines, they are cut (or
joined) to match, and each part takes the role the reliable version gives its line.
"""

from __future__ import annotations

from reviewer.core.engine.sides import Piece, Side
from reviewer.core.text import CLOSERS, SENTENCE_END

_HEAD = frozenset({"title", "subtitle"})
_LINES = frozenset({"title", "subtitle", "byline", "caption"})
_LONGEST = 60  # a title-block line is short


class _Lines:
    """The reliable version's title-block lines: text → role, found by their first and
    last two characters; a line counts only where its text stands as whole lines there
    (never inside a longer paragraph)."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self.role: dict[str, str] = {}
        self.count: dict[str, int] = {}
        for p in side.pieces:
            t = side.stream[p.start : p.end]
            if len(t) > _LONGEST:
                continue
            short_para = p.role == "paragraph" and not _closed(t) and "。" not in t
            if p.role in _LINES or short_para:
                self.role.setdefault(t, p.role)
                self.count[t] = self.count.get(t, 0) + 1
        self.starting: dict[str, list[str]] = {}
        self.ending: dict[str, list[str]] = {}
        for t in sorted(self.role, key=len, reverse=True):  # longest first
            self.starting.setdefault(t[:2], []).append(t)
            self.ending.setdefault(t[-2:], []).append(t)
        self._alone: dict[str, bool] = {}

    def get(self, text: str) -> str | None:
        """The role of ``text`` if the reliable version prints it as a line of its own."""
        role = self.role.get(text)
        if role is None or len(text) < (2 if role in ("byline", "caption") else 4):
            return None
        alone = self._alone.get(text)
        if alone is None:
            alone = self._alone[text] = self.side.stream.count(text) == self.count[text]
        return role if alone else None


def _closed(text: str) -> bool:
    return bool(text) and (text[-1] in SENTENCE_END or text[-1] in CLOSERS)


def _cuts(text: str, role: str, lines: _Lines) -> list[tuple[int, str]]:
    """(position, role of the part starting there) for a piece made of reliable lines."""
    n = len(text)
    head = role in _HEAD
    out: list[tuple[int, str]] = []
    # Lines at the start: a title (or its first lines) glued to what follows.
    lo = 0
    while len(out) < 3 and n - lo >= 2:
        got = None
        for t in lines.starting.get(text[lo : lo + 2], ()):
            if lo + len(t) < n and text.startswith(t, lo):
                r = lines.get(t)
                if r is not None and (head or r in _HEAD):
                    got = (lo + len(t), r)
                    break
        if got is None:
            break
        out.append((lo, got[1]))
        lo = got[0]
    if out:
        out.append((lo, lines.get(text[lo:]) or role))
        return out
    # A line at the end: a title, byline or credit glued to the body's last line.
    for t in lines.ending.get(text[-2:], ()):
        k = n - len(t)
        if k > 0 and text.endswith(t) and (head or _closed(text[:k])):
            r = lines.get(t)
            if r is not None:
                return [(0, role), (k, r)]
    return []


def _joins(side: Side, lines: _Lines) -> set[int]:
    """Piece indexes i to join with i + 1: a title the wrapped version broke over pieces."""
    out: set[int] = set()
    pieces = side.pieces
    for i, p in enumerate(pieces):
        if p.size > _LONGEST or not (p.role in _LINES or p.role == "paragraph"):
            continue
        text = side.stream[p.start : p.end]
        if text in lines.role:
            continue
        for j in range(i + 1, min(i + 3, len(pieces))):
            q = pieces[j]
            if q.start != pieces[j - 1].end or q.role not in _LINES | {"paragraph"}:
                break
            text += side.stream[q.start : q.end]
            if len(text) > _LONGEST:
                break
            if lines.get(text) in _HEAD:
                out.update(range(i, j))
                break
    return out


def match_heads(a: Side, b: Side) -> None:
    """Re-cut the wrapped version's pieces where they are made of the other version's
    title-block lines."""
    if a.reliable_breaks == b.reliable_breaks:
        return
    rel, wrap = (a, b) if a.reliable_breaks else (b, a)
    lines = _Lines(rel)
    joins = _joins(wrap, lines)
    merged: list[Piece] = []
    for i, p in enumerate(wrap.pieces):
        if merged and (i - 1) in joins:
            last = merged[-1]
            text = wrap.stream[last.start : p.end]
            role = lines.get(text) or last.role
            merged[-1] = Piece(last.start, p.end, role, last.frag, p.weak_end)
        else:
            merged.append(p)
    out: list[Piece] = []
    for p in merged:
        text = wrap.stream[p.start : p.end]
        cuts = [] if text in lines.role else _cuts(text, p.role, lines)
        if not cuts:
            out.append(p)
            continue
        bounds = [k for k, _ in cuts] + [len(text)]
        for (s, role), e in zip(cuts, bounds[1:]):
            weak = p.weak_end if e == len(text) else True
            out.append(Piece(p.start + s, p.start + e, role, p.frag, weak))
    wrap.pieces = out
