"""Issue 11, items 2, 4, 5: pipes, devices, huge and badly named sources; Big5 and Shift-JIS."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reviewer.core.engine import read
from reviewer.core.engine.read import MAX_SOURCE_BYTES, ReadError, read_source

TRADITIONAL = "新華社北京7月18日電 記者從國新辦獲悉，今年上半年國民經濟運行穩中有進。\n"
JAPANESE = "東京都は、新型コロナウイルスの感染者が確認されたと発表しました。\n"
SIMPLIFIED = "新华社北京7月18日电 记者从国新办获悉，今年上半年国民经济运行稳中有进。\n"


def _read_within(path: Path, seconds: float = 10) -> BaseException | None:
    """read_source in a thread: a hang fails the test instead of blocking it forever."""
    result: list[BaseException | None] = []

    def work() -> None:
        try:
            read_source(path)
            result.append(None)
        except BaseException as e:
            result.append(e)

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        with open(path, "wb"):  # give the blocked open a writer so the thread can end
            pass
        pytest.fail(f"reading {path} blocked")
    return result[0]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    err = _read_within(fifo)
    assert isinstance(err, ReadError) and "named pipe" in str(err) and str(fifo) in str(err)


def test_a_device_is_refused_before_reading() -> None:
    err = _read_within(Path("/dev/zero"))
    assert isinstance(err, ReadError) and "device" in str(err)


def test_a_file_over_the_limit_is_refused_and_names_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_SOURCE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ReadError, match="64 MB limit"):
        read_source(big)


def test_a_file_that_grows_past_the_limit_is_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "page.txt"
    f.write_text(SIMPLIFIED * 10, encoding="utf-8")
    monkeypatch.setattr(read, "MAX_SOURCE_BYTES", 100)
    with pytest.raises(ReadError, match="limit"):
        read_source(f)


def test_an_over_long_name_is_a_clear_error(tmp_path: Path) -> None:
    name = tmp_path / ("a" * 300 + ".txt")
    with pytest.raises(ReadError, match="too long") as e:
        read_source(name)
    assert str(name) in str(e.value)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(TRADITIONAL, "big5"), (JAPANESE, "shift_jis"), (SIMPLIFIED, "gb18030")],
    ids=["big5", "shift-jis", "gb18030"],
)
def test_legacy_encodings_are_decided_by_evidence(tmp_path: Path, text: str, encoding: str) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes((text * 3).encode(encoding))
    assert read_source(f).text == text * 3


def test_big5_is_valid_gb18030_yet_not_read_as_it() -> None:
    data = (TRADITIONAL * 3).encode("big5")
    garbled = data.decode("gb18030")  # decodes without error: the old reader took it
    assert garbled != TRADITIONAL * 3
    assert not read.plausible_simplified(garbled)
    assert read.plausible_simplified(SIMPLIFIED)


def test_a_million_identical_short_lines_are_refused_at_once(tmp_path: Path) -> None:
    f = tmp_path / "same.txt"
    f.write_text("好\n" * 1_000_000, encoding="utf-8")  # 4 MB: the engine's cost is per line
    with pytest.raises(ReadError, match="not a page of text") as e:
        read_source(f)
    assert "1,000,001 lines" in str(e.value) and str(f) in str(e.value)


def test_many_ordinary_lines_are_still_read(tmp_path: Path) -> None:
    f = tmp_path / "pdf.txt"
    f.write_text("记者从国家发展改革委获悉今年上半年\n" * 60_000, encoding="utf-8")  # a column
    assert read_source(f).text.count("\n") == 60_000


def test_a_flood_of_tiny_paragraphs_is_refused_after_layout_repair(tmp_path: Path) -> None:
    from reviewer.core.engine.pipeline import align_files

    f = tmp_path / "same.txt"
    f.write_text("同一行文字啊\n" * 30_000, encoding="utf-8")  # passes the line limit
    with pytest.raises(ReadError, match="30,000 paragraphs of 7 characters") as e:
        align_files(f, f)
    assert str(f) in str(e.value)
