"""Raw text of each version, built piece by piece with an exact map back to the passages.

A *block* is a run of passages printed together (a dateline glued to its paragraph, a
title). Rendering a block gives its raw text and, for every character of the clean text,
its raw offset, so passage and variant spans stay exact whatever layout is applied.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

Segment = tuple[str, str]  # (passage id, text)

_ATOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%/]*|.", re.S)
_NO_LINE_START = frozenset("，。、；：！？”’）》』…—%")


@dataclass
class Builder:
    """One version's raw text, with each passage's raw offsets."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    offsets: dict[str, list[int]] = field(default_factory=dict)  # passage → raw offset per char

    def add(self, raw: str, index: list[int] | None = None, segs: list[Segment] = ()) -> None:
        """Append ``raw``; ``index`` maps each char of the concatenated ``segs`` into it."""
        if index is not None:
            pos = 0
            for pid, text in segs:
                self.offsets.setdefault(pid, []).extend(
                    self.size + i for i in index[pos : pos + len(text)]
                )
                pos += len(text)
        self.parts.append(raw)
        self.size += len(raw)

    def text(self) -> str:
        return "".join(self.parts)


def plain(segs: list[Segment], prefix: str = "", joiner: str = "") -> tuple[str, list[int]]:
    """Segments printed as they are (``joiner`` between them), after ``prefix``."""
    raw: list[str] = [prefix]
    index: list[int] = []
    pos = len(prefix)
    for k, (_pid, text) in enumerate(segs):
        if k and joiner:
            raw.append(joiner)
            pos += len(joiner)
        index.extend(range(pos, pos + len(text)))
        raw.append(text)
        pos += len(text)
    return "".join(raw), index


def broken(text_segs: list[Segment], cut: int) -> tuple[str, list[int]]:
    """A paragraph broken mid-sentence into two web paragraphs at clean index ``cut``."""
    raw, index = plain(text_segs)
    at = index[cut]
    return raw[:at] + "\n\n" + raw[at:], index[:cut] + [i + 2 for i in index[cut:]]


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "，。、；：！？“”（）《》"


def wrapped(
    rng: random.Random, segs: list[Segment], width: int, spacing: bool, indent: str = ""
) -> tuple[str, list[int]]:
    """A PDF column: hard-wrapped lines of about ``width`` CJK chars, a blank line after each.

    ASCII runs (digits, Latin) count half and, with ``spacing``, get a space on each side
    next to an ideograph ("7 月 11 日"); now and then a justified line is letter-spaced.
    """
    clean = "".join(t for _p, t in segs)
    atoms: list[tuple[int, str]] = []
    for m in _ATOM.finditer(clean):
        atoms.append((m.start(), m.group()))
    lines: list[list[tuple[int, str]]] = [[]]
    used = 0.0
    for start, atom in atoms:
        w = (len(atom) + 1) // 2 if atom.isascii() else 1
        if lines[-1] and used + w > width and atom[0] not in _NO_LINE_START:
            lines.append([])
            used = 0.0
        lines[-1].append((start, atom))
        used += w
    raw: list[str] = [indent]
    pos = len(indent)
    index = [0] * len(clean)
    for n, line in enumerate(lines):
        spaced = n < len(lines) - 1 and len(line) > 6 and rng.random() < 0.03
        prev = ""
        for start, atom in line:
            sep = ""
            if (prev and spaced) or (
                prev
                and spacing
                and (
                    (atom[0].isascii() and atom[0].isalnum() and _is_cjk(prev[-1]))
                    or (prev[-1].isascii() and prev[-1].isalnum() and _is_cjk(atom[0]))
                )
            ):
                sep = " "
            raw.append(sep)
            pos += len(sep)
            for k in range(len(atom)):
                index[start + k] = pos + k
            raw.append(atom)
            pos += len(atom)
            prev = atom
        tail = "\n\n"
        raw.append(tail)
        pos += len(tail)
    return "".join(raw), index
