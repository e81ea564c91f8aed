"""Property tests for the engine's invariants, on generated noisy page pairs."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.engine.pipeline import align_sources
from reviewer.core.model import Alignment, Source
from reviewer.core.review.merge import Decision, is_unit_item, merge_unit
from reviewer.core.text import canon
from reviewer.dev.synth import make_small_pair

SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
seeds = st.integers(min_value=0, max_value=10_000)


def _align(left: str, right: str) -> Alignment:
    return align_sources(Source("left.md", "0", left), Source("right.txt", "1", right))


def _content(text: str) -> str:
    """A source's characters as the contract counts them: no whitespace, no '#' markers."""
    return canon(re.sub(r"(?m)^[ \t]*#{1,6}[ \t]+", "", text))


def _side_text(al: Alignment, side: str) -> str:
    units = [u for a in al.articles for u in a.units if u.text(side) is not None]
    units.sort(key=lambda u: u.raw(side)[0])
    return "".join(canon(u.text(side)) for u in units)


@SETTINGS
@given(seeds)
def test_every_character_lands_in_exactly_one_unit(seed: int) -> None:
    left, right = make_small_pair(seed)
    al = _align(left, right)
    assert _side_text(al, "left") == _content(left)
    assert _side_text(al, "right") == _content(right)


@SETTINGS
@given(seeds, st.booleans())
def test_identical_inputs_have_no_conflicts_and_no_one_sided_units(seed: int, pick: bool) -> None:
    text = make_small_pair(seed)[0 if pick else 1]
    al = _align(text, text)
    units = [u for a in al.articles for u in a.units]
    assert units
    assert not [u for u in units if u.one_sided]
    assert not [u for u in units if u.conflicts]


def _pairs(al: Alignment, swap: bool) -> set[tuple[str, str, tuple[tuple[str, str], ...]]]:
    out = set()
    for a in al.articles:
        for u in a.units:
            if u.one_sided or u.role != "paragraph":
                continue
            left, right = (u.right, u.left) if swap else (u.left, u.right)
            conflicts = tuple(
                sorted((c.right, c.left) if swap else (c.left, c.right) for c in u.conflicts)
            )
            out.add((left, right, conflicts))
    return out


@SETTINGS
@given(seeds)
def test_swapping_the_sources_mirrors_paired_paragraphs_and_conflicts(seed: int) -> None:
    left, right = make_small_pair(seed)
    forward = _pairs(_align(left, right), swap=False)
    backward = _pairs(_align(right, left), swap=True)
    assert forward == backward


@SETTINGS
@given(seeds)
def test_choosing_every_left_reading_reproduces_the_left_text(seed: int) -> None:
    left, right = make_small_pair(seed)
    al = _align(left, right)
    decisions: dict[str, Decision] = {}
    for a in al.articles:
        for u in a.units:
            if is_unit_item(u):
                decisions[u.id] = Decision("keep" if u.left is not None else "drop")
            for c in u.conflicts:
                decisions[c.id] = Decision("left")
    kept = [u for a in al.articles for u in a.units if u.left is not None]
    kept.sort(key=lambda u: u.left_raw[0])
    merged = "".join(canon(merge_unit(u, decisions).text or "") for u in kept)
    assert merged == _content(left)
    dropped = [u for a in al.articles for u in a.units if u.left is None]
    assert all(merge_unit(u, decisions).text is None for u in dropped)


def _respace(text: str, rnd: random.Random) -> str:
    """Layout damage only: spaces around digits/CJK, trailing blanks, CRLF line ends."""
    out = []
    for ch in text:
        out.append(ch)
        if ch not in "\n#" and rnd.random() < 0.1:
            out.append(rnd.choice([" ", "  ", "\u3000"]))
    joined = "".join(out)
    if rnd.random() < 0.5:
        joined = joined.replace("\n", "  \r\n")
    return joined


@SETTINGS
@given(seeds, seeds)
def test_whitespace_and_line_end_changes_never_make_conflicts(seed: int, noise: int) -> None:
    left, _ = make_small_pair(seed)
    damaged = _respace(left, random.Random(noise))
    al = _align(left, damaged)
    assert [c for a in al.articles for u in a.units for c in u.conflicts] == []


@SETTINGS
@given(seeds, st.integers(min_value=12, max_value=30))
def test_hard_wrapping_never_makes_conflicts(seed: int, width: int) -> None:
    left, _ = make_small_pair(seed)
    body = "\n\n".join(
        "\n\n".join(p[i : i + width] for i in range(0, len(p), width))
        for p in (line.strip() for line in left.splitlines())
        if p and not p.startswith("#")
    )
    al = _align(left, body)
    assert [c for a in al.articles for u in a.units for c in u.conflicts] == []
