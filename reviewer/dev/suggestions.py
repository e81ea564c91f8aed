"""How good the suggested readings are, on generated pages whose gold says which version of
each variant is damaged: `python -m reviewer.dev.suggestions [--split dev] [--pages 30]`.

A conflict is scored when exactly one gold variant falls in it (matched by raw offsets,
as ``reviewer.dev.score.differences_found`` does); the right pick is the undamaged side.
Figures: coverage (conflicts with a suggestion at confidence ≥ 0.9, of all scored
conflicts) and precision (right picks among those), overall, by reason and by variant kind.

Tune on ``--split dev`` only; the held-out split is for the final figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from reviewer.core.model import Conflict, Suggestion
from reviewer.dev import score
from reviewer.dev.corpus import CorpusMissing
from reviewer.dev.evaluate import align_page
from reviewer.dev.pagegen import make_page

THRESHOLD = 0.9


@dataclass(frozen=True)
class Scored:
    kind: str  # the gold variant's kind
    truth: str  # the undamaged side
    suggestion: Suggestion | None
    conflict: Conflict


def reason_kind(s: Suggestion) -> str:
    """The signal behind a reason: "doubled word", "breaks the word", "pasted text"..."""
    r = s.reason
    for key in ("doubled word", "breaks the word", "pasted text", "missing on", "lost the bracket",
                "artefact", "lacks", "missing", "rarer"):  # fmt: skip
        if key in r:
            return key
    return r.split(" ")[0]


def score_page(split: str, index: int) -> list[Scored]:
    page = make_page(split, index)
    al = score.Index(page, align_page(page))
    out: list[Scored] = []
    for u in al.units:
        if not u.conflicts:
            continue
        offs = {s: score._text_to_raw(al, u, s) for s in score.SIDES}
        for c in u.conflicts:
            rng = {
                "left": score._conflict_range(offs["left"], c.left_start, c.left_end, u.left_raw),
                "right": score._conflict_range(
                    offs["right"], c.right_start, c.right_end, u.right_raw
                ),
            }
            hits = [
                v
                for v in page.variants
                if all(score._touch(rng[s], v.span(s), al.raw[s]) for s in score.SIDES)
            ]
            if len(hits) == 1:
                v = hits[0]
                truth = "right" if v.damaged == "left" else "left"
                out.append(Scored(v.kind, truth, c.suggestion, c))
    return out


def figures(scored: list[Scored], threshold: float = THRESHOLD) -> dict[str, float]:
    """Coverage and precision at ``threshold``, overall and by reason and variant kind."""
    out: dict[str, float] = {"conflicts_scored": float(len(scored))}
    sure = [x for x in scored if x.suggestion and x.suggestion.confidence >= threshold]
    right = [x for x in sure if x.suggestion and x.suggestion.pick == x.truth]
    out["coverage"] = round(len(sure) / max(1, len(scored)), 3)
    out["precision"] = round(len(right) / max(1, len(sure)), 3)
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for x in scored:
        sug = x.suggestion
        keys = [f"kind_{x.kind}"]
        if sug is not None and sug.confidence >= threshold:
            keys.append(f"reason_{reason_kind(sug).replace(' ', '_')}")
        for k in keys:
            by[k]["n"] += 1
            if sug is not None and sug.confidence >= threshold:
                by[k]["sure"] += 1
                by[k]["right"] += sug.pick == x.truth
    for k, c in sorted(by.items()):
        # A kind's coverage is of its own conflicts; a reason's, of all conflicts scored.
        total = c["n"] if k.startswith("kind_") else len(scored)
        out[f"{k}_coverage"] = round(c["sure"] / max(1, total), 3)
        out[f"{k}_picks"] = float(c["sure"])
        out[f"{k}_precision"] = round(c["right"] / max(1, c["sure"]), 3)
    return out


def evaluate(split: str, pages: int, start: int = 0) -> list[Scored]:
    return [x for i in range(start, start + pages) for x in score_page(split, i)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m reviewer.dev.suggestions", description=__doc__)
    p.add_argument("--split", choices=("dev", "held-out"), default="dev")
    p.add_argument("--pages", type=int, default=30)
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--show-wrong", action="store_true", help="list confident wrong picks (dev)")
    args = p.parse_args(argv)
    try:
        scored = evaluate(args.split, args.pages, args.start)
    except CorpusMissing as e:
        print(f"reviewer: {e}", file=sys.stderr)
        return 2
    figs = figures(scored)
    if args.json:
        print(json.dumps(figs, sort_keys=True))
    else:
        for k, v in figs.items():
            print(f"{k:<40} {v}")
    if args.show_wrong and args.split == "dev":
        for x in scored:
            s = x.suggestion
            if s is not None and s.confidence >= THRESHOLD and s.pick != x.truth:
                print(f"WRONG {x.kind}: {x.conflict.left!r} / {x.conflict.right!r} {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
