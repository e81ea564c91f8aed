"""Title-like lines at the end of a story that one version reads as the head of the next.

A web page without a heading for a story reads a short title-like line just above the
story's byline as the story's head (a kicker or a deck). When the PDF prints that same
line inside the story above, before the title it prints after that story's body, the line
is the last line of the story above: a title printed after a body closes it.
"""

from __future__ import annotations

from collections.abc import Hashable

from reviewer.core.align import Side


def keep_before_closing_titles(
    sides: dict[str, Side], partner: dict[str, dict[int, int]], roots: dict[str, list[Hashable]]
) -> None:
    """Move such lines back to the story above (``roots`` is updated in place)."""
    for s, o in (("a", "b"), ("b", "a")):
        mine, other = sides[s], sides[o]
        for i, j in partner[s].items():
            if i == 0 or mine.pieces[i].role != "subtitle":
                continue
            if other.pieces[j].role not in ("paragraph", "subtitle"):
                continue
            above = roots[s][i - 1]
            if above == roots[s][i] or mine.pieces[i - 1].role not in ("paragraph", "caption"):
                continue
            k = _closing_title(other, j)
            if k is not None and roots[o][k] == above:
                roots[s][i] = roots[o][j] = above
                # Its last line, read as a line of text in both versions.
                mine.pieces[i].role = other.pieces[j].role = "paragraph"


def _closing_title(side: Side, j: int) -> int | None:
    """The title printed after piece ``j`` in its own fragment, with only text between."""
    pieces = side.pieces
    k = j + 1
    while k < len(pieces) and pieces[k].frag == pieces[j].frag:
        if pieces[k].role == "title":
            return k
        if pieces[k].role not in ("paragraph", "caption"):
            return None
        k += 1
    return None
