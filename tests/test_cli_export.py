"""`reviewer export` end to end on the bundled sample: bytes as the decisions imply, refusals.

The engine is being replaced, so these tests assert what follows from the model whatever
the engine finds: an oracle rebuilds each article from the alignment's units.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core import paths
from reviewer.core.engine.pipeline import align_files
from reviewer.core.model import Alignment, Unit
from reviewer.core.project import export_review, open_review
from reviewer.core.review.merge import Decision, is_unit_item
from reviewer.core.store.fileformat import SCHEMA_VERSION

LEFT, RIGHT = str(paths.SAMPLE_LEFT), str(paths.SAMPLE_RIGHT)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample() -> Alignment:
    return align_files(LEFT, RIGHT)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["export", LEFT, RIGHT, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _clean(text: str) -> str:
    return "\n".join(ln.rstrip() for ln in text.split("\n") if ln.strip()).strip()


def oracle(alignment: Alignment, side: str, overrides: dict[str, str | None]) -> list[str]:
    """Expected txt files: every conflict read from ``side``; ``overrides`` by unit id."""
    files = []
    for art in alignment.articles:
        title, header, paras = None, [], []
        for u in art.units:
            if u.id in overrides:
                text = overrides[u.id]
            elif is_unit_item(u):  # one-sided kept, duplicate and noise dropped
                kept = u.duplicate_of is None and u.role != "noise"
                text = (u.left if u.left is not None else u.right) if kept else None
            else:
                text = u.right if side == "right" and u.conflicts else u.left
            text = _clean(text or "")
            if not text:
                continue
            if u.role == "title" and title is None:
                title = " ".join(text.split("\n"))
            elif u.role in ("title", "subtitle") or (u.role == "byline" and not paras):
                header.append(" ".join(text.split("\n")))
            elif text:
                paras.append(text)
        if title is None and not header and not paras:
            continue
        body = "\n".join([title or art.title, *header]) + "\n"
        files.append(body + ("\n" + "\n\n".join(paras) + "\n" if paras else ""))
    return files


def _written(out: Path) -> list[str]:
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    return [(out / a["file"]).read_text("utf-8") for a in m["articles"]]


@pytest.mark.parametrize("side", ["left", "right"])
def test_prefer_exports_what_the_units_imply(
    sample: Alignment, tmp_path: Path, capsys: pytest.CaptureFixture[str], side: str
) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "--out", str(out), "--prefer", side)
    assert code == 0 and str(out) in stdout
    expected = oracle(sample, side, {})
    assert _written(out) == expected
    names = sorted(p.name for p in out.iterdir() if p.suffix == ".txt")
    assert names == [f"{i:02d}-{n[3:]}" for i, n in enumerate(names, 1)]
    for p in out.iterdir():
        data = p.read_bytes()
        assert data.endswith(b"\n") and b"\r" not in data
        data.decode("utf-8")
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    assert m["sources"]["left"]["sha256"] == hashlib.sha256(Path(LEFT).read_bytes()).hexdigest()
    assert m["prefer"] == side and len(m["articles"]) == len(expected)


def _single_conflict_units(alignment: Alignment) -> list[Unit]:
    return [u for _, u in alignment.units() if not is_unit_item(u) and len(u.conflicts) == 1]


def test_project_with_mixed_decisions(
    sample: Alignment, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    singles = _single_conflict_units(sample)
    one_sided = [
        u
        for _, u in sample.units()
        if u.one_sided and is_unit_item(u) and u.role != "noise" and u.duplicate_of is None
    ]
    noise = [u for _, u in sample.units() if u.role == "noise" and u.duplicate_of is None]
    assert len(singles) >= 2, "the sample should have paragraphs with one conflict"
    u_right, u_edit = singles[0], singles[1]
    c_edit = u_edit.conflicts[0]
    proj = tmp_path / "mixed.reviewer"
    overrides: dict[str, str | None] = {
        u_right.id: u_right.right,
        u_edit.id: u_edit.left[: c_edit.left_start] + "【改】" + u_edit.left[c_edit.left_end :],
    }
    with open_review(LEFT, RIGHT, proj) as review:
        s = review.session
        s.decide("right", key=u_right.conflicts[0].id)
        s.decide("edit", "【改】", key=c_edit.id)
        if one_sided:
            s.decide("drop", key=one_sided[0].id)
            overrides[one_sided[0].id] = None
        if noise:
            s.decide("keep", key=noise[0].id)
            overrides[noise[0].id] = noise[0].left if noise[0].left is not None else noise[0].right
    out = tmp_path / "out"
    code, _, err = run(capsys, "--out", str(out), "--project", str(proj), "--prefer", "left")
    assert code == 0, err
    assert _written(out) == oracle(sample, "left", overrides)
    rows = (out / "decisions.csv").read_text("utf-8").splitlines()
    edit_row = next(r for r in rows if f",{c_edit.id},conflict," in r)
    assert edit_row.endswith(",edit,【改】")
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    assert m["project"]["path"] == str(proj)
    assert sum(a["units"].get("edit", 0) for a in m["articles"]) == 1


def test_unresolved_exits_3_and_says_where(
    sample: Alignment, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conflicts = [c for _, u in sample.units() if not is_unit_item(u) for c in u.conflicts]
    assert conflicts, "the sample should have conflicts"
    out = tmp_path / "out"
    code, _, err = run(capsys, "--out", str(out))
    assert code == 3
    assert f"{len(conflicts)} conflict" in err and "--prefer" in err
    assert conflicts[0].id in err and "article 0" in err
    assert not out.exists()


def test_entry_point_exit_status(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer", "export", LEFT, RIGHT, "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert proc.returncode == 3, proc.stderr
    assert "unresolved" in proc.stderr


def test_jsonl_format(
    sample: Alignment, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "--out", str(out), "--prefer", "left", "--format", "jsonl")[0] == 0
    lines = (out / "articles.jsonl").read_text("utf-8").splitlines()
    expected = oracle(sample, "left", {})
    assert len(lines) == len(expected)
    for line, txt in zip(lines, expected, strict=True):
        art = json.loads(line)
        head, _, body = txt.partition("\n\n")
        assert art["title"] == head.split("\n")[0]
        assert art["paragraphs"] == (body.rstrip("\n").split("\n\n") if body else [])


# --- refusals: exit 2, one line naming the file, nothing overwritten --------------------------
def _one_line_naming(err: str, path: Path) -> None:
    assert err.count("\n") == 1 and str(path) in err, err


def test_refuses_a_non_empty_folder_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    code, _, err = run(capsys, "--out", str(out), "--prefer", "left")
    assert code == 2
    _one_line_naming(err, out)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert run(capsys, "--out", str(out), "--prefer", "left", "--force")[0] == 0
    assert not (out / "notes.txt").exists()


def test_replaces_its_own_previous_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "--out", str(out), "--prefer", "left")[0] == 0
    code, stdout, _ = run(capsys, "--out", str(out), "--prefer", "right")
    assert code == 0 and stdout.startswith("replaced")
    assert json.loads((out / "manifest.json").read_text("utf-8"))["prefer"] == "right"


def test_refuses_an_output_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.write_text("x")
    code, _, err = run(capsys, "--out", str(out), "--prefer", "left", "--force")
    assert code == 2
    _one_line_naming(err, out)
    assert out.read_text() == "x"


def test_refuses_a_missing_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proj = tmp_path / "none.reviewer"
    code, _, err = run(capsys, "--out", str(tmp_path / "o"), "--project", str(proj))
    assert code == 2
    _one_line_naming(err, proj)
    assert not proj.exists()


def _bad_project(tmp_path: Path, kind: str) -> Path:
    proj = tmp_path / f"{kind}.reviewer"
    if kind == "corrupt":
        proj.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
        return proj
    open_review(LEFT, RIGHT, proj).close()
    raw = sqlite3.connect(proj)
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    return proj


@pytest.mark.parametrize(("kind", "message"), [("corrupt", "damaged"), ("newer", "newer")])
def test_refuses_a_bad_project_and_leaves_it_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, message: str
) -> None:
    proj = _bad_project(tmp_path, kind)
    before = proj.read_bytes()
    code, _, err = run(capsys, "--out", str(tmp_path / "o"), "--project", str(proj))
    assert code == 2 and message in err
    _one_line_naming(err, proj)
    assert proj.read_bytes() == before
    assert not (tmp_path / "o").exists()


def test_refuses_a_project_open_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proj = tmp_path / "busy.reviewer"
    with open_review(LEFT, RIGHT, proj) as review:
        review.session.decide("left")
        code, _, err = run(capsys, "--out", str(tmp_path / "o"), "--project", str(proj))
        assert code == 2 and "open in another Reviewer" in err
        _one_line_naming(err, proj)
        assert len(review.session.decisions) == 1  # the holder is unaffected
    assert not (tmp_path / "o").exists()


def test_refuses_an_unreadable_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    code = main(["export", LEFT, str(missing), "--out", str(tmp_path / "o"), "--prefer", "left"])
    err = capsys.readouterr().err
    assert code == 2
    _one_line_naming(err, missing)


def test_changed_sources_warn_and_list_orphans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proj = tmp_path / "p.reviewer"
    with open_review(LEFT, RIGHT, proj) as review:
        review.project.save_decision("c-gone", Decision("left"))  # as if from older sources
    code, _, err = run(
        capsys, "--out", str(tmp_path / "o"), "--project", str(proj), "--prefer", "left"
    )
    assert code == 0
    assert "1 decision no longer applies" in err and "c-gone" in err


def test_headless_export_follows_the_structure_fixed_by_hand(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    proj = tmp_path / "p.reviewer"
    with open_review(LEFT, RIGHT, proj) as review:
        s = review.session
        n = len(s.alignment.articles)
        start = next(
            u
            for _a, u in s.alignment.units()
            if (u.left or "").startswith("工业和信息化部总工程师")
        )
        assert s.structure_edit("join_units", start.id)
        head = next(u for _a, u in s.alignment.units() if (u.left or "").startswith("把握历史方位"))
        assert s.structure_edit("split_article", head.id)
        expected = tmp_path / "expected"
        export_review(review, expected, prefer="left")
    out = tmp_path / "out"
    code, _, err = run(capsys, "--out", str(out), "--project", str(proj), "--prefer", "left")
    assert code == 0, err
    names = sorted(p.name for p in out.glob("*.txt"))
    assert len(names) == n + 1 and any("-把握历史方位" in name for name in names)
    for name in names:
        assert (out / name).read_bytes() == (expected / name).read_bytes()
    text = "".join((out / name).read_text("utf-8") for name in names)
    assert "工业和信息化部总工程师谢少峰在当天的发布会上说" in text
