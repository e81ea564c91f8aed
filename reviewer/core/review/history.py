"""Undo/redo of decisions, owned by the core so it is tested without Qt."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.review.merge import Decision
from reviewer.core.review.structure import StructureEdit


@dataclass(frozen=True)
class Step:
    """One decision change: item ``key`` went from ``before`` to ``after`` (None: undecided)."""

    key: str
    before: Decision | None
    after: Decision | None
    cursor_before: int
    cursor_after: int


@dataclass(frozen=True)
class Batch:
    """Many decision changes made by one command (accept all, take a side for an article):
    one undo step."""

    steps: tuple[Step, ...]
    cursor_before: int
    cursor_after: int


@dataclass(frozen=True)
class StructureStep:
    """One structure action: the list of structure edits before and after (structure.py).

    The cursor is kept as an item key: item positions change with the structure.
    """

    before: tuple[StructureEdit, ...]
    after: tuple[StructureEdit, ...]
    cursor_before: str | None
    cursor_after: str | None


@dataclass(frozen=True)
class Compound:
    """A structure action and the decisions it brought (an edit in context that split the
    unit): one undo step. Undone in reverse order."""

    structure: StructureStep
    decisions: Batch


Entry = Step | Batch | StructureStep | Compound


class History:
    def __init__(self) -> None:
        self._undo: list[Entry] = []
        self._redo: list[Entry] = []

    def push(self, step: Entry) -> None:
        self._undo.append(step)
        self._redo.clear()

    def undo(self) -> Entry | None:
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        return step

    def redo(self) -> Entry | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        return step

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)
