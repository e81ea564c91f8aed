"""Where bundled resources and per-user data live."""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SAMPLE_LEFT = RESOURCES / "sample" / "xinhua-2025-07-19.web.md"
SAMPLE_RIGHT = RESOURCES / "sample" / "xinhua-2025-07-19.pdf.txt"
# The sample as a two-folder corpus (one page: the sample cannot honestly be cut into more).
SAMPLE_CORPUS_LEFT = RESOURCES / "corpus" / "web"
SAMPLE_CORPUS_RIGHT = RESOURCES / "corpus" / "pdf"


def user_data_dir() -> Path:
    """XDG data directory for Reviewer (the bundled sample's project lives here)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reviewer"
