"""Degenerate input against ordinary input of the same size: time and peak memory.

Each case runs in its own process (peak memory is per process): one LEFT/RIGHT pair read
and aligned, as ``reviewer align`` does. Cases, for ``size`` bytes a side:

- ``same_short_lines``: one short line repeated (the issue's million identical lines);
- ``same_lines_at_limit``: one line repeated, just long enough to pass the reader's limits;
- ``ordinary``: a generated news pair (``synth.make_pair``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from reviewer.core.engine.read import MIN_PARAGRAPH_CHARS
from reviewer.dev.synth import make_pair

_PROBE = """
import json, resource, sys, time
from reviewer.core.engine.pipeline import align_files
from reviewer.core.engine.read import ReadError
t0 = time.perf_counter()
try:
    align_files(sys.argv[1], sys.argv[2])
    refused = False
except ReadError:
    refused = True
ms = (time.perf_counter() - t0) * 1000
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"ms": ms, "peak_mb": peak, "refused": refused}))
"""


def _run(left: Path, right: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(left), str(right)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _repeat(line: str, size: int) -> str:
    return line * max(1, size // len(line.encode("utf-8")))


def degenerate_figures(size: int = 4_000_000) -> dict[str, float]:
    at_limit = "同" * MIN_PARAGRAPH_CHARS + "\n"  # the shortest repeated line that passes
    ordinary_left, ordinary_right = make_pair(size, seed=0)
    cases = {
        "same_short_lines": (_repeat("好\n", size), None),
        "same_lines_at_limit": (_repeat(at_limit, size), None),
        "ordinary": (ordinary_left, ordinary_right),
    }
    out: dict[str, float] = {"degenerate_bytes": float(size)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (left, right) in cases.items():
            lp, rp = Path(tmp, f"{name}.web.md"), Path(tmp, f"{name}.pdf.txt")
            lp.write_text(left, encoding="utf-8")
            rp.write_text(right if right is not None else left, encoding="utf-8")
            got = _run(lp, rp)
            out[f"{name}_ms"] = round(got["ms"], 1)
            out[f"{name}_peak_mb"] = round(got["peak_mb"], 1)
            out[f"{name}_refused"] = float(got["refused"])
    return out
