"""The merged, cleaned article set: one text per article, a manifest and a decision log.

Building the files is pure (alignment + decisions → bytes). Writing them (``writing``) is
atomic: the set is written to a temporary folder beside the target and renamed into place, so
an interrupted export never leaves a half-written set. Output is byte-stable: UTF-8, LF,
sorted JSON keys.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.model import Alignment, Article, Conflict, Unit
from reviewer.core.review.merge import (
    Decision,
    MergedUnit,
    final_text,
    is_unit_item,
    merge_unit,
    origin_counts,
)
from reviewer.core.sanitize import csv_cell, strip_controls

FORMATS = ("txt", "jsonl", "tei", "tei-app")  # TEI P5: export/tei.py
MANIFEST = "manifest.json"
DECISIONS_CSV = "decisions.csv"
JSONL = "articles.jsonl"
EXPORT_VERSION = 1
TITLE_MAX = 60  # characters of the title kept in a file name, so paths stay short
_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)]
)
CSV_COLUMNS = ("article", "title", "item", "kind", "left", "right", "decision", "final")


class ExportError(Exception):
    """The export was refused or failed; the message names the folder and the reason."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class UnresolvedItem:
    """A conflict with neither a decision nor a preference."""

    article: int  # 1-based position in the alignment
    title: str
    key: str  # the review item to jump to (conflict id, or unit id for unit items)
    conflict_id: str
    left: str
    right: str


class UnresolvedError(Exception):
    def __init__(self, items: list[UnresolvedItem]) -> None:
        self.items = items
        n = len(items)
        super().__init__(f"{n} conflict{'s' if n != 1 else ''} remain unresolved")


@dataclass(frozen=True)
class ProjectRef:
    """Which project an export came from, so a re-export may replace it."""

    id: str
    path: str


@dataclass(frozen=True)
class ArticleText:
    number: int
    id: str
    title: str
    subtitle: tuple[str, ...]
    byline: tuple[str, ...]
    header: tuple[str, ...]  # subtitle and byline lines in document order
    paragraphs: tuple[str, ...]
    origins: tuple[tuple[str, int], ...]  # sorted (origin, units) counts

    def text(self) -> str:
        """The txt file: title, header lines, a blank line, paragraphs; final newline."""
        out = "\n".join((self.title, *self.header)) + "\n"
        if self.paragraphs:
            out += "\n" + "\n\n".join(self.paragraphs) + "\n"
        return out


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    fmt: str
    files: tuple[str, ...]
    articles: int
    paragraphs: int
    replaced: bool  # a previous export was replaced


# --- text ------------------------------------------------------------------------------------
def safe_title(title: str) -> str:
    """``title`` made safe as a file name on Windows, macOS and Linux (Chinese kept)."""
    t = unicodedata.normalize("NFC", title)
    t = "".join(ch for ch in t if unicodedata.category(ch) != "Cf")  # zero-width marks
    t = re.sub(r"\s+", " ", _ILLEGAL.sub("_", t)).strip()
    t = t[:TITLE_MAX].rstrip(". ")
    if t.split(".")[0].strip().upper() in _RESERVED:
        t = "_" + t
    return t or "untitled"


def article_filename(number: int, title: str, width: int = 2) -> str:
    return f"{number:0{width}d}-{safe_title(title)}.txt"


def _clean(text: str) -> str:
    # A blank line inside a unit would split it into two paragraphs in the txt format.
    lines = strip_controls(text).split("\n")
    return "\n".join(ln.rstrip() for ln in lines if ln.strip()).strip()


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split("\n"))


def _origin(unit: Unit, merged: MergedUnit) -> str:
    two_sided = unit.left is not None and unit.right is not None
    if merged.origin == "left" and two_sided and not unit.conflicts:
        return "same"  # both versions agree
    return merged.origin


def build_articles(
    alignment: Alignment, decisions: Mapping[str, Decision], prefer: str | None = None
) -> list[ArticleText]:
    """The merged articles; an article whose every unit is left out is skipped."""
    kept: list[tuple[Article, str | None, list[tuple[str, str]], list[str], Counter[str]]] = []
    for art in alignment.articles:
        title: str | None = None
        header: list[tuple[str, str]] = []
        paras: list[str] = []
        origins: Counter[str] = Counter()
        for unit in art.units:
            merged = merge_unit(unit, decisions, prefer)
            text = _clean(merged.text) if merged.text is not None else ""
            if not text:
                continue
            origins[_origin(unit, merged)] += 1
            if unit.role == "title" and title is None:
                title = _one_line(text)
            elif unit.role in ("title", "subtitle"):
                header.append(("subtitle", _one_line(text)))
            elif unit.role == "byline" and not paras:
                header.append(("byline", _one_line(text)))
            else:
                # A byline after the body (the closing dateline "（新华社北京7月18日电）")
                # stays where it is: at the end of the body, as written.
                paras.append(text)
        if origins:
            kept.append((art, title, header, paras, origins))
    return [
        ArticleText(
            number=n,
            id=art.id,
            title=title or _one_line(art.title) or "untitled",
            subtitle=tuple(t for r, t in header if r == "subtitle"),
            byline=tuple(t for r, t in header if r == "byline"),
            header=tuple(t for _, t in header),
            paragraphs=tuple(paras),
            origins=tuple(sorted(origins.items())),
        )
        for n, (art, title, header, paras, origins) in enumerate(kept, 1)
    ]


def unresolved(
    alignment: Alignment, decisions: Mapping[str, Decision], prefer: str | None = None
) -> list[UnresolvedItem]:
    """Conflicts the export cannot settle: no decision, no preference, in a kept unit."""
    if prefer is not None:
        return []
    out = []
    for ai, art in enumerate(alignment.articles, 1):
        for unit in art.units:
            if not merge_unit(unit, decisions).unresolved:
                continue
            for c in unit.conflicts:
                if c.id not in decisions:
                    key = unit.id if is_unit_item(unit) else c.id
                    out.append(UnresolvedItem(ai, art.title, key, c.id, c.left, c.right))
    return out


# --- files -----------------------------------------------------------------------------------
def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def _reading(c: Conflict, d: Decision | None, prefer: str | None) -> str:
    choice = d.choice if d else prefer
    return {
        "left": c.left,
        "right": c.right,
        "both": c.left + c.right,
        "both_rl": c.right + c.left,
        "edit": (d.text or "") if d else "",
    }.get(choice or "", "")


def _unit_kind(unit: Unit) -> str:
    if unit.duplicate_of is not None:
        return "duplicate"
    if unit.role == "noise":
        return "noise"
    return "only-left" if unit.right is None else "only-right"


def decisions_csv(
    alignment: Alignment,
    decisions: Mapping[str, Decision],
    prefer: str | None,
    articles: Iterable[ArticleText],
    width: int = 2,
) -> bytes:
    """One row per conflict or triaged unit: what each version read, the decision, the result."""
    written = {a.id: (f"{a.number:0{width}d}", a.title) for a in articles}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_COLUMNS)  # cells below go through csv_cell
    for art in alignment.articles:
        number, title = written.get(art.id, ("", art.title))
        for unit in art.units:
            if is_unit_item(unit):
                d = decisions.get(unit.id)
                final = merge_unit(unit, decisions, prefer).text
                shown = d.choice if d else ("default keep" if final is not None else "default drop")
                row = [unit.id, _unit_kind(unit), unit.left or "", unit.right or "", shown]
                w.writerow([csv_cell(v) for v in (number, title, *row, final or "")])
                continue
            whole = final_text(unit, decisions)
            for c in unit.conflicts:
                d = decisions.get(c.id)
                shown = d.choice if d else (f"prefer {prefer}" if prefer else "unresolved")
                reading = _reading(c, d, prefer)
                if whole is not None:  # edited in context: the unit's final text decides
                    shown, reading = "unit edit", whole
                row = [c.id, "conflict", c.left, c.right, shown, reading]
                w.writerow([csv_cell(v) for v in (number, title, *row)])
    return buf.getvalue().encode("utf-8")


def sources_manifest(alignment: Alignment) -> dict[str, dict[str, str]]:
    return {
        side: {"path": src.path, "sha256": src.sha256}
        for side, src in (("left", alignment.left), ("right", alignment.right))
    }


def render(
    alignment: Alignment,
    decisions: Mapping[str, Decision],
    prefer: str | None = None,
    fmt: str = "txt",
    project: ProjectRef | None = None,
) -> dict[str, bytes]:
    """Every file of the export, by name (pure; nothing is written)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    articles = build_articles(alignment, decisions, prefer)
    width = max(2, len(str(len(articles))))
    sources = sources_manifest(alignment)
    files: dict[str, bytes] = {}
    entries = []
    lines = []
    for a in articles:
        entry: dict[str, object] = {
            "id": a.id,
            "number": a.number,
            "title": a.title,
            "paragraphs": len(a.paragraphs),
            "units": dict(a.origins),
        }
        if fmt == "txt":
            name = article_filename(a.number, a.title, width)
            files[name] = a.text().encode("utf-8")
            entry.update(file=name, sha256=_sha(files[name]))
        elif fmt in ("tei", "tei-app"):
            from reviewer.core.export import tei  # it builds on this module

            name = tei.tei_filename(a.number, a.title, width)
            files[name] = tei.tei_article(alignment, a, decisions, prefer, fmt == "tei-app")
            entry.update(file=name, sha256=_sha(files[name]))
        else:
            line = json.dumps(
                {
                    "id": a.id,
                    "title": a.title,
                    "subtitle": "\n".join(a.subtitle) or None,
                    "byline": "\n".join(a.byline) or None,
                    "paragraphs": list(a.paragraphs),
                    "text": "\n\n".join(a.paragraphs),
                    "sources": {**sources, "units": dict(a.origins)},
                },
                ensure_ascii=False,
                sort_keys=True,
                separators=(",", ":"),
            ).encode("utf-8")
            lines.append(line + b"\n")
            entry.update(file=JSONL, line=a.number, sha256=_sha(line))
        entries.append(entry)
    if fmt == "jsonl":
        files[JSONL] = b"".join(lines)
    files[DECISIONS_CSV] = decisions_csv(alignment, decisions, prefer, articles, width)
    manifest = {
        "version": EXPORT_VERSION,
        "format": fmt,
        "engine_version": alignment.engine_version,
        "prefer": prefer,
        "project": {"id": project.id, "path": project.path} if project else None,
        "sources": sources,
        "articles": entries,
        "decisions": origin_counts((u for _a, u in alignment.units()), decisions, prefer),
        "files": {name: _sha(data) for name, data in files.items()},
    }
    files[MANIFEST] = _json(manifest)
    return files
