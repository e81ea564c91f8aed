"""Review projects: creation, reopening, re-attachment after re-alignment, crash safety."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from builders import make_alignment, make_unit

from reviewer.core import paths
from reviewer.core import project as project_mod
from reviewer.core.engine.read import ReadError
from reviewer.core.model import Alignment, Source
from reviewer.core.project import (
    ProjectError,
    Review,
    default_project_path,
    describe_orphans,
    item_infos,
    open_project_file,
    open_review,
    reattach,
)
from reviewer.core.review.merge import Decision
from reviewer.core.review.session import ReviewSession
from reviewer.core.store.database import Project, StoredDecision

REPO = Path(__file__).resolve().parents[2]


def _v1() -> Alignment:
    return make_alignment(
        [
            (
                "a1",
                "标题",
                [
                    make_unit("p1", "第一段文字。", "第一段文学。", ("c1",)),
                    make_unit("p2", "第二段文字。", "第二段文字！", ("c2",)),
                    make_unit("o", None, "独有一段。"),
                ],
            )
        ]
    )


def _v2() -> Alignment:
    """The same content as _v1 under new ids (a new engine), plus a new paragraph."""
    return make_alignment(
        [
            (
                "A1",
                "标题",
                [
                    make_unit("P0", "新的一段啊。", "新的一段呀。", ("C0",)),
                    make_unit("P1", "第一段文字。", "第一段文学。", ("C1",)),
                    make_unit("P2", "第二段文字。", "第二段文字！", ("C2",)),
                    make_unit("O", None, "独有一段。"),
                ],
            )
        ],
        engine_version="2",
    )


class FakeEngine:
    """Stands in for pipeline.align_sources: returns ``current`` bound to the real sources."""

    def __init__(self, alignment: Alignment) -> None:
        self.current = alignment

    def __call__(self, left: Source, right: Source, progress: object = None) -> Alignment:
        return dataclasses.replace(self.current, left=left, right=right)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine(_v1())
    monkeypatch.setattr(project_mod, "align_sources", fake)
    return fake


def _stored(review: Review) -> dict[str, Decision]:
    return {sd.key: sd.decision for sd in review.project.decisions()}


# --- paths -----------------------------------------------------------------------------------
def test_default_project_path_is_beside_left(tmp_path: Path) -> None:
    left = tmp_path / "page.web.md"
    assert default_project_path(left, tmp_path / "x.txt") == left.with_name("page.web.reviewer")


def test_sample_project_goes_to_the_user_data_dir(data_home: Path) -> None:
    got = default_project_path(paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT)
    assert got == data_home / "sample.reviewer"
    assert default_project_path(paths.SAMPLE_LEFT, paths.SAMPLE_LEFT) != got


# --- open, decide, reopen --------------------------------------------------------------------
def test_open_creates_then_reopens_with_decisions_and_cursor(
    pair: tuple[Path, Path], engine: FakeEngine
) -> None:
    left, right = pair
    with open_review(left, right) as review:
        assert review.project.path == default_project_path(left, right)
        assert review.warnings == [] and review.orphaned == {}
        review.session.decide("right")  # c1
        review.session.decide("keep", key="o")
        review.session.goto_key("c2")
    assert default_project_path(left, right).exists()
    with open_review(left, right) as review:
        assert review.session.decisions == {"c1": Decision("right"), "o": Decision("keep")}
        assert review.session.current is not None and review.session.current.key == "c2"
        meta = review.project.meta()
    assert meta["left_path"] == str(left.resolve()) and meta["engine_version"] == "1"
    assert len(meta["left_sha256"]) == 64


def test_open_project_file_uses_the_paths_inside(
    pair: tuple[Path, Path], engine: FakeEngine, tmp_path: Path
) -> None:
    left, right = pair
    proj = tmp_path / "elsewhere" / "mine.reviewer"
    with open_review(left, right, proj) as review:
        review.session.decide("left", key="c2")
    with open_project_file(proj) as review:
        assert review.session.decisions == {"c2": Decision("left")}
        assert review.alignment.left.path == str(left.resolve())


def test_moved_folder_is_found_relative_to_the_project(
    pair: tuple[Path, Path], engine: FakeEngine, tmp_path: Path
) -> None:
    left, right = pair
    with open_review(left, right) as review:
        review.session.decide("left", key="c1")
    moved = tmp_path / "moved"
    shutil.move(str(left.parent), moved)
    with open_project_file(moved / "page.web.reviewer") as review:
        assert review.alignment.left.path == str(moved / "page.web.md")
        assert review.session.decisions == {"c1": Decision("left")}


def test_undo_and_redo_update_the_project(pair: tuple[Path, Path], engine: FakeEngine) -> None:
    with open_review(*pair) as review:
        review.session.decide("right", key="c1")
        review.session.decide("edit", "学", key="c1")
        assert _stored(review) == {"c1": Decision("edit", "学")}
        review.session.undo()
        assert _stored(review) == {"c1": Decision("right")}
        review.session.undo()
        assert _stored(review) == {}
        review.session.redo()
        assert _stored(review) == {"c1": Decision("right")}
        review.session.clear("c1")
        assert _stored(review) == {}


def test_missing_project_is_not_created_when_asked(
    pair: tuple[Path, Path], engine: FakeEngine, tmp_path: Path
) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        open_review(*pair, tmp_path / "none.reviewer", create=False)
    assert not (tmp_path / "none.reviewer").exists()


def test_bad_source_leaves_no_project_behind(pair: tuple[Path, Path], tmp_path: Path) -> None:
    proj = tmp_path / "p.reviewer"
    with pytest.raises(ReadError):
        open_review(pair[0], tmp_path / "missing.txt", proj)
    assert not proj.exists()


def test_locked_project_is_reported_and_released_on_close(
    pair: tuple[Path, Path], engine: FakeEngine
) -> None:
    first = open_review(*pair)
    with pytest.raises(ProjectError, match="open in another Reviewer"):
        open_review(*pair)
    with pytest.raises(ProjectError, match="open in another Reviewer"):
        open_project_file(first.project.path)
    first.close()
    open_review(*pair).close()


def test_failure_after_opening_releases_the_lock(
    pair: tuple[Path, Path], engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_review(*pair).close()

    def broken(*args: object) -> Alignment:
        raise RuntimeError("engine crashed")

    monkeypatch.setattr(project_mod, "align_sources", broken)
    with pytest.raises(RuntimeError):
        open_review(*pair)
    Project.open(default_project_path(*pair)).close()  # not left locked


# --- re-attachment ---------------------------------------------------------------------------
def test_new_engine_ids_reattach_every_decision(
    pair: tuple[Path, Path], engine: FakeEngine
) -> None:
    with open_review(*pair) as review:
        review.session.decide("right", key="c1")
        review.session.decide("edit", "？", key="c2")
        review.session.decide("drop", key="o")
        review.session.goto_key("c2")
    engine.current = _v2()
    with open_review(*pair) as review:
        assert review.session.decisions == {
            "C1": Decision("right"),
            "C2": Decision("edit", "？"),
            "O": Decision("drop"),
        }
        assert review.orphaned == {}
        assert review.session.current is not None and review.session.current.key == "C2"
        assert any("engine version 2" in w for w in review.warnings)
        assert set(_stored(review)) == {"C1", "C2", "O"}  # re-keyed in the file too


def test_changed_source_reports_and_keeps_what_no_longer_applies(
    pair: tuple[Path, Path], engine: FakeEngine
) -> None:
    left, right = pair
    with open_review(left, right) as review:
        review.session.decide("right", key="c1")
        review.session.decide("left", key="c2")
    left.write_text(left.read_text("utf-8").replace("第二段文字。", "第二段改写了。"), "utf-8")
    changed = _v1()
    art = changed.articles[0]
    p2 = make_unit("p2x", "第二段改写了。", "第二段文字！", ("c2x",))
    engine.current = dataclasses.replace(
        changed, articles=(dataclasses.replace(art, units=(art.units[0], p2, art.units[2])),)
    )
    with open_review(left, right) as review:
        assert any(w.startswith("left source changed") for w in review.warnings)
        assert any("1 decision no longer applies" in w for w in review.warnings)
        assert review.orphaned == {"c2": Decision("left")}
        assert review.session.decisions["c1"] == Decision("right")
        assert review.session.orphaned_decisions() == {"c2": Decision("left")}
        assert describe_orphans(review) == ["c2: 「。」 / 「！」 → left"]
        assert "c2" in _stored(review)  # kept in the file, not dropped
    with open_review(left, right) as review:  # the changed sha is now the known one
        assert not any("source changed" in w for w in review.warnings)
        assert review.orphaned == {"c2": Decision("left")}


def _sd(key: str, ckey: str, order: int, choice: str = "left") -> StoredDecision:
    return StoredDecision(key, Decision(choice), ckey, order, None, None, "ed", "t")


def test_reattach_matches_equal_content_in_document_order() -> None:
    # The same conflict twice: stored decisions re-attach to the two items in order.
    units = [make_unit(f"p{i}", "同样的句子。", "同样的句子！", (f"c{i}",)) for i in range(2)]
    session = ReviewSession(make_alignment([("a", "t", units)]))
    infos = item_infos(session)
    assert infos["c0"].content_key == infos["c1"].content_key
    ck = infos["c0"].content_key
    stored = [_sd("old-b", ck, 5, "right"), _sd("old-a", ck, 1, "left"), _sd("gone", "zz", 2)]
    stored.sort(key=lambda sd: sd.ord or 0)
    got = reattach(stored, infos)
    assert got.decisions == {"c0": Decision("left"), "c1": Decision("right")}
    assert got.moved == {"old-a": "c0", "old-b": "c1"}
    assert got.orphaned == {"gone": Decision("left")}


def test_reattach_prefers_an_exact_id() -> None:
    session = ReviewSession(make_alignment([("a", "t", [make_unit("p", "甲乙", "甲丙", ("c",))])]))
    infos = item_infos(session)
    ck = infos["c"].content_key
    got = reattach([_sd("c", ck, 0, "right"), _sd("old", ck, 1, "left")], infos)
    assert got.decisions == {"c": Decision("right")}
    assert got.orphaned == {"old": Decision("left")}  # its item is taken: not silently merged


def test_content_key_uses_context_not_only_the_readings() -> None:
    units = [
        make_unit("p1", "上文甲下文", "上文乙下文", ("c1",)),
        make_unit("p2", "别处甲别处", "别处乙别处", ("c2",)),
    ]
    infos = item_infos(ReviewSession(make_alignment([("a", "t", units)])))
    assert infos["c1"].content_key != infos["c2"].content_key
    assert (infos["c1"].left, infos["c1"].right) == ("甲", "乙")


# --- crash safety ----------------------------------------------------------------------------
_REVIEWER = """
import sys
from reviewer.core.project import open_review
review = open_review(sys.argv[1], sys.argv[2], sys.argv[3])
s = review.session
for item in s.items[:int(sys.argv[4])]:
    s.decide("right" if item.kind == "conflict" else "keep", key=item.key)
    print(item.key, flush=True)
sys.stdin.readline()  # stay alive until killed
"""


def test_sigkill_mid_review_loses_no_decision(tmp_path: Path) -> None:
    proj = tmp_path / "crash.reviewer"
    left, right = str(paths.SAMPLE_LEFT), str(paths.SAMPLE_RIGHT)
    n, k = 12, 7
    proc = subprocess.Popen(
        [sys.executable, "-c", _REVIEWER, left, right, str(proj), str(n)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None
    try:
        decided = [proc.stdout.readline().strip() for _ in range(k)]
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert all(decided) and len(set(decided)) == k
    with open_review(left, right, proj, create=False) as review:
        kinds = {it.key: it.kind for it in review.session.items}
        for key in decided:
            expected = Decision("right" if kinds[key] == "conflict" else "keep")
            assert review.session.decisions.get(key) == expected, key
        assert review.orphaned == {}
