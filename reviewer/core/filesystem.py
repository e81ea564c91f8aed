"""File-system facts the readers and writers check before touching anything.

Names that are too long, things that are not regular files, read-only places, side names
for temporary files that never outgrow their target's name, and a lock that serialises
writers (and the cleanup of what killed writers left behind) within one folder.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

NAME_MAX = 255  # bytes in one file name (Linux, macOS; NTFS counts UTF-16 units)
PATH_MAX = 4096
SIDE_MIN = 24  # a side name may be this long even when its target's name is shorter
_TAG = 8  # hex digits that make a side name unique
_TAG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def _bytes(s: str) -> int:
    return len(os.fsencode(s))


def name_problem(path: str | Path) -> str | None:
    """Why ``path`` can never name a file here (a too-long name), or None."""
    text = os.fspath(path)
    if "\x00" in text:
        return "the file name contains a NUL character"
    if _bytes(text) > PATH_MAX:
        return f"the path is too long ({_bytes(text)} bytes; the limit is {PATH_MAX})"
    for part in Path(text).parts:
        if _bytes(part) > NAME_MAX:
            return f"a file name is too long ({_bytes(part)} bytes; the limit is {NAME_MAX})"
    return None


def exists(path: str | Path) -> bool:
    """``Path.exists`` that answers False instead of raising (too-long names, loops)."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def kind(mode: int) -> str:
    """A word for what a stat mode describes, for messages about non-regular files."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a file" if stat.S_ISREG(mode) else "not a regular file"


def is_read_only(path: str | Path) -> bool:
    """No write permission for us, or no write bit at all (which root would ignore)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (mode & 0o222) or not os.access(path, os.W_OK)


def _fit(name: str, limit: int) -> str:
    """``name`` cut (at a character boundary) to at most ``limit`` bytes."""
    while _bytes(name) > limit:
        name = name[:-1]
    return name


def side_prefix(name: str, extra: int) -> str:
    """``.<name>.`` cut so that adding ``extra`` bytes stays within the target's length.

    The same name always gives the same prefix, so leftovers of a killed run can be found.
    """
    limit = max(_bytes(name), SIDE_MIN) - extra - 2
    return f".{_fit(name, max(limit, 1))}."


def side_name(name: str, suffix: str) -> str:
    """A fresh hidden name beside ``name``: ``.<name>.<tag><suffix>``, never longer than it."""
    prefix = side_prefix(name, _TAG + len(suffix))
    return f"{prefix}{secrets.token_hex(_TAG // 2)}{suffix}"


def is_side_name(candidate: str, name: str, suffix: str) -> bool:
    """Is ``candidate`` a side name that ``side_name(name, suffix)`` could have made?"""
    prefix = side_prefix(name, _TAG + len(suffix))
    if not (candidate.startswith(prefix) and candidate.endswith(suffix)):
        return False
    tag = candidate[len(prefix) : len(candidate) - len(suffix)]
    # Hex tags are ours; earlier versions used tempfile.mkdtemp's [a-z0-9_] tags.
    return len(tag) == _TAG and all(c in _TAG_CHARS for c in tag)


@contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``folder`` (no-op where folders cannot be locked).

    Writers that leave side files hold it, and so does the cleanup of side files a killed
    writer left: whatever the cleanup finds while holding the lock is stale.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with suppress(OSError):  # a file system without flock: carry on unserialised
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
