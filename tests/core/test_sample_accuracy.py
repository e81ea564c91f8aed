"""Accuracy of the whole engine on the bundled sample pair, judged against a hand-made gold.

The gold (tests/fixtures/sample_gold.json) was written by reading both versions of the
Xinhua page of 18-19 July 2025; tests/fixtures/check_gold.py checks it against the
sources. The engine runs ONCE for the module. Every test collects all its failures and
reports them together, so one run shows everything that is wrong.

All matching ignores whitespace and character width (NFKC), because those differences
are layout, never content.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewer.core.engine.pipeline import align_files
from reviewer.core.model import Alignment, Article, Conflict, Unit
from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD_PATH = FIXTURES / "sample_gold.json"
SIDES = ("left", "right")
LENGTH_SLACK = 12  # a conflict may be this many chars longer than the gold variant, per side


# ---------------------------------------------------------------- helpers


def keyed(text: str | None) -> tuple[str, list[int]]:
    """``text`` without whitespace, NFKC-folded per char, with each char's index in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text or ""):
        if ch.isspace():
            continue
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                chars.append(c)
                index.append(i)
    return "".join(chars), index


def key(text: str | None) -> str:
    """The matching form of ``text``: no whitespace, width folded."""
    return keyed(text)[0]


def squash(text: str | None) -> str:
    """``text`` without whitespace (for messages: keeps the original characters)."""
    return re.sub(r"\s+", "", text or "")


def short(text: str | None, n: int = 28) -> str:
    """A one-line preview for failure messages."""
    if text is None:
        return "None"
    k = squash(text)
    return repr(k if len(k) <= n else k[:n] + "…")


def other(side: str) -> str:
    return "right" if side == "left" else "left"


def conflict_side(c: Conflict, side: str) -> str:
    return c.left if side == "left" else c.right


@dataclass
class Row:
    """One unit with its article and the matching forms of its two texts."""

    art_index: int
    article: Article
    unit: Unit
    left: str
    right: str

    def text(self, side: str) -> str:
        return self.left if side == "left" else self.right

    def present(self, side: str) -> bool:
        return self.unit.text(side) is not None  # type: ignore[arg-type]

    def describe(self) -> str:
        u = self.unit
        dup = f" dup_of={u.duplicate_of}" if u.duplicate_of else ""
        return (
            f"[article #{self.art_index} {short(self.article.title, 14)}] {u.role}{dup} "
            f"L={short(u.left)} R={short(u.right)}"
        )


def rows_of(alignment: Alignment) -> list[Row]:
    return [
        Row(i, art, u, key(u.left), key(u.right))
        for i, art in enumerate(alignment.articles)
        for u in art.units
    ]


def rows_with(rows: list[Row], side: str, phrase: str) -> list[Row]:
    """Rows whose ``side`` text contains ``phrase`` (matching forms)."""
    k = key(phrase)
    return [r for r in rows if r.present(side) and k in r.text(side)]


def span_of(text: str | None, phrase: str) -> tuple[int, int] | None:
    """[start, end) of ``phrase`` in ``text`` ignoring whitespace/width, in ``text`` offsets."""
    k, index = keyed(text)
    pos = k.find(key(phrase))
    if pos < 0 or not phrase:
        return None
    return index[pos], index[pos + len(key(phrase)) - 1] + 1


def variant_matches(row: Row, c: Conflict, v: dict) -> bool:
    """Does conflict ``c`` of ``row`` report gold variant ``v`` (content, size and place)?"""
    cl, cr = key(c.left), key(c.right)
    vl, vr = key(v["left"]), key(v["right"])
    if vl not in cl or vr not in cr:
        return False
    if len(cl) > len(vl) + LENGTH_SLACK or len(cr) > len(vr) + LENGTH_SLACK:
        return False
    span = span_of(row.unit.left, v["context"])
    if span is None:
        return False
    return c.left_start <= span[1] and c.left_end >= span[0]


def strip_markdown_headings(text: str) -> str:
    """Drop the leading ``#`` markers of markdown heading lines."""
    return re.sub(r"(?m)^[ \t]*#{1,6}(?=\s|$)", "", text)


def check_failures(failures: list[str], what: str) -> None:
    """Fail with every collected message, one per line."""
    if failures:
        body = "\n  - ".join(failures)
        pytest.fail(f"{len(failures)} {what} failure(s):\n  - {body}", pytrace=False)


def _load_checker():
    spec = importlib.util.spec_from_file_location("sample_gold_check", FIXTURES / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def alignment() -> Alignment:
    return align_files(SAMPLE_LEFT, SAMPLE_RIGHT)


@pytest.fixture(scope="module")
def rows(alignment: Alignment) -> list[Row]:
    return rows_of(alignment)


# ---------------------------------------------------------------- the gold itself


def test_gold_is_consistent_with_the_sources() -> None:
    """Not an engine test: the gold must match the sample files exactly."""
    check_failures(_load_checker().problems(), "gold")


# ---------------------------------------------------------------- (a) passages


def test_shared_passages_land_in_one_unit(gold: dict, rows: list[Row]) -> None:
    failures = []
    for p in gold["passages"]:
        lrows = rows_with(rows, "left", p["left"])
        rrows = rows_with(rows, "right", p["right"])
        if not lrows or not rrows:
            missing = [s for s, rs in (("left", lrows), ("right", rrows)) if not rs]
            failures.append(f"passage {p['left']!r}: not found in any unit on {missing}")
            continue
        if not {id(r.unit) for r in lrows} & {id(r.unit) for r in rrows}:
            failures.append(
                f"passage {p['left']!r} / {p['right']!r} split apart: left in "
                f"{lrows[0].describe()} ; right in {rrows[0].describe()}"
            )
    check_failures(failures, "passage")


# ---------------------------------------------------------------- (b) variants


def test_variants_are_reported(gold: dict, rows: list[Row]) -> None:
    failures = []
    for v in gold["variants"]:
        label = f"variant {v['left']!r}→{v['right']!r} in {v['context']!r}"
        hosts = rows_with(rows, "left", v["context"])
        if not hosts:
            failures.append(f"{label}: no unit holds the context on the left")
            continue
        if any(variant_matches(r, c, v) for r in hosts for c in r.unit.conflicts):
            continue
        near = [
            f"{squash(c.left)!r}/{squash(c.right)!r}"
            for r in hosts
            for c in r.unit.conflicts
            if (sp := span_of(r.unit.left, v["context"]))
            and c.left_start <= sp[1] + 10
            and c.left_end >= sp[0] - 10
        ]
        if hosts[0].unit.right is None:
            why = "the unit has no right side"
        elif near:
            why = "nearby conflicts: " + ", ".join(near[:4])
        else:
            why = f"no conflict near it ({len(hosts[0].unit.conflicts)} in the unit)"
        failures.append(f"{label}: not reported; {why}")
    check_failures(failures, "variant")


# ---------------------------------------------------------------- (c) no layout-only conflicts


def test_no_conflict_is_only_layout(rows: list[Row]) -> None:
    failures = [
        f"conflict {c.left!r}/{c.right!r} differs only by whitespace or width in {r.describe()}"
        for r in rows
        for c in r.unit.conflicts
        if key(c.left) == key(c.right)
    ]
    check_failures(failures, "layout-only conflict")


def test_conflict_offsets_match_the_unit_texts(rows: list[Row]) -> None:
    failures = []
    for r in rows:
        u = r.unit
        for c in u.conflicts:
            if u.left is None or u.right is None:
                failures.append(
                    f"conflict {c.left!r}/{c.right!r} in a one-sided unit {r.describe()}"
                )
            elif u.left[c.left_start : c.left_end] != c.left:
                failures.append(
                    f"conflict left {c.left!r} != unit.left[{c.left_start}:{c.left_end}]"
                )
            elif u.right[c.right_start : c.right_end] != c.right:
                failures.append(
                    f"conflict right {c.right!r} != unit.right[{c.right_start}:{c.right_end}]"
                )
    check_failures(failures, "conflict offset")


# ---------------------------------------------------------------- (d) articles


def test_gold_articles_map_one_to_one(gold: dict, alignment: Alignment, rows: list[Row]) -> None:
    failures = []
    mapped: dict[str, int] = {}
    for art in gold["articles"]:
        where: dict[str, set[int]] = {}
        for m in art["markers"]:
            found = {r.art_index for side in m["sides"] for r in rows_with(rows, side, m["text"])}
            where[m["text"]] = found
            if not found:
                failures.append(f"article {art['key']}: marker {m['text']!r} is in no unit")
        indices = set().union(*where.values())
        if len(indices) > 1:
            spread = "; ".join(f"{t!r}→{sorted(i)}" for t, i in where.items())
            failures.append(f"article {art['key']}: markers spread over articles {spread}")
        elif len(indices) == 1:
            mapped[art["key"]] = next(iter(indices))
    by_index: dict[int, list[str]] = {}
    for k, i in mapped.items():
        by_index.setdefault(i, []).append(k)
    for i, keys in by_index.items():
        if len(keys) > 1:
            failures.append(f"gold articles {keys} all land in output article #{i}")
    for art in gold["articles"]:
        if art["key"] not in mapped:
            continue
        title = alignment.articles[mapped[art["key"]]].title
        if not key(title):
            failures.append(f"article {art['key']}: output article has an empty title")
        elif key(art["title_contains"]) not in key(title):
            failures.append(
                f"article {art['key']}: title {short(title, 40)} lacks {art['title_contains']!r}"
            )
    check_failures(failures, "article")


# ---------------------------------------------------------------- (e) one-sided content


def test_one_sided_content_is_one_sided(gold: dict, rows: list[Row]) -> None:
    failures = []
    for o in gold["one_sided"]:
        side, text = o["side"], o["text"]
        label = f"{side}-only {o['kind']} {text!r}"
        hosts = rows_with(rows, side, text)
        if not hosts:
            failures.append(f"{label}: in no unit")
            continue
        lone = [r for r in hosts if not r.present(other(side))]
        if o["kind"] == "unit":
            paired = [r for r in hosts if r.present(other(side))]
            if paired:
                failures.append(f"{label}: paired with the other side in {paired[0].describe()}")
            continue
        dropped = [
            c
            for r in hosts
            for c in r.unit.conflicts
            if key(text) in key(conflict_side(c, side)) and not key(conflict_side(c, other(side)))
        ]
        if not lone and not dropped:
            failures.append(
                f"{label}: neither a one-sided unit nor a conflict with an empty {other(side)} "
                f"reading in {hosts[0].describe()}"
            )
    check_failures(failures, "one-sided")


# ---------------------------------------------------------------- (f) duplicates and noise


def test_duplicates_are_marked(gold: dict, rows: list[Row]) -> None:
    failures = []
    ids = {r.unit.id for r in rows}
    for d in gold["duplicates"]:
        side, text = d["side"], d["text"]
        hosts = rows_with(rows, side, text)
        if len(hosts) < 2:
            failures.append(
                f"duplicate {text!r}: in {len(hosts)} unit(s) on {side}, want 2 or more"
            )
            continue
        if any(r.unit.raw(side) is None for r in hosts):
            failures.append(f"duplicate {text!r}: a unit holding it has no {side}_raw span")
            continue
        hosts.sort(key=lambda r: r.unit.raw(side)[0])  # type: ignore[index]
        # The copy kept is the first, unless a later one is better: its quotes pair up
        # (issue 7: "the copy kept should be the better one").
        kept, copy = hosts[0], hosts[-1]
        if d.get("kept") == "later":
            kept, copy = copy, kept
        if copy.unit.duplicate_of is None:
            failures.append(
                f"duplicate {text!r}: the dropped copy is not marked: {copy.describe()}"
            )
        elif copy.unit.duplicate_of not in ids:
            failures.append(
                f"duplicate {text!r}: duplicate_of={copy.unit.duplicate_of!r} is no unit id"
            )
        if kept.unit.duplicate_of is not None:
            failures.append(f"duplicate {text!r}: the copy to keep is marked: {kept.describe()}")
    check_failures(failures, "duplicate")


def test_noise_is_marked(gold: dict, rows: list[Row]) -> None:
    failures = []
    for n in gold["noise"]:
        hosts = rows_with(rows, "left", n) + rows_with(rows, "right", n)
        if not hosts:
            failures.append(f"noise {n!r}: in no unit")
        for r in hosts:
            if r.unit.role != "noise":
                failures.append(f"noise {n!r}: role {r.unit.role!r} in {r.describe()}")
    check_failures(failures, "noise")


# ---------------------------------------------------------------- (g) lossless coverage


def test_every_source_character_is_in_exactly_one_unit(
    alignment: Alignment, rows: list[Row]
) -> None:
    failures = []
    for side in SIDES:
        source = getattr(alignment, side).text
        if side == "left":
            source = strip_markdown_headings(source)
        want = key(source)
        placed = [r for r in rows if r.present(side)]
        no_raw = [r for r in placed if r.unit.raw(side) is None]  # type: ignore[arg-type]
        if no_raw:
            failures.append(
                f"{side}: {len(no_raw)} unit(s) without a raw span, e.g. {no_raw[0].describe()}"
            )
            continue
        placed.sort(key=lambda r: r.unit.raw(side))  # type: ignore[arg-type,return-value]
        for a, b in itertools.pairwise(placed):
            if b.unit.raw(side)[0] < a.unit.raw(side)[1]:  # type: ignore[index,arg-type]
                failures.append(f"{side}: raw spans overlap: {a.describe()} / {b.describe()}")
                break
        got = "".join(r.text(side) for r in placed)
        if got == want:
            continue
        pairs = enumerate(zip(got, want, strict=False))
        i = next((k for k, (x, y) in pairs if x != y), min(len(got), len(want)))
        missing = Counter(want) - Counter(got)
        extra = Counter(got) - Counter(want)
        failures.append(
            f"{side}: unit texts ({len(got)} chars) != source ({len(want)} chars); first "
            f"difference at {i}: units {got[max(0, i - 12) : i + 12]!r} vs source "
            f"{want[max(0, i - 12) : i + 12]!r}; missing {sum(missing.values())} chars "
            f"{''.join(sorted(missing.elements()))[:30]!r}, extra {sum(extra.values())} chars "
            f"{''.join(sorted(extra.elements()))[:30]!r}"
        )
    check_failures(failures, "coverage")


# ---------------------------------------------------------------- precision


def test_no_unexplained_conflicts(gold: dict, rows: list[Row]) -> None:
    """Every reported conflict is a gold variant, a dropped sentence or a tolerated quirk."""
    ignorable = "".join(t["chars"] for t in gold.get("tolerated", []))
    drop = str.maketrans("", "", key(ignorable))
    sentences = [o for o in gold["one_sided"] if o["kind"] == "sentence"]
    failures = []
    for r in rows:
        for c in r.unit.conflicts:
            if any(variant_matches(r, c, v) for v in gold["variants"]):
                continue
            if any(key(o["text"]) in key(conflict_side(c, o["side"])) for o in sentences):
                continue
            if key(c.left).translate(drop) == key(c.right).translate(drop):
                continue
            failures.append(
                f"unexplained conflict {short(c.left, 40)}/{short(c.right, 40)} in {r.describe()}"
            )
    check_failures(failures, "unexplained conflict")
