"""jieba, loaded in a few milliseconds instead of about a second.

jieba's own start-up builds (or unmarshals from its cache) a prefix dictionary of ~500,000
words before the first cut: 0.7-0.9 s, mostly spent creating half a million string objects,
plus ~0.1 s importing ``pkg_resources`` on the way. A single-page command looks up only a
few hundred words. So the prefix dictionary is kept in our cache split by first character
(one marshalled blob per character), and ``PrefixDict`` unpacks a character's words the
first time a lookup needs them. jieba's code is untouched: it only sees a mapping with the
same contents, so its cuts are the same (tests/core/test_lexicon.py checks it).

The cache file is named by jieba's version and the SHA-256 of its dictionary file, lives in
the user cache folder, is built on first use and written atomically.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

CACHE_FORMAT = 1
_lock = threading.Lock()


_ABSENT = -1  # a first character that is no word (nor word prefix) itself


class PrefixDict:
    """A read-mostly mapping word → frequency, unpacked a little at a time.

    Two levels, both unpacked on first use: first character → (its own frequency, second
    character → blob), and per two-character prefix the words that start with it. A page
    touches a few hundred prefixes; unpacking them costs milliseconds, not a second.
    """

    __slots__ = ("_blobs", "_firsts", "_pairs")

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs
        self._firsts: dict[str, tuple[int, dict[str, bytes]]] = {}
        self._pairs: dict[str, dict[str, int]] = {}

    def _first(self, ch: str) -> tuple[int, dict[str, bytes]]:
        entry = self._firsts.get(ch)
        if entry is None:
            blob = self._blobs.get(ch)
            entry = marshal.loads(blob) if blob is not None else (_ABSENT, {})
            self._firsts[ch] = entry
        return entry

    def _pair(self, word: str) -> dict[str, int]:
        prefix = word[:2]
        bucket = self._pairs.get(prefix)
        if bucket is None:
            blob = self._first(word[0])[1].get(word[1])
            bucket = marshal.loads(blob) if blob is not None else {}
            self._pairs[prefix] = bucket
        return bucket

    def get(self, word: str, default: int | None = None) -> int | None:
        if len(word) > 1:
            return self._pair(word).get(word, default)
        if not word:
            return default
        freq = self._first(word)[0]
        return default if freq == _ABSENT else freq

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        freq = self.get(word)
        if freq is None:
            raise KeyError(word)
        return freq

    def __setitem__(self, word: str, freq: int) -> None:  # jieba.add_word
        if len(word) > 1:
            self._pair(word)[word] = freq
        elif word:
            self._firsts[word] = (freq, self._first(word)[1])

    def __iter__(self) -> Iterator[str]:
        for ch in self._blobs:
            if self._first(ch)[0] != _ABSENT:
                yield ch
            for second in self._first(ch)[1]:
                yield from self._pair(ch + second)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def pack(freq: dict[str, int]) -> dict[str, bytes]:
    """The blobs of a PrefixDict holding ``freq``."""
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
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _dict_path(jieba: ModuleType) -> Path:
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def cache_path(jieba: ModuleType) -> Path:
    digest = hashlib.sha256(_dict_path(jieba).read_bytes()).hexdigest()[:16]
    return cache_dir() / f"jieba-{jieba.__version__}-{digest}-v{CACHE_FORMAT}.prefix"


def _write_cache(path: Path, freq: dict[str, int], total: int) -> None:
    """Split ``freq`` by first character and write it atomically (best effort)."""
    data = marshal.dumps((total, pack(freq)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # no cache folder (read-only home): the next run loads the slow way again


def _read_cache(path: Path) -> tuple[int, dict[str, bytes]] | None:
    try:
        total, blobs = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(total, int) or not isinstance(blobs, dict):
        return None
    return total, blobs


def load(fast: bool = True) -> ModuleType:
    """The ``jieba`` module, its default tokenizer ready to cut (once per process).

    ``fast=False`` is jieba's own initialisation (the reference the tests compare with).
    """
    with _lock:
        jieba = _import_jieba()
        dt = jieba.dt
        if dt.initialized:
            return jieba
        if not fast or dt.dictionary is not None:  # a custom dictionary: jieba's own way
            jieba.initialize()
            return jieba
        try:
            path = cache_path(jieba)
        except OSError:
            jieba.initialize()
            return jieba
        cached = _read_cache(path)
        if cached is None:
            jieba.initialize()
            _write_cache(path, dt.FREQ, dt.total)
            return jieba
        dt.total, blobs = cached
        dt.FREQ = PrefixDict(blobs)
        dt.initialized = True
        return jieba
