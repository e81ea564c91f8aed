"""Benchmark: `python -m reviewer.bench [--json] [--no-ui]`.

Prints the engine figures (warm align time of the sample pair, align time and peak memory
for a generated ~1 MB pair, ratio of align time to jieba's tokenising time), the accuracy
on 40 held-out page pairs of real news (``reviewer.dev.evaluate``: articles whole, titles
right, passages paired, differences found, layout-only conflicts; fractions 0-1), degenerate
input against ordinary input of the same size (``reviewer.bench_degenerate``; --degenerate 0
skips it), the
suggested readings' precision and coverage at confidence >= 0.9 (by reason and variant kind
on dev pages, overall on held-out pages: ``reviewer.dev.suggestions``), unless --no-corpus
the corpus figures from ``reviewer.corpus_bench`` (pages/s, corpus align wall time, memory,
single-page CLI time) and, unless --no-ui, the window figures from ``reviewer.ui.bench_ui``
and the key presses for a fully decided export of the sample (``reviewer.ui.bench_keys``).
Times in ms unless named _s/_min, memory in MB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reviewer.core.engine.diff import tokenizer
from reviewer.core.engine.pipeline import align_files
from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT
from reviewer.dev.synth import make_pair
from reviewer.figures import print_figures


def _best_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engine_figures(size: int = 1_000_000) -> dict[str, float]:
    tokenizer()  # jieba's dictionary load is start-up cost, not alignment
    align_files(SAMPLE_LEFT, SAMPLE_RIGHT)  # warm caches
    sample_ms = _best_ms(lambda: align_files(SAMPLE_LEFT, SAMPLE_RIGHT), 7)
    left, right = make_pair(size, seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        lp, rp = Path(tmp, "big.web.md"), Path(tmp, "big.pdf.txt")
        lp.write_text(left, encoding="utf-8")
        rp.write_text(right, encoding="utf-8")
        big_ms = _best_ms(lambda: align_files(lp, rp), 2)
    jieba = tokenizer()
    jieba_ms = _best_ms(lambda: (list(jieba.cut(left)), list(jieba.cut(right))), 2)
    return {
        "sample_align_ms": round(sample_ms, 1),
        "big_pair_bytes": float(len(left.encode()) + len(right.encode())) / 2,
        "big_align_ms": round(big_ms, 1),
        "big_jieba_ms": round(jieba_ms, 1),
        "align_to_jieba_ratio": round(big_ms / jieba_ms, 2),
        "peak_memory_mb": round(_peak_rss_mb(), 1),
    }


def heldout_figures(pages: int = 40) -> dict[str, float]:
    """Accuracy on held-out generated pages (empty, with a note, without the corpus)."""
    from reviewer.dev.corpus import CorpusMissing
    from reviewer.dev.evaluate import evaluate

    try:
        report = evaluate("held-out", pages)
    except CorpusMissing as exc:
        print(f"bench: held-out accuracy skipped: {exc}", file=sys.stderr)
        return {}
    return report.figures(prefix="heldout_")


def suggestion_figures(pages: int = 40) -> dict[str, float]:
    """Suggested readings at confidence >= 0.9: precision and coverage by reason and by
    variant kind on dev pages (where the thresholds were calibrated), and the held-out
    figure (never tuned on)."""
    from reviewer.dev import suggestions
    from reviewer.dev.corpus import CorpusMissing

    try:
        dev = suggestions.figures(suggestions.evaluate("dev", pages))
        held = suggestions.figures(suggestions.evaluate("held-out", pages))
    except CorpusMissing as exc:
        print(f"bench: suggestion figures skipped: {exc}", file=sys.stderr)
        return {}
    out = {f"suggest_dev_{k}": v for k, v in dev.items() if not k.endswith("_picks")}
    for k in ("conflicts_scored", "coverage", "precision"):
        out[f"suggest_heldout_{k}"] = held[k]
    return out


def ui_figures(size: int) -> dict[str, float]:
    """Window figures on the sample (sample_*) and on a generated pair (big_*)."""
    from reviewer.ui.bench_keys import measure_keys
    from reviewer.ui.bench_ui import measure_ui_suite

    figures = measure_ui_suite(size=size)
    figures.update(measure_keys())  # key presses for a fully decided export of the sample
    return figures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m reviewer.bench", description=__doc__)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--no-ui", action="store_true", help="no window figures")
    p.add_argument("--no-corpus", action="store_true", help="no corpus figures")
    p.add_argument("--size", type=int, default=1_000_000, help="bytes of the generated pair")
    p.add_argument("--pages", type=int, default=40, help="held-out pages (0: skip accuracy)")
    p.add_argument(
        "--degenerate", type=int, default=4_000_000, help="bytes of the degenerate cases (0: skip)"
    )
    args = p.parse_args(argv)
    figures = engine_figures(args.size)
    if args.degenerate > 0:
        from reviewer.bench_degenerate import degenerate_figures

        figures.update(degenerate_figures(args.degenerate))
    if args.pages > 0:
        figures.update(heldout_figures(args.pages))
        figures.update(suggestion_figures(args.pages))
    if not args.no_corpus:
        from reviewer.corpus_bench import corpus_figures

        figures.update(corpus_figures())
    if not args.no_ui:
        figures.update(ui_figures(args.size))
    print_figures(figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
