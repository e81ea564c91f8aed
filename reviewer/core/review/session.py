"""ReviewSession: the review state of one alignment — items, decisions, cursor, undo.

Widgets never hold review state: they call these methods and re-render from ``status()``.
Persistence hooks in through ``DecisionSink`` (the project store implements it).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from reviewer.core.model import Alignment, Article, Conflict, Suggestion, Unit
from reviewer.core.review.history import Batch, Compound, History, Step, StructureStep
from reviewer.core.review.merge import Decision, final_text, is_unit_item
from reviewer.core.review.structure import StructureEdit, apply_edits, keys_by_id


@dataclass(frozen=True)
class ReviewItem:
    """One thing to decide: a conflict inside a unit, or a whole one-sided/duplicate/noise unit."""

    key: str  # conflict id, or unit id for unit items
    kind: str  # "conflict" | "unit"
    article_index: int
    unit_index: int
    conflict_index: int  # -1 for unit items

    @property
    def triage(self) -> bool:
        """One-sided units, duplicates and noise: settled by defaults unless the editor acts."""
        return self.kind == "unit"


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
    conflicts: int = 0  # word conflicts
    conflicts_left: int = 0
    triage: int = 0  # one-sided, duplicate and noise units
    triage_left: int = 0

    @property
    def remaining(self) -> int:
        return self.total - self.resolved


class DecisionSink(Protocol):
    def save_decision(self, key: str, decision: Decision | None) -> None: ...

    def save_cursor(self, key: str | None) -> None: ...


Change = tuple[str, Decision | None]  # an item key and its new decision (None: undecided)


class ReviewSession:
    def __init__(
        self,
        alignment: Alignment,
        decisions: dict[str, Decision] | None = None,
        sink: DecisionSink | None = None,
        auto_advance: bool = True,
        structure: Iterable[StructureEdit] = (),
    ) -> None:
        # ``base`` is the engine's alignment; ``alignment`` is it with the structure edits
        # applied (core/review/structure.py): what the window shows and export writes.
        self.base = alignment
        self.structure: tuple[StructureEdit, ...] = tuple(structure)
        self.sink = sink
        self.auto_advance = auto_advance
        self.history = History()
        # Called with the session after each structure change (the project rebinds its items).
        self.listeners: list[Callable[[ReviewSession], None]] = []
        self._rebuild()
        # Decisions whose key no item has (e.g. after the sources changed) are kept, not dropped.
        self.decisions: dict[str, Decision] = dict(decisions or {})
        # Start on the first word conflict: triage items have defaults and their own keys.
        first = next((i for i, it in enumerate(self.items) if not it.triage), 0)
        self.cursor = first if self.items else -1

    def _rebuild(self, edited: tuple[Alignment, list[StructureEdit]] | None = None) -> None:
        """Apply the structure edits (or take ``edited``, their result) and index the items."""
        self.alignment, self.structure_orphans = edited or apply_edits(self.base, self.structure)
        self.items: tuple[ReviewItem, ...] = tuple(self._build_items(self.alignment.articles))
        self._index = {it.key: i for i, it in enumerate(self.items)}
        self._article_starts = [it.article_index for it in self.items]
        self._unit_at = {
            u.id: (ai, ui)
            for ai, a in enumerate(self.alignment.articles)
            for ui, u in enumerate(a.units)
        }
        # For status(): counted with set operations, not a Python loop over every item
        # (it runs after each key press, on pages of thousands of items).
        self._triage_keys = frozenset(it.key for it in self.items if it.triage)
        by_unit: dict[str, list[str]] = {}
        for it in self.items:
            if it.kind == "conflict":
                by_unit.setdefault(self.unit_of(it).id, []).append(it.key)
        self._conflict_keys_of_unit = {u: frozenset(ks) for u, ks in by_unit.items()}

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
        return self._decided(item)

    def settled_by(self, item: ReviewItem) -> Decision | None:
        """The item's decision, or (a conflict) its unit's final text edited in context."""
        d = self.decisions.get(item.key)
        if d is None and item.kind == "conflict":
            whole = self.decisions.get(self.unit_of(item).id)
            return whole if whole is not None and whole.choice == "edit" else None
        return d

    def _decided(self, item: ReviewItem) -> bool:
        """A decision of its own, or (a conflict) its unit was edited in context."""
        if item.key in self.decisions:
            return True
        if item.kind != "conflict":
            return False
        return final_text(self.unit_of(item), self.decisions) is not None

    def orphaned_decisions(self) -> dict[str, Decision]:
        """Decisions that match no item of this alignment (sources changed since)."""
        known = self._index.keys() | self._unit_at.keys()
        return {k: d for k, d in self.decisions.items() if k not in known}

    def suggestion_of(self, item: ReviewItem) -> Suggestion | None:
        c = self.conflict_of(item)
        return c.suggestion if c is not None else None

    def _decided_keys(self) -> set[str]:
        """Keys of every decided item (as ``_decided`` says, item by item)."""
        decided = self.decisions.keys() & self._index.keys()
        for uid in self._conflict_keys_of_unit.keys() & self.decisions.keys():
            if self.decisions[uid].choice == "edit":  # edited in context: its conflicts too
                decided |= self._conflict_keys_of_unit[uid]
        return decided

    def status(self) -> Status:
        decided = self._decided_keys()
        triage = len(self._triage_keys)
        conflicts = len(self.items) - triage
        triage_left = triage - len(decided & self._triage_keys)
        conflicts_left = conflicts - (len(decided) - (triage - triage_left))
        cur = self.current
        return Status(
            total=len(self.items),
            resolved=len(self.items) - conflicts_left - triage_left,
            cursor=self.cursor,
            article_index=cur.article_index if cur else 0,
            article_count=len(self.alignment.articles),
            can_undo=self.history.can_undo,
            can_redo=self.history.can_redo,
            conflicts=conflicts,
            conflicts_left=conflicts_left,
            triage=triage,
            triage_left=triage_left,
        )

    # --- decisions -----------------------------------------------------------------------
    def decide(
        self, choice: str, text: str | None = None, key: str | None = None, origin: str = "editor"
    ) -> bool:
        """Record a decision for ``key`` (default: the current item); then advance."""
        if key is None:
            if self.current is None:
                return False
            key = self.current.key
        idx = self._index.get(key)
        if idx is None:
            raise KeyError(key)
        after = Decision(choice, text, origin)
        before = self.decisions.get(key)
        cursor_before = self.cursor
        self._apply(key, after)
        self.cursor = idx
        if self.auto_advance:
            # Conflicts first: triage items have defaults and their own keys.
            kind = self.items[idx].triage
            nxt = self._find_unresolved(idx, +1, kind)
            if nxt is None:
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

    def apply_batch(self, changes: Iterable[Change]) -> int:
        """Many decisions as ONE undo step (accept all, take a side, defaults); the cursor
        then goes to the next undecided conflict. Returns how many items changed."""
        steps = tuple(
            Step(key, self.decisions.get(key), d, self.cursor, self.cursor)
            for key, d in changes
            if key in self._index and self.decisions.get(key) != d
        )
        if not steps:
            return 0
        cursor_before = self.cursor
        self._apply_many([(st.key, st.after) for st in steps])
        if self.current is not None and self._decided(self.current):
            nxt = self._find_unresolved(self.cursor, +1, False)
            if nxt is None:
                nxt = self._find_unresolved(self.cursor, +1)
            if nxt is not None:
                self.cursor = nxt
        self.history.push(Batch(steps, cursor_before, self.cursor))
        self._save_cursor()
        return len(steps)

    def undo(self) -> bool:
        step = self.history.undo()
        if step is None:
            return False
        if isinstance(step, Compound):
            self._apply_many([(st.key, st.before) for st in reversed(step.decisions.steps)])
            self._set_structure(step.structure.before, step.structure.cursor_before)
            self.cursor = step.decisions.cursor_before
        elif isinstance(step, StructureStep):
            self._set_structure(step.before, step.cursor_before)
        elif isinstance(step, Batch):
            self._apply_many([(st.key, st.before) for st in reversed(step.steps)])
            self.cursor = step.cursor_before
        else:
            self._apply(step.key, step.before)
            self.cursor = self._index.get(step.key, step.cursor_before)
        self._save_cursor()
        return True

    def redo(self) -> bool:
        step = self.history.redo()
        if step is None:
            return False
        if isinstance(step, Compound):
            self._set_structure(step.structure.after, step.structure.cursor_after)
            self._apply_many([(st.key, st.after) for st in step.decisions.steps])
            self.cursor = step.decisions.cursor_after
        elif isinstance(step, StructureStep):
            self._set_structure(step.after, step.cursor_after)
        elif isinstance(step, Batch):
            self._apply_many([(st.key, st.after) for st in step.steps])
            self.cursor = step.cursor_after
        else:
            self._apply(step.key, step.after)
            self.cursor = step.cursor_after
        self._save_cursor()
        return True

    def _apply_many(self, changes: list[Change]) -> None:
        for key, decision in changes:
            if decision is None:
                self.decisions.pop(key, None)
            else:
                self.decisions[key] = decision
        if self.sink is None:
            return
        save_many = getattr(self.sink, "save_decisions", None)
        if save_many is not None:
            save_many(changes)  # one transaction for the whole batch
        else:
            for key, decision in changes:
                self.sink.save_decision(key, decision)

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

    # --- structure ---------------------------------------------------------------------
    def unit_by_id(self, unit_id: str) -> tuple[int, int] | None:
        """(article index, unit index) of a unit of the (edited) alignment."""
        return self._unit_at.get(unit_id)

    def restructure(self, edit: StructureEdit) -> bool:
        """Apply one structure action as one undo step; False (nothing changes) when it
        does not apply to the current structure."""
        after = (*self.structure, edit)
        edited = apply_edits(self.base, after)
        if len(edited[1]) > len(self.structure_orphans):
            return False
        before, cur_before = self.structure, self._cursor_key()
        self._set_structure(after, cur_before, edited=edited)
        self.history.push(StructureStep(before, after, cur_before, self._cursor_key()))
        return True

    def structure_edit(
        self,
        kind: str,
        unit_id: str,
        other_id: str | None = None,
        value: str | None = None,
        pos: int | None = None,
    ) -> bool:
        """``restructure`` with the units named by their ids in the current alignment."""
        keys = keys_by_id(self.alignment)
        if unit_id not in keys or (other_id is not None and other_id not in keys):
            return False
        other = keys[other_id] if other_id is not None else None
        return self.restructure(StructureEdit(kind, keys[unit_id], other, value, pos))

    def _cursor_key(self) -> str | None:
        return self.current.key if self.current else None

    def _set_structure(
        self,
        edits: Iterable[StructureEdit],
        cursor: str | None,
        edited: tuple[Alignment, list[StructureEdit]] | None = None,
    ) -> None:
        old_index = self.cursor
        self.structure = tuple(edits)
        self._rebuild(edited)
        if cursor is not None and cursor in self._index:
            self.cursor = self._index[cursor]
        elif self.items:
            self.cursor = max(0, min(old_index, len(self.items) - 1))
        else:
            self.cursor = -1
        saver = getattr(self.sink, "save_structure", None)
        for listener in self.listeners:
            listener(self)
        if saver is not None:
            saver(list(self.structure))
        self._save_cursor()

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

    def step(self, delta: int, triage: bool | None = None) -> bool:
        """Next (+1) or previous (-1) item; ``triage`` False/True: conflicts/triage only."""
        if not self.items:
            return False
        i = self.cursor + delta
        while 0 <= i < len(self.items):
            if triage is None or self.items[i].triage == triage:
                return self.goto(i)
            i += delta
        return False

    def _find_unresolved(self, start: int, delta: int, triage: bool | None = None) -> int | None:
        n = len(self.items)
        for k in range(1, n + 1):
            i = (start + delta * k) % n
            it = self.items[i]
            if not self._decided(it) and (triage is None or it.triage == triage):
                return i
        return None

    def step_unresolved(self, delta: int, triage: bool | None = None) -> bool:
        """Next/previous undecided item (of one kind), wrapping around."""
        if not self.items:
            return False
        i = self._find_unresolved(self.cursor, delta, triage)
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
