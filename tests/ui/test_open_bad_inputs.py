"""The window's open path (app.open_files, as `reviewer LEFT RIGHT` and Ctrl+O use it) refuses
bad inputs with a message naming the file: no exception, no hang on a FIFO."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.ui import app as app_mod


def _good(folder: Path) -> Path:
    right = folder / "right.txt"
    right.write_text("标题\n\n正文。\n", encoding="utf-8")
    return right


def _fifo(folder: Path, name: str) -> Path:
    p = folder / name
    os.mkfifo(p)
    return p


CASES = {
    "source-name-300": lambda f: [str(f / ("n" * 300 + ".txt")), str(_good(f))],
    "source-path-over-4096": lambda f: [
        str(f.joinpath(*(["d" * 200] * 22), "page.txt")),
        str(_good(f)),
    ],
    "source-fifo": lambda f: [str(_fifo(f, "pipe.txt")), str(_good(f))],
    "project-fifo": lambda f: [str(_fifo(f, "pipe.reviewer"))],
    "project-name-300": lambda f: [str(f / ("p" * 300 + ".reviewer"))],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_window_refuses_bad_input_cleanly(qtbot, tmp_path: Path, case: str) -> None:
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    files = CASES[case](tmp_path)
    with qtbot.waitSignal(controller.failed, timeout=20_000) as failed:
        assert app_mod.open_files(controller, files, window=window) is None
    message = str(failed.args[0])
    assert files[0] in message and len(message.splitlines()) == 1
    controller.close_project()
