"""Random structure actions and undos on generated pairs: lossless, undoable, reopenable."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.model import Alignment, Source
from reviewer.core.pipeline import align_sources
from reviewer.core.session import ReviewSession
from reviewer.core.store import Project
from reviewer.core.structure import KINDS, apply_edits
from reviewer.core.synth import make_small_pair
from reviewer.core.text import canon

SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
ROLE_NAMES = ("title", "subtitle", "byline", "paragraph", "caption", "noise")

actions = st.lists(
    st.tuples(
        st.sampled_from((*KINDS, "undo", "redo")),
        st.integers(0, 10_000),  # which unit
        st.integers(0, 10_000),  # which other unit / role
        st.floats(0.05, 0.95),  # where to split
    ),
    min_size=1,
    max_size=12,
)


def _content(text: str) -> str:
    return canon(re.sub(r"(?m)^[ \t]*#{1,6}[ \t]+", "", text))


def _side_text(al: Alignment, side: str) -> str:
    units = [u for a in al.articles for u in a.units if u.text(side) is not None]
    units.sort(key=lambda u: u.raw(side)[0])
    return "".join(canon(u.text(side)) for u in units)


def _act(s: ReviewSession, kind: str, i: int, j: int, frac: float) -> None:
    units = [u for _a, u in s.alignment.units()]
    u, v = units[i % len(units)], units[j % len(units)]
    if kind == "role":
        s.structure_edit(kind, u.id, value=ROLE_NAMES[j % len(ROLE_NAMES)])
    elif kind in ("pair", "move_unit"):
        s.structure_edit(kind, u.id, v.id)
    elif kind == "split_unit":
        side = "left" if u.left is not None else "right"
        text = u.text(side) or ""
        s.structure_edit(kind, u.id, value=side, pos=max(1, int(len(text) * frac)))
    else:
        s.structure_edit(kind, u.id)


@SETTINGS
@given(st.integers(0, 10_000), actions)
def test_random_structure_actions_stay_lossless_undoable_and_reopen(seed: int, steps) -> None:
    left, right = make_small_pair(seed)
    base = align_sources(Source("left.md", "0", left), Source("right.txt", "1", right))
    s = ReviewSession(base)
    states = [s.alignment]  # the state after each undo step, oldest first
    redo: list[Alignment] = []
    for kind, i, j, frac in steps:
        if kind == "undo":
            if s.undo():
                redo.append(states.pop())
                assert s.alignment == states[-1]
        elif kind == "redo":
            if s.redo():
                states.append(redo.pop())
                assert s.alignment == states[-1]
        else:
            before = len(s.structure)
            _act(s, kind, i, j, frac)
            if len(s.structure) != before:
                states.append(s.alignment)
                redo.clear()
        assert _side_text(s.alignment, "left") == _content(left)
        assert _side_text(s.alignment, "right") == _content(right)
        ids = [u.id for _a, u in s.alignment.units()]
        assert len(ids) == len(set(ids))
        assert all(a.units for a in s.alignment.articles)
    assert not s.structure_orphans
    last = redo[0] if redo else states[-1]  # where redoing everything leads
    while s.undo():
        pass
    assert s.alignment == base
    while s.redo():
        pass
    assert s.alignment == last
    # The project file gives back the same list, and the same list the same alignment.
    with tempfile.TemporaryDirectory() as tmp:
        with Project.create(Path(tmp) / "p.reviewer", {}) as project:
            project.save_structure(list(s.structure))
        with Project.open(Path(tmp) / "p.reviewer") as project:
            stored = project.structure()
    assert tuple(stored) == s.structure
    assert apply_edits(base, stored) == (s.alignment, [])
