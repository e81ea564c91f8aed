"""Structure fixed by hand: split/join articles and units, roles, pairing, moves.

One representation for every manual structure change: a list of ``StructureEdit`` keyed by
unit *content* (the unit's two readings and which occurrence of them it is), like decisions
are keyed, so the list re-attaches to a new alignment after an engine upgrade. The edited
alignment is a pure function of the engine's alignment and that list (``apply_edits``), so
the session, the window and export all see the same result, and undo is just "the list
before".
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reviewer.core.engine.diff import diff_units
from reviewer.core.model import ROLES, Alignment, Article, Conflict, Unit, content_id
from reviewer.core.text import canon, canon_with_index

KINDS: tuple[str, ...] = (
    "split_article",  # a new article starts at ``unit``
    "join_article",  # the article of ``unit`` joins the previous article
    "role",  # ``unit`` gets role ``value``
    "pair",  # one-sided ``unit`` and one-sided ``other`` (the other version) become one row
    "unpair",  # a two-sided ``unit`` becomes two one-sided rows
    "split_unit",  # ``unit`` is cut at ``pos`` of its ``value`` side ("left"/"right")
    "join_units",  # ``unit`` and the next unit of its article become one
    "move_unit",  # ``unit`` goes to the end (``value`` "end") or start of ``other``'s article
)


@dataclass(frozen=True)
class StructureEdit:
    kind: str
    unit: str  # unit key (see ``unit_keys``)
    other: str | None = None
    value: str | None = None
    pos: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown structure edit {self.kind!r}")
        if self.kind == "role" and self.value not in ROLES:
            raise ValueError(f"unknown role {self.value!r}")

    def to_json(self) -> str:
        return json.dumps(
            {k: v for k, v in asdict(self).items() if v is not None},
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, data: str) -> StructureEdit:
        obj = json.loads(data)
        return cls(
            str(obj["kind"]),
            str(obj["unit"]),
            obj.get("other"),
            obj.get("value"),
            obj.get("pos"),
        )


@functools.lru_cache(maxsize=65536)
def _base_key(left: str | None, right: str | None) -> str:
    # Cached: every action looks units up by key, and a long page has thousands of units.
    return content_id("s", canon(left) if left else None, canon(right) if right else None)


def unit_keys(units: Iterable[Unit]) -> list[str]:
    """Content keys of ``units`` in document order: both readings + which occurrence."""
    seen: Counter[str] = Counter()
    out = []
    for u in units:
        base = _base_key(u.left, u.right)
        seen[base] += 1
        out.append(f"{base}:{seen[base]}")
    return out


def keys_by_id(alignment: Alignment) -> dict[str, str]:
    """Unit id -> unit key, for one alignment."""
    units = [u for _a, u in alignment.units()]
    return {u.id: k for u, k in zip(units, unit_keys(units))}


# --- building new units ----------------------------------------------------------------------
def _conflicts(left: str | None, right: str | None, tag: str) -> tuple[Conflict, ...]:
    if left is None or right is None:
        return ()
    out = []
    seen: Counter[tuple] = Counter()
    for e in diff_units(left, right):
        cl, cr = left[e.left_start : e.left_end], right[e.right_start : e.right_end]
        ckey = (cl, cr, left[max(0, e.left_start - 6) : e.left_start], left[e.left_end :][:6])
        seen[ckey] += 1
        cid = content_id("c", tag, *ckey, seen[ckey])
        out.append(Conflict(cid, cl, cr, e.left_start, e.left_end, e.right_start, e.right_end))
    return tuple(out)


def _new_unit(
    role: str,
    left: str | None,
    right: str | None,
    left_raw: tuple[int, int] | None,
    right_raw: tuple[int, int] | None,
) -> Unit:
    # Ids come from content; ``_unique_ids`` separates repeats at the end.
    uid = content_id("u", "edited", role, left, right)
    return Unit(
        uid,
        role,
        left,
        right,
        conflicts=_conflicts(left, right, uid),
        left_raw=left_raw,
        right_raw=right_raw,
    )


def _raw_at(source_text: str, raw: tuple[int, int], text: str, pos: int) -> int:
    """The source offset where unit text ``text`` is cut at ``pos`` (through canonical chars)."""
    start, end = raw
    k = len(canon(text[:pos]))
    _c, idx = canon_with_index(source_text[start:end])
    if k <= 0:
        return start
    if k >= len(idx):
        return end
    return start + idx[k - 1] + 1


def _map_pos(a: str, b: str, pos: int) -> int:
    """Where position ``pos`` of ``a`` falls in ``b`` (through the character alignment)."""
    ca, _ia = canon_with_index(a)
    cb, ib = canon_with_index(b)
    k = len(canon(a[:pos]))
    for op in Indel.opcodes(ca, cb):
        if op.src_start <= k <= op.src_end:
            if op.tag == "equal":
                j = op.dest_start + (k - op.src_start)
            else:
                j = op.dest_start if k == op.src_start else op.dest_end
            if j <= 0:
                return 0
            return min(len(b), ib[j - 1] + 1) if j <= len(ib) else len(b)
    return len(b)


def _part(text: str | None) -> str | None:
    if text is None:
        return None
    t = text.strip()
    return t or None


# --- applying --------------------------------------------------------------------------------
class _Doc:
    """A mutable working copy: articles as lists of units, with touched flags."""

    def __init__(self, alignment: Alignment) -> None:
        self.al = alignment
        self.arts: list[list[Unit]] = [list(a.units) for a in alignment.articles]
        self.orig: list[Article | None] = list(alignment.articles)

    def find(self, key: str) -> tuple[int, int] | None:
        flat = [(ai, ui, u) for ai, a in enumerate(self.arts) for ui, u in enumerate(a)]
        for (ai, ui, _u), k in zip(flat, unit_keys(u for _a, _i, u in flat)):
            if k == key:
                return ai, ui
        return None

    def touch(self, ai: int) -> None:
        self.orig[ai] = None

    def source(self, side: str) -> str:
        return self.al.left.text if side == "left" else self.al.right.text


def _apply_one(doc: _Doc, e: StructureEdit) -> bool:
    at = doc.find(e.unit)
    if at is None:
        return False
    ai, ui = at
    units = doc.arts[ai]
    u = units[ui]
    if e.kind == "split_article":
        if ui == 0:
            return False
        doc.arts[ai : ai + 1] = [units[:ui], units[ui:]]
        doc.orig[ai : ai + 1] = [None, None]
    elif e.kind == "join_article":
        if ai == 0:
            return False
        doc.arts[ai - 1 : ai + 1] = [doc.arts[ai - 1] + units]
        doc.orig[ai - 1 : ai + 1] = [None]
    elif e.kind == "role":
        if e.value not in ROLES or u.role == e.value:
            return False
        units[ui] = replace(u, role=e.value)
        doc.touch(ai)
    elif e.kind == "pair":
        at2 = doc.find(e.other or "")
        if at2 is None or at2 == at:
            return False
        v = doc.arts[at2[0]][at2[1]]
        if not (u.one_sided and v.one_sided) or (u.left is None) == (v.left is None):
            return False
        lu, ru = (u, v) if u.left is not None else (v, u)
        new = _new_unit(u.role, lu.left, ru.right, lu.left_raw, ru.right_raw)
        del doc.arts[at2[0]][at2[1]]
        doc.touch(at2[0])
        ui = next(i for i, x in enumerate(doc.arts[ai]) if x is u)
        doc.arts[ai][ui] = new
        doc.touch(ai)
    elif e.kind == "unpair":
        if u.left is None or u.right is None:
            return False
        a = _new_unit(u.role, u.left, None, u.left_raw, None)
        b = _new_unit(u.role, None, u.right, None, u.right_raw)
        units[ui : ui + 1] = [a, b]
        doc.touch(ai)
    elif e.kind == "split_unit":
        side = e.value if e.value in ("left", "right") else "left"
        text = u.text(side)  # type: ignore[arg-type]
        if text is None or e.pos is None or not 0 < e.pos < len(text):
            return False
        other = "right" if side == "left" else "left"
        otext = u.text(other)  # type: ignore[arg-type]
        cuts = {side: e.pos}
        if otext is not None:
            cuts[other] = _map_pos(text, otext, e.pos)
        parts: dict[str, tuple] = {}
        for s, cut in cuts.items():
            t = u.text(s)  # type: ignore[arg-type]
            raw = u.raw(s)  # type: ignore[arg-type]
            assert t is not None and raw is not None
            mid = _raw_at(doc.source(s), raw, t, cut)
            parts[s] = ((_part(t[:cut]), (raw[0], mid)), (_part(t[cut:]), (mid, raw[1])))
        if _part(text[: e.pos]) is None or _part(text[e.pos :]) is None:
            return False
        new = []
        for i in (0, 1):
            lt, lr = parts["left"][i] if "left" in parts else (None, None)
            rt, rr = parts["right"][i] if "right" in parts else (None, None)
            new.append(_new_unit(u.role, lt, rt, lr if lt else None, rr if rt else None))
        units[ui : ui + 1] = new
        doc.touch(ai)
    elif e.kind == "join_units":
        if ui + 1 >= len(units):
            return False
        v = units[ui + 1]
        if not _adjacent(doc, u, v):
            return False
        texts: dict[str, str | None] = {}
        raws: dict[str, tuple[int, int] | None] = {}
        for s in ("left", "right"):
            ts = [t for t in (u.text(s), v.text(s)) if t is not None]  # type: ignore[arg-type]
            rs = [r for r in (u.raw(s), v.raw(s)) if r is not None]  # type: ignore[arg-type]
            texts[s] = "".join(ts) if ts else None
            raws[s] = (min(r[0] for r in rs), max(r[1] for r in rs)) if rs else None
        units[ui : ui + 2] = [
            _new_unit(u.role, texts["left"], texts["right"], raws["left"], raws["right"])
        ]
        doc.touch(ai)
    elif e.kind == "move_unit":
        at2 = doc.find(e.other or "")
        if at2 is None or at2[0] == ai:
            return False
        del units[ui]
        target = doc.arts[at2[0]]
        if e.value == "start":
            target.insert(0, u)
        else:
            target.append(u)
        doc.touch(ai)
        doc.touch(at2[0])
    else:
        return False
    return True


def _adjacent(doc: _Doc, u: Unit, v: Unit) -> bool:
    """Does ``v`` follow ``u`` in each source with nothing between them? A join is for text
    that runs on (a broken sentence); anything else would scramble the source order."""
    for side in ("left", "right"):
        a, b = u.raw(side), v.raw(side)  # type: ignore[arg-type]
        if a is None or b is None:
            continue
        if b[0] < a[0]:
            return False
        for units in doc.arts:
            for w in units:
                r = w.raw(side)  # type: ignore[arg-type]
                if w is not u and w is not v and r is not None and a[0] < r[0] < b[0]:
                    return False
    return True


def _reading(u: Unit, primary: str) -> str:
    t = u.text(primary)  # type: ignore[arg-type]
    if t is None:
        t = u.text("right" if primary == "left" else "left")  # type: ignore[arg-type]
    return t or ""


def title_of(units: Sequence[Unit], primary: str = "left") -> str:
    """An article's title: its title unit, else the head of its first paragraph."""
    for u in units:
        if u.role == "title":
            return _reading(u, primary)
    for u in units:
        if u.role in ("paragraph", "caption"):
            text = _reading(u, primary)
            cut = min((i for i, ch in enumerate(text) if ch in "，。；：！？"), default=len(text))
            head = text[: min(cut, 24)]
            return head + ("…" if len(head) < len(text) else "")
    return "（无标题）"


def _primary(alignment: Alignment) -> str:
    """Which side the engine took titles from (it prefers the cleaner version)."""
    for a in alignment.articles:
        if title_of(a.units, "left") != title_of(a.units, "right"):
            return "left" if a.title == title_of(a.units, "left") else "right"
    return "left"


def _unique_ids(articles: list[Article]) -> list[Article]:
    seen: set[str] = set()
    out = []
    for art in articles:
        units = []
        for u in art.units:
            uid, n = u.id, 1
            while uid in seen:
                n += 1
                uid = content_id("u", u.id, n)
            seen.add(uid)
            units.append(u if uid == u.id else replace(u, id=uid))
        out.append(replace(art, units=tuple(units)))
    return out


def apply_edits(
    alignment: Alignment, edits: Sequence[StructureEdit]
) -> tuple[Alignment, list[StructureEdit]]:
    """The alignment with ``edits`` applied in order, and the edits that no longer apply."""
    if not edits:
        return alignment, []
    doc = _Doc(alignment)
    orphans = [e for e in edits if not _apply_one(doc, e)]
    primary = _primary(alignment)
    articles: list[Article] = []
    for units, orig in zip(doc.arts, doc.orig):
        if not units:
            continue
        if orig is not None:
            articles.append(orig)
            continue
        title = title_of(units, primary)
        articles.append(Article(content_id("a", title, units[0].id), title, tuple(units)))
    edited = replace(alignment, articles=tuple(_unique_ids(articles)))
    old_ids = {u.id for _a, u in alignment.units()}
    if any(u.conflicts and u.id not in old_ids for _a, u in edited.units()):
        from reviewer.core.engine.suggest import suggest_alignment

        edited = suggest_alignment(edited)
    return edited, orphans


# --- helpers for the window ------------------------------------------------------------------
def pair_candidates(alignment: Alignment, unit_id: str, limit: int = 5) -> list[tuple[Unit, float]]:
    """One-sided units of the other version, most similar to one-sided ``unit_id`` first."""
    units = [u for _a, u in alignment.units()]
    me = next((u for u in units if u.id == unit_id), None)
    if me is None or not me.one_sided:
        return []
    mine = canon(me.left if me.left is not None else me.right or "")
    want_left = me.left is None
    scored = [
        (u, fuzz.ratio(mine, canon(u.left if want_left else u.right or "")))
        for u in units
        if u.one_sided and (u.left is not None) == want_left
    ]
    scored.sort(key=lambda us: -us[1])
    return scored[:limit]


def describe(edit: StructureEdit) -> str:
    """One line for the list of structure edits that no longer apply."""
    extra = "".join(
        f" {k}={v}" for k, v in (("value", edit.value), ("pos", edit.pos)) if v is not None
    )
    return f"{edit.kind} {edit.unit}{' → ' + edit.other if edit.other else ''}{extra}"
