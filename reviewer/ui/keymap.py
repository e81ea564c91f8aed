"""Key rebinding: ``keys.json`` in the user config directory (``{"TAKE_LEFT": ["1", "h"]}``),
the keys in effect, and keys bound twice."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from reviewer.ui.command_table import ACTIONS, ActionId


def keys_file() -> Path:
    """Where rebinding lives: $XDG_CONFIG_HOME/reviewer/keys.json."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "reviewer" / "keys.json"


def load_key_overrides(
    path: Path | None = None,
) -> tuple[dict[ActionId, tuple[str, ...]], list[str]]:
    """Read rebinding overrides; returns (overrides, warnings). Bad entries are skipped."""
    path = path or keys_file()
    if not path.exists():
        return {}, []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return {}, [
            QCoreApplication.translate("Keys", "{file}: ignored ({problem})").format(
                file=path, problem=e
            )
        ]
    if not isinstance(raw, dict):
        return {}, [
            QCoreApplication.translate(
                "Keys", "{file}: ignored (expected an object of action: [keys])"
            ).format(file=path)
        ]
    out: dict[ActionId, tuple[str, ...]] = {}
    warnings: list[str] = []
    by_name = {a.name: a for a in ActionId} | {a.value: a for a in ActionId}
    for name, keys in raw.items():
        action = by_name.get(str(name))
        if isinstance(keys, str):
            keys = [keys]
        if action is None or not isinstance(keys, list):
            warnings.append(
                QCoreApplication.translate(
                    "Keys", "{file}: unknown action or bad keys for {name}"
                ).format(file=path, name=repr(name))
            )
            continue
        good = tuple(k for k in keys if isinstance(k, str) and not QKeySequence(k).isEmpty())
        out[action] = good
    return out, warnings


def effective_keys(
    overrides: dict[ActionId, tuple[str, ...]] | None = None,
) -> dict[ActionId, tuple[str, ...]]:
    overrides = overrides or {}
    return {s.id: overrides.get(s.id, s.keys) for s in ACTIONS}


def duplicate_keys(keys: dict[ActionId, tuple[str, ...]]) -> dict[str, list[ActionId]]:
    """Key sequences bound to more than one action (normalised through QKeySequence)."""
    seen: dict[str, list[ActionId]] = {}
    for action, seqs in keys.items():
        for k in seqs:
            norm = QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText)
            seen.setdefault(norm, []).append(action)
    return {k: v for k, v in seen.items() if len(v) > 1}
