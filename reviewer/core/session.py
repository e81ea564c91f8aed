"""ReviewSession: the review state of one alignment — items, decisions, cursor, undo.

Widgets never hold review state: they call these methods and re-render from ``status()``.
Persistence hooks in through ``DecisionSink`` (the project store implements it).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from reviewer.core.history import History, Step
from reviewer.core.merge import Decision, MergedUnit, is_unit_item, merge_unit
from reviewer.core.model import Alignment, Article, Conflict, Unit


@dataclass(frozen=True)
class ReviewItem:
    """One thing to decide: a conflict inside a unit, or a whole one-sided/duplicate/noise unit."""

    key: str  # conflict id, or unit id for unit items
    kind: str  # "conflict" | "unit"
    article_index: int
    unit_index: int
    conflict_index: int  # -1 for unit items


@dataclass(frozen=True)
class Status:
    """An immutable snapshot for the views."""

    total: int
    resolved: int
    cursor: int  # index into items, -1 when there are no items
    article_index: int
    article_count: int
    can_undo: bool
    can_redo: bool

    @property
    def remaining(self) -> int:
        return self.total - self.resolved


class DecisionSink(Protocol):
    def save_decision(self, key: str, decision: Decision | None) -> None: ...

    def save_cursor(self, key: str | None) -> None: ...


class ReviewSession:
    def __init__(
        self,
        alignment: Alignment,
        decisions: dict[str, Decision] | None = None,
        sink: DecisionSink | None = None,
        auto_advance: bool = True,
    ) -> None:
        self.alignment = alignment
        self.sink = sink
        self.auto_advance = auto_advance
        self.history = History()
        self.items: tuple[ReviewItem, ...] = tuple(self._build_items(alignment.articles))
        self._index = {it.key: i for i, it in enumerate(self.items)}
        self._article_starts = [it.article_index for it in self.items]
        # Decisions whose key no item has (e.g. after the sources changed) are kept, not dropped.
        self.decisions: dict[str, Decision] = dict(decisions or {})
        self.cursor = 0 if self.items else -1

    @staticmethod
    def _build_items(articles: Iterable[Article]) -> Iterable[ReviewItem]:
        for ai, art in enumerate(articles):
            for ui, unit in enumerate(art.units):
                if is_unit_item(unit):
                    yield ReviewItem(unit.id, "unit", ai, ui, -1)
                else:
                    for ci, c in enumerate(unit.conflicts):
                        yield ReviewItem(c.id, "conflict", ai, ui, ci)

    # --- lookups -------------------------------------------------------------------------
    @property
    def current(self) -> ReviewItem | None:
        return self.items[self.cursor] if self.cursor >= 0 else None

    def unit_of(self, item: ReviewItem) -> Unit:
        return self.alignment.articles[item.article_index].units[item.unit_index]

    def conflict_of(self, item: ReviewItem) -> Conflict | None:
        if item.kind != "conflict":
            return None
        return self.unit_of(item).conflicts[item.conflict_index]

    def index_of(self, key: str) -> int | None:
        return self._index.get(key)

    def decision(self, key: str) -> Decision | None:
        return self.decisions.get(key)

    def is_resolved(self, item: ReviewItem) -> bool:
        return item.key in self.decisions

    def orphaned_decisions(self) -> dict[str, Decision]:
        """Decisions that match no item of this alignment (sources changed since)."""
        return {k: d for k, d in self.decisions.items() if k not in self._index}

    def merged_unit(self, unit: Unit, prefer: str | None = None) -> MergedUnit:
        return merge_unit(unit, self.decisions, prefer)

    def status(self) -> Status:
        resolved = sum(1 for it in self.items if it.key in self.decisions)
        cur = self.current
        return Status(
            total=len(self.items),
            resolved=resolved,
            cursor=self.cursor,
            article_index=cur.article_index if cur else 0,
            article_count=len(self.alignment.articles),
            can_undo=self.history.can_undo,
            can_redo=self.history.can_redo,
        )

    # --- decisions -----------------------------------------------------------------------
    def decide(self, choice: str, text: str | None = None, key: str | None = None) -> bool:
        """Record a decision for ``key`` (default: the current item); then advance."""
        if key is None:
            if self.current is None:
                return False
            key = self.current.key
        idx = self._index.get(key)
        if idx is None:
            raise KeyError(key)
        after = Decision(choice, text)
        before = self.decisions.get(key)
        cursor_before = self.cursor
        self._apply(key, after)
        self.cursor = idx
        if self.auto_advance:
            nxt = self._find_unresolved(idx, +1)
            if nxt is not None:
                self.cursor = nxt
        self.history.push(Step(key, before, after, cursor_before, self.cursor))
        self._save_cursor()
        return True

    def clear(self, key: str | None = None) -> bool:
        """Forget the decision of ``key`` (default: the current item); undoable."""
        key = key or (self.current.key if self.current else None)
        if key is None or key not in self.decisions:
            return False
        self.history.push(Step(key, self.decisions[key], None, self.cursor, self.cursor))
        self._apply(key, None)
        return True

    def undo(self) -> bool:
        step = self.history.undo()
        if step is None:
            return False
        self._apply(step.key, step.before)
        self.cursor = self._index.get(step.key, step.cursor_before)
        self._save_cursor()
        return True

    def redo(self) -> bool:
        step = self.history.redo()
        if step is None:
            return False
        self._apply(step.key, step.after)
        self.cursor = step.cursor_after
        self._save_cursor()
        return True

    def _apply(self, key: str, decision: Decision | None) -> None:
        if decision is None:
            self.decisions.pop(key, None)
        else:
            self.decisions[key] = decision
        if self.sink is not None:
            self.sink.save_decision(key, decision)

    def _save_cursor(self) -> None:
        if self.sink is not None:
            self.sink.save_cursor(self.current.key if self.current else None)

    # --- navigation ----------------------------------------------------------------------
    def goto(self, index: int) -> bool:
        if not self.items:
            return False
        index = max(0, min(index, len(self.items) - 1))
        moved = index != self.cursor
        self.cursor = index
        self._save_cursor()
        return moved

    def goto_key(self, key: str) -> bool:
        idx = self._index.get(key)
        return idx is not None and (self.goto(idx) or True)

    def step(self, delta: int) -> bool:
        """Next (+1) or previous (-1) item."""
        if not self.items:
            return False
        return self.goto(self.cursor + delta)

    def _find_unresolved(self, start: int, delta: int) -> int | None:
        n = len(self.items)
        for k in range(1, n + 1):
            i = (start + delta * k) % n
            if self.items[i].key not in self.decisions:
                return i
        return None

    def step_unresolved(self, delta: int) -> bool:
        """Next/previous undecided item, wrapping around."""
        if not self.items:
            return False
        i = self._find_unresolved(self.cursor, delta)
        return i is not None and self.goto(i)

    def step_article(self, delta: int) -> bool:
        """First item of the next/previous article that has items."""
        if not self.items:
            return False
        art = self.items[self.cursor].article_index
        if delta > 0:
            i = bisect.bisect_right(self._article_starts, art)
            return i < len(self.items) and self.goto(i)
        i = bisect.bisect_left(self._article_starts, art) - 1
        if i < 0:
            return False
        prev_art = self.items[i].article_index
        return self.goto(bisect.bisect_left(self._article_starts, prev_art))
