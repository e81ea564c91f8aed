"""Pairing two folders into pages: ``2025-07-19/p01.web.md`` ↔ ``2025-07-19/p01.pdf.txt``.

A page's name is the file's path relative to its folder with everything after the first
``.`` of the file name removed. Subfolders are allowed; hidden files and folders (names
starting with ``.``) are not pages. Files without a partner are listed, never skipped in
silence; two files of one folder that give the same page are reported, not guessed between.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


class CorpusError(Exception):
    """The corpus cannot be used at all (a folder is missing...); names the path and problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class PagePair:
    page: str  # relative page path, posix separators: "2025-07-19/p01"
    left: Path
    right: Path


@dataclass(frozen=True)
class Failure:
    """A page that could not be aligned: the file at fault and why."""

    page: str
    path: str
    reason: str


@dataclass
class Pairing:
    pairs: list[PagePair] = field(default_factory=list)
    unpaired_left: list[Path] = field(default_factory=list)
    unpaired_right: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)  # ambiguous names

    @property
    def unpaired(self) -> list[Path]:
        return self.unpaired_left + self.unpaired_right


def page_name(relative: PurePosixPath) -> str:
    """``a/p01.web.md`` → ``a/p01``: the relative path without everything after the first dot."""
    stem = relative.name.split(".", 1)[0]
    return str(relative.with_name(stem)) if stem else str(relative)


def _files(root: Path) -> dict[str, list[Path]]:
    """Page name → the files of ``root`` that give it (sorted walk, hidden entries skipped)."""
    if not root.exists():
        raise CorpusError(root, "no such folder")
    if not root.is_dir():
        raise CorpusError(root, "not a folder")
    found: dict[str, list[Path]] = {}

    def fail(e: OSError) -> None:
        raise CorpusError(e.filename or root, f"cannot list the folder ({e.strerror or e})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=fail):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath, name)
            rel = PurePosixPath(path.relative_to(root).as_posix())
            found.setdefault(page_name(rel), []).append(path)
    return found


def pair_folders(left_dir: str | Path, right_dir: str | Path) -> Pairing:
    """Pair the files of two folders by page name (CorpusError if a folder is unusable)."""
    left, right = _files(Path(left_dir)), _files(Path(right_dir))
    out = Pairing()
    for page in sorted(set(left) | set(right)):
        ls, rs = left.get(page, []), right.get(page, [])
        for side, files in (("left", ls), ("right", rs)):
            if len(files) > 1:
                names = ", ".join(f.name for f in files)
                reason = f"{len(files)} files in the {side} folder give this page ({names})"
                out.failures.append(Failure(page, str(files[0]), reason))
        if len(ls) > 1 or len(rs) > 1:
            continue
        if ls and rs:
            out.pairs.append(PagePair(page, ls[0], rs[0]))
        elif ls:
            out.unpaired_left.append(ls[0])
        else:
            out.unpaired_right.append(rs[0])
    return out
