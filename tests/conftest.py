"""Shared fixtures for core and CLI tests (nothing Qt-related here: see tests/ui/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.model import Alignment, Article, Conflict, Source, Unit


@pytest.fixture(autouse=True, scope="session")
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads or writes the real user data and config folders: a project left in
    ~/.local/share by a real session must not change what a test sees."""
    import os

    base = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        os.environ[name] = str(base / name.lower())


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user data directory, so no test writes into the real home."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "reviewer"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """A tiny LEFT/RIGHT pair on disk (content is irrelevant where the engine is replaced)."""
    src = tmp_path / "src"
    src.mkdir()
    left, right = src / "page.web.md", src / "page.pdf.txt"
    left.write_text("标题\n\n第一段文字。\n\n第二段文字。\n", encoding="utf-8")
    right.write_text("标题\n\n第一段文学。\n\n第二段文字！\n", encoding="utf-8")
    return left, right


def _diff_span(left: str, right: str) -> tuple[int, int, int, int]:
    """The one differing stretch of two strings: [ls, le) in left, [rs, re) in right."""
    p = 0
    while p < min(len(left), len(right)) and left[p] == right[p]:
        p += 1
    s = 0
    while s < min(len(left), len(right)) - p and left[-1 - s] == right[-1 - s]:
        s += 1
    return p, len(left) - s, p, len(right) - s


def make_unit(
    uid: str,
    left: str | None,
    right: str | None,
    cids: tuple[str, ...] = (),
    role: str = "paragraph",
    duplicate_of: str | None = None,
    spans: tuple[tuple[int, int, int, int], ...] = (),
) -> Unit:
    """A unit by hand. One conflict id → the differing stretch is found; more → give ``spans``."""
    if cids and not spans:
        assert left is not None and right is not None
        spans = (_diff_span(left, right),)
    conflicts = tuple(
        Conflict(cid, (left or "")[ls:le], (right or "")[rs:re], ls, le, rs, re)
        for cid, (ls, le, rs, re) in zip(cids, spans, strict=True)
    )
    return Unit(uid, role, left, right, duplicate_of, conflicts)


def make_alignment(
    articles: list[tuple[str, str, list[Unit]]],
    left_path: str = "left.md",
    right_path: str = "right.txt",
    engine_version: str = "1",
) -> Alignment:
    """An Alignment by hand from (article id, title, units)."""
    arts = tuple(Article(aid, title, tuple(units)) for aid, title, units in articles)
    return Alignment(
        Source(left_path, "1" * 64, "left text"),
        Source(right_path, "2" * 64, "right text"),
        arts,
        engine_version,
    )
