"""The session's status counts (shown after every key press) match its items one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core import paths
from reviewer.core.engine.pipeline import align_files
from reviewer.core.review.merge import Decision
from reviewer.core.review.session import ReviewSession

SAMPLE = align_files(paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT)


def _by_item(s: ReviewSession) -> tuple[int, int, int, int]:
    left = [not s.is_resolved(it) for it in s.items]
    triage = [it.triage for it in s.items]
    return (
        sum(1 for t in triage if not t),
        sum(1 for t, x in zip(triage, left) if x and not t),
        sum(triage),
        sum(1 for t, x in zip(triage, left) if x and t),
    )


@settings(max_examples=30, deadline=None, derandomize=True)
@given(
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(("left", "keep", "edit", "drop"))))
)
def test_status_counts_agree_with_every_item(picks: list[tuple[int, str]]) -> None:
    s = ReviewSession(SAMPLE)
    units = [u for a in s.alignment.articles for u in a.units]
    for n, choice in picks:
        if choice == "edit":  # a whole unit retyped in context settles its conflicts
            u = units[n % len(units)]
            s.decisions[u.id] = Decision("edit", (u.left or u.right or "") + "。")
        else:
            it = s.items[n % len(s.items)]
            s.decisions[it.key] = Decision("left" if it.kind == "conflict" else choice)
    st_ = s.status()
    assert (st_.conflicts, st_.conflicts_left, st_.triage, st_.triage_left) == _by_item(s)
    assert st_.resolved == st_.total - st_.conflicts_left - st_.triage_left


def test_an_edit_in_context_counts_the_units_conflicts_as_decided() -> None:
    s = ReviewSession(SAMPLE)
    it = next(i for i in s.items if i.kind == "conflict")
    unit = s.unit_of(it)
    before = s.status().conflicts_left
    s.decisions[unit.id] = Decision("edit", unit.left or "")
    assert s.status().conflicts_left == before - len(unit.conflicts)
