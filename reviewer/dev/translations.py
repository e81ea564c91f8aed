"""Regenerate the translation catalogues: ``python -m reviewer.dev.translations``.

Runs ``pyside6-lupdate`` (shipped in the PySide6 wheel) over ``reviewer/ui`` to update
``resources/translations/reviewer_zh_CN.ts`` (every string) and ``reviewer_en.ts`` (plural
forms only: English is the source language), keeping what is already translated, then
``pyside6-lrelease`` to compile both into the ``.qm`` files the window loads. New strings come
out ``type="unfinished"``: translate them (Qt Linguist or any editor) and run this again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from reviewer.core.paths import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "reviewer" / "ui"
CATALOGUES = {"zh_CN": [], "en": ["-pluralonly"]}


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"reviewer: pyside6-{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.glob("*.py"))


def update(lang: str, quiet: bool = False) -> Path:
    """Run lupdate for ``lang``; obsolete entries are dropped, translations kept."""
    ts = TRANSLATIONS / f"reviewer_{lang}.ts"
    cmd = [tool("lupdate"), *sources(), "-no-obsolete", "-locations", "none"]
    cmd += [*CATALOGUES[lang], "-source-language", "en", "-target-language", lang, "-ts", str(ts)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=quiet)
    return ts


def release(lang: str, quiet: bool = False) -> Path:
    ts = TRANSLATIONS / f"reviewer_{lang}.ts"
    qm = ts.with_suffix(".qm")
    cmd = [tool("lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=quiet)
    return qm


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in CATALOGUES:
        update(lang)
        release(lang)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
