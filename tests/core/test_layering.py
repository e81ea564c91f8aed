"""The core's layering: it never imports Qt, and its folders follow the data flow."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import reviewer.core

CORE = Path(reviewer.core.__file__).parent


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages([str(CORE)], prefix="reviewer.core."))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt_even_inside_a_function() -> None:
    offenders = {
        str(p.relative_to(CORE)): sorted(n for n in _imports(p) if n.split(".")[0] == "PySide6")
        for p in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    mods = _core_modules()
    assert "reviewer.core.review.session" in mods and "reviewer.core.store.database" in mods
    code = (
        "import importlib, sys\n"
        + "".join(f"importlib.import_module({m!r})\n" for m in mods)
        + "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'reviewer.ui'))))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_the_engine_never_reaches_up_into_review_store_or_export() -> None:
    """Arrows point down the stages: the engine (read … diff, suggest) and the shared plain
    data at core/ level know nothing of the review, its project file or the export."""
    upper = ("reviewer.core.review", "reviewer.core.store", "reviewer.core.export")
    lower = [
        *(CORE / "engine").glob("*.py"),
        *(p for p in CORE.glob("*.py") if p.name != "project.py"),
    ]
    assert len(lower) > 20
    offenders = {p.name: sorted(n for n in _imports(p) if n.startswith(upper)) for p in lower}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_shared_plain_data_depends_on_no_stage() -> None:
    """model and text sit below every stage: they import no other module of the core."""
    for name in ("model.py", "text.py"):
        assert [n for n in _imports(CORE / name) if n.startswith("reviewer")] == []
