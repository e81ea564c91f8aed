"""Decisions for many items at once: accept suggestions, take a side, the triage defaults,
keep or drop a whole one-sided article.

Each function only plans: it returns the changes (item key, decision) for the undecided
items it concerns, and ``ReviewSession.apply_batch`` applies them as one undo step.
"""

from __future__ import annotations

from reviewer.core.review.merge import Decision, unit_kept_by_default
from reviewer.core.review.session import Change, ReviewItem, ReviewSession

SUGGESTION_THRESHOLD = 0.9  # the default for "accept every suggestion at or above"


def _undecided(
    session: ReviewSession, article: int | None, triage: bool | None = None
) -> list[ReviewItem]:
    return [
        it
        for it in session.items
        if it.key not in session.decisions
        and (article is None or it.article_index == article)
        and (triage is None or it.triage == triage)
    ]


def suggestions(
    session: ReviewSession, min_confidence: float = SUGGESTION_THRESHOLD, article: int | None = None
) -> list[Change]:
    """Take the suggested reading of every undecided conflict suggested at least this surely."""
    out: list[Change] = []
    for it in _undecided(session, article, triage=False):
        s = session.suggestion_of(it)
        if s is not None and s.confidence >= min_confidence:
            out.append((it.key, Decision(s.pick, origin="suggestion")))
    return out


def side(session: ReviewSession, side: str, article: int | None) -> list[Change]:
    """One version's reading for every undecided conflict (of the article)."""
    return [
        (it.key, Decision(side, origin="preference"))
        for it in _undecided(session, article, triage=False)
    ]


def defaults(session: ReviewSession, article: int | None = None) -> list[Change]:
    """The triage defaults, made explicit: keep one-sided paragraphs, drop duplicates and noise."""
    out: list[Change] = []
    for it in _undecided(session, article, triage=True):
        keep = unit_kept_by_default(session.unit_of(it))
        out.append((it.key, Decision("keep" if keep else "drop", origin="default")))
    return out


def one_sided_article(session: ReviewSession, article: int) -> bool:
    """Does only one version have this article (every unit on the same one side)?"""
    units = session.alignment.articles[article].units
    sides = {u.left is not None for u in units}
    return bool(units) and len(sides) == 1 and all(u.one_sided for u in units)


def is_title_row(session: ReviewSession, item: ReviewItem) -> bool:
    """The first item of a one-sided article: Space/x there act on the whole article."""
    if not item.triage or not one_sided_article(session, item.article_index):
        return False
    first = next(it for it in session.items if it.article_index == item.article_index)
    return first.key == item.key


def whole_article(session: ReviewSession, article: int, choice: str) -> list[Change]:
    """Keep or drop every triage item of an article (the editor's own decision)."""
    return [
        (it.key, Decision(choice))
        for it in session.items
        if it.article_index == article
        and it.triage
        and session.decisions.get(it.key) != Decision(choice)
    ]
