"""Loading runs off the UI thread; decisions persist to the project file; screenshots."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage

from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT
from reviewer.ui import app as app_mod
from reviewer.ui import controller as controller_mod


def test_window_stays_responsive_while_aligning(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real_load = controller_mod.load_pair
    worker_threads: list[threading.Thread] = []

    def slow_load(left, right, store, progress):
        worker_threads.append(threading.current_thread())
        progress("aligning", 0.5)
        assert release.wait(30), "the test never released the worker"
        return real_load(left, right, store, progress)

    monkeypatch.setattr(controller_mod, "load_pair", slow_load)
    _app, controller, window = app_mod.create_window()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    app_mod.open_files(controller, [], persist=False)
    assert controller.busy and window.isVisible()  # the window is up before any alignment
    # The UI thread keeps handling timers, progress and key presses while the worker blocks.
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)
    qtbot.waitUntil(lambda: window.progress.value() == 50, timeout=5000)
    assert window.progress.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Question)
    assert window.cheat_sheet is not None and window.cheat_sheet.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # no session yet: nothing happens, no crash
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    with qtbot.waitSignal(controller.loaded, timeout=60_000):
        release.set()
    timer.stop()
    assert not controller.busy and controller.session is not None
    assert not window.progress.isVisible()
    assert window.resolved_label.text().endswith("triage, defaults apply")


def test_decisions_are_saved_and_come_back(open_window, sample_copy, qtbot) -> None:
    left, right = sample_copy
    w = open_window([str(left), str(right)], persist=True)
    s = w.controller.session
    assert s is not None and w.controller.review is not None
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    qtbot.keyClick(w.view, Qt.Key.Key_T)  # to the triage items
    qtbot.keyClick(w.view, Qt.Key.Key_X)
    decided = dict(s.decisions)
    assert len(decided) == 2
    w.controller.close_project()  # waits for the store thread's queued writes
    assert (left.parent / (left.stem + ".reviewer")).exists()
    again = open_window([str(left), str(right)], persist=True)
    s2 = again.controller.session
    assert s2 is not None and s2.decisions == decided
    st = s2.status()
    assert st.resolved == 2 and again.resolved_label.text().startswith(f"{st.conflicts - 1} conf")
    again.controller.close_project()
    # `reviewer PROJECT_FILE` reopens the same review from its project file alone.
    reopened = open_window([str(left.parent / (left.stem + ".reviewer"))])
    s3 = reopened.controller.session
    assert s3 is not None and s3.decisions == decided


def _shot(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], QImage]:
    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer", "--screenshot", str(out), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return proc, QImage(str(out))


def _distinct_colours(img: QImage) -> int:
    return len(
        {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    )


def _mean_lightness(img: QImage) -> float:
    vals = [
        img.pixelColor(x, y).lightness()
        for x in range(0, img.width(), 23)
        for y in range(0, img.height(), 23)
    ]
    return sum(vals) / len(vals)


def test_screenshot_of_the_sample(tmp_path: Path) -> None:
    proc, img = _shot(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (img.width(), img.height()) == (1400, 900)
    assert _distinct_colours(img) > 40  # not blank: text, tints, highlights
    assert _mean_lightness(img) > 150


def test_screenshot_of_a_pair_in_the_dark_palette(tmp_path: Path) -> None:
    proc, img = _shot(tmp_path, "--dark", str(SAMPLE_LEFT), str(SAMPLE_RIGHT))
    assert proc.returncode == 0, proc.stderr
    assert (img.width(), img.height()) == (1400, 900)
    assert _distinct_colours(img) > 40
    assert _mean_lightness(img) < 100


def test_screenshot_of_bad_input_fails_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    proc, _img = _shot(tmp_path, str(bad), str(SAMPLE_RIGHT))
    assert proc.returncode == 2
    assert str(bad) in proc.stderr and "Traceback" not in proc.stderr
