"""Structure fixed by hand (core/review/structure.py): each action, undo/redo, the project file."""

from __future__ import annotations

import dataclasses
import functools
import shutil
from pathlib import Path

import pytest
from builders import make_alignment, make_unit

from reviewer.core import paths
from reviewer.core import project as project_mod
from reviewer.core.engine.pipeline import align_files
from reviewer.core.export.files import build_articles
from reviewer.core.model import Alignment, Source
from reviewer.core.project import describe_structure_orphans, export_review, open_review
from reviewer.core.review.session import ReviewSession
from reviewer.core.review.structure import StructureEdit, apply_edits, pair_candidates, unit_keys


@functools.cache
def _sample() -> Alignment:
    return align_files(paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT)


def _unit(session: ReviewSession, ai: int, ui: int) -> str:
    return session.alignment.articles[ai].units[ui].id


def _find(session: ReviewSession, start: str) -> tuple[int, int]:
    for ai, art in enumerate(session.alignment.articles):
        for ui, u in enumerate(art.units):
            if (u.left or u.right or "").startswith(start):
                return ai, ui
    raise AssertionError(start)


def test_split_article_and_join_it_back() -> None:
    s = ReviewSession(_sample())
    n = len(s.alignment.articles)
    ai, ui = _find(s, "把握历史方位")
    assert s.structure_edit("split_article", _unit(s, ai, ui))
    assert len(s.alignment.articles) == n + 1
    new = s.alignment.articles[ai + 1]
    assert (new.units[0].left or "").startswith("把握历史方位")
    assert new.title.startswith("把握历史方位")  # no title unit: the head of the first paragraph
    assert s.structure_edit("join_article", new.units[0].id)
    # Joined back, the article is the engine's again: same id, title and units.
    assert s.alignment.articles == _sample().articles
    assert s.undo() and len(s.alignment.articles) == n + 1
    assert s.undo() and s.alignment == _sample() and not s.structure
    assert s.redo() and s.redo() and s.alignment.articles == _sample().articles


def test_split_before_the_first_unit_does_not_apply() -> None:
    s = ReviewSession(_sample())
    assert not s.structure_edit("split_article", _unit(s, 0, 0))
    assert not s.history.can_undo and not s.structure


def test_role_of_a_caption_and_the_title_follows_the_title_unit() -> None:
    s = ReviewSession(_sample())
    ai, ui = _find(s, "新华社记者江汉摄")
    before = build_articles(s.alignment, {}, "left")[ai]
    assert s.structure_edit("role", _unit(s, ai, ui), value="byline")
    after = build_articles(s.alignment, {}, "left")[ai]
    # A byline after the body stays where it is (at the end); before it, it joins the header.
    assert before.paragraphs == after.paragraphs and after.byline == ()
    assert s.alignment.articles[ai].units[ui].role == "byline"
    # A paragraph made the title: the article (and its file name) follow it.
    ai, ui = _find(s, "据悉，丽水机场")
    assert s.structure_edit("role", _unit(s, ai, 0), value="paragraph")
    assert s.structure_edit("role", _unit(s, ai, ui), value="title")
    assert s.alignment.articles[ai].title.startswith("据悉，丽水机场")
    assert s.undo() and s.undo() and s.undo()
    assert s.alignment == _sample()


def _pairable() -> Alignment:
    return make_alignment(
        [
            (
                "a",
                "标题",
                [
                    make_unit("t", "标题", "标题", role="title"),
                    make_unit("l", "今天天气很好，我们去公园散步。", None),
                    make_unit("x", "完全不同的一句话。", None),
                    make_unit("r", None, "今天天汽很好，我们去公园散步。"),
                    make_unit("y", None, "另一个版本独有的句子。"),
                ],
            )
        ]
    )


def test_pair_candidates_are_ranked_and_a_new_pair_has_its_conflicts() -> None:
    s = ReviewSession(_pairable())
    cands = pair_candidates(s.alignment, "r")
    assert [u.id for u, _score in cands] == ["l", "x"]
    assert cands[0][1] > cands[1][1]
    assert pair_candidates(s.alignment, "t") == []  # two-sided: nothing to pair
    assert s.structure_edit("pair", "l", "r")
    units = s.alignment.articles[0].units
    assert len(units) == 4
    paired = units[1]
    assert paired.left == "今天天气很好，我们去公园散步。"
    assert paired.right == "今天天汽很好，我们去公园散步。"
    assert [(c.left, c.right) for c in paired.conflicts] == [("今天天气", "今天天汽")]
    # The new pair's conflict is a review item at once.
    assert [it.key for it in s.items if it.kind == "conflict"] == [paired.conflicts[0].id]
    assert not s.structure_edit("pair", "x", units[1].id)  # not one-sided any more
    assert s.structure_edit("unpair", paired.id)
    units = s.alignment.articles[0].units
    assert [(u.left is None, u.right is None) for u in units[1:3]] == [(False, True), (True, False)]
    assert s.undo() and s.undo() and s.alignment == _pairable()


def test_split_a_unit_and_join_it_back() -> None:
    s = ReviewSession(_sample())
    ai, ui = _find(s, "工业和信息化部总工程师谢少峰在当天")  # the engine joined the broken sentence
    whole = s.alignment.articles[ai].units[ui]
    cut = len("工业和信息化部总工程师谢少峰在")
    assert s.structure_edit("split_unit", whole.id, value="left", pos=cut)
    first, second = s.alignment.articles[ai].units[ui : ui + 2]
    assert (first.left, second.left) == (whole.left[:cut], whole.left[cut:])  # type: ignore[index]
    text = build_articles(s.alignment, {}, "left")[ai].paragraphs
    assert "工业和信息化部总工程师谢少峰在" in text
    assert s.structure_edit("join_units", first.id)
    joined = s.alignment.articles[ai].units[ui]
    assert joined.left == whole.left and joined.left_raw == whole.left_raw
    assert s.undo() and s.undo() and s.alignment == _sample()


def test_split_a_two_sided_unit_cuts_both_readings_in_step() -> None:
    s = ReviewSession(_sample())
    ai, ui = _find(s, "城镇化率从2012年")
    u = s.alignment.articles[ai].units[ui]
    assert u.left and u.right and u.conflicts
    pos = u.left.index("，") + 1
    assert s.structure_edit("split_unit", u.id, value="left", pos=pos)
    a, b = s.alignment.articles[ai].units[ui : ui + 2]
    assert a.left == u.left[:pos] and b.left == u.left[pos:].strip()
    assert a.right is not None and b.right is not None
    assert (a.right + b.right).replace(" ", "") == u.right.replace(" ", "").replace("\n", "")
    assert a.right.endswith("，")
    assert len(a.conflicts) + len(b.conflicts) == len(u.conflicts)


def test_move_a_unit_to_another_article() -> None:
    s = ReviewSession(_sample())
    ai, ui = _find(s, "2025年4月17日拍摄")
    caption = s.alignment.articles[ai].units[ui]
    target = s.alignment.articles[ai + 1].units[0].id
    assert s.structure_edit("move_unit", caption.id, target)
    assert caption not in s.alignment.articles[ai].units
    assert s.alignment.articles[ai + 1].units[-1] == caption
    assert s.undo() and s.alignment == _sample()


def test_edits_round_trip_as_json_and_unknown_kinds_are_refused() -> None:
    e = StructureEdit("split_unit", "sabc:1", None, "left", 4)
    assert StructureEdit.from_json(e.to_json()) == e
    with pytest.raises(ValueError):
        StructureEdit("explode", "k")
    with pytest.raises(ValueError):
        StructureEdit("role", "k", value="headline")


def test_unit_keys_tell_repeats_apart_and_ignore_ids() -> None:
    units = [make_unit("a", "同一句。", None), make_unit("b", "同一句。", None)]
    ka, kb = unit_keys(units)
    assert ka != kb and ka.split(":")[0] == kb.split(":")[0]
    assert unit_keys([make_unit("z", "同一句。", None)]) == [ka]


# --- the project file ------------------------------------------------------------------------
@pytest.fixture
def sample_copy(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "page.web.md", tmp_path / "page.pdf.txt"
    shutil.copy(paths.SAMPLE_LEFT, left)
    shutil.copy(paths.SAMPLE_RIGHT, right)
    return left, right


def _txt(review: project_mod.Review, out: Path) -> dict[str, bytes]:
    export_review(review, out, prefer="left", force=True)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix == ".txt"}


def test_structure_is_saved_and_reopens_to_the_same_state(
    sample_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    left, right = sample_copy
    pp = tmp_path / "p.reviewer"
    with open_review(left, right, pp) as review:
        s = review.session
        ai, ui = _find(s, "把握历史方位")
        assert s.structure_edit("split_article", _unit(s, ai, ui))
        ai, ui = _find(s, "工业和信息化部总工程师谢少峰在")
        assert s.structure_edit("join_units", _unit(s, ai, ui))
        joined = s.alignment.articles[ai].units[ui]
        s.decide("keep", key=joined.id)  # a decision on a unit made by hand
        state, decisions = s.alignment, dict(s.decisions)
        files = _txt(review, tmp_path / "out1")
    with open_review(left, right, pp) as review:
        assert review.session.alignment == state
        assert review.session.decisions == decisions
        assert not review.session.structure_orphans
        assert _txt(review, tmp_path / "out2") == files
        # Headless export from the project file writes the same files.
        s = review.session
        assert s.undo() is False  # history is per session; the structure is in the file
    assert any("-把握历史方位" in name for name in files), files


def test_undo_of_a_structure_action_is_saved(
    sample_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    left, right = sample_copy
    pp = tmp_path / "p.reviewer"
    with open_review(left, right, pp) as review:
        s = review.session
        ai, ui = _find(s, "新华社记者江汉摄")
        assert s.structure_edit("role", _unit(s, ai, ui), value="byline")
        assert review.project.structure() == list(s.structure)
        assert s.undo()
        assert review.project.structure() == []
    with open_review(left, right, pp) as review:
        assert review.session.alignment == _sample_for(left, right)


@functools.cache
def _aligned(left: str, right: str) -> Alignment:
    return align_files(left, right)


def _sample_for(left: Path, right: Path) -> Alignment:
    return _aligned(str(left), str(right))


def test_after_an_engine_change_edits_reattach_by_content_or_are_listed(
    pair: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    v1 = _pairable()
    current = {"al": v1}

    def engine(left: Source, right: Source, progress: object = None) -> Alignment:
        return dataclasses.replace(current["al"], left=left, right=right)

    monkeypatch.setattr(project_mod, "align_sources", engine)
    pp = tmp_path / "p.reviewer"
    with open_review(*pair, pp) as review:
        s = review.session
        assert s.structure_edit("pair", "l", "r")
        assert s.structure_edit("role", "x", value="caption")
        assert s.structure_edit("split_article", "y")
    # A new engine: new ids, a new paragraph, and the unit "x" read differently.
    units = [dataclasses.replace(u, id=u.id.upper()) for u in v1.articles[0].units if u.id != "x"]
    units.insert(1, make_unit("N", "新的一段。", "新的一段。"))
    units.insert(3, make_unit("X", "完全不同的一句话！", None))
    current["al"] = make_alignment([("A", "标题", units)], engine_version="2")
    with open_review(*pair, pp) as review:
        s = review.session
        assert len(s.alignment.articles) == 2  # the split re-attached by content
        paired = [u for u in s.alignment.articles[0].units if u.left and u.right and u.conflicts]
        assert [(c.left, c.right) for u in paired for c in u.conflicts] == [
            ("今天天气", "今天天汽")
        ]
        assert [e.kind for e in s.structure_orphans] == ["role"]
        assert describe_structure_orphans(review)[0].startswith("role ")
        assert any("structure change no longer applies" in w for w in review.warnings)
        # The orphan is kept in the project, not dropped.
        assert [e.kind for e in review.project.structure()] == ["pair", "role", "split_article"]
    # Headless export lists it too, and writes the two articles.
    from reviewer.cli import main

    out = tmp_path / "out"
    args = ["export", str(pair[0]), str(pair[1]), "--out", str(out), "--project", str(pp)]
    assert main([*args, "--prefer", "left"]) == 0
    assert "structure change no longer applies: role " in capsys.readouterr().err
    assert len(list(out.glob("*.txt"))) == 2


def test_apply_edits_lists_what_does_not_apply() -> None:
    al = _pairable()
    edits = [StructureEdit("join_units", "nope:1"), StructureEdit("split_article", "nope:2")]
    edited, orphans = apply_edits(al, edits)
    assert edited == al and orphans == edits
