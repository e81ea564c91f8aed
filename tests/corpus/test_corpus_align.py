"""`reviewer corpus align`: one project for the corpus, failures listed, incremental runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.corpus import prealign as prealign_mod
from reviewer.core.corpus.codec import from_blob, to_blob
from reviewer.core.corpus.pages import open_page
from reviewer.core.corpus.store import CorpusProject
from reviewer.core.engine.pipeline import align_files
from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT
from reviewer.core.store.database import Project
from reviewer.core.store.fileformat import ProjectError

PAGES = ("2025-07-18/p01", "2025-07-18/p02", "2025-07-19/p01")  # conftest.py


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["corpus", *args])
    out, err = capsys.readouterr()
    return code, out, err


def align(capsys: pytest.CaptureFixture[str], web: Path, pdf: Path, *extra: str):
    return run(capsys, "align", str(web), str(pdf), "--jobs", "2", *extra)


def test_blob_round_trip_keeps_the_whole_alignment() -> None:
    alignment = align_files(SAMPLE_LEFT, SAMPLE_RIGHT)
    again = from_blob(to_blob(alignment))
    assert again == alignment
    assert again.left.text == alignment.left.text and again.left.layout == alignment.left.layout


def test_aligns_every_pair_into_one_project(capsys, corpus) -> None:
    web, pdf = corpus
    code, out, err = align(capsys, web, pdf)
    assert code == 0, err
    project_path = web.parent / "web.reviewer"  # LEFTDIR/../<name>.reviewer
    assert project_path.is_file()
    assert "pages: 3 (3 aligned now, 0 unchanged)" in out
    assert "unpaired files: 0" in out and "failures: 0" in out
    assert "3/3 pages" in err and "pages/s" in err  # plain progress lines off a terminal
    with CorpusProject.open(project_path) as cp:
        rows = cp.pages()
        assert [r.path for r in rows] == sorted(PAGES)
        for r in rows:
            direct = align_files(r.left_path, r.right_path)
            assert cp.alignment(r.path) == direct  # the stored page is the engine's result
            assert r.articles == len(direct.articles)
            assert r.conflicts == sum(len(u.conflicts) for _, u in direct.units())


def test_unreadable_pair_is_reported_and_the_others_go_on(capsys, corpus) -> None:
    web, pdf = corpus
    bad = pdf / "2025-07-18" / "p02.pdf.txt"
    bad.write_bytes(b"")
    (web / "2025-07-20").mkdir()
    lonely = web / "2025-07-20" / "p05.web.md"
    lonely.write_text("只有一边", encoding="utf-8")
    code, out, err = align(capsys, web, pdf)
    assert code == 4
    assert "pages: 3 (2 aligned now, 0 unchanged)" in out
    assert "unpaired files: 1" in out and str(lonely) in out
    assert "failures: 1" in out
    assert f"2025-07-18/p02: {bad}: the file is empty" in err
    with CorpusProject.open(web.parent / "web.reviewer") as cp:
        assert cp.page("2025-07-18/p02").error.endswith("the file is empty")
        assert cp.page("2025-07-19/p01").aligned


def test_exit_2_when_no_pair_can_be_aligned(capsys, tmp_path) -> None:
    web, pdf = tmp_path / "web", tmp_path / "pdf"
    web.mkdir(), pdf.mkdir()
    (web / "p1.web.md").write_bytes(b"\x00\x01\x02binary")
    (pdf / "p1.pdf.txt").write_text("正文", encoding="utf-8")
    code, _out, err = align(capsys, web, pdf)
    assert code == 2
    assert "p1.web.md" in err
    code, _out, err = run(capsys, "align", str(tmp_path / "nope"), str(pdf))
    assert code == 2 and "nope: no such folder" in err


def test_second_run_skips_unchanged_pairs_without_workers(capsys, corpus, monkeypatch) -> None:
    web, pdf = corpus
    assert align(capsys, web, pdf)[0] == 0

    def no_pool(*a, **k):
        raise AssertionError("a worker pool was started for an unchanged corpus")

    monkeypatch.setattr("reviewer.core.corpus.executors.local_executor", no_pool)
    code, out, _ = align(capsys, web, pdf)
    assert code == 0 and "pages: 3 (0 aligned now, 3 unchanged)" in out


def test_changed_file_is_aligned_again_and_decisions_carry_over(capsys, corpus) -> None:
    web, pdf = corpus
    assert align(capsys, web, pdf)[0] == 0
    project_path = web.parent / "web.reviewer"
    with CorpusProject.open(project_path) as cp:
        review = open_page(cp, "2025-07-19/p01")
        first = review.session.current
        assert first is not None
        review.session.decide("right")
        decided = dict(review.session.decisions)
        left_before = cp.page("2025-07-19/p01").items_left
        assert left_before == review.session.status().remaining
    target = pdf / "2025-07-19" / "p01.pdf.txt"
    target.write_text(target.read_text("utf-8") + "\n\n新增的一段文字。\n", encoding="utf-8")
    code, out, _ = align(capsys, web, pdf)
    assert code == 0 and "pages: 3 (1 aligned now, 2 unchanged)" in out
    with CorpusProject.open(project_path) as cp:
        review = open_page(cp, "2025-07-19/p01")
        assert review.session.decisions == decided  # same item, re-attached
        assert review.orphaned == {}


def test_engine_upgrade_aligns_again(capsys, corpus, monkeypatch) -> None:
    web, pdf = corpus
    assert align(capsys, web, pdf)[0] == 0
    monkeypatch.setattr(prealign_mod, "ENGINE_VERSION", "999")
    code, out, _ = align(capsys, web, pdf)
    assert code == 0 and "(3 aligned now, 0 unchanged)" in out


def test_corpus_and_pair_projects_are_told_apart(capsys, corpus, tmp_path) -> None:
    web, pdf = corpus
    assert align(capsys, web, pdf)[0] == 0
    with pytest.raises(ProjectError, match="this is a corpus project, not a project of one pair"):
        Project.open(web.parent / "web.reviewer")
    pair_project = Project.create(tmp_path / "pair.reviewer", {})
    pair_project.close()
    code, _, err = align(capsys, web, pdf, "--project", str(tmp_path / "pair.reviewer"))
    assert code == 2 and "this is a project of one pair, not a corpus project" in err
    conn = sqlite3.connect(web.parent / "web.reviewer")
    assert {r[0] for r in conn.execute("SELECT path FROM page")} == set(PAGES)
    conn.close()


def test_bundled_sample_corpus_aligns_into_the_user_data_folder(capsys, data_home) -> None:
    from reviewer.core.paths import SAMPLE_CORPUS_LEFT, SAMPLE_CORPUS_RIGHT

    code, out, _ = run(capsys, "align", str(SAMPLE_CORPUS_LEFT), str(SAMPLE_CORPUS_RIGHT))
    assert code == 0 and "pages: 1 (1 aligned now, 0 unchanged)" in out
    assert (data_home / "sample-corpus.reviewer").is_file()
    assert not list(SAMPLE_CORPUS_LEFT.parent.glob("*.reviewer"))


def test_status_lists_a_page_two_files_claim(capsys, tmp_path: Path) -> None:
    web, pdf = tmp_path / "web" / "d1", tmp_path / "pdf" / "d1"
    web.mkdir(parents=True)
    pdf.mkdir(parents=True)
    (web / "p01.web.md").write_text("# 标题\n\n第一段文字。\n", encoding="utf-8")
    (web / "p01.alt.md").write_text("# 标题\n\n第一段文字。\n", encoding="utf-8")
    (pdf / "p01.pdf.txt").write_text("标题\n\n第一段文字。\n", encoding="utf-8")
    code, _out, err = align(capsys, web.parent, pdf.parent)
    assert code == 2 and "2 files in the left folder give this page" in err
    code, out, _err = run(capsys, "status", str(web.parent), str(pdf.parent))
    assert "not paired: d1/p01: 2 files in the left folder give this page" in out
