"""Articles split apart (issue 7): a passage, a closing dateline or a photo credit that one
version prints in a neighbouring article goes back to the article whose text it belongs to.
Hand-made pages whose text is not the sample's (helpers from test_structure_shapes)."""

from __future__ import annotations

from reviewer.core.text import canon
from tests.core.test_structure_shapes import (
    A_BODY,
    A_TITLE,
    B_BODY,
    B_TITLE,
    align,
    article_of,
    pdf,
    web,
)


def _homes(al, needle: str) -> set[int]:
    key = canon(needle)
    return {
        i
        for i, art in enumerate(al.articles)
        for u in art.units
        for t in (u.left, u.right)
        if t and canon(t) == key
    }


def test_the_same_photo_credit_under_two_stories_stays_with_each() -> None:
    # The PDF lost the second story's last paragraph: its credit has no unique context.
    credit = "新华/传真"
    left = web((A_TITLE, [*A_BODY, credit]), (B_TITLE, [*B_BODY, credit]))
    right = pdf(
        ("lines", [A_TITLE]), ("body", A_BODY), ("lines", [credit]),
        ("lines", [B_TITLE]), ("body", B_BODY[:2]), ("lines", [credit]),
    )  # fmt: skip
    al = align(left, right)
    a, b = article_of(al, A_BODY[2][-10:]), article_of(al, B_BODY[1][-10:])
    assert a != b
    assert _homes(al, credit) == {a, b}
    credits = [u for art in al.articles for u in art.units if canon(u.left or "") == credit]
    assert all(u.duplicate_of is None for u in credits)
