"""The alignment as plain JSON-ready data (the `reviewer align --json` contract) and a summary."""

from __future__ import annotations

from typing import Any

from reviewer.core.model import Alignment, Suggestion


def _suggestion(s: Suggestion | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"pick": s.pick, "reason": s.reason, "confidence": round(s.confidence, 3)}


def to_json(alignment: Alignment) -> dict[str, Any]:
    """The version-1 JSON object; keys and shapes are a public contract."""
    return {
        "version": 1,
        "left": {"path": alignment.left.path, "sha256": alignment.left.sha256},
        "right": {"path": alignment.right.path, "sha256": alignment.right.sha256},
        "articles": [
            {
                "id": art.id,
                "title": art.title,
                "units": [
                    {
                        "id": u.id,
                        "role": u.role,
                        "left": u.left,
                        "right": u.right,
                        "duplicate_of": u.duplicate_of,
                        "conflicts": [
                            {
                                "id": c.id,
                                "left": c.left,
                                "right": c.right,
                                "suggestion": _suggestion(c.suggestion),
                            }
                            for c in u.conflicts
                        ],
                    }
                    for u in art.units
                ],
            }
            for art in alignment.articles
        ],
    }


def summary(alignment: Alignment) -> str:
    units = [u for a in alignment.articles for u in a.units]
    one_left = sum(1 for u in units if u.left is not None and u.right is None)
    one_right = sum(1 for u in units if u.right is not None and u.left is None)
    dups = sum(1 for u in units if u.duplicate_of)
    conflicts = sum(len(u.conflicts) for u in units)
    lines = [
        f"left:  {alignment.left.path}",
        f"right: {alignment.right.path}",
        f"articles: {len(alignment.articles)}",
        f"units: {len(units)} ({len(units) - one_left - one_right} paired, "
        f"{one_left} only left, {one_right} only right, {dups} duplicates)",
        f"conflicts: {conflicts}",
    ]
    for i, art in enumerate(alignment.articles, 1):
        n_conf = sum(len(u.conflicts) for u in art.units)
        lines.append(f"  {i:2d}. {art.title}  [{len(art.units)} units, {n_conf} conflicts]")
    return "\n".join(lines)
