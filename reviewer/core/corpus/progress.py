"""Progress of a corpus run on stderr: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import time
from typing import TextIO

_BAR = 28
_LINE_EVERY = 1.0  # seconds between plain lines (logs stay short)


def _eta(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


def describe(done: int, total: int, seconds: float) -> str:
    """``120/270 pages · 45.2 pages/s · 3 s left``"""
    rate = done / seconds if seconds > 0 and done else 0.0
    left = f"{_eta((total - done) / rate)} left" if rate else "time left unknown"
    if done == total:
        left = f"done in {_eta(seconds)}"
    return f"{done}/{total} pages · {rate:.1f} pages/s · {left}"


class ProgressPrinter:
    """Callable as ``prealign``'s progress: (done, total, seconds)."""

    def __init__(self, stream: TextIO, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self._last = -_LINE_EVERY
        self._shown = False

    def __call__(self, done: int, total: int, seconds: float) -> None:
        if total == 0:
            return
        text = describe(done, total, seconds)
        if self.tty:
            filled = _BAR * done // total
            bar = "█" * filled + "░" * (_BAR - filled)
            self.stream.write(f"\r{bar} {text}\x1b[K")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
            return
        now = time.monotonic()
        if done == total or now - self._last >= _LINE_EVERY:
            if done or not self._shown:
                print(text, file=self.stream, flush=True)
                self._shown = True
            self._last = now
