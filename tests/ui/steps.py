"""Shared by the window tests that walk the sample step by step (imported as ``steps``)."""

from __future__ import annotations

import os
from pathlib import Path

from reviewer.core.project import export_review

# Screenshots of each step, to look at: tests/ui/artefacts (or the folder REVIEWER_SHOTS names).
SHOTS = os.environ.get("REVIEWER_SHOTS") or str(Path(__file__).parent / "artefacts")


def export_files(alignment, decisions, out: Path) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """The txt and jsonl exports of a review, file name → bytes, to compare byte for byte."""
    files: dict[str, bytes] = {}
    for fmt in ("txt", "jsonl"):
        d = out / fmt
        export_review(alignment, d, prefer="left", fmt=fmt, force=True, decisions=decisions)
        files.update({f"{fmt}/{p.name}": p.read_bytes() for p in sorted(d.iterdir())})
    return files
