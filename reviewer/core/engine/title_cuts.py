"""Where two titles share one text: a story titled above runs on, with no break the
extraction shows, into a story whose title is printed after it. The cut is read from the
words each title shares with the text on its side, from a signature closing a paragraph,
and from photo credits and new text blocks where the words tie.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.core.engine.paragraph import CLOSED_TAIL
from reviewer.core.engine.roles import is_end_marker, squeeze
from reviewer.core.engine.titles import bigrams

if TYPE_CHECKING:
    from reviewer.core.engine.segment import Block, Fragment


def split_between_titles(frag: Fragment, after: list[Block]) -> int | None:
    """Where the body of ``frag`` (titled above) stops and the story titled ``after`` (printed
    below) begins: the cut that puts most of each title's words on its own side; None if
    the words do not show one clearly."""
    body = frag.body
    if len(body) < 2:
        return None
    # A deck under the title names the text as well as the title does.
    top = bigrams([b.para for b in frag.titles if b.role in ("title", "subtitle")])
    low = bigrams([b.para for b in after if b.role == "title"])
    if len(top) < 2 or len(low) < 2:
        return None
    best, best_score = None, (1, 1, 0)
    for k in range(1, len(body)):
        head, tail = bigrams([b.para for b in body[:k]]), bigrams([b.para for b in body[k:]])
        gain = len(top & head) - len(top & tail) + len(low & tail) - len(low & head)
        # Where the words tie, a cut after a photo credit or at a new text block wins.
        natural = _natural_cut(body, k)
        # Then the cut that leaves fewer of the upper title's words below it.
        score = (gain, int(natural), -len(top & tail))
        # The title below names the text after the cut, or the one above names none of it.
        named = len(low & tail) >= 2 or not top & tail
        if gain > 1 and score > best_score and len(top & head) >= 2 and named:
            best, best_score = k, score
    # A paragraph closed by its signature or dateline ("…。（王平）") ends a story: where the
    # body has one such end, that is the cut, unless the words say the lower story's text
    # lies above it. Captions and credits after the signature still belong above.
    ends = [
        k
        for k in range(1, len(body))
        if CLOSED_TAIL.search(squeeze(body[k - 1].text))
        and any(_text_line(b) for b in body[k:])
        and (best is None or best < k or any(_text_line(b) for b in body[k:best]))
    ]
    if len(ends) == 1 and ends[0] != best:
        k = ends[0]
        head, tail = bigrams([b.para for b in body[:k]]), bigrams([b.para for b in body[k:]])
        if len(top & head) >= 2 and len(low & head) <= len(low & tail):
            best = k
    if best is None:
        # The title above names none of the text and the one below names it: the text is
        # the lower title's story; only the closing lines and credits at its top stay above.
        words = bigrams([b.para for b in body])
        if len(top & words) < 2 and len(low & words) >= 2:
            k = 0
            while k < len(body) and (is_end_marker(body[k].text) or body[k].role == "caption"):
                k += 1
            best = k if 0 < k < len(body) else None
        if best is None and len(top & words) < 2 and len(low & words) >= 2:
            # Unless the lower title's words all lie below a photo credit or a new text
            # block: the upper title's text ends there.
            cuts = [
                k
                for k in range(1, len(body))
                if _natural_cut(body, k)
                and not low & bigrams([b.para for b in body[:k]])
                and low & words <= bigrams([b.para for b in body[k:]])
            ]
            best = cuts[-1] if cuts else None
    return best


def _natural_cut(body: list[Block], k: int) -> bool:
    """A cut before ``body[k]`` at a new text block or after a photo credit."""
    return body[k].para.hard_before or (
        body[k - 1].role == "caption"
        and len(squeeze(body[k - 1].text)) <= 40  # a credit, not a photo item of its own
        and body[k].role != "caption"
        and not is_end_marker(body[k].text)
    )


def _text_line(b: Block) -> bool:
    """A paragraph of running text, not a closing line, a credit or a caption's title."""
    return b.role == "paragraph" and len(squeeze(b.text)) > 40 and not is_end_marker(b.text)


def names_all_below(frag: Fragment, after: list[Block]) -> bool:
    """The title printed below ``frag``'s body names it, the title above names none of it."""
    words = bigrams([b.para for b in frag.body])
    # A deck under the title names the text as well as the title does.
    top = bigrams([b.para for b in frag.titles if b.role in ("title", "subtitle")])
    low = bigrams([b.para for b in after if b.role == "title"])
    return len(top & words) < 2 and len(low & words) >= 2
