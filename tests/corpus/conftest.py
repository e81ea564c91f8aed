"""A small two-folder corpus on disk: three generated pages in two day folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.engine.diff import tokenizer
from reviewer.dev.synth import make_small_pair

PAGES = ("2025-07-18/p01", "2025-07-18/p02", "2025-07-19/p01")


@pytest.fixture(scope="session", autouse=True)
def _jieba_loaded() -> None:
    tokenizer()  # forked workers inherit it: tests do not pay a dictionary load per pool


def write_corpus(root: Path, pages: tuple[str, ...] = PAGES) -> tuple[Path, Path]:
    web, pdf = root / "web", root / "pdf"
    for seed, page in enumerate(pages):
        left, right = make_small_pair(seed)
        lp, rp = web / f"{page}.web.md", pdf / f"{page}.pdf.txt"
        lp.parent.mkdir(parents=True, exist_ok=True)
        rp.parent.mkdir(parents=True, exist_ok=True)
        lp.write_text(left, encoding="utf-8")
        rp.write_text(right, encoding="utf-8")
    return web, pdf


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """(LEFTDIR, RIGHTDIR) of three page pairs under tmp_path/corpus."""
    return write_corpus(tmp_path / "corpus")
