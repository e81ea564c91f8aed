"""The small API the window and the command line call: open a review, export it.

A review = an alignment + a ReviewSession + the open project file that records every
decision. Decisions are re-attached by item id first, then by content key (the readings
and a little context), so re-aligning (a new engine, an edited source) keeps every decision
that still applies; the rest are reported as orphaned and kept in the project file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core import filesystem, paths
from reviewer.core.engine.pipeline import Progress, align_sources
from reviewer.core.engine.read import read_source
from reviewer.core.export.files import ExportResult, ProjectRef
from reviewer.core.export.writing import export
from reviewer.core.model import Alignment, Source, Unit, content_id
from reviewer.core.review import structure
from reviewer.core.review.merge import Decision
from reviewer.core.review.session import ReviewSession
from reviewer.core.store import projectfile
from reviewer.core.store.database import ItemInfo, Project, StoredDecision
from reviewer.core.store.fileformat import ProjectError, ProjectReadOnly

__all__ = [
    "Project",
    "ProjectError",
    "ProjectReadOnly",
    "Reattached",
    "Review",
    "default_project_path",
    "describe_orphans",
    "describe_structure_orphans",
    "export_review",
    "item_infos",
    "open_project_file",
    "open_review",
    "reattach",
    "reopen",
    "save_copy",
]

PROJECT_SUFFIX = ".reviewer"
_CONTEXT = 6  # characters either side of a conflict that make its content key


@dataclass
class Review:
    """An open review. Call ``close()`` (or use ``with``) to release the project lock."""

    session: ReviewSession
    project: Project
    warnings: list[str] = field(default_factory=list)
    orphaned: dict[str, Decision] = field(default_factory=dict)

    @property
    def alignment(self) -> Alignment:
        return self.session.alignment

    def close(self) -> None:
        self.project.close()

    def __enter__(self) -> Review:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_project_path(left: str | Path, right: str | Path) -> Path:
    """``<leftstem>.reviewer`` beside LEFT, or in the user data dir when that cannot be.

    The bundled sample's project is ``sample.reviewer`` there; so is the project of any pair
    whose LEFT lies in the bundled resources or (with no project yet) in a read-only folder,
    or whose project name or path would be too long.
    """
    lp, rp = _resolved(left), _resolved(right)
    if lp == paths.SAMPLE_LEFT.resolve() and rp == paths.SAMPLE_RIGHT.resolve():
        return paths.user_data_dir() / f"sample{PROJECT_SUFFIX}"
    name = _fitting_name(lp.stem)
    beside = lp.with_name(name)
    if filesystem.exists(beside) and not _bundled(lp):
        return beside
    too_long = len(os.fsencode(str(beside))) > projectfile.SQLITE_PATH_MAX
    if _bundled(lp) or too_long or filesystem.is_read_only(lp.parent):
        tag = hashlib.sha256(f"{lp}\0{rp}".encode("utf-8", "surrogateescape")).hexdigest()[:8]
        return paths.user_data_dir() / _fitting_name(f"{lp.stem}-{tag}", 64)
    return beside


def _resolved(path: str | Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a link loop: the name as given will do
        return Path(os.path.abspath(path))


def _bundled(path: Path) -> bool:
    return path.is_relative_to(paths.RESOURCES.resolve())


def _fitting_name(stem: str, limit: int = filesystem.NAME_MAX - len("-journal")) -> str:
    """``stem.reviewer``, the stem cut (and tagged, to stay distinct) if the name is too long."""
    name = stem + PROJECT_SUFFIX
    if len(os.fsencode(name)) <= limit:
        return name
    tag = hashlib.sha256(os.fsencode(stem)).hexdigest()[:8]
    room = limit - len(PROJECT_SUFFIX) - len(tag) - 1
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return f"{stem}-{tag}{PROJECT_SUFFIX}"


# --- content keys and re-attachment ----------------------------------------------------------
def _unit_key(unit: Unit) -> str:
    return content_id("k", "unit", unit.left, unit.right)


def item_infos(session: ReviewSession) -> dict[str, ItemInfo]:
    """Content key and readings of every review item, keyed by item id."""
    out: dict[str, ItemInfo] = {}
    for n, item in enumerate(session.items):
        unit = session.unit_of(item)
        c = session.conflict_of(item)
        if c is not None and item.conflict_index == 0:
            # A unit edited in context keeps its final text under the unit id.
            out[unit.id] = ItemInfo(_unit_key(unit), n, unit.left, unit.right)
        if c is None:
            out[item.key] = ItemInfo(_unit_key(unit), n, unit.left, unit.right)
            continue
        lt, rt = unit.left or "", unit.right or ""
        ckey = content_id(
            "k",
            "conflict",
            c.left,
            c.right,
            lt[max(0, c.left_start - _CONTEXT) : c.left_start],
            lt[c.left_end : c.left_end + _CONTEXT],
            rt[max(0, c.right_start - _CONTEXT) : c.right_start],
            rt[c.right_end : c.right_end + _CONTEXT],
        )
        out[item.key] = ItemInfo(ckey, n, c.left, c.right)
    return out


@dataclass(frozen=True)
class Reattached:
    decisions: dict[str, Decision]  # by current item id
    moved: dict[str, str]  # stored id -> current item id (found by content key)
    orphaned: dict[str, Decision]  # stored id -> decision that matches no current item


def reattach(stored: Iterable[StoredDecision], infos: Mapping[str, ItemInfo]) -> Reattached:
    """Match stored decisions to the current items: by id, then by content key in order."""
    stored = list(stored)
    decisions: dict[str, Decision] = {}
    rest: list[StoredDecision] = []
    for sd in stored:
        if sd.key in infos:
            decisions[sd.key] = sd.decision
        else:
            rest.append(sd)
    free: dict[str, list[str]] = defaultdict(list)
    for key, info in sorted(infos.items(), key=lambda kv: kv[1].ord):
        if key not in decisions:
            free[info.content_key].append(key)
    moved: dict[str, str] = {}
    orphaned: dict[str, Decision] = {}
    # ``stored`` is ordered by position, so repeated readings re-attach in document order.
    for sd in rest:
        candidates = free.get(sd.content_key or "")
        if candidates:
            new = candidates.pop(0)
            decisions[new] = sd.decision
            moved[sd.key] = new
        else:
            orphaned[sd.key] = sd.decision
    return Reattached(decisions, moved, orphaned)


def describe_structure_orphans(review: Review) -> list[str]:
    """One line per structure edit that no longer applies to the current alignment."""
    return [structure.describe(e) for e in review.session.structure_orphans]


def describe_orphans(review: Review) -> list[str]:
    """One line per decision that no longer applies: id, the readings it was about, choice."""
    by_key = {sd.key: sd for sd in review.project.decisions()}
    lines = []
    for key, d in review.orphaned.items():
        sd = by_key.get(key)
        left = sd.left if sd and sd.left is not None else "—"
        right = sd.right if sd and sd.right is not None else "—"
        choice = f"edit 「{d.text}」" if d.choice == "edit" else d.choice
        lines.append(f"{key}: 「{left}」 / 「{right}」 → {choice}")
    return lines


# --- opening -------------------------------------------------------------------------------
def _source_meta(side: str, path: Path, sha: str, project_path: Path) -> dict[str, str]:
    absolute = path.resolve()
    try:
        relative = Path(absolute).relative_to(project_path.resolve().parent).as_posix()
    except ValueError:
        relative = ""
    return {f"{side}_path": str(absolute), f"{side}_relpath": relative, f"{side}_sha256": sha}


def _attach(project: Project, ls: Source, rs: Source, progress: Progress | None) -> Review:
    """Align and bind ``project``; the caller closes it if this raises."""
    alignment = align_sources(ls, rs, progress)
    meta = project.meta()
    warnings: list[str] = []
    for side, src in (("left", ls), ("right", rs)):
        old = meta.get(f"{side}_sha256")
        if old and old != src.sha256:
            warnings.append(f"{side} source changed since the project was made: {src.path}")
    old_engine = meta.get("engine_version")
    if old_engine and old_engine != alignment.engine_version:
        warnings.append(
            f"aligned again with engine version {alignment.engine_version} "
            f"(the project was made with version {old_engine})"
        )
    # Structure edits first: decisions belong to the items of the edited alignment.
    session = ReviewSession(alignment, structure=project.structure())
    infos = item_infos(session)
    project.bind(infos)
    session.listeners.append(lambda s: project.bind(item_infos(s)))
    if session.structure_orphans:
        n = len(session.structure_orphans)
        warnings.append(
            f"{n} structure change{'s' if n != 1 else ''} no longer appl"
            f"{'y' if n != 1 else 'ies'} to these sources; kept in the project"
        )
    found = reattach(project.decisions(), infos)
    if not project.read_only:
        project.rekey(found.moved)
    if found.orphaned:
        n = len(found.orphaned)
        warnings.append(
            f"{n} decision{'s' if n != 1 else ''} no longer appl{'y' if n != 1 else 'ies'} "
            "to these sources; kept in the project"
        )
    if not project.read_only:
        project.set_meta(
            {
                **_source_meta("left", Path(ls.path), ls.sha256, project.path),
                **_source_meta("right", Path(rs.path), rs.sha256, project.path),
                "engine_version": alignment.engine_version,
            }
        )
    # Orphans stay in the session too: it keeps decisions no item has, and so does export.
    session.decisions.update(found.orphaned)
    session.decisions.update(found.decisions)
    cursor = project.cursor()
    cursor = found.moved.get(cursor, cursor) if cursor else None
    idx = session.index_of(cursor) if cursor else None
    if idx is not None:
        session.cursor = idx
    session.sink = None if project.read_only else project
    return Review(session, project, warnings, dict(found.orphaned))


def open_review(
    left: str | Path,
    right: str | Path,
    project_path: str | Path | None = None,
    progress: Progress | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    any_project: bool = True,
) -> Review:
    """Open (or, with ``create``, make) the project for a pair and re-attach its decisions.

    Raises ReadError for an unreadable source and ProjectError for a project file that is
    damaged, from a newer version, locked by another instance or (``create=False``) missing;
    ProjectReadOnly when it cannot be written (``read_only`` opens a snapshot instead and
    never writes). Without ``any_project`` a project made for other sources is refused.
    """
    lp, rp = Path(left), Path(right)
    # Read first so a bad source never leaves a new project file behind.
    ls, rs = read_source(lp), read_source(rp)
    pp = Path(project_path) if project_path is not None else default_project_path(lp, rp)
    if create and not read_only and not filesystem.exists(pp):
        meta = {
            **_source_meta("left", lp, ls.sha256, pp),
            **_source_meta("right", rp, rs.sha256, pp),
        }
        project = Project.create(pp, meta)
    else:
        project = Project.open(pp, read_only=read_only)
    try:
        if not any_project:
            _check_same_sources(project, ls, rs)
        return _attach(project, ls, rs, progress)
    except BaseException:
        project.close()
        raise


def _check_same_sources(project: Project, ls: Source, rs: Source) -> None:
    """Refuse a project made for other sources: a side whose path and content both differ."""
    meta = project.meta()
    for side, src in (("left", ls), ("right", rs)):
        stored_path, stored_sha = meta.get(f"{side}_path", ""), meta.get(f"{side}_sha256", "")
        same_path = bool(stored_path) and Path(stored_path) == Path(src.path).resolve()
        if not same_path and stored_sha != src.sha256:
            raise ProjectError(
                project.path,
                f"this project reviews other sources ({side.upper()} was "
                f"{stored_path or 'not recorded'}); pass --any-project to use it anyway",
            )


def reopen(review: Review) -> Review:
    """Bind a review's session to its project file again after the project was closed.

    The window closes the project before opening another file (reopening the same pair
    would find it locked); when that open fails, this puts the current review back.
    """
    old = review.project
    project = Project.open(old.path, old.user, read_only=old.read_only)
    try:
        project.bind(item_infos(review.session))
    except BaseException:
        project.close()
        raise
    review.session.listeners[:] = [lambda s: project.bind(item_infos(s))]
    review.session.sink = None if project.read_only else project
    return Review(review.session, project, review.warnings, review.orphaned)


def save_copy(project_path: str | Path, copy_path: str | Path) -> Path:
    """Copy a (read-only) project to ``copy_path``, to go on reviewing there; returns it."""
    source, target = Path(project_path), Path(copy_path)
    problem = filesystem.name_problem(target)
    if problem or filesystem.exists(target):
        raise ProjectError(target, problem or "a file is already there; choose another name")
    tmp = target.with_name(filesystem.side_name(target.name, ".tmp"))
    with Project.open(source, read_only=True) as project:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            dst = sqlite3.connect(tmp)
            try:
                project.conn.backup(dst)
            finally:
                dst.close()
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as e:
            raise ProjectError(target, f"cannot save the copy ({e})") from None
        finally:
            for suffix in ("", "-journal", "-wal", "-shm"):
                tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
    return target


def _source_path(meta: Mapping[str, str], side: str, project_path: Path) -> Path:
    """The stored absolute path; if it is gone, the same relative place beside the project."""
    absolute = Path(meta.get(f"{side}_path", ""))
    rel = meta.get(f"{side}_relpath")
    if not filesystem.exists(absolute) and rel:
        candidate = project_path.resolve().parent / rel
        if filesystem.exists(candidate):
            return candidate
    return absolute


def open_project_file(
    project_path: str | Path, progress: Progress | None = None, *, read_only: bool = False
) -> Review:
    """Reopen a saved review from its project file (the source paths are inside)."""
    pp = Path(project_path)
    project = Project.open(pp, read_only=read_only)
    try:
        meta = project.meta()
        if not meta.get("left_path") or not meta.get("right_path"):
            raise ProjectError(pp, "the project does not say which sources it reviews")
        left, right = _source_path(meta, "left", pp), _source_path(meta, "right", pp)
        return _attach(project, read_source(left), read_source(right), progress)
    except BaseException:
        project.close()
        raise


# --- export ----------------------------------------------------------------------------------
def export_review(
    review: Review | Alignment,
    out_dir: str | Path,
    prefer: str | None = None,
    fmt: str = "txt",
    force: bool = False,
    *,
    decisions: Mapping[str, Decision] | None = None,
) -> ExportResult:
    """Write the merged article set of a review (or of a bare alignment + decisions);
    with a review, ``decisions`` are added to (and override) the project's.

    Raises export.UnresolvedError (with the items) when conflicts remain and ``prefer`` is
    None, and export.ExportError for a refused or failed write.
    """
    if isinstance(review, Review):
        alignment = review.alignment
        # A snapshot (export may run off-thread); ``decisions`` add to the project's own.
        decisions = {**review.session.decisions, **(decisions or {})}
        ref: ProjectRef | None = ProjectRef(review.project.project_id, str(review.project.path))
    else:
        alignment, decisions, ref = review, dict(decisions or {}), None
    return export(alignment, decisions, out_dir, prefer=prefer, fmt=fmt, force=force, project=ref)
