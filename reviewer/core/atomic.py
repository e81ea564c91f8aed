"""Replace a folder's contents all at once: write beside it, then swap it into place.

A crash or kill at any point leaves either the old folder or the new one, never a mix and
never nothing. On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``; elsewhere (or on a
file system without it) it is two renames, and a run killed between them is rolled back by
the next run, which also removes the side folders (``.<name>.<tag>.tmp``/``.old``) that
killed runs left behind.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from reviewer.core import filesystem

TMP, OLD = ".tmp", ".old"
_AT_FDCWD = -100
_RENAME_NOREPLACE, _RENAME_EXCHANGE = 1, 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, getattr(errno, "ENOTSUP", -1), errno.EOPNOTSUPP}


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; its renames are durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _renameat2_fn():
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not glibc ≥ 2.28, or not glibc at all
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_renameat2 = _renameat2_fn()


def rename2(src: Path, dst: Path, flags: int) -> bool:
    """``renameat2(src, dst, flags)``; False when this system or file system lacks it."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err in _UNSUPPORTED:
        return False
    raise OSError(err, os.strerror(err), str(src), None, str(dst))


def side_folders(out: Path) -> tuple[list[Path], list[Path]]:
    """The ``.tmp`` and ``.old`` side folders of ``out`` that are lying around."""
    try:
        names = os.listdir(out.parent)
    except OSError:
        return [], []
    found: dict[str, list[Path]] = {TMP: [], OLD: []}
    for name in names:
        for suffix, bucket in found.items():
            if filesystem.is_side_name(name, out.name, suffix):
                bucket.append(out.parent / name)
    return found[TMP], found[OLD]


def recover(out: Path) -> None:
    """Undo what killed runs left: put back a folder moved aside, remove side folders.

    Call with the folder lock held: every side folder is then a killed run's.
    """
    tmps, olds = side_folders(out)
    if olds and not filesystem.exists(out):
        # Killed between "out → old" and "tmp → out": roll back to the previous export.
        newest = max(olds, key=lambda p: p.lstat().st_mtime_ns)
        os.rename(newest, out)
        olds.remove(newest)
    for p in tmps + olds:
        shutil.rmtree(p, ignore_errors=True)


def replace_dir(out: Path, files: Mapping[str, bytes]) -> None:
    """Make ``out`` a folder holding exactly ``files`` (name → bytes); OSError on failure.

    ``out`` is written through a symbolic link to its target. The new folder is created with
    the usual permissions (the umask applies), written and synced beside ``out``, then
    swapped into place; the previous folder is removed afterwards.
    """
    out = Path(os.path.realpath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    with filesystem.folder_lock(out.parent):
        recover(out)
        tmp = out.parent / filesystem.side_name(out.name, TMP)
        os.mkdir(tmp)  # not mkdtemp: that would make the export 0700 whatever the umask
        try:
            for name, data in files.items():
                if "/" in name:  # a corpus export nests pages in folders
                    (tmp / name).parent.mkdir(parents=True, exist_ok=True)
                with open(tmp / name, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            _fsync_dir(tmp)
            _swap(tmp, out)
            _fsync_dir(out.parent)
        finally:
            # After an exchange ``tmp`` holds the previous export; on failure, the partial one.
            shutil.rmtree(tmp, ignore_errors=True)


def _swap(tmp: Path, out: Path) -> None:
    if not filesystem.exists(out):
        if not rename2(tmp, out, _RENAME_NOREPLACE):
            os.rename(tmp, out)
        return
    if rename2(tmp, out, _RENAME_EXCHANGE):
        return
    old = out.parent / filesystem.side_name(out.name, OLD)
    os.rename(out, old)
    try:
        os.rename(tmp, out)
    except OSError:
        os.rename(old, out)  # put the previous folder back
        raise
    shutil.rmtree(old, ignore_errors=True)
