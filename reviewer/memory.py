"""Peak memory as the benchmarks report it: a process's own peak, and a process tree's.

``ru_maxrss`` is no use in a child on Linux: the kernel carries the parent's high-water mark
over fork and exec, so a small child started by a big benchmark process reports the
parent's peak. ``VmHWM`` in ``/proc/self/status`` belongs to the current address space only.
"""

from __future__ import annotations

import resource
import subprocess
import time
from pathlib import Path


def _status_kb(pid: int | str, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def own_peak_rss_mb() -> float:
    """This process's own peak resident memory in MB (not the parent's)."""
    kb = _status_kb("self", "VmHWM")
    if kb is None:  # no /proc (macOS...): the best the platform offers
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / 1024, 1)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(c) for c in (task / "children").read_text().split()]
    except (OSError, ValueError):
        pass
    return out


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def run_tree_peak(
    cmd: list[str], every: float = 0.02, **kwargs: object
) -> tuple[int, float, float]:
    """Run ``cmd``; (exit status, wall seconds, peak MB of its process tree).

    The tree's peak is the sum over every process ever seen of its own peak (VmHWM), polled
    every ``every`` seconds: an upper bound of what the tree held at any one moment.
    """
    peaks: dict[int, int] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, **kwargs)  # type: ignore[call-overload]
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            kb = _status_kb(pid, "VmHWM")
            if kb is not None:
                peaks[pid] = max(peaks.get(pid, 0), kb)
        time.sleep(every)
    wall = time.perf_counter() - t0
    return proc.returncode, wall, round(sum(peaks.values()) / 1024, 1)
