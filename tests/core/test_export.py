"""Export: exact bytes from decisions, naming, manifest/log, refusals and atomicity."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from builders import make_alignment, make_unit

from reviewer.core import atomic
from reviewer.core.export.files import (
    ExportError,
    ProjectRef,
    UnresolvedError,
    article_filename,
    render,
    safe_title,
    unresolved,
)
from reviewer.core.export.writing import export
from reviewer.core.model import Alignment
from reviewer.core.review.merge import Decision


def _article_one() -> list:
    return [
        make_unit("t", "深刻把握形势变化", "深刻把握形势变化", role="title"),
        make_unit("s", "——述评", "——述评", role="subtitle"),
        make_unit("b", "新华社记者 姜琳", "新华社记者 姜林", ("cb",), role="byline"),
        make_unit(
            "p1", "我国城镇化正从增长期转向稳定期。", "我国城市化正从增长期转向稳定期。", ("c1",)
        ),
        make_unit(
            "p2",
            "必须把握这一历史方位。",
            "必须把握这个历史方位！",
            ("c2a", "c2b"),
            spans=((5, 6, 5, 6), (10, 11, 10, 11)),
        ),
        make_unit("n", "（下转第二版）", None, role="noise"),
        make_unit("o", None, "右边独有的一段。"),
        make_unit("d", "重复的一段。", "重复的一段。", duplicate_of="p1"),
        make_unit("cap", "图为加装的电梯。", "图为加装的电梯。", role="caption"),
    ]


@pytest.fixture
def alignment() -> Alignment:
    return make_alignment(
        [
            ("a1", "城市工作", _article_one()),
            ("a2", "第二篇：城市/更新?", [make_unit("q", "第二篇正文。", "第二篇正文。")]),
            ("a3", "全是噪声", [make_unit("z", "责任编辑：某", None, role="noise")]),
        ]
    )


ONE_LEFT = (
    "深刻把握形势变化\n——述评\n新华社记者 姜琳\n\n我国城镇化正从增长期转向稳定期。\n\n"
    "必须把握这一历史方位。\n\n右边独有的一段。\n\n图为加装的电梯。\n"
)
ONE_RIGHT = (
    "深刻把握形势变化\n——述评\n新华社记者 姜林\n\n我国城市化正从增长期转向稳定期。\n\n"
    "必须把握这个历史方位！\n\n右边独有的一段。\n\n图为加装的电梯。\n"
)
MIXED = {
    "cb": Decision("right"),
    "c1": Decision("edit", "乡"),
    "c2a": Decision("left"),
    "c2b": Decision("right"),
    "n": Decision("keep"),
    "o": Decision("drop"),
    "d": Decision("keep"),
}
ONE_MIXED = (
    "深刻把握形势变化\n——述评\n新华社记者 姜林\n\n我国城乡化正从增长期转向稳定期。\n\n"
    "必须把握这一历史方位！\n\n（下转第二版）\n\n重复的一段。\n\n图为加装的电梯。\n"
)
TWO = "第二篇：城市/更新?\n\n第二篇正文。\n"
NAME_ONE, NAME_TWO = "01-深刻把握形势变化.txt", "02-第二篇：城市_更新_.txt"


@pytest.mark.parametrize(
    ("prefer", "decisions", "expected"),
    [("left", {}, ONE_LEFT), ("right", {}, ONE_RIGHT), (None, MIXED, ONE_MIXED)],
)
def test_txt_bytes_follow_the_decisions(
    alignment: Alignment, tmp_path: Path, prefer: str | None, decisions: dict, expected: str
) -> None:
    result = export(alignment, decisions, tmp_path / "out", prefer=prefer)
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [NAME_ONE, NAME_TWO, "decisions.csv", "manifest.json"]
    )
    assert (out / NAME_ONE).read_bytes() == expected.encode("utf-8")
    assert (out / NAME_TWO).read_bytes() == TWO.encode("utf-8")
    assert (result.articles, result.replaced) == (2, False)


def test_manifest_counts_and_hashes(alignment: Alignment, tmp_path: Path) -> None:
    export(alignment, MIXED, tmp_path / "out")
    out = tmp_path / "out"
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    one, two = m["articles"]
    assert (one["file"], one["title"], one["paragraphs"]) == (NAME_ONE, "深刻把握形势变化", 5)
    assert one["units"] == {"edit": 1, "left": 1, "mixed": 1, "right": 1, "same": 4}
    assert (two["file"], two["paragraphs"], two["units"]) == (NAME_TWO, 1, {"same": 1})
    for name in (NAME_ONE, NAME_TWO, "decisions.csv"):
        digest = hashlib.sha256((out / name).read_bytes()).hexdigest()
        assert m["files"][name] == digest
    assert one["sha256"] == m["files"][NAME_ONE]
    assert m["sources"] == {
        "left": {"path": "left.md", "sha256": "1" * 64},
        "right": {"path": "right.txt", "sha256": "2" * 64},
    }
    assert (m["prefer"], m["project"], m["format"]) == (None, None, "txt")


def test_decisions_csv_is_an_audit_of_every_item(alignment: Alignment) -> None:
    files = render(alignment, MIXED, prefer=None)
    data = files["decisions.csv"]
    assert data.endswith(b"\n") and b"\r" not in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["article", "title", "item", "kind", "left", "right", "decision", "final"]
    got = {r[2]: r for r in rows[1:]}
    assert got["cb"][3:] == ["conflict", "琳", "林", "right", "林"]
    assert got["c1"][3:] == ["conflict", "镇", "市", "edit", "乡"]
    assert got["c2b"][3:] == ["conflict", "。", "！", "right", "！"]
    assert got["n"][3:] == ["noise", "（下转第二版）", "", "keep", "（下转第二版）"]
    assert got["o"][3:] == ["only-right", "", "右边独有的一段。", "drop", ""]
    assert got["d"][3:] == ["duplicate", "重复的一段。", "重复的一段。", "keep", "重复的一段。"]
    assert got["z"][:4] == ["", "全是噪声", "z", "noise"]  # not written: no article number
    assert got["z"][6:] == ["default drop", ""]
    assert got["cb"][:2] == ["01", "深刻把握形势变化"]
    assert len(rows) == 1 + 4 + 4  # four conflicts, four unit items (n, o, d, z)


def test_csv_shows_preference_and_defaults(alignment: Alignment) -> None:
    rows = list(csv.reader(io.StringIO(render(alignment, {}, "right")["decisions.csv"].decode())))
    got = {r[2]: r for r in rows[1:]}
    assert got["c1"][6:] == ["prefer right", "市"]
    assert got["o"][6:] == ["default keep", "右边独有的一段。"]
    assert got["d"][6:] == ["default drop", ""]


def test_jsonl_one_article_per_line(alignment: Alignment, tmp_path: Path) -> None:
    export(alignment, {}, tmp_path / "out", prefer="left", fmt="jsonl")
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.jsonl",
        "decisions.csv",
        "manifest.json",
    ]
    raw = (out / "articles.jsonl").read_bytes()
    assert raw.endswith(b"\n") and raw.count(b"\n") == 2
    one, two = (json.loads(line) for line in raw.decode("utf-8").splitlines())
    assert set(one) == {"id", "title", "subtitle", "byline", "paragraphs", "text", "sources"}
    assert (one["id"], one["title"]) == ("a1", "深刻把握形势变化")
    assert (one["subtitle"], one["byline"]) == ("——述评", "新华社记者 姜琳")
    assert one["paragraphs"] == ONE_LEFT.split("\n\n", 1)[1].strip("\n").split("\n\n")
    assert one["text"] == "\n\n".join(one["paragraphs"])
    assert one["sources"]["left"] == {"path": "left.md", "sha256": "1" * 64}
    assert (two["subtitle"], two["byline"], two["title"]) == (None, None, "第二篇：城市/更新?")
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    assert [(a["file"], a["line"]) for a in m["articles"]] == [
        ("articles.jsonl", 1),
        ("articles.jsonl", 2),
    ]


def test_render_is_deterministic(alignment: Alignment) -> None:
    ref = ProjectRef("p1", "/x/p.reviewer")
    assert render(alignment, MIXED, None, "txt", ref) == render(alignment, MIXED, None, "txt", ref)


def test_unresolved_lists_conflicts_and_where(alignment: Alignment, tmp_path: Path) -> None:
    items = unresolved(alignment, {"c1": Decision("left")})
    assert [(i.article, i.key, i.left, i.right) for i in items] == [
        (1, "cb", "琳", "林"),
        (1, "c2a", "一", "个"),
        (1, "c2b", "。", "！"),
    ]
    assert unresolved(alignment, {}, prefer="left") == []
    with pytest.raises(UnresolvedError, match="3 conflicts remain") as e:
        export(alignment, {"c1": Decision("left")}, tmp_path / "out")
    assert len(e.value.items) == 3
    assert not (tmp_path / "out").exists()


def test_kept_two_sided_unit_item_reports_its_unit_as_the_place() -> None:
    dup = make_unit("d", "重复甲。", "重复乙。", ("cd",), duplicate_of="x")
    al = make_alignment([("a", "t", [dup])])
    (item,) = unresolved(al, {"d": Decision("keep")})
    assert (item.key, item.conflict_id) == ("d", "cd")  # the session item to jump to
    assert unresolved(al, {}) == []  # dropped by default: nothing to settle


@pytest.mark.parametrize(
    ("title", "safe"),
    [
        ("深刻把握：形势", "深刻把握：形势"),
        ('a<b>c:d"e/f\\g|h?i*j', "a_b_c_d_e_f_g_h_i_j"),
        ("标题\t带\x01控制\n字符", "标题_带_控制_字符"),
        ("末尾有点... ", "末尾有点"),
        ("CON", "_CON"),
        ("lpt1.txt", "_lpt1.txt"),
        ("", "untitled"),
        ("...", "untitled"),
        ("零\u200b宽", "零宽"),
        ("长" * 100, "长" * 60),
    ],
)
def test_safe_title(title: str, safe: str) -> None:
    assert safe_title(title) == safe


def test_article_filename_widths() -> None:
    assert article_filename(3, "题") == "03-题.txt"
    assert article_filename(7, "题", width=3) == "007-题.txt"


# --- refusals and atomicity ------------------------------------------------------------------
def test_non_empty_folder_is_refused(alignment: Alignment, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(ExportError, match="not empty") as e:
        export(alignment, {}, out, prefer="left")
    assert e.value.path == str(out)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    export(alignment, {}, out, prefer="left", force=True)
    assert not (out / "mine.txt").exists() and (out / NAME_ONE).exists()


def test_empty_folder_is_used(alignment: Alignment, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert export(alignment, {}, tmp_path / "out", prefer="left").replaced is False
    assert (tmp_path / "out" / NAME_ONE).exists()


def test_a_file_is_refused_even_with_force(alignment: Alignment, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export(alignment, {}, out, prefer="left", force=True)
    assert out.read_text() == "x"


def test_folder_holding_a_source_is_refused_even_with_force(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "left.md").write_text("x")
    al = make_alignment([("a", "t", [make_unit("p", "甲", "甲")])], left_path=str(src / "left.md"))
    with pytest.raises(ExportError, match=r"left\.md"):
        export(al, {}, src, force=True)
    with pytest.raises(ExportError, match=r"left\.md"):
        export(al, {}, tmp_path, force=True)
    assert (src / "left.md").read_text() == "x"


def test_previous_export_of_the_same_project_is_replaced(
    alignment: Alignment, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ref = ProjectRef("same", str(tmp_path / "p.reviewer"))
    export(alignment, {}, out, prefer="left", project=ref)
    result = export(alignment, {}, out, prefer="right", project=ref)
    assert result.replaced
    assert (out / NAME_ONE).read_text("utf-8") == ONE_RIGHT
    with pytest.raises(ExportError, match="not an earlier export of this review"):
        export(alignment, {}, out, prefer="left", project=ProjectRef("other", "/q.reviewer"))
    with pytest.raises(ExportError, match="not an earlier export"):
        export(alignment, {}, out, prefer="left")  # no project: not the same review
    assert (out / NAME_ONE).read_text("utf-8") == ONE_RIGHT
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_previous_export_without_project_matches_by_sources(
    alignment: Alignment, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    export(alignment, {}, out, prefer="left")
    assert export(alignment, {}, out, prefer="left", fmt="jsonl").replaced
    (out / "notes.txt").write_text("mine")  # something the export did not write
    with pytest.raises(ExportError, match="not empty"):
        export(alignment, {}, out, prefer="left")
    assert (out / "notes.txt").read_text() == "mine"


def test_interrupted_write_leaves_the_previous_set(
    alignment: Alignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    export(alignment, {}, out, prefer="left")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = []
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(ExportError, match="nothing was changed"):
        export(alignment, {}, out, prefer="right")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary left over


def test_interrupted_first_export_leaves_no_folder(
    alignment: Alignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_rename(src: object, dst: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(atomic, "_renameat2", None)  # the two-rename fallback
    monkeypatch.setattr(atomic.os, "rename", failing_rename)
    with pytest.raises(ExportError):
        export(alignment, {}, tmp_path / "out", prefer="left")
    assert list(tmp_path.iterdir()) == []


def test_choosing_a_side_of_a_two_sided_duplicate_settles_its_conflicts(tmp_path: Path) -> None:
    dup = make_unit("d", "重复甲。", "重复乙。", ("cd",), duplicate_of="x")
    al = make_alignment([("a", "t", [make_unit("p", "正文。", "正文。"), dup])])
    decisions = {"d": Decision("right")}
    assert unresolved(al, decisions) == []
    export(al, decisions, tmp_path / "out")
    assert (tmp_path / "out" / "01-t.txt").read_text("utf-8") == "t\n\n正文。\n\n重复乙。\n"


def test_the_closing_dateline_stays_at_the_end_of_the_body_with_its_brackets(
    tmp_path: Path,
) -> None:
    from reviewer.core import paths
    from reviewer.core.engine.pipeline import align_files

    al = align_files(paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT)
    export(al, {}, tmp_path / "out", prefer="left")
    first = next((tmp_path / "out").glob("01-*.txt")).read_text("utf-8")
    head, body = first.split("\n\n", 1)
    assert "新华社北京7月18日电" not in head
    assert head.splitlines()[1] == "新华社记者 姜琳 樊曦 刘夏村"  # the opening byline stays
    assert body.endswith("\n\n（新华社北京7月18日电）\n")


def test_the_sample_exports_the_topic_sentence_after_a_quote_as_its_own_paragraph(
    tmp_path: Path,
) -> None:
    from reviewer.core import paths
    from reviewer.core.engine.pipeline import align_files

    al = align_files(paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT)
    export(al, {}, tmp_path / "out", prefer="left")
    paras = [
        p for f in (tmp_path / "out").glob("*.txt") for p in f.read_text("utf-8").split("\n\n")
    ]
    assert any(p.endswith("中国城市规划学会常务理事郑德高说。") for p in paras)
    assert "城市的核心是人。" in paras
