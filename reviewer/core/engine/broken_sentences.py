"""Web paragraphs broken mid-sentence: a line that stops where a sentence cannot end is joined
with the one that goes on with it ("谢少峰在 / 当天的发布会上说", "政策体系 / 进一步完善。")."""

from __future__ import annotations

import re

from reviewer.core.engine.paragraph import CLOSED_TAIL, REPORTERS, Para, is_name_line
from reviewer.core.text import DATELINE, is_cjk, may_end_paragraph

# One-character words a sentence (or a heading) never stops on: prepositions, conjunctions,
# structural particles. "谢少峰在 / 当天的发布会上说" is one sentence.
_OPEN_WORDS = frozenset("在和与及或并而且的地得对把被将向从为以于给跟同由经")
_NOT_A_START = "（(【[《“‘—●·"


def _cut_inside_word(head: str, tail: str) -> bool:
    """jieba reads a dictionary word across the break ("…加 / 快…")."""
    from reviewer.core.engine.diff import tokenizer  # jieba, loaded once

    left = head[-4:]
    pos = 0
    for word in tokenizer().cut(left + tail[:4], HMM=False):
        if pos < len(left) < pos + len(word):
            return True
        pos += len(word)
        if pos >= len(left):
            return False
    return False


def _stops_on_open_word(head: str) -> bool:
    from reviewer.core.engine.diff import tokenizer

    words = list(tokenizer().cut(head[-6:], HMM=False))
    return bool(words) and words[-1] in _OPEN_WORDS


def _short_predicate(tail: str) -> bool:
    """The next paragraph opens with a sentence too short to stand alone ("进一步完善。")."""
    m = re.search(r"[。！？]", tail)
    return m is not None and 2 <= m.start() <= 6 and not re.search(r"[，、；：]", tail[: m.start()])


def _broken_pair(a: Para, b: Para) -> bool:
    """``a`` is body text cut mid-sentence and ``b`` goes on with it."""
    if a.kind != "text" or b.kind != "text" or (b.hard_before and not b.text):
        return False
    head, tail = "".join(a.text.split()), "".join(b.text.split())
    if not tail or tail[0] in _NOT_A_START or DATELINE.match(tail) or may_end_paragraph(head):
        return False
    if CLOSED_TAIL.search(head):
        return False  # "…硬挺。”（本报渥太华电）", "…高达100%。（李虹）": complete
    if len(head) >= 20 and any(ch in head for ch in "，。、；"):
        return True
    # A short line with no sentence end may be a heading, a byline or a credit: join it only
    # when its last word cannot end one.
    if len(head) < 8 or is_name_line(a.text) or any(r in head for r in REPORTERS):
        return False
    if not (is_cjk(head[-1]) and is_cjk(tail[0])):
        return False
    return _stops_on_open_word(head) or _cut_inside_word(head, tail) or _short_predicate(tail)


def join_broken(paras: list[Para]) -> list[Para]:
    """Join a paragraph that stops mid-sentence with the one that goes on with it."""
    out: list[Para] = []
    for p in paras:
        if not (out and _broken_pair(out[-1], p)):
            out.append(p)
            continue
        prev = out[-1]
        text, offs = prev.text, prev.offsets
        if (
            text[-1:].isascii()
            and text[-1:].isalnum()
            and p.text[:1].isascii()
            and p.text[:1].isalnum()
        ):
            text, offs = text + " ", [*offs, offs[-1]]  # two Latin words stay apart
        out[-1] = Para(
            text + p.text, offs + p.offsets, prev.kind, prev.level, prev.hard_before, prev.tight
        )
        out[-1].tight_next = p.tight_next
    return out
