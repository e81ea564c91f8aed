"""Word-level damage of one passage's two readings, each recorded as an exact variant."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

# (word, replacement): one version prints the other word
SUBSTITUTIONS = (
    ("发展", "进展"), ("进一步", "更进一步"), ("加快", "加速"), ("推动", "推进"),
    ("提高", "提升"), ("重要", "重大"), ("企业", "公司"), ("不断", "持续"), ("已经", "已"),
    ("目前", "当前"), ("工作", "任务"), ("问题", "难题"), ("表示", "指出"), ("积极", "主动"),
    ("全面", "全方位"), ("我国", "中国"), ("建设", "建成"), ("加强", "强化"), ("群众", "民众"),
    ("地区", "区域"), ("主要", "首要"), ("增长", "增加"), ("完成", "实现"), ("实行", "实施"),
    ("坚持", "坚守"), ("改革", "变革"), ("国家", "国度"), ("人民", "百姓"), ("成为", "变成"),
)  # fmt: skip
_FILLERS = "的了在是和与及等将已化地"
_SENTENCE_END = re.compile(r"[。！？][”’）]?")
_CLAUSE_END = re.compile(r"[，；：]")
_DIGITS = re.compile(r"[0-9０-９]+")


@dataclass
class Variant:
    kind: str
    left_at: int  # index into the passage's left reading
    left: str
    right_at: int
    right: str
    damaged: str


@dataclass
class Reading:
    """A passage's two readings while damage is applied (None where a version lacks it)."""

    left: str | None
    right: str | None
    variants: list[Variant] = field(default_factory=list)


def _apply(r: Reading, side: str, at: int, old: str, new: str, kind: str) -> None:
    """Replace ``old`` at ``at`` by ``new`` in ``side``'s reading: that version is damaged."""
    text = r.left if side == "left" else r.right
    assert text is not None and text[at : at + len(old)] == old
    changed = text[:at] + new + text[at + len(old) :]
    if side == "left":
        r.left = changed
        r.variants.append(Variant(kind, at, new, at, old, "left"))
    else:
        r.right = changed
        r.variants.append(Variant(kind, at, old, at, new, "right"))


def substitute(rng: random.Random, r: Reading) -> bool:
    """A word, a number or a filler character differs between the versions."""
    if r.left is None or r.right is None or r.left != r.right or r.variants:
        return False
    text = r.left
    side = rng.choice(("left", "right"))
    k = rng.random()
    options = [(a, b) for a, b in SUBSTITUTIONS if a in text[2:]]
    if options and k < 0.55:
        a, b = rng.choice(options)
        at = text.index(a, 2)
        _apply(r, side, at, a, b, "substitution")
        return True
    number = _DIGITS.search(text)
    if number and k < 0.75:
        digit = number.start() + rng.randrange(len(number.group()))
        old = text[digit]
        base = "０" if old >= "０" else "0"
        new = chr(ord(base) + (ord(old) - ord(base) + rng.randint(1, 8)) % 10)
        _apply(r, side, digit, old, new, "number")
        return True
    for _ in range(8):
        at = rng.randrange(2, max(3, len(text) - 2))
        if "\u4e00" <= text[at] <= "\u9fff" and "\u4e00" <= text[at - 1] <= "\u9fff":
            if rng.random() < 0.5:
                _apply(r, side, at, text[at], "", "insertion")  # one version lacks a char
            else:
                _apply(r, side, at, "", rng.choice(_FILLERS), "insertion")
            return True
    return False


def drop_last_sentence(rng: random.Random, r: Reading) -> bool:
    """One version lacks the paragraph's last sentence."""
    if r.left is None or r.right is None or r.left != r.right or r.variants:
        return False
    text = r.left
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if 12 <= m.end() < len(text) - 6]
    if not ends:
        return False
    cut = ends[-1]
    _apply(r, rng.choice(("left", "right")), cut, text[cut:], "", "dropped_sentence")
    return True


def splice_tail(rng: random.Random, r: Reading, donor: str) -> bool:
    """The web version ends the paragraph with the tail of another paragraph (``donor``)."""
    if r.left is None or r.right is None or r.left != r.right or r.variants:
        return False
    text = r.left
    cuts = [m.end() for m in _CLAUSE_END.finditer(text) if 8 <= m.end() < len(text) - 8]
    tails = [m.end() for m in _CLAUSE_END.finditer(donor) if 4 <= m.end() < len(donor) - 10]
    if not cuts or not tails:
        return False
    cut = rng.choice(cuts)
    tail = donor[rng.choice(tails) :]
    _apply(r, "left", cut, text[cut:], tail, "splice")
    return True


def clause_tail(rng: random.Random, text: str) -> str:
    """A tail of ``text`` starting after a clause or sentence end (the whole text if none)."""
    cuts = [m.end() for m in re.finditer(r"[，；。！？]", text) if 6 <= m.end() < len(text) - 20]
    return text[rng.choice(cuts) :] if cuts else text


def break_point(rng: random.Random, text: str) -> int | None:
    """Where a web version breaks a sentence mid-way into two paragraphs."""
    spots = [
        i
        for i in range(10, len(text) - 10)
        if "\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i] <= "\u9fff"
    ]
    return rng.choice(spots) if spots else None
