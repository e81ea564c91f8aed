"""`reviewer corpus export` and `status`: each page exactly as the single-pair export writes it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.corpus.export import accept_suggestions
from reviewer.core.corpus.pages import open_page
from reviewer.core.corpus.store import CorpusProject
from reviewer.core.export.files import render

PAGES = ("2025-07-18/p01", "2025-07-18/p02", "2025-07-19/p01")  # conftest.py


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["corpus", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def aligned(capsys, corpus) -> tuple[Path, Path, Path]:
    web, pdf = corpus
    assert run(capsys, "align", str(web), str(pdf), "--jobs", "2")[0] == 0
    return web, pdf, web.parent / "web.reviewer"


def decide_first(project_path: Path, page: str, choice: str) -> None:
    with CorpusProject.open(project_path) as cp:
        review = open_page(cp, page)
        review.session.decide(choice)


def expected(
    project_path: Path, prefer: str | None, fmt: str = "txt", suggestions: bool = False
) -> dict[str, dict]:
    """What the single-pair export renders for each page, with the page's decisions."""
    with CorpusProject.open(project_path) as cp:
        decisions = cp.decision_map()
        out = {}
        for p in PAGES:
            al, chosen = cp.alignment(p), decisions.get(p, {})
            if suggestions:
                chosen = accept_suggestions(al, chosen)
            out[p] = render(al, chosen, prefer, fmt)
        return out


def test_unresolved_conflicts_give_exit_3_with_counts_per_page(capsys, aligned, tmp_path) -> None:
    web, pdf, project = aligned
    code, _out, err = run(capsys, "export", str(web), str(pdf), "--out", str(tmp_path / "out"))
    assert code == 3
    assert "unresolved on 3 pages" in err and "--prefer" in err
    with CorpusProject.open(project) as cp:
        for row in cp.pages():
            assert f"  {row.path}: {row.conflicts_left}\n" in err
    assert not (tmp_path / "out").exists()  # nothing written


def test_export_writes_each_page_as_the_pair_export_does(capsys, aligned, tmp_path) -> None:
    web, pdf, project = aligned
    decide_first(project, "2025-07-18/p02", "right")
    out = tmp_path / "out"
    code, stdout, err = run(
        capsys, "export", str(web), str(pdf), "--out", str(out), "--prefer", "left"
    )
    assert code == 0, err
    assert stdout.startswith(f"wrote {out}: 3 pages, ")
    want = expected(project, "left")
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    names = {"manifest.json", "decisions.csv"}
    for page, files in want.items():
        for name, data in files.items():
            if name.endswith(".txt"):
                assert (out / page / name).read_bytes() == data, (page, name)
                names.add(f"{page}/{name}")
    assert written == names  # file by file, nothing more
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert [p["page"] for p in manifest["pages"]] == list(PAGES)
    assert set(manifest["files"]) == names - {"manifest.json"}
    rows = list(csv.reader(io.StringIO((out / "decisions.csv").read_text("utf-8"))))
    assert rows[0][0] == "page"
    for page, files in want.items():
        single = list(csv.reader(io.StringIO(files["decisions.csv"].decode())))[1:]
        assert [r[1:] for r in rows[1:] if r[0] == page] == single
    # a second export of the same corpus replaces the first; a foreign folder is refused
    code, stdout, _ = run(
        capsys, "export", str(web), str(pdf), "--out", str(out), "--prefer", "left"
    )
    assert code == 0 and stdout.startswith("replaced")
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(
        capsys, "export", str(web), str(pdf), "--out", str(other), "--prefer", "right"
    )
    assert code == 2 and "not an earlier export of this corpus" in err
    assert [p.name for p in other.iterdir()] == ["notes.txt"]


def test_jsonl_export_carries_the_page(capsys, aligned, tmp_path) -> None:
    web, pdf, project = aligned
    out = tmp_path / "out"
    args = ("export", str(web), str(pdf), "--out", str(out), "--prefer", "right")
    assert run(capsys, *args, "--format", "jsonl", "--accept-suggestions")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.jsonl",
        "decisions.csv",
        "manifest.json",
    ]
    records = [
        json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()
    ]
    want = expected(project, "right", "jsonl", suggestions=True)
    single = [
        (page, json.loads(line))
        for page in PAGES
        for line in want[page]["articles.jsonl"].decode().splitlines()
    ]
    assert [(r.pop("page"), r) for r in records] == single


def test_stale_pages_are_refused(capsys, aligned, tmp_path) -> None:
    web, pdf, _project = aligned
    f = web / "2025-07-18" / "p01.web.md"
    f.write_text(f.read_text("utf-8") + "\n多一段。\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, "export", str(web), str(pdf), "--out", str(out), "--prefer", "left")
    assert code == 2
    assert "2025-07-18/p01: changed since aligned" in err
    assert not out.exists()


def test_status_lists_work_left_per_page_and_in_total(capsys, aligned) -> None:
    web, pdf, project = aligned
    decide_first(project, "2025-07-19/p01", "left")
    code, out, _ = run(capsys, "status", str(web), str(pdf))
    assert code == 0
    with CorpusProject.open(project) as cp:
        rows = cp.pages()
    lines = out.splitlines()
    for row in rows:
        [line] = [ln for ln in lines if ln.startswith(row.path + " ")]
        assert line.split()[1:] == [
            str(row.articles),
            str(row.conflicts),
            str(row.conflicts_left),
            str(row.items_left),
        ]
    [total] = [ln for ln in lines if ln.startswith("total ")]
    assert int(total.split()[4]) == sum(r.items_left for r in rows)
    assert sum(r.items_left for r in rows) == sum(r.items for r in rows) - 1  # one decided


def test_status_without_project_is_a_clear_error(capsys, corpus) -> None:
    web, pdf = corpus
    code, _, err = run(capsys, "status", str(web), str(pdf))
    assert code == 2 and "no corpus project here" in err and "corpus align" in err


def test_export_never_writes_into_or_over_the_inputs(capsys, aligned) -> None:
    web, pdf, _project = aligned
    for out in (web / "export", web.parent):
        code, _, err = run(
            capsys, "export", str(web), str(pdf), "--out", str(out), "--prefer", "left"
        )
        assert code == 2, out
        assert "input folder" in err or "must not replace" in err
    assert not (web / "export").exists()
