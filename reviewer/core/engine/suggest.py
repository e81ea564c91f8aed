"""Suggested readings: which reading of a conflict is probably the undamaged one, and why.

Each signal is one an editor can check by eye, and gives a short reason:

- a doubled word ("升级升级" against "升级"): the single reading wins;
- a pasted passage: a reading that also occurs elsewhere on the page loses ("also at ¶3.2");
- a dropped sentence or passage: the side that has it wins;
- extraction artefacts: a lost bracket, stray control characters;
- broken words: a deletion or a substitution that leaves non-words loses, judged by jieba's
  dictionary (the word that the other reading completes, and the log-probability per
  character of jieba's best segmentation of the clause with each reading);
- two valid words of similar frequency ("通过"/"经过"), numbers, punctuation: no suggestion.

Pure functions of the Alignment; the pipeline calls ``suggest_alignment`` last.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import replace
from functools import lru_cache

from reviewer.core.engine.diff import tokenizer
from reviewer.core.model import Alignment, Conflict, Suggestion, Unit
from reviewer.core.text import CLOSERS, OPENERS, canon, is_cjk

_PUNCT = frozenset("，。、；：！？…—·“”‘’「」『』（）()《》【】,.;:!?-\"'")
_CLAUSE_END = frozenset("，。、；：！？!?;")
# Characters no printed page has: left behind by extraction (soft hyphen, zero width...).
_JUNK = frozenset("\ufffd\u200b\u200c\u200d\u00ad\ufeff\u2028\u2029\x0c")
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"), ("「", "」"))
_MIN_WORD_FREQ = 20  # dictionary words rarer than this prove nothing
_PASSAGE = 5  # an inserted run this long (CJK characters) is a passage, not a word
_WINDOW = 8  # characters of context around a reading when scoring it
# Function characters: what a stray insertion (or a doubled character) usually is.
_FUNCTION = frozenset("的了在是和与及等将已地着过也都就而之其")
# Confidences without dictionary evidence, calibrated on generated pages (reviewer/dev).
_STRAY = 0.9
_STRAY_DE = 0.6
_LOST_WORD = 0.75
_LOST_CHAR = 0.65
_COMMONER = 0.9
_RARER = 2.0  # log frequency ratio from which the commoner of two valid words is suggested


def _other(side: str) -> str:
    return "right" if side == "left" else "left"


class _Page:
    """Every unit text of one side, searchable for "does this passage occur elsewhere"."""

    def __init__(self, alignment: Alignment, side: str) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._where: list[tuple[int, int]] = []
        pos = 0
        for ai, art in enumerate(alignment.articles):
            for ui, unit in enumerate(art.units):
                text = canon(unit.text(side) or "")  # type: ignore[arg-type]
                self._starts.append(pos)
                self._where.append((ai, ui))
                parts.append(text)
                pos += len(text) + 1
        self._text = "\x00".join(parts)

    def elsewhere(self, needle: str, here: tuple[int, int]) -> tuple[int, int] | None:
        """(article, unit) of an occurrence of ``needle`` outside unit ``here``."""
        start = self._text.find(needle)
        while start >= 0:
            where = self._where[bisect.bisect_right(self._starts, start) - 1]
            if where != here:
                return where
            start = self._text.find(needle, start + 1)
        return None


def _label(where: tuple[int, int]) -> str:
    return f"¶{where[0] + 1}.{where[1] + 1}"


# --- jieba ------------------------------------------------------------------------------
def _freq(word: str) -> int:
    return tokenizer().dt.FREQ.get(word) or 0


@lru_cache(maxsize=4096)  # the same clause window is asked about by several signals
def _route(s: str) -> tuple[float, tuple[tuple[int, str], ...]]:
    """jieba's best segmentation of ``s`` (dictionary only): log-probability and words."""
    dt = tokenizer().dt
    dag = dt.get_DAG(s)
    route: dict[int, tuple[float, int]] = {}
    dt.calc(s, dag, route)
    words: list[tuple[int, str]] = []
    i = 0
    while i < len(s):
        j = route[i][1] + 1
        words.append((i, s[i:j]))
        i = j
    return (route[0][0] if s else 0.0), tuple(words)


def _word_over(s: str, lo: int, hi: int) -> str | None:
    """The commonest dictionary word of the best route over ``s`` that covers part of
    [lo, hi) and reaches beyond it: the word an inserted/replaced run completes."""
    best: tuple[int, str] | None = None
    for start, w in _route(s)[1]:
        end = start + len(w)
        if len(w) < 2 or end <= lo or start >= hi or (lo <= start and end <= hi):
            continue
        f = _freq(w)
        if f >= _MIN_WORD_FREQ and (best is None or f > best[0]):
            best = (f, w)
    return best[1] if best else None


def _word_across(full: str, junction: int) -> str | None:
    """The commonest dictionary word of the best route that spans ``junction``."""
    a, b = _clause(full, junction, junction)
    best: tuple[int, str] | None = None
    for start, w in _route(full[a:b])[1]:
        f = _freq(w)
        if a + start < junction < a + start + len(w) and f >= _MIN_WORD_FREQ:
            best = max(best or (f, w), (f, w))
    return best[1] if best else None


def _clause(full: str, lo: int, hi: int) -> tuple[int, int]:
    """[a, b) around [lo, hi): at most _WINDOW characters each side, within the clause."""
    a = lo
    while a > 0 and lo - a < _WINDOW and full[a - 1] not in _CLAUSE_END:
        a -= 1
    b = hi
    while b < len(full) and b - hi < _WINDOW and full[b] not in _CLAUSE_END:
        b += 1
    return a, b


def _per_char(s: str) -> float:
    return _route(s)[0] / max(1, len(s))


# --- the signals ------------------------------------------------------------------------
def _insertion(short: str, long: str) -> int | None:
    """Where ``long`` is ``short`` with one run inserted: the run's start in ``long``."""
    if len(long) <= len(short):
        return None
    p = 0
    while p < len(short) and short[p] == long[p]:
        p += 1
    k = len(long) - len(short)
    return p if long[p + k :] == short[p:] else None


def _has_digits(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def _only(s: str, chars: frozenset[str]) -> bool:
    return all(ch in chars for ch in s)


def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in _PAIRS if o != c)


_UNSURE = Suggestion("left", "", 0.0)  # a signal applies and says nobody can tell


def _artefact(unit: Unit, lt: str, rt: str) -> Suggestion | None:
    """Readings that differ only by junk characters or by brackets/quotes."""
    lj = "".join(ch for ch in lt if ch not in _JUNK)
    rj = "".join(ch for ch in rt if ch not in _JUNK)
    if lj == rj:
        side = "right" if len(lt) > len(rt) else "left"  # the side without the junk
        return Suggestion(side, "extraction artefact on the " + _other(side), 0.95)
    marks = OPENERS | CLOSERS
    if "".join(ch for ch in lt if ch not in marks) == "".join(ch for ch in rt if ch not in marks):
        lb, rb = _balanced(unit.left or ""), _balanced(unit.right or "")
        if lb != rb:
            side = "left" if lb else "right"
            diff = "".join(ch for ch in (lt if lb else rt) if ch in marks) or "bracket"
            return Suggestion(side, f"{_other(side)} lost the bracket {diff}", 0.93)
        return _UNSURE  # both consistent: a style difference, nobody can tell
    return None


def _doubled(full: str, p: int, run: str) -> bool:
    """Is the run inserted at ``p`` of ``full`` a repetition of its neighbour?"""
    k = len(run)
    if _has_digits(run) or _only(run, _PUNCT):
        return False
    if full[p - k : p] != run and full[p + k : p + 2 * k] != run:
        return False
    return _freq(run + run) == 0  # 常常, 看看: the dictionary knows real reduplications


@lru_cache(maxsize=64)  # a unit's conflicts are suggested one after the other
def _full(unit: Unit) -> dict[str, str]:
    return {"left": canon(unit.left or ""), "right": canon(unit.right or "")}


def _suggest(
    unit: Unit, c: Conflict, here: tuple[int, int], pages: dict[str, _Page]
) -> Suggestion | None:
    lt, rt = canon(c.left), canon(c.right)
    if lt == rt:
        return None
    art = _artefact(unit, lt, rt)
    if art is not None:
        return None if art is _UNSURE else art
    if _only(lt, _PUNCT) and _only(rt, _PUNCT):
        return None  # 、 against ，: a style choice
    long_cjk = max(sum(1 for ch in t if is_cjk(ch)) for t in (lt, rt))
    if (_has_digits(lt) or _has_digits(rt)) and long_cjk < _PASSAGE:
        return None  # 11 against 1.1: only the source can tell
    full = _full(unit)
    at = {
        "left": len(canon((unit.left or "")[: c.left_start])),
        "right": len(canon((unit.right or "")[: c.right_start])),
    }
    reading = {"left": lt, "right": rt}

    # A pure insertion: one reading is the other with a run added.
    for long in ("left", "right"):
        short = _other(long)
        p = _insertion(reading[short], reading[long])
        if p is None:
            continue
        run = reading[long][p : p + len(reading[long]) - len(reading[short])]
        pos = at[long] + p
        if _doubled(full[long], pos, run):
            return Suggestion(short, f"doubled word {run}", 0.95)
        cjk = sum(1 for ch in run if is_cjk(ch))
        if cjk >= _PASSAGE:
            where = pages[long].elsewhere(run, here)
            if where is not None:
                return Suggestion(short, f"also at {_label(where)}: pasted text", 0.9)
            what = "sentence" if run[-1] in "。！？；，" or len(run) >= 12 else "passage"
            return Suggestion(long, f"{what} missing on the {short}", 0.93)
        return _short_insertion(full, at, reading, long, pos, run)

    # A substitution: a pasted passage, or the reading that reads as words.
    for side in ("left", "right"):
        # Short names and phrases (国家旅游局) recur on a page: only a long run is pasted.
        if sum(1 for ch in reading[side] if is_cjk(ch)) >= 2 * _PASSAGE:
            where = pages[side].elsewhere(reading[side], here)
            if where is not None and pages[_other(side)].elsewhere(reading[_other(side)], here):
                return None  # both readings occur elsewhere: no telling
            if where is not None:
                return Suggestion(_other(side), f"also at {_label(where)}: pasted text", 0.9)
    return _substitution(full, at, reading)


def _short_insertion(
    full: dict[str, str], at: dict[str, int], reading: dict[str, str], long: str, pos: int, run: str
) -> Suggestion | None:
    """A character or two only one side has. A content character is usually lost (the
    side that has it wins, surely when it completes a word); a function character (的, 在,
    和...) is usually stray (the side without it wins, surely when it splits a word)."""
    short = _other(long)
    word = _word_over(*_window(full[long], pos, pos + len(run)))
    junction = at[short] + (pos - at[long])
    rival = _word_across(full[short], junction)
    if word is not None:
        rest = word.replace(run, "", 1)
        if len(rest) >= 2 and _freq(rest) * 4 >= _freq(word):
            return Suggestion(long, f"two valid readings: {word} / {rest}", 0.5)
    if rival is not None and (word is None or _freq(rival) >= 4 * _freq(word)):
        return Suggestion(short, f"{long} breaks the word {rival}", 0.9)
    if word is not None and (rival is None or _freq(word) >= 4 * _freq(rival)):
        return Suggestion(long, f"{short} breaks the word {word}", 0.9)
    if word is not None:
        return Suggestion(long, f"{short} lacks {run} ({word} / {rival})", 0.6)
    if _only(run, _FUNCTION):
        # 的 is so common that losing one is about as likely as gaining one, and a
        # conjunction between two whole words is often part of a name (住房和城乡建设部).
        text = full[long]
        joins = run in ("和", "与", "及") and all(
            _freq(w) >= _MIN_WORD_FREQ
            for w in (text[max(0, pos - 2) : pos], text[pos + 1 : pos + 3])
        )
        sure = _STRAY_DE if "的" in run or joins else _STRAY
        return Suggestion(short, f"stray {run} on the {long}", sure)
    if len(run) >= 2 and _freq(run) >= _MIN_WORD_FREQ:
        return Suggestion(long, f"word {run} missing on the {short}", _LOST_WORD)
    return Suggestion(long, f"{short} lacks {run}", _LOST_CHAR)


def _window(full: str, lo: int, hi: int) -> tuple[str, int, int]:
    """The clause window around [lo, hi) and the run's offsets inside it."""
    a, b = _clause(full, lo, hi)
    return full[a:b], lo - a, hi - a


def _orphans(s: str, lo: int, hi: int) -> int:
    """Characters at or next to [lo, hi) that jieba's best route leaves as one-character
    tokens: a damaged reading strands the characters of the word it broke."""
    n = 0
    for start, w in _route(s)[1]:
        if len(w) == 1 and is_cjk(w) and lo - 1 <= start <= hi:
            n += 1
    return n


def _substitution(
    full: dict[str, str], at: dict[str, int], reading: dict[str, str]
) -> Suggestion | None:
    """Two different readings: the one that strands fewer characters as non-words wins."""
    orphans: dict[str, int] = {}
    score: dict[str, float] = {}
    word: dict[str, str | None] = {}
    for side in ("left", "right"):
        lo, hi = at[side], at[side] + len(reading[side])
        s, wlo, whi = _window(full[side], lo, hi)
        orphans[side] = _orphans(s, wlo, whi)
        score[side] = _per_char(s)
        word[side] = _word_over(s, wlo, whi) or (reading[side] if _freq(reading[side]) else None)
    gap = orphans["left"] - orphans["right"]
    if gap == 0:  # both read as words, or both strand the same: compare the words
        return _commoner(full, at, reading)
    win = "right" if gap > 0 else "left"
    lose = _other(win)
    if word[win] is None:
        return None
    delta = score[win] - score[lose]
    conf = 0.9 if abs(gap) >= 2 and delta > -0.5 else 0.7 if delta > -0.5 else 0.5
    return Suggestion(win, f"{lose} breaks the word {word[win]}", conf)


def _core_word(full: str, lo: int, hi: int) -> str | None:
    """The dictionary word of the best route around the changed core [lo, hi), when the
    core lies inside exactly one multi-character word; None otherwise."""
    s, wlo, whi = _window(full, lo, hi)
    over = [w for start, w in _route(s)[1] if start < max(whi, wlo + 1) and start + len(w) > wlo]
    if len(over) != 1 or len(over[0]) < 2 or _freq(over[0]) < _MIN_WORD_FREQ:
        return None
    return over[0]


def _commoner(
    full: dict[str, str], at: dict[str, int], reading: dict[str, str]
) -> Suggestion | None:
    """Two valid words (发展 / 进展): the much commoner one, when the dictionary's
    frequencies differ a lot; none when they are alike (通过 / 经过)."""
    lt, rt = reading["left"], reading["right"]
    p = 0
    while p < min(len(lt), len(rt)) and lt[p] == rt[p]:
        p += 1
    q = 0
    while q < min(len(lt), len(rt)) - p and lt[-1 - q] == rt[-1 - q]:
        q += 1
    word = {
        side: _core_word(full[side], at[side] + p, at[side] + len(reading[side]) - q)
        for side in ("left", "right")
    }
    wl, wr = word["left"], word["right"]
    if wl is None or wr is None or wl == wr:
        return None
    core_l, core_r = lt[p : len(lt) - q], rt[p : len(rt) - q]
    if not core_l or core_l not in wl or wl.replace(core_l, core_r, 1) != wr:
        return None  # not the same word with the core swapped: frequencies say nothing
    ratio = math.log((_freq(word["left"]) + 1) / (_freq(word["right"]) + 1))
    if abs(ratio) < _RARER:
        return None
    win = "left" if ratio > 0 else "right"
    lose = _other(win)
    return Suggestion(win, f"{lose} has the rarer word {word[lose]} ({word[win]})", _COMMONER)


def suggest_alignment(alignment: Alignment) -> Alignment:
    """The alignment with a suggestion (or None) on every conflict."""
    if not any(u.conflicts for _a, u in alignment.units()):
        return alignment
    pages = {"left": _Page(alignment, "left"), "right": _Page(alignment, "right")}
    articles = []
    for ai, art in enumerate(alignment.articles):
        units = []
        for ui, unit in enumerate(art.units):
            if unit.conflicts:
                conflicts = tuple(
                    replace(c, suggestion=_suggest(unit, c, (ai, ui), pages))
                    for c in unit.conflicts
                )
                unit = replace(unit, conflicts=conflicts)
            units.append(unit)
        articles.append(replace(art, units=tuple(units)))
    return replace(alignment, articles=tuple(articles))
