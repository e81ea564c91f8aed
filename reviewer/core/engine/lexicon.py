"""jieba, loaded in a few milliseconds instead of about a second.

jieba's own start-up builds (or unmarshals from its cache) a prefix dictionary of ~500,000
words before the first cut: 0.7-0.9 s, mostly spent creating half a million string objects,
plus ~0.1 s importing ``pkg_resources`` on the way. A single-page command looks up only a
few hundred words. So the prefix dictionary is kept in our cache split by first and second
character (marshalled blobs), and ``lazy_tokenizer`` unpacks just the words a text can
contain before jieba cuts it. jieba's code is untouched and sees the same frequencies for
every lookup it makes, so its cuts are the same (tests/core/test_lexicon.py checks it).

The cache file is named by jieba's version and the SHA-256 of its dictionary file, lives in
the user cache folder, is built on first use and written atomically.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import mmap
import os
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

CACHE_FORMAT = 2
_MAGIC = b"RVWJ"
_lock = threading.Lock()


_ABSENT = -1  # a first character that is no word (nor word prefix) itself


class LazyFreq(dict):
    """jieba's ``FREQ`` (word → frequency), unpacked from the cache a prefix at a time.

    ``get`` and ``[]`` unpack what a word needs on their own; ``in`` does not (it stays
    a plain dict lookup for jieba's inner loop), so ``prepare`` a text before testing
    membership of its substrings: ``LazyTokenizer.get_DAG`` does.
    """

    __slots__ = ("_blobs", "_done", "_firsts")

    def __init__(self, blobs: Any) -> None:  # anything with get(first character) -> bytes
        super().__init__()
        self._blobs = blobs
        self._firsts: dict[str, dict[str, bytes]] = {}
        self._done: set[str] = set()  # prefixes (one or two characters) unpacked

    def _unpack(self, prefix: str) -> None:
        ch = prefix[0]
        seconds = self._firsts.get(ch)
        if seconds is None:
            blob = self._blobs.get(ch)
            single, seconds = marshal.loads(blob) if blob is not None else (_ABSENT, {})
            if single != _ABSENT:
                self[ch] = single
            self._firsts[ch] = seconds
            self._done.add(ch)  # after the update: another thread may look it up at once
        if len(prefix) == 2:
            blob = seconds.get(prefix[1])
            if blob is not None:
                self.update(marshal.loads(blob))
            self._done.add(prefix)

    def prepare(self, text: str) -> None:
        """Unpack the words that can start at any position of ``text``."""
        done = self._done
        for i in range(len(text)):
            prefix = text[i : i + 2]
            if prefix not in done:
                self._unpack(prefix)

    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        if word and word[:2] not in self._done:
            self._unpack(word[:2])
        return dict.get(self, word, default)

    def __missing__(self, word: str) -> int:
        if word and word[:2] not in self._done:
            self._unpack(word[:2])
            if dict.__contains__(self, word):
                return dict.__getitem__(self, word)
        raise KeyError(word)


_classes: dict[int, type] = {}


def lazy_tokenizer(jieba: ModuleType, total: int, blobs: Any) -> Any:
    """A ``jieba.Tokenizer`` over a LazyFreq: the same cuts, the dictionary never loaded whole.

    Every lookup jieba makes while cutting a text is a substring of that text, so
    ``get_DAG`` unpacks the text's prefixes first and jieba's own code does the rest. It
    has ``dt`` (itself) so it stands in for the ``jieba`` module; ``jieba.dt`` is untouched.
    """
    cls = _classes.get(id(jieba.Tokenizer))
    if cls is None:

        class LazyTokenizer(jieba.Tokenizer):  # type: ignore[misc, name-defined]
            @property
            def dt(self) -> Any:
                return self

            def prepare(self, text: str) -> None:
                self.FREQ.prepare(text)

            def get_DAG(self, sentence: str) -> dict[int, list[int]]:
                self.FREQ.prepare(sentence)
                return super().get_DAG(sentence)

        cls = _classes[id(jieba.Tokenizer)] = LazyTokenizer
    tk = cls()
    tk.FREQ, tk.total, tk.initialized = LazyFreq(blobs), total, True
    return tk


def pack(freq: dict[str, int]) -> dict[str, bytes]:
    """``freq`` split by first character, then by second (the cache's blobs)."""
    singles: dict[str, int] = {}
    pairs: dict[str, dict[str, dict[str, int]]] = {}
    for word, n in freq.items():
        if len(word) == 1:
            singles[word] = n
        elif word:
            pairs.setdefault(word[0], {}).setdefault(word[1], {})[word] = n
    return {
        ch: marshal.dumps(
            (
                singles.get(ch, _ABSENT),
                {c2: marshal.dumps(words) for c2, words in pairs.get(ch, {}).items()},
            )
        )
        for ch in sorted(set(singles) | set(pairs))
    }


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reviewer"


def _import_jieba() -> ModuleType:
    """``import jieba`` without ``pkg_resources`` (jieba falls back to plain ``open``)."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # → ImportError
    stub = "jieba.finalseg" not in sys.modules
    if stub:
        sys.modules["jieba.finalseg"] = _DeferredHMM("jieba.finalseg")
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


class _DeferredHMM(ModuleType):
    """Stands in for ``jieba.finalseg`` (the HMM for unknown words, whose probability tables
    take ~10 ms to import) until a cut with ``HMM=True`` first uses it; then the real module
    is imported, which also rebinds ``jieba.finalseg`` to it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if sys.modules.get("jieba.finalseg") is self:
            del sys.modules["jieba.finalseg"]
        import importlib

        return getattr(importlib.import_module("jieba.finalseg"), name)


def _dict_path(jieba: ModuleType) -> Path:
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def _dict_digest(dict_file: Path) -> str:
    """SHA-256 of jieba's dictionary file; hashed again only when its size or time change
    (the last answer is kept beside the cache: hashing 5 MB on every start costs ~10 ms)."""
    st = dict_file.stat()
    stamp = f"{dict_file}\t{st.st_size}\t{st.st_mtime_ns}\t"
    memo = cache_dir() / "jieba-dict.sha256"
    try:
        line = memo.read_text("utf-8")
        if line.startswith(stamp) and len(line) == len(stamp) + 64:
            return line[len(stamp) :]
    except (OSError, UnicodeDecodeError):
        pass
    digest = hashlib.sha256(dict_file.read_bytes()).hexdigest()
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{memo.name}.", dir=memo.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(stamp + digest)
        os.replace(tmp, memo)
    except OSError:
        pass  # read-only cache folder: hash again next time
    return digest


def cache_path(jieba: ModuleType) -> Path:
    """The cache file for this jieba: named by its version and its dictionary's SHA-256."""
    digest = _dict_digest(_dict_path(jieba))[:16]
    return cache_dir() / f"jieba-{jieba.__version__}-{digest}-v{CACHE_FORMAT}.prefix"


class _Blobs:
    """The cache's blobs by first character, sliced from a memory map on demand."""

    def __init__(self, data: mmap.mmap | bytes, base: int, index: dict[str, tuple[int, int]]):
        self._data, self._base, self._index = data, base, index

    def get(self, ch: str) -> bytes | None:
        where = self._index.get(ch)
        if where is None:
            return None
        start = self._base + where[0]
        return self._data[start : start + where[1]]


def _write_cache(path: Path, freq: dict[str, int], total: int) -> None:
    """Write ``freq`` split by prefix, atomically (best effort): magic, header length,
    header (total and an index first character → (offset, length)), then the blobs."""
    blobs = pack(freq)
    index: dict[str, tuple[int, int]] = {}
    offset = 0
    for ch, blob in blobs.items():
        index[ch] = (offset, len(blob))
        offset += len(blob)
    header = marshal.dumps((total, index))
    parts = [_MAGIC, len(header).to_bytes(8, "little"), header, *blobs.values()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.writelines(parts)
            os.replace(tmp, path)
            for old in path.parent.glob("jieba-*.prefix"):  # other jieba or format versions
                if old != path:
                    old.unlink(missing_ok=True)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # no cache folder (read-only home): the next run loads the slow way again


def _read_cache(path: Path) -> tuple[int, _Blobs] | None:
    """(total, blobs) from the cache, memory-mapped: only the small index is read now."""
    try:
        with open(path, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if data[:4] != _MAGIC:
            return None
        size = int.from_bytes(data[4:12], "little")
        total, index = marshal.loads(data[12 : 12 + size])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(total, int) or not isinstance(index, dict):
        return None
    return total, _Blobs(data, 12 + size, index)


_loaded: Any = None


def load(fast: bool = True) -> Any:
    """A ready tokenizer with jieba's module API (``cut``, ``dt``...), once per process.

    ``fast=False`` is jieba's own initialisation of ``jieba.dt`` (the tests' reference).
    """
    global _loaded
    with _lock:
        if _loaded is not None and fast:
            return _loaded
        jieba = _import_jieba()
        if not fast:
            jieba.initialize()
            return jieba
        try:
            path = cache_path(jieba)
        except OSError:  # no dictionary file to key the cache by: jieba's own way
            jieba.initialize()
            _loaded = jieba
            return _loaded
        cached = _read_cache(path)
        if cached is None:
            jieba.initialize()
            _write_cache(path, jieba.dt.FREQ, jieba.dt.total)
            _loaded = jieba  # the whole dictionary is in memory now anyway
            return _loaded
        _loaded = lazy_tokenizer(jieba, *cached)
        return _loaded
