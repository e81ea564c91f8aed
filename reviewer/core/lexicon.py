"""jieba, loaded in a few milliseconds instead of about a second.

jieba's own start-up builds (or unmarshals from its cache) a prefix dictionary of ~500,000
words before the first cut: 0.7-0.9 s, mostly spent creating half a million string objects,
plus ~0.1 s importing ``pkg_resources`` on the way. A single-page command looks up only a
few hundred words. So the prefix dictionary is kept in our cache split by first and second
character (marshalled blobs), and ``LazyTokenizer`` unpacks just the words a text can
contain before jieba cuts it. jieba's code is untouched and sees the same frequencies for
every lookup it makes, so its cuts are the same (tests/core/test_lexicon.py checks it).

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
from pathlib import Path
from types import ModuleType

CACHE_FORMAT = 1
_lock = threading.Lock()


_ABSENT = -1  # a first character that is no word (nor word prefix) itself


class LazyTokenizer:
    """A jieba ``Tokenizer`` whose prefix dictionary is filled in just before each cut.

    Every lookup jieba makes while cutting a text is a substring of that text, so it only
    needs the words starting with the text's own two-character prefixes. ``cut`` unpacks
    those first (once each), then lets jieba cut as usual: lookups stay plain dict lookups,
    and the result is jieba's own. jieba's global ``jieba.dt`` is left alone.
    """

    def __init__(self, jieba: ModuleType, total: int, blobs: dict[str, bytes]) -> None:
        self._tk = jieba.Tokenizer()
        self._tk.FREQ, self._tk.total, self._tk.initialized = {}, total, True
        self._decode = jieba.strdecode
        self._blobs = blobs
        self._firsts: dict[str, dict[str, bytes]] = {}
        self._pairs: set[str] = set()

    @property
    def freq(self) -> dict[str, int]:
        return self._tk.FREQ

    def prepare(self, text: str) -> None:
        """Unpack the words starting with every one- and two-character prefix of ``text``."""
        freq, firsts, pairs = self._tk.FREQ, self._firsts, self._pairs
        for i, ch in enumerate(text):
            seconds = firsts.get(ch)
            if seconds is None:
                blob = self._blobs.get(ch)
                single, seconds = marshal.loads(blob) if blob is not None else (_ABSENT, {})
                if single != _ABSENT:
                    freq[ch] = single
                firsts[ch] = seconds  # after the update: another thread may cut at once
            pair = text[i : i + 2]
            if len(pair) == 2 and pair not in pairs:
                blob = seconds.get(pair[1])
                if blob is not None:
                    freq.update(marshal.loads(blob))
                pairs.add(pair)

    def cut(self, sentence: str | bytes, cut_all: bool = False, HMM: bool = True):
        sentence = self._decode(sentence)
        self.prepare(sentence)
        return self._tk.cut(sentence, cut_all=cut_all, HMM=HMM)

    def lcut(self, sentence: str | bytes, cut_all: bool = False, HMM: bool = True) -> list[str]:
        return list(self.cut(sentence, cut_all, HMM))

    def cut_for_search(self, sentence: str | bytes, HMM: bool = True):
        sentence = self._decode(sentence)
        self.prepare(sentence)
        return self._tk.cut_for_search(sentence, HMM=HMM)


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


_loaded: object | None = None


def load(fast: bool = True) -> object:
    """A ready jieba tokenizer with ``cut`` (once per process; thread-safe).

    ``fast=False`` is jieba's own initialisation of ``jieba.dt`` (the tests' reference).
    """
    global _loaded
    with _lock:
        if _loaded is not None and fast:
            return _loaded
        jieba = _import_jieba()
        if not fast:
            jieba.initialize()
            return jieba.dt
        try:
            path = cache_path(jieba)
        except OSError:  # no dictionary file to key the cache by: jieba's own way
            jieba.initialize()
            _loaded = jieba.dt
            return _loaded
        cached = _read_cache(path)
        if cached is None:
            jieba.initialize()
            _write_cache(path, jieba.dt.FREQ, jieba.dt.total)
            _loaded = jieba.dt  # the whole dictionary is in memory now anyway
            return _loaded
        _loaded = LazyTokenizer(jieba, *cached)
        return _loaded
