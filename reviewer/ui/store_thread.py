"""One thread for everything that touches the project file.

An sqlite3 connection may only be used by the thread that opened it, and the project is
opened while aligning, off the UI thread. So opening, every decision write, export and
closing all run on this one long-lived thread; as a bonus a decision never waits for fsync
on the UI thread. Writes keep their order (a single worker); ``flush`` waits for them.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from reviewer.core.review.merge import Decision

T = TypeVar("T")


class StoreThread:
    def __init__(self) -> None:
        self._ex = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reviewer-store")

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the store thread and wait for its result (re-raising its error)."""
        return self._ex.submit(fn, *args).result()

    def post(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        """Queue ``fn`` on the store thread without waiting."""
        fut = self._ex.submit(fn, *args)
        if on_error is not None:
            fut.add_done_callback(lambda f: f.exception() and on_error(f.exception()))  # type: ignore[arg-type]
        return fut

    def flush(self) -> None:
        """Wait until every queued write has reached the project file."""
        self.call(lambda: None)


class ThreadedSink:
    """A ``DecisionSink`` that forwards the session's writes to the store thread."""

    def __init__(
        self, target: Any, store: StoreThread, on_error: Callable[[BaseException], None]
    ) -> None:
        self.target, self.store, self.on_error = target, store, on_error

    def save_decision(self, key: str, decision: Decision | None) -> None:
        self.store.post(self.target.save_decision, key, decision, on_error=self.on_error)

    def save_decisions(self, changes: list[tuple[str, Decision | None]]) -> None:
        self.store.post(self.target.save_decisions, list(changes), on_error=self.on_error)

    def save_cursor(self, key: str | None) -> None:
        self.store.post(self.target.save_cursor, key, on_error=self.on_error)

    def save_structure(self, edits: list) -> None:
        self.store.post(self.target.save_structure, list(edits), on_error=self.on_error)
