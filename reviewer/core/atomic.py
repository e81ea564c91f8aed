"""Replace a folder's contents all at once: write beside it, then rename into place.

A crash or error at any point leaves either the old folder or the new one, never a mix.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


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


def replace_dir(out: Path, files: Mapping[str, bytes]) -> None:
    """Make ``out`` a folder holding exactly ``files`` (name → bytes); OSError on failure.

    The files are written and synced in a temporary folder next to ``out``, which is then
    renamed into place; an existing ``out`` is moved aside first and put back on failure.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    old: Path | None = None
    try:
        for name, data in files.items():
            if "/" in name:  # a corpus export nests pages in folders
                (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            with open(tmp / name, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        _fsync_dir(tmp)
        if out.exists():
            old = tmp.with_suffix(".old")
            os.rename(out, old)
        try:
            os.rename(tmp, out)
        except OSError:
            if old is not None:
                os.rename(old, out)  # put the previous folder back
                old = None
            raise
        _fsync_dir(out.parent)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already when the rename succeeded
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
