"""Where bundled resources and per-user data live."""

from __future__ import annotations

import os
from pathlib import Path

# An installed wheel carries the resources inside the package (setup.py copies them there);
# a checkout has them at the top level, beside the package.
_PACKAGED = Path(__file__).resolve().parents[1] / "resources"
RESOURCES = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[2] / "resources"
SAMPLE_LEFT = RESOURCES / "sample" / "xinhua-2025-07-19.web.md"
SAMPLE_RIGHT = RESOURCES / "sample" / "xinhua-2025-07-19.pdf.txt"
# The sample as a two-folder corpus (one page: the sample cannot honestly be cut into more).
SAMPLE_CORPUS_LEFT = RESOURCES / "corpus" / "web"
SAMPLE_CORPUS_RIGHT = RESOURCES / "corpus" / "pdf"
DESKTOP = RESOURCES / "desktop"  # menu entry, icon and MIME type (reviewer.desktop)
TRANSLATIONS = RESOURCES / "translations"  # reviewer_<lang>.ts sources and compiled .qm


def user_data_dir() -> Path:
    """XDG data directory for Reviewer (the bundled sample's project lives here)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reviewer"
