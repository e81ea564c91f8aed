"""Window benchmark: first window, decision-to-repaint latency, peak memory.

``measure_ui(left, right)`` runs two fresh processes so nothing of the caller (its imports,
its memory) is counted:

* first window: ``python -m reviewer --screenshot OUT LEFT RIGHT`` with
  ``REVIEWER_REPORT_FIRST_WINDOW=1``; the child prints the wall-clock time at which its
  window is shown, measured against the moment the parent spawned it (so interpreter start
  and imports are included);
* decisions and memory: ``python -m reviewer.ui.bench_ui --child LEFT RIGHT N`` opens the pair
  in the real window (offscreen), presses decision keys with QTest on the parallel view and
  times each key press until its repaint has been painted; then reports its own peak
  memory (VmHWM: ru_maxrss of a child is inherited from the parent on Linux).

Run ``python -m reviewer.ui.bench_ui`` for the sample and a generated ~1 MB pair.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewer.memory import own_peak_rss_mb


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REVIEWER_REPORT_FIRST_WINDOW": "1"}


def first_window_ms(left: str, right: str) -> dict[str, float]:
    """Spawn the app in screenshot mode; time to first window and to the rendered screenshot."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.time()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "reviewer",
                "--screenshot",
                str(Path(tmp, "s.png")),
                left,
                right,
            ],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=600,
        )
        total = time.time() - t0
    shown = next(
        (float(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("first_")),
        None,
    )
    if proc.returncode != 0 or shown is None:
        raise RuntimeError(f"screenshot probe failed ({proc.returncode}): {proc.stderr[-500:]}")
    return {
        "first_window_ms": round((shown - t0) * 1000, 1),
        "screenshot_total_ms": round(total * 1000, 1),
    }


class _PaintCounter:
    """Counts paint events of a widget, to know a repaint has really happened."""

    def __init__(self, widget: object) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.n += 1
                return False

        self.n = 0
        self.filter = Filter()
        widget.installEventFilter(self.filter)  # type: ignore[attr-defined]


def _child(left: str, right: str, decisions: int) -> dict[str, float]:
    """In a fresh process: open the pair, then time ``decisions`` key presses to repaint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from reviewer.ui import app as app_mod

    app, controller, window = app_mod.create_window()
    window.show()
    window.activateWindow()
    app.processEvents()
    t0 = time.perf_counter()
    loop = QEventLoop()
    controller.loaded.connect(loop.quit)
    controller.failed.connect(lambda m: (print(m, file=sys.stderr), loop.quit()))
    app_mod.open_files(controller, [left, right], persist=False)
    if controller.busy:
        loop.exec()
    session = controller.session
    if session is None:
        raise SystemExit(2)
    load_ms = (time.perf_counter() - t0) * 1000
    view = window.view
    view.setFocus()
    app.processEvents()
    paints = _PaintCounter(view.viewport())
    times: list[float] = []
    keys = {"conflict": (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3), "unit": (Qt.Key.Key_Space,)}
    for n in range(decisions):
        item = session.current
        if item is None:
            break
        if session.is_resolved(item):  # everything decided: undo is a decision too
            key = Qt.Key.Key_Z
        else:
            options = keys[item.kind]
            key = options[n % len(options)]
        before = paints.n
        start = time.perf_counter()
        QTest.keyClick(view, key)
        app.processEvents()  # delivers the update request: the repaint happens here
        if paints.n == before:  # nothing visible changed (rare); do not count it
            continue
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    window.close()
    return {
        "load_ms": round(load_ms, 1),
        "items": float(len(session.items)),
        "decisions_timed": float(len(times)),
        "decision_median_ms": round(statistics.median(times), 2) if times else -1.0,
        "decision_p95_ms": round(times[int(0.95 * (len(times) - 1))], 2) if times else -1.0,
        "peak_rss_mb": own_peak_rss_mb(),  # ru_maxrss would be the parent's peak
    }


def measure_ui(left_path: str, right_path: str, decisions: int = 300) -> dict[str, float]:
    """All window figures for one pair (each measured in a fresh process)."""
    figures = first_window_ms(str(left_path), str(right_path))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewer.ui.bench_ui",
            "--child",
            str(left_path),
            str(right_path),
            str(decisions),
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=1800,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"ui benchmark failed ({proc.returncode}): {proc.stderr[-500:]}")
    figures.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    return figures


def big_pair(folder: Path, size: int = 1_000_000) -> tuple[Path, Path]:
    """A generated pair of about ``size`` bytes per side, written to ``folder``."""
    try:
        from reviewer.dev.synth import make_pair

        left, right = make_pair(size, seed=0)
    except ImportError:  # no generator: the sample, many times over
        from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT

        lt = SAMPLE_LEFT.read_text(encoding="utf-8")
        rt = SAMPLE_RIGHT.read_text(encoding="utf-8")
        n = max(1, size // len(lt.encode()))
        left, right = "\n\n".join([lt] * n), "\n\n".join([rt] * n)
    lp, rp = folder / "big.web.md", folder / "big.pdf.txt"
    lp.write_text(left, encoding="utf-8")
    rp.write_text(right, encoding="utf-8")
    return lp, rp


def measure_ui_suite(size: int = 1_000_000, decisions: int = 300) -> dict[str, float]:
    """Window figures for the sample (``sample_*``) and a generated ~1 MB pair (``big_*``)."""
    from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT

    out = {
        f"sample_{k}": v
        for k, v in measure_ui(str(SAMPLE_LEFT), str(SAMPLE_RIGHT), decisions).items()
    }
    with tempfile.TemporaryDirectory() as tmp:
        lp, rp = big_pair(Path(tmp), size)
        out.update({f"big_{k}": v for k, v in measure_ui(str(lp), str(rp), decisions).items()})
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--child":
        print(json.dumps(_child(argv[1], argv[2], int(argv[3]))))
        return 0
    from reviewer.figures import print_figures

    print_figures(measure_ui_suite())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
