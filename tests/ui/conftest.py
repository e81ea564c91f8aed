"""Offscreen Qt for the window tests: a private config/data home and an opened sample window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT
from reviewer.ui import app as app_mod
from reviewer.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads the user's key bindings or writes projects into the real home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return tmp_path


def _open_window(qtbot, files: list[str] | None = None, persist: bool = False) -> MainWindow:
    """A shown, active window with ``files`` (default: the sample) loaded through the worker."""
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)  # shortcuts only fire in the active window
    with qtbot.waitSignal(controller.loaded, timeout=60_000):
        assert app_mod.open_files(controller, list(files or []), persist=persist) is None
    window.view.setFocus()
    return window


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[..., MainWindow]]:
    """``open_window(files=None, persist=False)``; every window's project is closed after."""
    windows: list[MainWindow] = []

    def make(files: list[str] | None = None, persist: bool = False) -> MainWindow:
        windows.append(_open_window(qtbot, files, persist))
        return windows[-1]

    yield make
    for w in windows:
        w.controller.close_project()


@pytest.fixture
def sample_window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window()


@pytest.fixture
def sample_copy(tmp_path: Path) -> tuple[Path, Path]:
    """The sample pair copied somewhere writable (its project file is made beside it)."""
    out = tmp_path / "pair"
    out.mkdir()
    left, right = out / SAMPLE_LEFT.name, out / SAMPLE_RIGHT.name
    left.write_bytes(SAMPLE_LEFT.read_bytes())
    right.write_bytes(SAMPLE_RIGHT.read_bytes())
    return left, right
