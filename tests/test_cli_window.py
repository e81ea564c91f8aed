"""The window command checks what it can before Qt starts: one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reviewer.core.paths import SAMPLE_RIGHT


def _run(*args: str, display: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    cmd = [sys.executable, "-m", "reviewer", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)


def test_a_missing_file_is_named_before_the_window_starts(tmp_path: Path) -> None:
    missing = tmp_path / "gone.web.md"
    r = _run(str(missing), str(SAMPLE_RIGHT), display=False)
    assert r.returncode == 2
    assert r.stderr.strip() == f"reviewer: {missing}: no such file or folder"


def test_no_display_is_one_clear_line_not_a_qt_abort() -> None:
    r = _run(display=False)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "--screenshot" in lines[0]
