"""Character classes and small text helpers shared by the engine stages."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A sentence (or a paragraph that may end here) ends with one of these, possibly followed
# by closing quotes/brackets.
SENTENCE_END = frozenset("。！？!?…")
CLOSERS = frozenset("”’」』）)】》\"'")
OPENERS = frozenset("“‘「『（(【《")
NUM = r"[0-9０-９一二三四五六七八九十]+"
# Datelines of every common form, on whitespace-free text: "新华社北京7月18日电（记者X）",
# "（新华社北京7月18日电）", "据新华社莫斯科12月30日电", "本报南宁1月12日电", "本报讯（记者X）".
DATELINE = re.compile(
    rf"^（?(?:据?(?:新华社|中新社|本报)[^\s，。：（）]{{0,10}}?{NUM}月{NUM}日[电讯]|本报讯)）?"
    r"(?:（[^）]{0,30}）)?"
)
# A dateline whose place carries its region in brackets, "新华社杰里科（约旦河西岸）1月25日电":
# it opens a story like any other, though it stays part of its paragraph.
REGION_DATELINE = re.compile(
    rf"^据?(?:新华社|中新社|本报)[^\s，。：（）]{{1,10}}（[^\s，。：（）]{{2,8}}）{NUM}月{NUM}日[电讯]"
)
# Line endings after which a paragraph may also end ("体系——", "问：").
SOFT_END = frozenset("——：:")


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2FFFF
        or 0xF900 <= o <= 0xFAFF
    )


def is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Display width: 2 for wide (CJK) characters, 1 otherwise."""
    eaw = unicodedata.east_asian_width(ch)
    # Ambiguous-width punctuation (“”…—) is set full width in Chinese print.
    return 2 if eaw in "WF" or (eaw == "A" and ord(ch) > 0x2000) else 1


def display_width(s: str) -> int:
    return sum(map(char_width, s))


def ends_sentence(s: str) -> bool:
    """True if ``s`` ends like a complete sentence ("。", "？”", "……")."""
    s = s.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in SENTENCE_END


# A short bracketed note after the last sentence: "…核收。（张福纯）", "…。（新华社稿）".
_TRAILING_NOTE = re.compile(r"[（(][^（()）]{1,30}[）)]$")


def may_end_paragraph(s: str) -> bool:
    s = s.rstrip()
    note = _TRAILING_NOTE.search(s)
    if note and note.start() > 0 and ends_sentence(s[: note.start()]):
        return True
    return ends_sentence(s) or s.endswith("——") or (bool(s) and s[-1] in "：:")


def _fold_char(ch: str) -> str:
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:  # full-width ASCII variants
        return chr(o - 0xFEE0)
    if ch in "\u3000\u00a0":
        return " "
    return ch


_FOLD_TABLE = {o: _fold_char(chr(o)) for o in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({0x3000: " ", 0x00A0: " ", 0x2014: "-", 0x2015: "-"})


_FOLD_CHARS = {chr(o): v for o, v in _FOLD_TABLE.items()}
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000\u00a0\u2014\u2015]")


def fold(s: str) -> str:
    """Comparison form: full-width letters/digits/punctuation as ASCII, dashes unified.

    Used only to compare; the displayed text keeps its characters.
    """
    # Same as s.translate(_FOLD_TABLE), but a text holds only a few distinct foldable
    # characters ("，。（）"), and replacing each of them is about twice as fast as
    # translate's per-character lookup. No replacement is itself foldable.
    for ch in set(_FOLDABLE.findall(s)):
        s = s.replace(ch, _FOLD_CHARS[ch])
    return s


_SPACE = re.compile(r"\s")


def canon(s: str) -> str:
    """Whitespace-free, width-folded form: two readings that differ only in layout agree."""
    return "".join(fold(s).split())


def canon_with_index(s: str) -> tuple[str, list[int]]:
    """``canon(s)`` and, for each of its characters, the index of that character in ``s``."""
    f = fold(s)
    if not _SPACE.search(f):  # the common case: nothing to drop
        return f, list(range(len(f)))
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(f):
        if not ch.isspace():
            out.append(ch)
            idx.append(i)
    return "".join(out), idx
