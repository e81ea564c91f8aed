"""A project file seen from outside SQLite: checks before opening, snapshots for reading.

Nothing here writes beside the project. An unknown SQLite file is judged by its header
bytes, so another application's database (in WAL mode, say) is never opened by SQLite at
all: closing a connection would checkpoint and delete its ``-wal``. A read-only use (the
headless export, viewing a read-only project) reads a private snapshot: SQLite opening the
file itself, even with ``mode=ro``, leaves ``-wal``/``-shm`` files in the project's folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import struct
import tempfile
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from reviewer.core import filesystem

SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_PATH_MAX = 504  # bytes of the absolute path SQLite opens ("-journal" must still fit)
_SHARED_FIRST, _SHARED_SIZE = 0x40000002, 510  # SQLite's lock bytes (os_unix.c)


class FileProblem(Exception):
    """What is wrong with the file, in words (the caller adds the path)."""

    def __init__(self, problem: str, read_only: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.read_only = read_only


def check(path: Path, app_id: int, kinds: Mapping[int, str] | None = None) -> None:
    """Refuse a path SQLite must not open: too long, not a regular file, not our database."""
    problem = filesystem.name_problem(path)
    if problem:
        raise FileProblem(problem)
    absolute = len(os.fsencode(os.path.abspath(path)))
    if absolute > SQLITE_PATH_MAX:
        raise FileProblem(
            f"the path is too long for a project file ({absolute} bytes; the limit is "
            f"{SQLITE_PATH_MAX})"
        )
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileProblem("no such project file") from None
    except OSError as e:
        raise FileProblem(e.strerror or "cannot be read") from None
    if stat.S_ISDIR(st.st_mode):
        raise FileProblem("this is a folder, not a project file")
    if not stat.S_ISREG(st.st_mode):
        raise FileProblem(f"this is {filesystem.kind(st.st_mode)}, not a project file")
    try:
        fd = _descriptor(path)
        try:
            head = os.pread(fd, 100, 0) if hasattr(os, "pread") else os.read(fd, 100)
        finally:
            _done(fd)
    except OSError as e:
        raise FileProblem(e.strerror or "cannot be read") from None
    if not head:
        raise FileProblem("the file is empty; it is not a Reviewer project")
    if not head.startswith(SQLITE_MAGIC):
        raise FileProblem("not a Reviewer project (not an SQLite database)")
    if len(head) < 100 or head[21:24] != b"\x40\x20\x20":  # fixed payload fractions
        raise FileProblem("the project file is damaged (its SQLite header is invalid)")
    # The header holds the application id (offset 68): another application's database is
    # refused here, before SQLite could touch it or its -wal.
    found = struct.unpack(">I", head[68:72])[0]
    if kinds and found != app_id and found in kinds and app_id in kinds:
        raise FileProblem(f"this is {kinds[found]}, not {kinds[app_id]}")
    if found != app_id:
        raise FileProblem("not a Reviewer project (another kind of SQLite database)")


def read_header(path: str | Path, size: int = 100) -> bytes:
    """The first bytes of a regular file (b"" for anything else); never blocks on a FIFO,
    and never releases a lock this process holds on the file (see ``_descriptor``)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        fd = _descriptor(Path(path))
        try:
            return os.pread(fd, size, 0) if hasattr(os, "pread") else os.read(fd, size)
        finally:
            _done(fd)
    except (OSError, ValueError):
        return b""


def check_writable(path: Path) -> None:
    """A project we would write to: the file and its folder (for the -wal) must be writable."""
    for place, what in ((path, "the project file"), (path.parent, "its folder")):
        if filesystem.is_read_only(place):
            raise FileProblem(
                f"the project is read-only ({what} cannot be written); open it for viewing "
                "only, or save a copy elsewhere",
                read_only=True,
            )


# POSIX drops every lock a process holds on a file when it closes *any* descriptor of that
# file, which would silently unlock a project this process has open. So the descriptors
# used to look at a project are kept open for the life of the process (one per file).
_held: dict[tuple[int, int], int] = {}
_F_OFD_GETLK = 36  # Linux: sees locks of this process too, unlike F_GETLK


def _descriptor(path: Path) -> int:
    """A read-only descriptor of ``path`` (a regular file) that is never closed on POSIX."""
    st = os.stat(path)
    key = (st.st_dev, st.st_ino)
    if key in _held:
        return _held[key]
    _forget_deleted()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    if os.name == "nt":  # no POSIX locks; an open file could not be renamed or deleted
        return fd
    _held[key] = fd
    return fd


def _forget_deleted() -> None:
    """Close the held descriptors of files deleted since: nobody can lock those any more."""
    for key, fd in list(_held.items()):
        try:
            gone = os.fstat(fd).st_nlink == 0
        except OSError:
            gone = True
        if gone:
            del _held[key]
            with suppress(OSError):
                os.close(fd)


def _done(fd: int) -> None:
    if os.name == "nt":
        os.close(fd)


def locked_elsewhere(path: Path) -> bool:
    """Is SQLite's write lock on ``path`` held (a Reviewer has the project open)?"""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = _descriptor(path)
    except OSError:
        return False
    query = struct.pack("hhqqi4x", fcntl.F_RDLCK, os.SEEK_SET, _SHARED_FIRST, _SHARED_SIZE, 0)
    for cmd in (_F_OFD_GETLK, fcntl.F_GETLK):
        try:
            answer = fcntl.fcntl(fd, cmd, query)
        except OSError:
            continue  # no OFD locks here: the classic query still sees other processes
        return struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK
    return False


def snapshot(path: Path) -> Path:
    """Copy the project (and its ``-wal``: decisions of a killed session) to a private folder.

    Returns the copy's path; the caller removes its folder (``discard``).
    """
    folder = Path(tempfile.mkdtemp(prefix="reviewer-ro-"))
    copy = folder / "project.reviewer"
    try:
        if os.name == "nt":
            shutil.copyfile(path, copy)
        else:
            _copy_held(path, copy)
        wal = path.with_name(path.name + "-wal")
        if filesystem.exists(wal):  # SQLite keeps no lock on the -wal: a plain copy is fine
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    except OSError as e:
        discard(copy)
        raise FileProblem(f"cannot be read ({e.strerror or e})") from None
    return copy


def _copy_held(path: Path, copy: Path) -> None:
    fd = _descriptor(path)
    try:
        with open(copy, "wb") as out:
            offset = 0
            while chunk := os.pread(fd, 1 << 20, offset):
                out.write(chunk)
                offset += len(chunk)
    finally:
        _done(fd)


def discard(copy: Path) -> None:
    shutil.rmtree(copy.parent, ignore_errors=True)


SIDECARS = ("", "-journal", "-wal", "-shm")


def remove_stale_temps(path: Path) -> int:
    """Delete what killed ``Project.create`` runs left beside ``path``; returns how many.

    Runs under the folder lock that creation holds, so every temp file found is stale.
    """
    removed = 0
    try:
        names = os.listdir(path.parent)
    except OSError:
        return 0
    for name in names:
        base = next((name[: -len(s)] for s in SIDECARS[1:] if name.endswith(s)), name)
        if filesystem.is_side_name(base, path.name, ".tmp"):
            try:
                os.unlink(path.parent / name)
                removed += 1
            except OSError:
                pass
    return removed
