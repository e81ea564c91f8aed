"""Stories one version alone prints, run into the top of a story both versions print.

A PDF extraction may print a story the other version lacks (its title above it) and go on,
with no break it can see, into the text of the next story, whose title it prints after that
text. The other version then pairs the second half of that run with an article whose title
pairs with the title printed below: the first half, under a title the other version does
not have, is a story of its own.
"""

from __future__ import annotations

from reviewer.core.engine.sides import Side

_CONTENT = ("paragraph", "caption")


def split_solo_stories(
    side: Side, partner: dict[int, int], other: Side, back: dict[int, int], other_seg: list[int]
) -> None:
    """Give the text of a story titled elsewhere, run on below a story ``side`` alone prints,
    a fragment of its own (piece fragments are updated in place).

    ``partner`` pairs this side's pieces with ``other``'s, ``back`` the other way round;
    ``other_seg`` is the article of each of ``other``'s pieces by its own breaks (-1: none).
    """
    pieces = side.pieces
    if not pieces:
        return
    # Where this side prints the title of each of the other version's articles.
    title_frag: dict[int, int] = {}
    for j, q in enumerate(other.pieces):
        if q.role == "title" and other_seg[j] >= 0 and j in back:
            title_frag.setdefault(other_seg[j], pieces[back[j]].frag)
    fresh = max(p.frag for p in pieces) + 1
    start = 0
    while start < len(pieces):
        end = start
        while end < len(pieces) and pieces[end].frag == pieces[start].frag:
            end += 1
        cut = _cut(side, partner, other_seg, title_frag, range(start, end))
        if cut is not None:
            # A weak break: a fragment of no title block of its own.
            for i in range(cut, end):
                pieces[i].frag = fresh
            fresh += 1
        start = end


def _cut(
    side: Side,
    partner: dict[int, int],
    other_seg: list[int],
    title_frag: dict[int, int],
    frag: range,
) -> int | None:
    pieces = side.pieces
    first = frag[0]
    # A title on top that the other version does not print.
    if pieces[first].role != "title" or first in partner:
        return None
    content = [i for i in frag if pieces[i].role in _CONTENT]
    paired = [i for i in content if i in partner]
    if not paired:
        return None
    lead = [i for i in content if i < paired[0]]
    # Text of its own under that title: more than a line or two.
    if sum(pieces[i].size for i in lead) < 40:
        return None
    # All the rest pairs with one article of the other version, whose title this version
    # prints in another fragment.
    if any(i not in partner for i in content if i > paired[0]):
        return None
    segs = {other_seg[partner[i]] for i in paired}
    if len(segs) != 1:
        return None
    (seg,) = segs
    if seg < 0 or title_frag.get(seg, pieces[first].frag) == pieces[first].frag:
        return None
    return paired[0]
