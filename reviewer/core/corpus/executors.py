"""Where pages are aligned: any ``concurrent.futures.Executor``.

The default is a local process pool whose workers load jieba once (``init_worker``). With
``pip install reviewer[cluster]``, ``--dask ADDRESS`` sends the same calls to a Dask cluster
through ``distributed.Client(ADDRESS).get_executor()``: no scheduler of our own.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from reviewer.core.corpus.batch import PageResult, align_page, init_worker
from reviewer.core.corpus.pairing import CorpusError, PagePair

DASK_TIMEOUT = "10s"  # to reach the scheduler


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def local_executor(jobs: int | None = None) -> ProcessPoolExecutor:
    """A process pool; forked when this process runs one thread (cheap start), else spawned."""
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
    return ProcessPoolExecutor(
        max_workers=jobs or default_jobs(),
        mp_context=multiprocessing.get_context(method),
        initializer=init_worker,
    )


@contextmanager
def dask_executor(address: str) -> Iterator[Executor]:
    """An Executor on the Dask cluster at ``address`` (CorpusError if Dask is missing)."""
    try:
        from distributed import Client
    except ImportError:
        raise CorpusError(
            address, "--dask needs the cluster extra: pip install 'reviewer[cluster]'"
        ) from None
    try:
        client = Client(address, timeout=DASK_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as e:
        raise CorpusError(address, f"cannot reach the Dask scheduler ({e})") from None
    try:
        yield client.get_executor()
    finally:
        client.close()


def run_pages(
    executor: Executor, pairs: Iterable[PagePair], window: int = 64
) -> Iterator[PageResult]:
    """Results as pages finish (any order), at most ``window`` pages in flight at a time."""
    todo = iter(pairs)
    running: set[Future[PageResult]] = set()

    def top_up() -> None:
        for pair in todo:
            running.add(executor.submit(align_page, pair.page, str(pair.left), str(pair.right)))
            if len(running) >= window:
                return

    top_up()
    try:
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            running.difference_update(done)
            top_up()
            for f in done:
                yield f.result()
    finally:
        for f in running:
            f.cancel()


ExecutorFactory = Callable[[], Executor]
