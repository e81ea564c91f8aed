"""Shared fixtures for core and CLI tests (nothing Qt-related here: see tests/ui/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


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
