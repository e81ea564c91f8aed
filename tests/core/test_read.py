"""Reading sources: encodings, and clear errors that name the file."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reviewer.core.engine.read import ReadError, read_source

TEXT = "新华社北京7月18日电 记者从国新办获悉。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "utf16le-bom", "utf16be-bom"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(data)
    src = read_source(f)
    assert src.text == TEXT
    assert len(src.sha256) == 64


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes("第一段。\r\n\r\n第二段。\r\n".encode())
    assert read_source(f).text == "第一段。\n\n第二段。\n"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        (bytes(range(0, 32)) * 40, "binary"),
    ],
)
def test_bad_input_is_a_read_error_naming_the_file(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_source(f)
    assert str(f) in str(e.value)
    assert problem in e.value.problem


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="folder"):
        read_source(tmp_path)
