"""Pre-aligning a corpus: pair the folders, skip what is current, align the rest, store.

Incremental: a page whose two files have the SHA-256 stored for it and that was aligned by
this engine version is skipped without starting a worker. Results stream to the single
writer (this process) in small batches as they finish; only it touches SQLite.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.corpus.executors import ExecutorFactory, run_pages
from reviewer.core.corpus.pairing import CorpusError, Failure, PagePair, Pairing
from reviewer.core.corpus.store import CorpusProject, default_corpus_path
from reviewer.core.model import ENGINE_VERSION

# (pages done, pages to do, seconds since the first page was sent)
AlignProgress = Callable[[int, int, float], None]
# one stored page, so a window can open it at once
PageStored = Callable[[str], None]
_FLUSH_SECONDS = 0.25  # a finished page is in the project within about this long
_FLUSH_PAGES = 64


@dataclass
class AlignOutcome:
    pages: int = 0  # paired pages
    aligned: int = 0  # aligned by this run
    unchanged: int = 0  # skipped: same files, same engine
    failures: list[Failure] = field(default_factory=list)
    unpaired: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 every pair aligned, 2 none could be, 4 some failed."""
        if not self.failures:
            return 0 if self.pages else 2
        return 2 if self.aligned + self.unchanged == 0 else 4


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the worker reads it again and reports why it cannot


def open_corpus(
    left_dir: str | Path, right_dir: str | Path, project: str | Path | None = None
) -> tuple[CorpusProject, list[str]]:
    """Open, or make, the corpus project for two folders; returns it and any warnings."""
    path = Path(project) if project is not None else default_corpus_path(left_dir)
    dirs = {"left_dir": str(Path(left_dir).resolve()), "right_dir": str(Path(right_dir).resolve())}
    if not path.exists():
        return CorpusProject.create(path, {"kind": "corpus", **dirs}), []
    cp = CorpusProject.open(path)
    meta = cp.meta()
    warnings = []
    if any(meta.get(k) not in (None, v) for k, v in dirs.items()):
        warnings.append(
            f"the project was made for {meta.get('left_dir')} and {meta.get('right_dir')}; "
            "now used for these folders"
        )
    try:
        cp.set_meta(dirs)
    except BaseException:
        cp.close()
        raise
    return cp, warnings


def plan(project: CorpusProject, pairs: list[PagePair]) -> tuple[list[PagePair], int]:
    """The pairs that need aligning, and how many are current."""
    stored = {p.path: p for p in project.pages()}
    todo: list[PagePair] = []
    for pair in pairs:
        row = stored.get(pair.page)
        if (
            row is not None
            and row.aligned
            and row.error is None
            and row.engine_version == ENGINE_VERSION
            and row.left_sha256 == file_sha256(pair.left)
            and row.right_sha256 == file_sha256(pair.right)
        ):
            continue
        todo.append(pair)
    return todo, len(pairs) - len(todo)


def prealign(
    project: CorpusProject,
    pairing: Pairing,
    executor: ExecutorFactory,
    progress: AlignProgress | None = None,
    stored: PageStored | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AlignOutcome:
    """Align every pair that is not current into ``project``; failures are listed, not raised."""
    t0 = time.perf_counter()
    pairs = [
        PagePair(p.page, p.left.resolve(), p.right.resolve()) for p in pairing.pairs
    ]  # absolute paths: the project may be moved away from the folders' parent
    out = AlignOutcome(pages=len(pairs), unpaired=list(pairing.unpaired))
    out.failures.extend(pairing.failures)
    todo, out.unchanged = plan(project, pairs)
    report = progress or (lambda done, total, secs: None)
    report(0, len(todo), 0.0)
    if todo:
        batch = []
        last = time.perf_counter()
        with executor() as ex:
            started = time.perf_counter()
            for n, result in enumerate(run_pages(ex, todo), 1):
                batch.append(result)
                if result.failure is not None:
                    out.failures.append(result.failure)
                else:
                    out.aligned += 1
                now = time.perf_counter()
                if now - last >= _FLUSH_SECONDS or len(batch) >= _FLUSH_PAGES or n == len(todo):
                    project.store_results(batch)
                    if stored is not None:
                        for r in batch:
                            stored(r.page)
                    batch, last = [], now
                    report(n, len(todo), now - started)
                if cancelled is not None and cancelled():
                    if batch:
                        project.store_results(batch)
                    break
    out.seconds = time.perf_counter() - t0
    return out


def check_folders(left_dir: str | Path, right_dir: str | Path) -> None:
    for d in (Path(left_dir), Path(right_dir)):
        if not d.is_dir():
            raise CorpusError(d, "no such folder" if not d.exists() else "not a folder")
