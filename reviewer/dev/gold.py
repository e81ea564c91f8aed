"""The exact gold of a generated page pair, and a self-check of it against the raw texts.

Spans are [start, end) offsets into the raw side texts (``PagePair.left`` is the web/markdown
version, ``PagePair.right`` the PDF extraction), the same offsets the engine's units carry
in ``Unit.left_raw``/``right_raw``. A span covers the passage's first to last character; in
between there may be layout only (line breaks, blank lines, spaces, a markdown marker of a
broken paragraph), never another passage's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

# kind of passage → the engine's role
ROLE_OF = {
    "title": "title",
    "deck": "subtitle",
    "kicker": "subtitle",
    "author": "byline",
    "dateline": "byline",
    "closing": "byline",
    "paragraph": "paragraph",
    "duplicate": "paragraph",
    "caption": "caption",
    "credit": "caption",
    "continuation": "noise",
    "editor": "noise",
}
IGNORED_KINDS = frozenset({"continuation", "editor", "duplicate"})  # not an article's content


@dataclass(frozen=True)
class GoldPassage:
    id: str
    article: str | None  # gold article id; None for page-level noise (editor credits)
    kind: str  # a key of ROLE_OF
    role: str
    left_text: str | None  # the reading printed in each version (whitespace as generated)
    right_text: str | None
    left: Span | None  # raw span in each version, None where absent
    right: Span | None
    duplicate_of: str | None = None  # for a repeated copy: the id of the original passage

    def span(self, side: str) -> Span | None:
        return self.left if side == "left" else self.right

    def text(self, side: str) -> str | None:
        return self.left_text if side == "left" else self.right_text


@dataclass(frozen=True)
class GoldVariant:
    """A real difference inside a passage both versions have."""

    id: str
    passage: str
    kind: str  # "substitution" | "number" | "dropped_sentence" | "splice"
    left: str  # the reading in each version ("" where that version lacks the words)
    right: str
    left_span: Span  # raw position in each version (empty span for a lack)
    right_span: Span
    damaged: str  # "left" | "right": the version that is wrong

    def span(self, side: str) -> Span:
        return self.left_span if side == "left" else self.right_span

    def text(self, side: str) -> str:
        return self.left if side == "left" else self.right


@dataclass(frozen=True)
class GoldArticle:
    id: str
    title: str  # the full title, whitespace-free ("" if neither version prints one)
    in_left: bool
    in_right: bool
    passages: tuple[str, ...]  # passage ids in reading order
    tags: tuple[str, ...] = ()  # the shapes this article was given, for per-class figures


@dataclass(frozen=True)
class PagePair:
    split: str
    index: int
    left: str  # web/markdown version
    right: str  # PDF extraction
    articles: tuple[GoldArticle, ...]
    passages: tuple[GoldPassage, ...]
    variants: tuple[GoldVariant, ...]
    meta: dict[str, object] = field(default_factory=dict, compare=False)

    def passage(self, pid: str) -> GoldPassage:
        return next(p for p in self.passages if p.id == pid)


def _squash(s: str) -> str:
    return "".join(s.split())


def check(page: PagePair) -> list[str]:
    """Problems of the gold against the raw texts (empty when self-consistent)."""
    problems: list[str] = []
    raw = {"left": page.left, "right": page.right}
    covered: dict[str, list[str | None]] = {s: [None] * len(raw[s]) for s in raw}
    for p in page.passages:
        for side in ("left", "right"):
            span, text = p.span(side), p.text(side)
            if (span is None) != (text is None):
                problems.append(f"{p.id} {side}: span and text disagree on presence")
                continue
            if span is None or text is None:
                continue
            got = raw[side][span[0] : span[1]]
            if _squash(got).replace("#", "") != _squash(text):
                problems.append(f"{p.id} {side}: raw {got[:30]!r} is not {text[:30]!r}")
            for i in range(*span):
                if raw[side][i].isspace():
                    continue
                if covered[side][i] is not None:
                    problems.append(f"{p.id} {side}: char {i} also in {covered[side][i]}")
                    break
                covered[side][i] = p.id
    for side in raw:
        text = raw[side]
        for i, ch in enumerate(text):
            if not ch.isspace() and covered[side][i] is None and ch != "#":
                problems.append(f"{side} char {i} {text[i : i + 12]!r} is in no passage")
                break
    for v in page.variants:
        p = page.passage(v.passage)
        for side in ("left", "right"):
            s, e = v.span(side)
            span = p.span(side)
            if span is None or not (span[0] <= s <= e <= span[1]):
                problems.append(f"{v.id} {side}: span {s, e} outside passage {p.id}")
            elif _squash(raw[side][s:e]) != _squash(v.text(side)):
                problems.append(f"{v.id} {side}: raw {raw[side][s:e]!r} is not {v.text(side)!r}")
    return problems
