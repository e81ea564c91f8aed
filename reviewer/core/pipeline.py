"""The engine's front door: two sources in, one Alignment out.

PLACEHOLDER: pairs blank-line paragraphs by position; replaced by the real stages
(normalize → segment → align → diff) as they land.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import Indel

from reviewer.core.model import Alignment, Article, Conflict, Source, Unit, content_id
from reviewer.core.read import read_source

Progress = Callable[[str, float], None]


def _paras(text: str) -> list[tuple[str, int, int]]:
    out, pos = [], 0
    for block in text.split("\n\n"):
        s = block.strip()
        if s:
            start = text.index(s, pos)
            out.append((s, start, start + len(s)))
            pos = start + len(s)
    return out


def align_sources(left: Source, right: Source, progress: Progress | None = None) -> Alignment:
    lp, rp = _paras(left.text), _paras(right.text)
    units = []
    for i in range(max(len(lp), len(rp))):
        lt = lp[i] if i < len(lp) else None
        rt = rp[i] if i < len(rp) else None
        conflicts: list[Conflict] = []
        if lt and rt:
            for op in Indel.opcodes(lt[0], rt[0]):
                if op.tag != "equal":
                    a, b = lt[0][op.src_start : op.src_end], rt[0][op.dest_start : op.dest_end]
                    conflicts.append(
                        Conflict(content_id("c", a, b, i, op.src_start), a, b,
                                 op.src_start, op.src_end, op.dest_start, op.dest_end)
                    )
                if len(conflicts) >= 3:
                    break
        uid = content_id("u", lt and lt[0], rt and rt[0])
        units.append(Unit(uid, "paragraph", lt and lt[0], rt and rt[0], None, tuple(conflicts),
                          lt and lt[1:], rt and rt[1:]))
    art = Article(content_id("a", "placeholder"), "placeholder", tuple(units))
    return Alignment(left, right, (art,))


def align_files(
    left_path: str | Path, right_path: str | Path, progress: Progress | None = None
) -> Alignment:
    """Read both files (ReadError on bad input) and align them."""
    return align_sources(read_source(left_path), read_source(right_path), progress)
