"""Bytes → text, with the encoding detected and a clear error for input that is not text."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from functools import cache
from pathlib import Path

from reviewer.core import filesystem
from reviewer.core.model import Source

MAX_SOURCE_BYTES = 64 * 1024 * 1024  # per side: far above any page, far below "all of RAM"
# The engine's cost is per paragraph: a million one-character lines cost what 50 MB of
# ordinary text would. Beyond this many lines, lines must average MIN_LINE_BYTES (a narrow
# newspaper column of hard-wrapped PDF text averages 30-45 bytes a line).
MANY_LINES = 50_000
MIN_LINE_BYTES = 16
# The same after layout repair, where hard-wrapped lines have become paragraphs: a page has
# a few thousand paragraphs of 50-300 characters.
MANY_PARAGRAPHS = 20_000
MIN_PARAGRAPH_CHARS = 20


class ReadError(Exception):
    """The file cannot be used as a source; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode ``data``: BOM first, then strict UTF-8, then GB18030, then charset-normalizer."""
    if not data.strip():
        raise ReadError(path, "the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc), path)
            except UnicodeDecodeError as e:
                raise ReadError(path, f"not valid {enc} text ({e.reason})") from None
    if b"\x00" in data:
        raise ReadError(path, "this looks like a binary file, not text")
    try:
        return _check_text(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 covers GBK and GB2312, the usual encodings of Chinese text that is not UTF-8.
        # Big5 and Shift-JIS bytes often decode as GB18030 too, into rare characters: accept
        # GB18030 only when the result reads like ordinary simplified Chinese.
        gb: str | None = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    if gb is not None and plausible_simplified(gb):
        return _check_text(gb, path)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        if gb is not None:
            return _check_text(gb, path)
        raise ReadError(path, "the text encoding could not be recognised")
    return _check_text(str(best), path)


@cache
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1: the 3,755 most common simplified characters (>99% of news text)."""
    pairs = (bytes((hi, lo)) for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF))
    return frozenset(b.decode("gb2312", "ignore") for b in pairs) - {""}


_WIDE_PUNCT = frozenset("，。、；：？！“”‘’（）《》【】〔〕—…·「」『』％＋－／０１２３４５６７８９")
PLAUSIBLE = 0.8  # share of common characters; mis-decoded Big5 or Shift-JIS scores ~0.2


def plausible_simplified(text: str, sample: int = 200_000) -> bool:
    """Does ``text`` read like simplified Chinese (mostly GB2312 level-1 characters)?"""
    common = _common_hanzi()
    wide = [c for c in text[:sample] if ord(c) > 0x2000 and c not in _WIDE_PUNCT]
    wide = [c for c in wide if not c.isspace()]
    if not wide:
        return True  # nothing beyond ASCII-like text to judge: GB18030 is as good as any
    return sum(c in common for c in wide) / len(wide) >= PLAUSIBLE


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _check_text(text: str, path: str | Path) -> str:
    if not text.strip():
        raise ReadError(path, "the file holds no text")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise ReadError(path, "this looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str | Path) -> Source:
    """Read one version of a page; raises ReadError with a readable message.

    Only regular files up to MAX_SOURCE_BYTES are read; pipes and devices are refused
    before any read, and the open itself never blocks (a FIFO with no writer would).
    """
    p = Path(path)
    problem = filesystem.name_problem(p)
    if problem:
        raise ReadError(p, problem)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise ReadError(p, "no such file") from None
    except IsADirectoryError:
        raise ReadError(p, "this is a folder, not a file") from None
    except PermissionError:
        raise ReadError(p, "permission denied") from None
    except OSError as e:
        raise ReadError(p, e.strerror or "cannot be read") from None
    try:
        data = _read_regular(p, fd)
    finally:
        os.close(fd)
    text = decode(data, p)
    lines = text.count("\n") + 1
    if lines > MANY_LINES and len(data) < lines * MIN_LINE_BYTES:
        raise ReadError(
            p,
            f"not a page of text: {lines:,} lines of {len(data) / lines:.0f} bytes on average "
            f"(beyond {MANY_LINES:,} lines, at least {MIN_LINE_BYTES} bytes a line are needed)",
        )
    return Source(path=str(p), sha256=hashlib.sha256(data).hexdigest(), text=text)


def _read_regular(p: Path, fd: int) -> bytes:
    st = os.fstat(fd)
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise ReadError(p, "this is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise ReadError(p, f"this is {filesystem.kind(mode)}, not a regular file")
    limit = MAX_SOURCE_BYTES
    too_big = f"the file is larger than the {limit // 2**20} MB limit per side"
    if st.st_size > limit:
        raise ReadError(p, too_big)
    try:
        os.set_blocking(fd, True)  # a regular file: ordinary reads from here on
        chunks, size = [], 0
        while size <= limit:  # the file may grow after fstat: never read past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as e:
        raise ReadError(p, e.strerror or "cannot be read") from None
    if len(data) > limit:
        raise ReadError(p, too_big)
    return data


def check_paragraphs(source: Source, paragraphs: int) -> None:
    """Refuse a flood of tiny paragraphs (the engine's cost is per paragraph): ReadError."""
    if paragraphs > MANY_PARAGRAPHS and len(source.text) < paragraphs * MIN_PARAGRAPH_CHARS:
        raise ReadError(
            source.path,
            f"not a page of text: {paragraphs:,} paragraphs of "
            f"{len(source.text) / paragraphs:.0f} characters on average (beyond "
            f"{MANY_PARAGRAPHS:,} paragraphs, at least {MIN_PARAGRAPH_CHARS} characters each "
            "are needed)",
        )
