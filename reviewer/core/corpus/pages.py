"""Opening one page of a corpus project for review: its stored alignment + a ReviewSession.

The same re-attachment as a single-pair review (project.reattach): by item id, then by
content key; decisions that match nothing stay in the project and in the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.core.corpus.store import CorpusProject, PageSink
from reviewer.core.export.files import unresolved
from reviewer.core.model import Alignment
from reviewer.core.project import Reattached, item_infos, reattach
from reviewer.core.review.merge import Decision
from reviewer.core.review.session import ReviewSession


@dataclass
class PageReview:
    """One open page. The project stays open when the page is left."""

    page: str
    session: ReviewSession
    sink: PageSink
    warnings: list[str] = field(default_factory=list)
    orphaned: dict[str, Decision] = field(default_factory=dict)

    @property
    def alignment(self) -> Alignment:
        return self.session.alignment


def page_counts(session: ReviewSession) -> tuple[int, int]:
    """(conflicts an export would stop on, undecided review items) of an open page."""
    return len(unresolved(session.alignment, session.decisions)), session.status().remaining


def reattach_page(
    project: CorpusProject, page: str, alignment: Alignment, *, in_transaction: bool = False
) -> tuple[ReviewSession, PageSink, Reattached]:
    """Match the page's stored decisions to ``alignment``; moves and counts are saved."""
    session = ReviewSession(alignment)
    sink = project.sink(page)
    infos = item_infos(session)
    sink.bind(infos)
    found = reattach(project.decisions(page), infos)
    session.decisions.update(found.orphaned)
    session.decisions.update(found.decisions)
    conn = project.conn if in_transaction else None
    sink.rekey(found.moved, conn)
    sink.set_counts(*page_counts(session), conn)
    return session, sink, found


def open_page(project: CorpusProject, page: str) -> PageReview:
    """Decode ``page``'s alignment and bind a session to the project (ProjectError if absent)."""
    alignment = project.alignment(page)
    session, sink, found = reattach_page(project, page, alignment)
    cursor = sink.cursor()
    cursor = found.moved.get(cursor, cursor) if cursor else None
    idx = session.index_of(cursor) if cursor else None
    if idx is not None:
        session.cursor = idx
    sink.counts = lambda: page_counts(session)
    session.sink = sink
    warnings = []
    if found.orphaned:
        n = len(found.orphaned)
        warnings.append(
            f"{n} decision{'s' if n != 1 else ''} on this page no longer appl"
            f"{'y' if n != 1 else 'ies'} to its sources; kept in the project"
        )
    return PageReview(page, session, sink, warnings, dict(found.orphaned))
