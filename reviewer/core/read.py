"""Bytes → text, with the encoding detected and a clear error for input that is not text."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from reviewer.core.model import Source


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
        return _check_text(data.decode("gb18030"), path)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, "the text encoding could not be recognised")
    return _check_text(str(best), path)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _check_text(text: str, path: str | Path) -> str:
    if not text.strip():
        raise ReadError(path, "the file holds no text")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise ReadError(path, "this looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str | Path) -> Source:
    """Read one version of a page; raises ReadError with a readable message."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(p, "no such file") from None
    except IsADirectoryError:
        raise ReadError(p, "this is a folder, not a file") from None
    except PermissionError:
        raise ReadError(p, "permission denied") from None
    except OSError as e:
        raise ReadError(p, e.strerror or "cannot be read") from None
    text = decode(data, p)
    return Source(path=str(p), sha256=hashlib.sha256(data).hexdigest(), text=text)
