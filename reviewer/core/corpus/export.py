"""Exporting a whole corpus as one article set, with the single-pair export's rules.

Each page is rendered by ``export.render`` (the same text, JSONL and decision log as
``reviewer export``); the corpus puts a page's article files under its page path
(``DIR/2025-07-19/p01/01-title.txt``) or adds ``"page"`` to each JSONL record, and writes
one ``manifest.json`` and one ``decisions.csv`` (with a ``page`` column) for the whole set.
Written atomically (atomic.replace_dir); nothing is written while conflicts remain and no
``prefer`` is given.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.atomic import replace_dir
from reviewer.core.corpus.store import CorpusProject
from reviewer.core.export.files import (
    DECISIONS_CSV,
    EXPORT_VERSION,
    JSONL,
    MANIFEST,
    ExportError,
    ProjectRef,
    UnresolvedItem,
    _json,
    _sha,
    render,
    unresolved,
)
from reviewer.core.model import Alignment
from reviewer.core.review import bulk
from reviewer.core.review.merge import Decision
from reviewer.core.review.session import ReviewSession


class CorpusUnresolvedError(Exception):
    def __init__(self, items: dict[str, list[UnresolvedItem]]) -> None:
        self.items = items  # page → its unresolved conflicts
        n = sum(len(v) for v in items.values())
        super().__init__(f"{n} conflict{'s' if n != 1 else ''} remain unresolved")


@dataclass(frozen=True)
class CorpusExportResult:
    out_dir: Path
    fmt: str
    pages: int
    articles: int
    paragraphs: int
    replaced: bool


def accept_suggestions(
    alignment: Alignment, decisions: Mapping[str, Decision], min_confidence: float = 0.9
) -> dict[str, Decision]:
    """``--accept-suggestions``: the engine's confident suggestions for every conflict the
    editor has not decided (the editor's own decisions always win)."""
    session = ReviewSession(alignment, dict(decisions))
    suggested = dict(bulk.suggestions(session, min_confidence))
    return {**suggested, **decisions}


def _previous_export(out: Path, project: ProjectRef) -> bool:
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        listed = {name.split("/", 1)[0] for name in data["files"]} | {MANIFEST}
        same = data["project"]["id"] == project.id and data.get("corpus") is True
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return same and not ({p.name for p in out.iterdir()} - listed)


def _check_target(out: Path, project: ProjectRef, protected: list[Path], force: bool) -> bool:
    if out.exists() and not out.is_dir():
        raise ExportError(out, "is a file, not a folder")
    resolved = out.resolve()
    for p in protected:
        if p.resolve().is_relative_to(resolved):
            raise ExportError(out, f"holds {p.name}, which the export must not replace")
        if p.is_dir() and resolved.is_relative_to(p.resolve()):
            raise ExportError(out, f"is inside the input folder {p}; choose a folder outside it")
    if not out.exists() or not any(out.iterdir()):
        return False
    if force or _previous_export(out, project):
        return True
    raise ExportError(
        out, "is not empty and is not an earlier export of this corpus (use --force to replace it)"
    )


def _one_or_all(values: set[str]) -> str | list[str] | None:
    ordered = sorted(values)
    return ordered[0] if len(ordered) == 1 else (ordered or None)


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]


def export_corpus(
    project: CorpusProject,
    pages: list[str],
    out_dir: str | Path,
    prefer: str | None = None,
    fmt: str = "txt",
    force: bool = False,
    *,
    suggestions: bool = False,
    protected: list[Path] | None = None,
) -> CorpusExportResult:
    """Render every page of ``pages`` (in order) and write the set to ``out_dir``.

    Raises CorpusUnresolvedError (per page) when conflicts remain and ``prefer`` is None,
    ExportError for a refused or failed write, ProjectError for a page not aligned.
    """
    if prefer not in (None, "left", "right"):
        raise ValueError(f"prefer must be 'left' or 'right', not {prefer!r}")
    all_decisions = project.decision_map()
    ref = ProjectRef(project.project_id, str(project.path))
    out = Path(out_dir)
    replaced = _check_target(out, ref, [*(protected or []), project.path], force)
    files: dict[str, bytes] = {}
    pending: dict[str, list[UnresolvedItem]] = {}
    page_entries: list[dict[str, object]] = []
    csv_rows: list[list[str]] = []
    jsonl: list[bytes] = []
    engine_versions: set[str] = set()
    for page in pages:
        alignment = project.alignment(page)  # one page decoded at a time
        decisions = all_decisions.get(page, {})
        if suggestions:
            decisions = accept_suggestions(alignment, decisions)
        left = unresolved(alignment, decisions, prefer)
        if left:
            pending[page] = left
            continue
        if pending:
            continue  # nothing is written anyway; only the counts are wanted now
        engine_versions.add(alignment.engine_version)
        rendered = render(alignment, decisions, prefer, fmt, ref)
        manifest = json.loads(rendered[MANIFEST])
        for entry in manifest["articles"]:
            if fmt != "jsonl":  # one file per article: txt, tei, tei-app
                entry["file"] = f"{page}/{entry['file']}"
                files[entry["file"]] = rendered[entry["file"].rsplit("/", 1)[1]]
        if fmt == "jsonl":
            for line in rendered[JSONL].splitlines():
                record = json.loads(line)
                record["page"] = page
                data = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                jsonl.append(data.encode("utf-8") + b"\n")
            for entry in manifest["articles"]:
                entry["line"] = len(jsonl) - len(manifest["articles"]) + entry["line"]
                entry["sha256"] = _sha(jsonl[entry["line"] - 1].rstrip(b"\n"))
        csv_rows.extend([page, *row] for row in _csv_rows(rendered[DECISIONS_CSV]))
        page_entries.append(
            {"page": page, "sources": manifest["sources"], "articles": manifest["articles"]}
        )
    if pending:
        raise CorpusUnresolvedError(pending)
    if fmt == "jsonl":
        files[JSONL] = b"".join(jsonl)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(("page", "article", "title", "item", "kind", "left", "right", "decision", "final"))
    w.writerows(csv_rows)
    files[DECISIONS_CSV] = buf.getvalue().encode("utf-8")
    articles = [a for p in page_entries for a in p["articles"]]  # type: ignore[attr-defined]
    files[MANIFEST] = _json(
        {
            "version": EXPORT_VERSION,
            "corpus": True,
            "format": fmt,
            "engine_version": _one_or_all(engine_versions),
            "prefer": prefer,
            "suggestions": suggestions,
            "project": {"id": ref.id, "path": ref.path},
            "pages": page_entries,
            "files": {name: _sha(data) for name, data in files.items()},
        }
    )
    try:
        replace_dir(out, files)
    except OSError as e:
        raise ExportError(out, f"the export failed and nothing was changed ({e})") from None
    return CorpusExportResult(
        out_dir=out,
        fmt=fmt,
        pages=len(page_entries),
        articles=len(articles),
        paragraphs=sum(int(a["paragraphs"]) for a in articles),
        replaced=replaced,
    )
