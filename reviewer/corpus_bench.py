"""Corpus benchmark figures (part of ``python -m reviewer.bench``).

270 generated page pairs of about 11 KB per side (synth.make_pair), as a month of a
newspaper: pages per second on 1 and 2 workers; the wall time of ``reviewer corpus align
--jobs 2`` in a fresh process, start-up included; a second run with nothing changed; the
peak memory of that process tree; the extrapolation to 10,000 pages; and the wall time of
one ``reviewer align`` on the sample.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewer.core.corpus.executors import local_executor
from reviewer.core.corpus.pairing import pair_folders
from reviewer.core.corpus.prealign import open_corpus, prealign
from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT
from reviewer.dev.synth import make_pair
from reviewer.memory import run_tree_peak

PAGES = 270
PAGE_BYTES = 11_000


def write_corpus(root: Path, pages: int = PAGES, size: int = PAGE_BYTES) -> tuple[Path, Path]:
    """``root/web/<day>/pNN.web.md`` and ``root/pdf/<day>/pNN.pdf.txt``: 9 pages a day."""
    web, pdf = root / "web", root / "pdf"
    for n in range(pages):
        left, right = make_pair(size, seed=n)
        page = f"2025-{7 + n // 270:02d}-{n // 9 % 30 + 1:02d}/p{n % 9 + 1:02d}"
        for folder, suffix, text in ((web, ".web.md", left), (pdf, ".pdf.txt", right)):
            path = folder / (page + suffix)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return web, pdf


def pages_per_second(web: Path, pdf: Path, jobs: int, project: Path) -> float:
    """In this process: a fresh project, a pool of ``jobs`` workers, started and warmed
    before the clock starts (start-up is counted once, in the command's wall time)."""
    pairing = pair_folders(web, pdf)
    cp, _ = open_corpus(web, pdf, project)
    pool = local_executor(jobs)
    list(pool.map(abs, range(jobs * 4)))  # every worker up, its tokenizer loaded
    with cp:
        t0 = time.perf_counter()
        out = prealign(cp, pairing, lambda: pool)
        seconds = time.perf_counter() - t0
    return round(out.aligned / seconds, 1)


def cli_seconds(args: list[str], repeat: int = 7) -> tuple[float, float]:
    """(median, fastest) wall time of a ``reviewer`` command in a fresh process."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 3), round(min(times), 3)


def corpus_figures(pages: int = PAGES) -> dict[str, float]:
    # Other work on the machine slows every figure here; the load says how much there was.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0
    cli_median, cli_min = cli_seconds(["align", str(SAMPLE_LEFT), str(SAMPLE_RIGHT)])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        web, pdf = write_corpus(root, pages)
        rate1 = pages_per_second(web, pdf, 1, root / "one.reviewer")
        rate2 = pages_per_second(web, pdf, 2, root / "two.reviewer")
        cmd = [sys.executable, "-m", "reviewer", "corpus", "align", str(web), str(pdf)]
        cmd += ["--jobs", "2", "--project", str(root / "cli.reviewer")]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        code, wall, peak = run_tree_peak(cmd, **quiet)
        code2, rerun, _ = run_tree_peak(cmd, **quiet)
        if code or code2:
            raise RuntimeError(f"reviewer corpus align failed ({code}, {code2})")
    start_up = max(0.0, wall - pages / rate2)
    return {
        "corpus_pages": float(pages),
        "corpus_pages_per_s_1_worker": rate1,
        "corpus_pages_per_s_2_workers": rate2,
        "corpus_align_2_workers_wall_s": round(wall, 2),
        "corpus_rerun_unchanged_wall_s": round(rerun, 2),
        "corpus_peak_rss_tree_mb": peak,
        "corpus_10000_pages_2_workers_min": round((start_up + 10_000 / rate2) / 60, 1),
        "single_page_align_cli_s": cli_median,
        "single_page_align_cli_min_s": cli_min,
        "load_average_at_start": round(load, 2),
    }
