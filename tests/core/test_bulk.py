"""Bulk decisions in the core session: each is one undo step and records its origin;
navigation by kind; decision origins in the store, the manifest and the headless export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from builders import make_alignment, make_unit

from reviewer.cli import main
from reviewer.core import paths
from reviewer.core.engine.pipeline import align_files
from reviewer.core.model import Alignment, Conflict, Suggestion
from reviewer.core.review import bulk
from reviewer.core.review.merge import Decision
from reviewer.core.review.session import ReviewSession
from reviewer.core.store.database import ItemInfo, Project
from reviewer.core.store.fileformat import SCHEMA_VERSION

LEFT, RIGHT = str(paths.SAMPLE_LEFT), str(paths.SAMPLE_RIGHT)


@pytest.fixture(scope="module")
def sample() -> Alignment:
    return align_files(LEFT, RIGHT)


def _suggested(unit, confidences):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    cs = tuple(
        replace(c, suggestion=Suggestion("right", "test", x) if x is not None else None)
        for c, x in zip(unit.conflicts, confidences, strict=True)
    )
    return replace(unit, conflicts=cs)


def _small() -> Alignment:
    spans = ((0, 1, 0, 1), (2, 3, 2, 3))
    return make_alignment(
        [
            (
                "a1",
                "甲",
                [
                    _suggested(
                        make_unit("u1", "甲乙丙丁", "申乙柄丁", ("c1", "c2"), spans=spans),
                        (0.95, 0.5),
                    ),
                    make_unit("u2", "只在左边。", None),
                    make_unit("u3", "重复。", "重复。", role="paragraph", duplicate_of="u9"),
                    _suggested(make_unit("u4", "一二三", "一二四", ("c3",)), (0.92,)),
                ],
            ),
            (
                "a2",
                "乙",
                [
                    make_unit("u5", None, "右边标题", role="title"),
                    make_unit("u6", None, "右边正文。"),
                ],
            ),
            ("a3", "丙", [_suggested(make_unit("u7", "子丑", "子寅", ("c4",)), (0.99,))]),
        ]
    )


def test_items_by_kind_and_status() -> None:
    s = ReviewSession(_small())
    st = s.status()
    assert (st.conflicts, st.triage) == (4, 4)
    assert (st.conflicts_left, st.triage_left) == (4, 4)
    assert [it.key for it in s.items if it.triage] == ["u2", "u3", "u5", "u6"]


def test_navigation_by_kind_skips_the_other_kind() -> None:
    s = ReviewSession(_small())
    assert s.current.key == "c1"
    s.step(+1, triage=False)
    assert s.current.key == "c2"
    s.step(+1, triage=False)
    assert s.current.key == "c3"  # u2, u3 skipped
    s.step(+1, triage=False)
    assert s.current.key == "c4"  # article 2 has only triage
    assert not s.step(+1, triage=False) and s.current.key == "c4"
    s.step_unresolved(+1, triage=True)
    assert s.current.key == "u2"
    s.step_unresolved(-1, triage=True)
    assert s.current.key == "u6"


def test_a_decided_conflict_advances_to_the_next_conflict_not_to_triage() -> None:
    s = ReviewSession(_small())
    s.goto_key("c2")
    s.decide("left")
    assert s.current.key == "c3"


def test_accept_suggestions_for_the_article_is_one_undo_step() -> None:
    s = ReviewSession(_small())
    n = s.apply_batch(bulk.suggestions(s, 0.9, article=0))
    assert n == 2
    assert s.decision("c1") == Decision("right", origin="suggestion")
    assert s.decision("c3") == Decision("right", origin="suggestion")
    assert s.decision("c2") is None and s.decision("c4") is None  # low, other article
    assert s.current.key == "c2"  # the next undecided conflict
    assert s.undo()
    assert s.decisions == {}
    assert s.redo() and len(s.decisions) == 2
    everywhere = bulk.suggestions(s, 0.9)
    assert [k for k, _d in everywhere] == ["c4"]


def test_take_a_side_for_the_article_and_defaults() -> None:
    s = ReviewSession(_small())
    s.decide("left", key="c1")
    assert s.apply_batch(bulk.side(s, "right", 0)) == 2  # c2, c3: c1 already decided
    assert s.decision("c1") == Decision("left")
    assert s.decision("c2") == Decision("right", origin="preference")
    assert s.apply_batch(bulk.defaults(s)) == 4
    assert s.decision("u2") == Decision("keep", origin="default")
    assert s.decision("u3") == Decision("drop", origin="default")  # a duplicate
    assert s.status().triage_left == 0
    s.undo()
    assert s.status().triage_left == 4 and s.decision("c2") is not None
    s.undo()
    assert s.decision("c2") is None and s.decision("c1") == Decision("left")


def test_whole_one_sided_article_from_its_title_row() -> None:
    s = ReviewSession(_small())
    u5 = s.items[s.index_of("u5")]
    assert bulk.is_title_row(s, u5)
    assert not bulk.is_title_row(s, s.items[s.index_of("u6")])
    assert not bulk.is_title_row(s, s.items[s.index_of("u2")])  # article 1 has both sides
    assert s.apply_batch(bulk.whole_article(s, 1, "drop")) == 2
    assert s.decision("u6") == Decision("drop")
    s.undo()
    assert s.decision("u5") is None and s.decision("u6") is None


def test_store_keeps_origins_and_saves_a_batch_at_once(tmp_path: Path) -> None:
    p = tmp_path / "r.reviewer"
    Project.create(p, {}).close()
    with Project.open(p) as proj:
        proj.bind({"c1": ItemInfo("k1", 0, "甲", "乙")})
        proj.save_decisions(
            [
                ("c1", Decision("right", origin="suggestion")),
                ("u2", Decision("keep", origin="default")),
            ]
        )
        proj.save_decision("c3", Decision("left"))
    with Project.open(p) as proj:
        got = {sd.key: sd.decision for sd in proj.decisions()}
    assert got == {
        "c1": Decision("right", origin="suggestion"),
        "u2": Decision("keep", origin="default"),
        "c3": Decision("left", origin="editor"),
    }


def test_a_format_1_project_is_upgraded_and_keeps_its_decisions(tmp_path: Path) -> None:
    p = tmp_path / "old.reviewer"
    Project.create(p, {}).close()
    raw = sqlite3.connect(p)
    # Rebuild the decision table as format 1 had it (no origin column).
    raw.executescript(
        "DROP TABLE decision; CREATE TABLE decision (key TEXT PRIMARY KEY, choice TEXT NOT NULL,"
        " text TEXT, content_key TEXT, ord INTEGER, left TEXT, right TEXT, who TEXT NOT NULL,"
        " at TEXT NOT NULL); INSERT INTO decision VALUES ('c1','left',NULL,'k',0,'a','b','ed',"
        "'2025-01-01'); DROP TABLE structure; PRAGMA user_version=1;"
    )
    raw.close()
    with Project.open(p) as proj:
        assert [sd.decision for sd in proj.decisions()] == [Decision("left")]
        proj.save_decision("c2", Decision("right", origin="preference"))
    raw = sqlite3.connect(p)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert raw.execute("SELECT count(*) FROM structure").fetchone()[0] == 0
    assert raw.execute("SELECT key, origin FROM decision ORDER BY key").fetchall() == [
        ("c1", "editor"),
        ("c2", "preference"),
    ]
    raw.close()


def test_cli_accept_suggestions_then_prefer_and_manifest_counts(
    sample: Alignment, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    confident = [
        c
        for _a, u in sample.units()
        for c in u.conflicts
        if c.suggestion is not None and c.suggestion.confidence >= 0.9
    ]
    total = sum(
        len(u.conflicts)
        for _a, u in sample.units()
        if not u.one_sided and u.duplicate_of is None and u.role != "noise"
    )
    assert confident
    out = tmp_path / "out"
    code = main(
        ["export", LEFT, RIGHT, "--out", str(out), "--accept-suggestions", "--prefer", "left"]
    )
    assert code == 0, capsys.readouterr().err
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    counts = m["decisions"]
    assert set(counts) == {"editor", "suggestion", "preference", "default"}
    assert counts["suggestion"] == len(confident)
    assert counts["suggestion"] + counts["preference"] == total
    rows = (out / "decisions.csv").read_text("utf-8")
    for c in confident:
        assert c.id in rows
    # Without --prefer the rest stays unresolved: exit 3, fewer conflicts listed.
    code = main(["export", LEFT, RIGHT, "--out", str(tmp_path / "o2"), "--accept-suggestions"])
    err = capsys.readouterr().err
    assert code == 3 and f"{total - len(confident)} conflicts unresolved" in err
    with pytest.raises(SystemExit) as bad:
        main(
            [
                "export",
                LEFT,
                RIGHT,
                "--out",
                str(tmp_path / "o3"),
                "--accept-suggestions",
                "--min-confidence",
                "2",
            ]
        )
    assert bad.value.code == 2 and "between 0 and 1" in capsys.readouterr().err


def test_origin_must_be_known() -> None:
    with pytest.raises(ValueError):
        Decision("left", origin="robot")
    assert isinstance(Conflict("c", "a", "b", 0, 1, 0, 1).suggestion, type(None))
