"""Benchmark figures as the benchmark scripts print them (`reviewer.bench` and the UI ones)."""

from __future__ import annotations

import json
import sys


def print_figures(figures: dict[str, float], as_json: bool = False) -> None:
    """One aligned line a figure, or one JSON object."""
    if as_json:
        json.dump(figures, sys.stdout, sort_keys=True)
        sys.stdout.write("\n")
        return
    width = max(len(k) for k in figures)
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
