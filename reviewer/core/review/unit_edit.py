"""Edit in context: the editor retypes a whole unit (its merged text, readings in place).

The typed text is stored as the unit's final text: a decision ``edit`` keyed by the unit id
(``merge.final_text``), which overrides every conflict of the unit. A paragraph break in the
typed text splits the unit there (the ``split_unit`` structure action), and each part becomes
the final text of its own unit; the split and the texts are one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.model import Alignment, Unit
from reviewer.core.review.history import Batch, Compound, Step, StructureStep
from reviewer.core.review.merge import Decision, merge_with_spans
from reviewer.core.review.session import ReviewSession
from reviewer.core.review.structure import StructureEdit, _map_pos, apply_edits, keys_by_id
from reviewer.core.sanitize import strip_controls


@dataclass(frozen=True)
class EditContext:
    """What the editor opens with: the unit's merged text, the current conflict's reading
    at [start, end), and the other reading of that conflict (one key away)."""

    unit_id: str
    text: str
    start: int
    end: int
    other: str


def context(session: ReviewSession, unit: Unit, conflict_id: str | None = None) -> EditContext:
    """The merged text of ``unit`` with the chosen readings in place (undecided: the side the
    merge takes), and where conflict ``conflict_id`` sits in it."""
    merged, spans = merge_with_spans(unit, session.decisions)
    text = merged.text
    if text is None:  # a dropped unit: edit what the version has
        text = unit.left if unit.left is not None else unit.right or ""
    c = next((c for c in unit.conflicts if c.id == conflict_id), None)
    if c is None or conflict_id not in spans:
        return EditContext(unit.id, text, 0, len(text), "")
    start, end = spans[conflict_id]
    reading = text[start:end]
    other = c.right if reading == c.left else c.left
    return EditContext(unit.id, text, start, end, other)


def paragraphs(text: str) -> list[str]:
    """The typed text as paragraphs: control characters stripped (as export does), one
    paragraph per line, blank lines and edge spaces dropped."""
    text = strip_controls(text.replace("\u2029", "\n").replace("\u2028", "\n"))
    return [p.strip() for p in text.split("\n") if p.strip()]


def edit_unit(session: ReviewSession, unit_id: str, text: str, origin: str = "editor") -> bool:
    """Store ``text`` as the final text of unit ``unit_id``; each paragraph break splits the
    unit. One undo step. False (nothing changes) when the text is empty, the unit is gone,
    or a break falls where the unit cannot be split."""
    parts = paragraphs(text)
    at = session.unit_by_id(unit_id)
    if not parts or at is None:
        return False
    cursor_before = session.cursor
    if len(parts) == 1:
        before = session.decisions.get(unit_id)
        after = Decision("edit", parts[0], origin)
        if before == after:
            return False
        session._apply(unit_id, after)
        _advance(session, unit_id)
        session.history.push(Step(unit_id, before, after, cursor_before, session.cursor))
        session._save_cursor()
        return True
    planned = _plan_split(session, unit_id, parts)
    if planned is None:
        return False
    edits, edited, new_ids = planned
    ai, ui = at
    old = session.alignment.articles[ai].units[ui]
    cur_key = session.current.key if session.current else None
    structure_before = session.structure
    session._set_structure(edits, cur_key, edited=edited)
    # The old unit's own decisions go with it (its conflicts no longer exist).
    changes: list[tuple[str, Decision | None]] = [
        (k, None) for k in (unit_id, *(c.id for c in old.conflicts)) if k in session.decisions
    ]
    changes += [(uid, Decision("edit", p, origin)) for uid, p in zip(new_ids, parts)]
    steps = tuple(Step(k, session.decisions.get(k), d, -1, -1) for k, d in changes)
    session._apply_many(changes)
    _advance(session, new_ids[-1])
    session.history.push(
        Compound(
            StructureStep(structure_before, session.structure, cur_key, session._cursor_key()),
            Batch(steps, cursor_before, session.cursor),
        )
    )
    session._save_cursor()
    return True


def _plan_split(
    session: ReviewSession, unit_id: str, parts: list[str]
) -> tuple[tuple[StructureEdit, ...], tuple[Alignment, list[StructureEdit]], list[str]] | None:
    """The structure edits that cut ``unit_id`` into ``len(parts)`` units, the alignment they
    make and the new units' ids in order."""
    edits = session.structure
    alignment = session.alignment
    uid = unit_id
    done: list[str] = []
    edited: tuple[Alignment, list[StructureEdit]] | None = None
    for i in range(len(parts) - 1):
        ai, ui = _where(alignment, uid)
        unit = alignment.articles[ai].units[ui]
        side = "left" if unit.left is not None else "right"
        body = unit.text(side) or ""  # type: ignore[arg-type]
        typed = "".join(parts[i:])
        pos = _map_pos(typed, body, len(parts[i]))
        pos = max(1, min(pos, len(body) - 1))
        edits = (*edits, StructureEdit("split_unit", keys_by_id(alignment)[uid], None, side, pos))
        edited = apply_edits(session.base, edits)
        if len(edited[1]) > len(session.structure_orphans):
            return None
        alignment = edited[0]
        units = alignment.articles[ai].units
        if ui + 1 >= len(units):
            return None
        done.append(units[ui].id)
        uid = units[ui + 1].id
    done.append(uid)
    assert edited is not None
    return edits, edited, done


def _where(alignment: Alignment, unit_id: str) -> tuple[int, int]:
    for ai, a in enumerate(alignment.articles):
        for ui, u in enumerate(a.units):
            if u.id == unit_id:
                return ai, ui
    raise KeyError(unit_id)


def _advance(session: ReviewSession, unit_id: str) -> None:
    """After an edit: on to the next undecided conflict after the unit (auto-advance)."""
    if not session.auto_advance or not session.items:
        return
    ai, ui = session.unit_by_id(unit_id) or (0, 0)
    after = [
        i
        for i, it in enumerate(session.items)
        if (it.article_index, it.unit_index) > (ai, ui) and not it.triage
    ]
    start = after[0] - 1 if after else len(session.items) - 1
    nxt = session._find_unresolved(start, +1, False)
    if nxt is not None:
        session.cursor = nxt
