"""The synthetic pair generator: sizes, determinism, speed, and that each noise kind shows up."""

from __future__ import annotations

import re

import pytest

from reviewer.dev.synth import SynthPair, make_pair, make_small_pair, make_small_truth, make_truth

CJK = "\u4e00-\u9fff"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pair() -> SynthPair:
    return make_truth(200_000, seed=1)


def test_one_megabyte_each() -> None:
    # Speed is the benchmark's business (python -m reviewer.bench), not a timed test.
    left, right = make_pair(1_000_000, seed=0)
    for text in (left, right):
        assert 0.95e6 <= len(text.encode("utf-8")) <= 1.1e6


def test_deterministic_from_the_seed() -> None:
    assert make_pair(30_000, seed=7) == make_pair(30_000, seed=7)
    assert make_pair(30_000, seed=7) != make_pair(30_000, seed=8)
    assert make_small_pair(3) == make_small_pair(3)


@pytest.mark.parametrize("seed", range(25))
def test_small_pairs_are_3_to_6_kb(seed: int) -> None:
    for text in make_small_pair(seed):
        assert 3_000 <= len(text.encode("utf-8")) <= 6_000


def test_truth_matches_both_texts(pair: SynthPair) -> None:
    left, right = squash(pair.left), squash(pair.right)
    for art in pair.articles:
        for p in art.paragraphs:
            if p.left is not None:
                assert p.left in left
            if p.right is not None:
                assert p.right in right
            if not art.in_left:
                assert p.left is None
            if not art.in_right:
                assert p.right is None
    for v in pair.variants:
        assert v.left != v.right
        assert v.left in v.context
        assert v.context in left


def test_left_noise_kinds(pair: SynthPair) -> None:
    text, flat = pair.left, squash(pair.left)
    blocks = [squash(b) for b in text.split("\n\n") if b.strip()]
    assert re.search(r"(?m)^# \S", text) and re.search(r"(?m)^## \S", text)
    assert any("责编：" in n for n in pair.noise) and "（上接第一版）" in pair.noise
    assert all(n in blocks for n in pair.noise)
    assert pair.duplicates and all(flat.count(d) >= 2 for d in pair.duplicates)
    assert pair.broken and all(b in flat and b not in blocks for b in pair.broken)
    assert any(a.in_left and not a.in_right for a in pair.articles)
    assert len(pair.variants) >= 20
    shared_paras = [p for a in pair.articles if a.in_left and a.in_right for p in a.paragraphs]
    assert any(p.left is None and p.right is not None for p in shared_paras)
    assert any(p.right is None and p.left is not None for p in shared_paras)


def test_right_noise_kinds(pair: SynthPair) -> None:
    text, flat = pair.right, squash(pair.right)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert len(lines) > 500
    # hard wrap: a blank line after most visual lines, each about 17-26 CJK chars wide
    assert text.count("\n\n") > 0.8 * len(lines)
    body = [ln for ln in lines if ln.endswith(("，", "。")) or len(squash(ln)) >= 17]
    assert max(len(squash(ln)) for ln in body) <= 40
    assert re.search(rf"[{CJK}] \d+ [{CJK}]", text)  # "7 月 11 日"
    assert re.search(rf"[{CJK}] [A-Za-z]+ [{CJK}]", text)  # "可见 AI 印记"
    assert re.search(rf"(?:[{CJK}] ){{6,}}", text)  # letter-spaced run
    assert re.search(r"新华社\S+ 7 月 \d+ 日电", text)
    assert any(a.in_right and not a.in_left for a in pair.articles)
    # titles come after their bodies
    for art in pair.articles:
        first = next((p.right for p in art.paragraphs if p.right and len(p.right) > 20), None)
        if art.in_right and first and flat.count(first) == 1 and flat.count(art.title) == 1:
            assert flat.index(art.title) > flat.index(first)
    # articles in a somewhat different order
    shared = [a.title for a in pair.articles if a.in_left and a.in_right]
    unique = [t for t in shared if flat.count(t) == 1 and squash(pair.left).count(t) == 1]
    in_right = sorted(unique, key=flat.index)
    in_left = sorted(unique, key=squash(pair.left).index)
    assert in_left != in_right


def test_small_truth_is_consistent() -> None:
    for seed in range(10):
        small = make_small_truth(seed)
        assert small.articles and small.left.strip() and small.right.strip()
        right = squash(small.right)
        for art in small.articles:
            for p in art.paragraphs:
                if p.right is not None:
                    assert p.right in right
