"""The small API the window and the command line call: open a review, export it.

A review = an alignment + a ReviewSession + the open project file that records every
decision. Decisions are re-attached by item id first, then by content key (the readings
and a little context), so re-aligning (a new engine, an edited source) keeps every decision
that still applies; the rest are reported as orphaned and kept in the project file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core import paths
from reviewer.core.export import ExportResult, ProjectRef, export
from reviewer.core.merge import Decision
from reviewer.core.model import Alignment, Source, Unit, content_id
from reviewer.core.pipeline import Progress, align_sources
from reviewer.core.read import read_source
from reviewer.core.session import ReviewSession
from reviewer.core.store import ItemInfo, Project, ProjectError, StoredDecision

__all__ = [
    "Project",
    "ProjectError",
    "Reattached",
    "Review",
    "default_project_path",
    "describe_orphans",
    "export_review",
    "item_infos",
    "open_project_file",
    "open_review",
    "reattach",
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
    """``<leftstem>.reviewer`` beside LEFT; the bundled sample's goes to the user data dir."""
    lp, rp = Path(left).resolve(), Path(right).resolve()
    if lp == paths.SAMPLE_LEFT.resolve() and rp == paths.SAMPLE_RIGHT.resolve():
        return paths.user_data_dir() / f"sample{PROJECT_SUFFIX}"
    return lp.with_name(lp.stem + PROJECT_SUFFIX)


# --- content keys and re-attachment ----------------------------------------------------------
def _unit_key(unit: Unit) -> str:
    return content_id("k", "unit", unit.left, unit.right)


def item_infos(session: ReviewSession) -> dict[str, ItemInfo]:
    """Content key and readings of every review item, keyed by item id."""
    out: dict[str, ItemInfo] = {}
    for n, item in enumerate(session.items):
        unit = session.unit_of(item)
        c = session.conflict_of(item)
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
    session = ReviewSession(alignment)
    infos = item_infos(session)
    project.bind(infos)
    found = reattach(project.decisions(), infos)
    project.rekey(found.moved)
    if found.orphaned:
        n = len(found.orphaned)
        warnings.append(
            f"{n} decision{'s' if n != 1 else ''} no longer appl{'y' if n != 1 else 'ies'} "
            "to these sources; kept in the project"
        )
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
    session.sink = project
    return Review(session, project, warnings, dict(found.orphaned))


def open_review(
    left: str | Path,
    right: str | Path,
    project_path: str | Path | None = None,
    progress: Progress | None = None,
    *,
    create: bool = True,
) -> Review:
    """Open (or, with ``create``, make) the project for a pair and re-attach its decisions.

    Raises ReadError for an unreadable source and ProjectError for a project file that is
    damaged, from a newer version, locked by another instance or (``create=False``) missing.
    """
    lp, rp = Path(left), Path(right)
    pp = Path(project_path) if project_path is not None else default_project_path(lp, rp)
    # Read first so a bad source never leaves a new project file behind.
    ls, rs = read_source(lp), read_source(rp)
    if create and not pp.exists():
        meta = {
            **_source_meta("left", lp, ls.sha256, pp),
            **_source_meta("right", rp, rs.sha256, pp),
        }
        project = Project.create(pp, meta)
    else:
        project = Project.open(pp)
    try:
        return _attach(project, ls, rs, progress)
    except BaseException:
        project.close()
        raise


def _source_path(meta: Mapping[str, str], side: str, project_path: Path) -> Path:
    """The stored absolute path; if it is gone, the same relative place beside the project."""
    absolute = Path(meta.get(f"{side}_path", ""))
    rel = meta.get(f"{side}_relpath")
    if not absolute.exists() and rel:
        candidate = project_path.resolve().parent / rel
        if candidate.exists():
            return candidate
    return absolute


def open_project_file(project_path: str | Path, progress: Progress | None = None) -> Review:
    """Reopen a saved review from its project file (the source paths are inside)."""
    pp = Path(project_path)
    project = Project.open(pp)
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
