"""The worker's side of corpus pre-alignment: one page pair in, one picklable result out.

``align_page`` is a pure function of its two files, so any ``concurrent.futures.Executor``
(a local process pool, a Dask cluster) can run it. Workers load jieba's dictionary once, in
``init_worker`` or at their first page, never once per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.core.corpus.pairing import Failure

if TYPE_CHECKING:
    from reviewer.core.model import Alignment


@dataclass(frozen=True)
class PageCounts:
    articles: int
    units: int
    conflicts: int
    items: int  # review items: conflicts + one-sided/duplicate/noise units
    conflicts_left: int  # conflicts an export would stop on, before any decision


@dataclass(frozen=True)
class PageResult:
    page: str
    left_path: str
    right_path: str
    left_sha256: str | None = None
    right_sha256: str | None = None
    engine_version: str | None = None
    blob: bytes | None = None  # codec.to_blob of the alignment
    counts: PageCounts | None = None
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


def init_worker() -> None:
    """Process-pool initializer: load the tokenizer before the first page arrives."""
    import gc

    from reviewer.core.engine.diff import tokenizer

    tokenizer()
    # A worker allocates millions of short-lived, acyclic objects a page: collecting less
    # often (and never scanning what start-up loaded) saves ~6% of its time.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def count(alignment: Alignment) -> PageCounts:
    """What the page list shows without decoding the page again."""
    from reviewer.core.export.files import unresolved
    from reviewer.core.review.session import ReviewSession

    session = ReviewSession(alignment)
    units = [u for a in alignment.articles for u in a.units]
    return PageCounts(
        articles=len(alignment.articles),
        units=len(units),
        conflicts=sum(len(u.conflicts) for u in units),
        items=len(session.items),
        conflicts_left=len(unresolved(alignment, {})),
    )


def align_page(page: str, left: str, right: str) -> PageResult:
    """Read, align and serialise one pair; a failure is returned, never raised."""
    from reviewer.core.corpus.codec import to_blob
    from reviewer.core.engine.pipeline import align_sources
    from reviewer.core.engine.read import ReadError, read_source

    try:
        ls = read_source(left)
        rs = read_source(right)
    except ReadError as e:
        return PageResult(page, left, right, failure=Failure(page, e.path, e.problem))
    except OSError as e:  # read_source reports the usual ones; this is the last resort
        problem = f"cannot be read ({e.strerror or e})"
        return PageResult(page, left, right, failure=Failure(page, e.filename or left, problem))
    try:
        alignment = align_sources(ls, rs)
        blob = to_blob(alignment)
        counts = count(alignment)
    except Exception as e:  # one bad page must not stop the corpus; it is reported
        problem = f"the engine failed on this pair ({type(e).__name__}: {e})"
        return PageResult(page, left, right, failure=Failure(page, left, problem))
    return PageResult(
        page,
        left,
        right,
        ls.sha256,
        rs.sha256,
        alignment.engine_version,
        blob,
        counts,
    )
