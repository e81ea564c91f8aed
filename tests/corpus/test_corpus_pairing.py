"""Pairing two folders: relative path minus everything after the first dot, subfolders."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from reviewer.core.corpus.pairing import CorpusError, page_name, pair_folders


def touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rel", "page"),
    [
        ("2025-07-19/p01.web.md", "2025-07-19/p01"),
        ("2025-07-19/p01.pdf.txt", "2025-07-19/p01"),
        ("p01", "p01"),
        ("a/b/p.1.x", "a/b/p"),
    ],
)
def test_page_name_drops_everything_after_the_first_dot(rel: str, page: str) -> None:
    assert page_name(PurePosixPath(rel)) == page


def test_pairs_by_relative_path_across_subfolders(tmp_path: Path) -> None:
    web, pdf = tmp_path / "web", tmp_path / "pdf"
    touch(web / "2025-07-19" / "p01.web.md")
    touch(pdf / "2025-07-19" / "p01.pdf.txt")
    touch(web / "2025-07-19" / "p02.web.md")
    touch(pdf / "2025-07-20" / "p02.pdf.txt")  # same name, other day: not a partner
    touch(pdf / "2025-07-19" / "p03.pdf.txt")
    touch(web / ".hidden" / "p09.web.md")  # hidden folders and files are not pages
    touch(web / ".DS_Store")
    pairing = pair_folders(web, pdf)
    assert [(p.page, p.left.name, p.right.name) for p in pairing.pairs] == [
        ("2025-07-19/p01", "p01.web.md", "p01.pdf.txt")
    ]
    assert pairing.unpaired_left == [web / "2025-07-19" / "p02.web.md"]
    assert sorted(pairing.unpaired_right) == [
        pdf / "2025-07-19" / "p03.pdf.txt",
        pdf / "2025-07-20" / "p02.pdf.txt",
    ]
    assert pairing.failures == []


def test_two_files_giving_one_page_are_reported_not_guessed(tmp_path: Path) -> None:
    web, pdf = tmp_path / "web", tmp_path / "pdf"
    touch(web / "p01.web.md")
    touch(web / "p01.md")
    touch(pdf / "p01.pdf.txt")
    pairing = pair_folders(web, pdf)
    assert pairing.pairs == []
    [failure] = pairing.failures
    assert failure.page == "p01"
    assert "2 files in the left folder" in failure.reason
    assert "p01.md" in failure.reason and "p01.web.md" in failure.reason


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "pdf").mkdir()
    touch(tmp_path / "file.txt")
    with pytest.raises(CorpusError, match="no such folder"):
        pair_folders(tmp_path / "web", tmp_path / "pdf")
    with pytest.raises(CorpusError, match="not a folder"):
        pair_folders(tmp_path / "file.txt", tmp_path / "pdf")
