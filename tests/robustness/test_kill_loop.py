"""SIGKILL during export and during project creation: the old state or the new, never less.

A forked child runs the real code and kills itself with SIGKILL at a chosen point: before or
after each file-system call it makes (every point, deterministically), or when a timer of
random length fires (anywhere, SQLite's own writes included). After each kill the folder
must hold the old or the new state (for the two-rename fallback: once the next run's
recovery has run), and the next run must leave no stale side files behind.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bad_inputs import good_pair

from reviewer.core import atomic
from reviewer.core.engine.pipeline import align_files
from reviewer.core.export.writing import export
from reviewer.core.project import default_project_path, open_review
from reviewer.core.store import database as store
from reviewer.core.store.database import Project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
# The long versions are marked slow, left out of the default run: pytest -m slow tests/robustness

_CALLS = ("rename", "replace", "mkdir", "fsync", "unlink", "rmdir", "open")


@contextmanager
def _hooked(on_call: Callable[[], None]) -> Iterator[None]:
    """Call ``on_call`` before and after every file-system call the code under test makes."""
    saved = {name: getattr(os, name) for name in _CALLS}
    saved_rename2, saved_connect = atomic.rename2, store.sqlite3.connect

    def wrap(fn: Callable[..., object]) -> Callable[..., object]:
        def call(*a: object, **k: object) -> object:
            on_call()
            result = fn(*a, **k)
            on_call()
            return result

        return call

    try:
        for name, fn in saved.items():
            setattr(os, name, wrap(fn))
        atomic.rename2 = wrap(saved_rename2)  # type: ignore[assignment]
        store.sqlite3.connect = wrap(saved_connect)  # type: ignore[assignment]
        yield
    finally:
        for name, fn in saved.items():
            setattr(os, name, fn)
        atomic.rename2, store.sqlite3.connect = saved_rename2, saved_connect  # type: ignore[assignment]


def _points(work: Callable[[], object]) -> int:
    """How many kill points ``work`` passes (it is run once, normally)."""
    n = [0]

    def count() -> None:
        n[0] += 1

    with _hooked(count):
        work()
    return n[0]


def _killed(work: Callable[[], object], point: int | None, delay: float | None) -> None:
    """Run ``work`` in a child that SIGKILLs itself at kill point ``point`` or after ``delay``."""
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            if delay is not None:
                signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGKILL))
                signal.setitimer(signal.ITIMER_REAL, delay)
                work()
            else:
                seen = [0]

                def maybe_die() -> None:
                    if seen[0] == point:
                        os.kill(os.getpid(), signal.SIGKILL)
                    seen[0] += 1

                with _hooked(maybe_die):
                    work()
        finally:
            os._exit(0)  # finished before the kill point: the new state
    os.waitpid(pid, 0)


def _plan(
    points: int, random_cycles: int, duration: float
) -> list[tuple[int | None, float | None]]:
    """Every kill point, then random timers: ``random_cycles``, and at least 100 cycles in all."""
    rng = random.Random(11)
    random_cycles = max(random_cycles, 100 - points)
    return [(p, None) for p in range(points)] + [
        (None, rng.uniform(0, duration)) for _ in range(random_cycles)
    ]


# --- export --------------------------------------------------------------------------------
def _export_loop(tmp_path: Path, random_cycles: int, fallback: bool) -> int:
    left, right = good_pair(tmp_path)
    alignment = align_files(left, right)
    parent = tmp_path / "exports"
    out = parent / "out"
    states = {}
    for prefer in ("left", "right"):
        export(alignment, {}, out, prefer=prefer, force=True)
        states[prefer] = {p.name: p.read_bytes() for p in out.iterdir()}
    if fallback:
        atomic._renameat2, saved = None, atomic._renameat2
    try:
        points = _points(lambda: export(alignment, {}, out, prefer="left", force=True))
        cycles = 0
        for n, (point, delay) in enumerate(_plan(points, random_cycles, 0.02)):
            old = "left" if n % 2 else "right"
            new = "right" if old == "left" else "left"
            export(alignment, {}, out, prefer=old, force=True)
            _killed(
                lambda new=new: export(alignment, {}, out, prefer=new, force=True), point, delay
            )
            cycles += 1
            if fallback:  # two renames: the state is whole again once recovery has run
                with atomic.filesystem.folder_lock(parent):
                    atomic.recover(out)
            got = {p.name: p.read_bytes() for p in out.iterdir()}
            assert got in (states[old], states[new]), f"cycle {n}: a mixed or missing export"
        export(alignment, {}, out, prefer="left", force=True)  # the next run cleans up
        assert sorted(p.name for p in parent.iterdir()) == ["out"]
        return cycles
    finally:
        if fallback:
            atomic._renameat2 = saved


@pytest.mark.parametrize("fallback", [False, True], ids=["exchange", "two-renames"])
def test_sigkill_during_export(tmp_path: Path, fallback: bool) -> None:
    if not fallback and atomic._renameat2 is None:
        pytest.skip("no renameat2 here")
    assert _export_loop(tmp_path, random_cycles=40, fallback=fallback) >= 100


# --- project creation ----------------------------------------------------------------------
def _creation_loop(tmp_path: Path, random_cycles: int) -> int:
    left, right = good_pair(tmp_path)
    proj = default_project_path(left, right)
    sources = sorted([left.name, right.name])

    def create() -> None:
        open_review(left, right).close()

    points = _points(create)
    proj.unlink()
    cycles = 0
    for n, (point, delay) in enumerate(_plan(points, random_cycles, 0.05)):
        _killed(create, point, delay)
        cycles += 1
        if proj.exists():  # the new state must be a whole project
            with Project.open(proj, read_only=True) as p:
                assert p.meta()["left_path"] == str(left.resolve()), f"cycle {n}"
        create()  # the next run: opens or makes it, and removes what the kill left
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*sources, proj.name])
        with Project.open(proj, read_only=True) as p:  # validated: integrity, format
            assert p.meta()["right_path"] == str(right.resolve())
        proj.unlink()
    return cycles


def test_sigkill_during_project_creation(tmp_path: Path) -> None:
    assert _creation_loop(tmp_path, random_cycles=40) >= 100


# --- longer versions ------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("fallback", [False, True], ids=["exchange", "two-renames"])
def test_sigkill_during_export_long(tmp_path: Path, fallback: bool) -> None:
    if not fallback and atomic._renameat2 is None:
        pytest.skip("no renameat2 here")
    assert _export_loop(tmp_path, random_cycles=1000, fallback=fallback) >= 1000


@pytest.mark.slow
def test_sigkill_during_project_creation_long(tmp_path: Path) -> None:
    assert _creation_loop(tmp_path, random_cycles=1000) >= 1000
    shutil.rmtree(tmp_path, ignore_errors=True)
