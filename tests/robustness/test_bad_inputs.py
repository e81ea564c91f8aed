"""Every bad input through ``align``, ``export`` and opening a pair or a project.

Each must give exit status 2 and one line naming the file: no traceback, no hang, and no
write to the folder holding the inputs. The same cases run from outside, with counts, in
``python tests/robustness/bad_inputs.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_inputs import OUTS, PROJECTS, SOURCES, good_pair, snapshot

from reviewer.cli import main
from reviewer.core.engine.read import ReadError
from reviewer.core.project import ProjectError, open_project_file, open_review

LIMIT = 20.0  # seconds; a refusal takes milliseconds, a hang would take forever


def _within(fn: Callable[[], object]) -> object:
    """Run ``fn`` in a thread; a hang fails the test (the blocked thread is left behind)."""
    box: list[object] = []

    def work() -> None:
        try:
            box.append(fn())
        except BaseException as e:  # handed to the test, which decides
            box.append(e)

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(LIMIT)
    if t.is_alive():
        pytest.fail("hangs")
    return box[0]


@pytest.fixture
def place(tmp_path: Path, data_home: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


def _check_cli(capsys, args: list[str], bad: Path, place: Path) -> None:
    before = snapshot(place)
    code = _within(lambda: main(args))
    if isinstance(code, BaseException):
        raise code  # a traceback: show it
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert len(err.splitlines()) == 1 and str(bad) in err, err
    assert snapshot(place) == before


def _check_open(fn: Callable[[], object], bad: Path, place: Path) -> None:
    before = snapshot(place)
    result = _within(fn)
    if not isinstance(result, (ReadError, ProjectError)):
        if isinstance(result, BaseException):
            raise result
        result.close()  # type: ignore[attr-defined]
        pytest.fail("opened")
    msg = str(result)
    assert len(msg.splitlines()) == 1 and str(bad) in msg, msg
    assert snapshot(place) == before


@pytest.mark.parametrize("case", sorted(SOURCES))
@pytest.mark.parametrize("route", ["align", "export", "open"])
def test_bad_source(case: str, route: str, place: Path, tmp_path: Path, capsys) -> None:
    left, right = good_pair(place)
    bad = SOURCES[case](place)
    out = str(tmp_path / "export")
    if route == "align":
        _check_cli(capsys, ["align", str(left), str(bad)], bad, place)
    elif route == "export":
        _check_cli(
            capsys, ["export", str(bad), str(right), "--out", out, "--prefer", "left"], bad, place
        )
    else:  # what the window's Open runs in its worker
        _check_open(lambda: open_review(bad, right), bad, place)
    assert not Path(out).exists()


@pytest.mark.parametrize("case", sorted(PROJECTS))
@pytest.mark.parametrize("route", ["export", "open"])
def test_bad_project(case: str, route: str, place: Path, tmp_path: Path, capsys) -> None:
    left, right = good_pair(place)
    bad = PROJECTS[case](place)
    out = str(tmp_path / "export")
    if route == "export":
        args = ["export", str(left), str(right), "--out", out, "--project", str(bad)]
        _check_cli(capsys, [*args, "--prefer", "left"], bad, place)
    else:
        _check_open(lambda: open_project_file(bad), bad, place)
    assert not Path(out).exists()


@pytest.mark.parametrize("case", sorted(OUTS))
def test_bad_out(case: str, place: Path, capsys) -> None:
    left, right = good_pair(place)
    bad = OUTS[case](place)
    try:
        _check_cli(
            capsys,
            ["export", str(left), str(right), "--out", str(bad), "--prefer", "left"],
            bad,
            place,
        )
    finally:
        if case == "read-only":
            bad.chmod(0o755)


@pytest.mark.parametrize("route", ["align", "export", "screenshot"])
def test_the_real_entry_point_refuses_a_fifo_cleanly(
    route: str, place: Path, tmp_path: Path
) -> None:
    left, right = good_pair(place)
    fifo = SOURCES["fifo"](place)
    args = {
        "align": ["align", str(fifo), str(right)],
        "export": [
            "export",
            str(left),
            str(fifo),
            "--out",
            str(tmp_path / "o"),
            "--prefer",
            "left",
        ],
        "screenshot": ["--screenshot", str(tmp_path / "s.png"), str(fifo), str(right)],
    }[route]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and str(fifo) in proc.stderr


def test_a_screenshot_of_a_project_never_writes_to_it(tmp_path: Path) -> None:
    place = tmp_path / "in"
    place.mkdir()
    left, right = good_pair(place)
    with open_review(left, right) as review:
        review.session.decide("left")
        proj = review.project.path
    proj.chmod(0o444)
    before = snapshot(place)
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer", "--screenshot", str(tmp_path / "s.png"), str(proj)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr
    assert snapshot(place) == before
