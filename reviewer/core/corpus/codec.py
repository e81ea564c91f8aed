"""One page's Alignment as a compressed blob for the corpus project, and back.

The JSON inside follows the ``reviewer align --json`` shape (report.to_json) and adds what
the window needs to show a page without aligning it again: each conflict's offsets, each
unit's raw offsets, and both sources' text and layout. ``from_blob(to_blob(a)) == a``.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from reviewer.core.model import Alignment, Article, Conflict, Source, Unit

BLOB_FORMAT = 1
_LEVEL = 1  # zlib: under 1 ms a page for a blob under a third of the JSON


def _source(s: Source) -> dict[str, Any]:
    return {"path": s.path, "sha256": s.sha256, "layout": s.layout, "text": s.text}


def _span(raw: tuple[int, int] | None) -> list[int] | None:
    return list(raw) if raw is not None else None


def to_data(alignment: Alignment) -> dict[str, Any]:
    return {
        "format": BLOB_FORMAT,
        "engine_version": alignment.engine_version,
        "left": _source(alignment.left),
        "right": _source(alignment.right),
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
                        "left_raw": _span(u.left_raw),
                        "right_raw": _span(u.right_raw),
                        "conflicts": [
                            {
                                "id": c.id,
                                "left": c.left,
                                "right": c.right,
                                "span": [c.left_start, c.left_end, c.right_start, c.right_end],
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


def _raw(span: list[int] | None) -> tuple[int, int] | None:
    return (span[0], span[1]) if span is not None else None


def from_data(data: dict[str, Any]) -> Alignment:
    if data.get("format") != BLOB_FORMAT:
        raise ValueError(f"unknown page format {data.get('format')!r}")
    articles = tuple(
        Article(
            a["id"],
            a["title"],
            tuple(
                Unit(
                    id=u["id"],
                    role=u["role"],
                    left=u["left"],
                    right=u["right"],
                    duplicate_of=u["duplicate_of"],
                    conflicts=tuple(
                        Conflict(c["id"], c["left"], c["right"], *c["span"]) for c in u["conflicts"]
                    ),
                    left_raw=_raw(u["left_raw"]),
                    right_raw=_raw(u["right_raw"]),
                )
                for u in a["units"]
            ),
        )
        for a in data["articles"]
    )
    left, right = (Source(**data[side]) for side in ("left", "right"))
    return Alignment(left, right, articles, engine_version=data["engine_version"])


def to_blob(alignment: Alignment) -> bytes:
    text = json.dumps(to_data(alignment), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), _LEVEL)


def from_blob(blob: bytes) -> Alignment:
    """ValueError if the blob is damaged or of an unknown format."""
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"the stored page is damaged ({e})") from None
    try:
        return from_data(data)
    except (KeyError, TypeError) as e:
        raise ValueError(f"the stored page is damaged ({e})") from None
