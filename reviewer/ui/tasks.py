"""run_task: work off the UI thread on a QThreadPool, results delivered on the main thread.

The work function receives a ``progress(stage, fraction)`` callable it may call from the
worker; callbacks (``on_done``, ``on_error``, ``on_progress``) always run on the main thread
because the signals object lives there and the connections are queued.
Tests can call ``set_synchronous(True)`` to run tasks inline (Picard's FakeThreadPool idea).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

Progress = Callable[[str, float], None]

_synchronous = False
_pending: set[_Signals] = set()  # keeps signal objects alive until their task reports


def set_synchronous(on: bool) -> None:
    """Run every later task inline on the calling thread (for tests and benchmarks)."""
    global _synchronous
    _synchronous = on


class _Signals(QObject):
    done = Signal(object)
    error = Signal(object)
    progress = Signal(str, float)


def _work(fn: Callable[[Progress], Any], signals: _Signals) -> None:
    try:
        result = fn(signals.progress.emit)
    except BaseException as e:  # every failure must reach the UI, not vanish in the pool
        signals.error.emit(e)
    else:
        signals.done.emit(result)


def run_task(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Progress | None = None,
) -> None:
    """Run ``fn(progress)`` on the global thread pool; report back on the main thread."""
    if _synchronous:
        try:
            result = fn(on_progress or (lambda _s, _f: None))
        except Exception as e:
            if on_error is None:
                raise
            on_error(e)
        else:
            on_done(result)
        return
    signals = _Signals()
    _pending.add(signals)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _pending.discard(signals)
        if callback is not None:
            callback(value)

    signals.done.connect(lambda r: finish(on_done, r))
    signals.error.connect(lambda e: finish(on_error, e))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    # A plain callable, not a QRunnable subclass: a Python-owned runnable that the pool
    # auto-deletes gets freed twice at interpreter exit.
    QThreadPool.globalInstance().start(lambda: _work(fn, signals))
