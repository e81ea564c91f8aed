"""Writing an export: the checks on the output folder, then the atomic write of the set.

A folder is replaced only when it is empty or an earlier export of the same review holding
nothing else; the inputs and the project file are never inside it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from reviewer.core import filesystem
from reviewer.core.atomic import replace_dir
from reviewer.core.export.files import (
    MANIFEST,
    ExportError,
    ExportResult,
    ProjectRef,
    UnresolvedError,
    render,
    sources_manifest,
    unresolved,
)
from reviewer.core.model import Alignment
from reviewer.core.review.merge import Decision


def _previous_export(out: Path, alignment: Alignment, project: ProjectRef | None) -> bool:
    """Is ``out`` an earlier export of the same project (or pair) holding nothing else?"""
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        listed = set(data["files"]) | {MANIFEST}
        prev_project = data["project"]
        prev_sources = data["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if {p.name for p in out.iterdir()} - listed:
        return False  # the editor put something else there: not ours to delete
    if project is not None:
        return isinstance(prev_project, dict) and prev_project.get("id") == project.id
    return prev_project is None and prev_sources == sources_manifest(alignment)


def check_target(
    out: Path,
    alignment: Alignment,
    project: ProjectRef | None = None,
    force: bool = False,
) -> bool:
    """Refuse an unusable output folder (ExportError); True if it holds files to replace.

    A symbolic link is followed: the export is written to the folder it points to.
    """
    problem = filesystem.name_problem(out)
    if problem:
        raise ExportError(out, problem)
    if out.is_symlink() and not filesystem.exists(os.path.realpath(out)):
        raise ExportError(out, f"is a link to {os.path.realpath(out)}, which does not exist")
    real = Path(os.path.realpath(out))
    present = filesystem.exists(real)
    if present and not real.is_dir():
        raise ExportError(out, f"is {filesystem.kind(real.stat().st_mode)}, not a folder")
    if present and filesystem.is_read_only(real):
        raise ExportError(out, "is read-only; make it writable or choose another folder")
    parent = _existing_parent(real)
    if filesystem.is_read_only(parent):
        raise ExportError(out, f"cannot be written: the folder {parent} is read-only")
    protected = [Path(alignment.left.path), Path(alignment.right.path)]
    if project is not None:
        protected.append(Path(project.path))
    for p in protected:
        if p.resolve().is_relative_to(real):
            raise ExportError(out, f"holds {p.name}, which the export must not replace")
    try:
        if not present or not any(real.iterdir()):
            return False
    except OSError as e:
        raise ExportError(out, f"cannot be read ({e.strerror or e})") from None
    if force or _previous_export(real, alignment, project):
        return True
    raise ExportError(
        out, "is not empty and is not an earlier export of this review (use --force to replace it)"
    )


def _existing_parent(path: Path) -> Path:
    parent = path.parent
    while not filesystem.exists(parent) and parent != parent.parent:
        parent = parent.parent
    return parent


def export(
    alignment: Alignment,
    decisions: Mapping[str, Decision],
    out_dir: str | Path,
    *,
    prefer: str | None = None,
    fmt: str = "txt",
    force: bool = False,
    project: ProjectRef | None = None,
) -> ExportResult:
    """Check, render and atomically write the article set to ``out_dir``.

    Raises UnresolvedError when conflicts remain and ``prefer`` is None, ExportError when the
    folder is refused or the write fails.
    """
    if prefer not in (None, "left", "right"):
        raise ValueError(f"prefer must be 'left' or 'right', not {prefer!r}")
    pending = unresolved(alignment, decisions, prefer)
    if pending:
        raise UnresolvedError(pending)
    out = Path(out_dir)
    replaced = check_target(out, alignment, project, force)
    files = render(alignment, decisions, prefer, fmt, project)
    try:
        replace_dir(out, files)
    except OSError as e:
        raise ExportError(out, f"the export failed and nothing was changed ({e})") from None
    articles = json.loads(files[MANIFEST])["articles"]
    return ExportResult(
        out_dir=out,
        fmt=fmt,
        files=tuple(files),
        articles=len(articles),
        paragraphs=sum(a["paragraphs"] for a in articles),
        replaced=replaced,
    )
