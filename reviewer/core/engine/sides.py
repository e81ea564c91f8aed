"""One version as the engine aligns it: a canonical, layout-free character stream cut into
*pieces* (paragraphs, titles, bylines…), each mapped back to its raw text."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from reviewer.core.engine.segment import Block
from reviewer.core.text import canon_with_index, may_end_paragraph


@dataclass
class Piece:
    """A [start, end) range of a side's stream: one unit-to-be."""

    start: int
    end: int
    role: str
    frag: int
    weak_end: bool  # ends mid-sentence (no paragraph-ending punctuation)

    @property
    def size(self) -> int:
        return self.end - self.start


class Side:
    """One source as a stream of canonical characters over its blocks."""

    def __init__(
        self,
        blocks: list[Block],
        reliable_breaks: bool = True,
        strong_frags: set[int] | None = None,
        titles_after: bool = False,
        candidate_frags: set[int] | None = None,
    ) -> None:
        self.titles_after = titles_after  # titles are printed after their bodies
        # Fragments whose title block is only title-like: it may be a section head.
        self.candidate_frags = candidate_frags or set()
        self.reliable_breaks = reliable_breaks
        # Fragments whose start is strong evidence of a new article (see segment.py).
        self.strong_frags = strong_frags if strong_frags is not None else {b.frag for b in blocks}
        self.blocks = sorted(blocks, key=lambda b: b.para.raw[0])
        self.marks_headings = any(b.para.kind == "heading" for b in self.blocks)
        parts: list[str] = []
        self.bstart: list[int] = []
        self.cmap: list[list[int]] = []  # per block: canonical index → display index
        pos = 0
        for b in self.blocks:
            c, idx = canon_with_index(b.text)
            self.bstart.append(pos)
            self.cmap.append(idx)
            parts.append(c)
            pos += len(c)
        self.stream = "".join(parts)
        self.pieces = [
            Piece(s, s + len(self.cmap[i]), b.role, b.frag, not may_end_paragraph(b.text))
            for i, (s, b) in enumerate(zip(self.bstart, self.blocks))
            if self.cmap[i]
        ]

    def starts(self) -> list[int]:
        return [p.start for p in self.pieces]

    @functools.cached_property
    def _line_starts(self) -> tuple[frozenset[int], list[bool]]:
        starts: set[int] = set()
        known: list[bool] = []
        for b, cm, s0 in zip(self.blocks, self.cmap, self.bstart):
            raw_starts = b.para.extra.get("line_starts")
            known.append(raw_starts is not None)
            if raw_starts:
                offs = b.para.offsets
                starts.update(s0 + k for k, d in enumerate(cm) if k and offs[d] in raw_starts)
        return frozenset(starts), known

    def at_line_end(self, pos: int) -> bool:
        """A cut before ``pos`` falls at the end of a line of the source.

        True where the source's lines are not known (lines of a web page are paragraphs).
        """
        if self.reliable_breaks:
            return True
        starts, known = self._line_starts
        bi = bisect.bisect_right(self.bstart, pos) - 1
        return bi < 0 or not known[bi] or pos == self.bstart[bi] or pos in starts

    def text(self, piece: Piece) -> tuple[str, tuple[int, int], list[int]]:
        """Display text of a piece, its raw span, and the raw offset of each character."""
        out: list[str] = []
        offs: list[int] = []
        bi = bisect.bisect_right(self.bstart, piece.start) - 1
        while bi < len(self.blocks) and self.bstart[bi] < piece.end:
            b, cm, s0 = self.blocks[bi], self.cmap[bi], self.bstart[bi]
            lo = max(piece.start, s0) - s0
            hi = min(piece.end, s0 + len(cm)) - s0
            if lo < hi:
                d0 = 0 if lo == 0 else cm[lo]
                d1 = len(b.text) if hi == len(cm) else cm[hi]
                seg = b.text[d0:d1].strip()
                if seg:
                    lead = b.text[d0:d1].index(seg[0]) + d0
                    if (
                        out
                        and out[-1][-1:].isascii()
                        and out[-1][-1:].isalnum()
                        and (seg[0].isascii() and seg[0].isalnum())
                    ):
                        out.append(" ")
                        offs.append(offs[-1])
                    out.append(seg)
                    offs.extend(b.para.offsets[lead : lead + len(seg)])
            bi += 1
        text = "".join(out)
        raw = (offs[0], offs[-1] + 1) if offs else (0, 0)
        return text, raw, offs
