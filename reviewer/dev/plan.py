"""The page being generated: passages with their two readings, articles with layout choices."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.dev.damage import Reading


@dataclass
class Passage:
    """A passage being generated: its readings and variants."""

    id: str
    article: str | None
    kind: str
    r: Reading
    dup_of: str | None = None


@dataclass
class Article:
    """An article being generated, with the layout decisions for each version."""

    id: str
    title: Passage
    head: list[Passage]  # deck / author, in print order after the title
    dateline: Passage | None
    paras: list[Passage]
    closing: Passage | None
    captions: list[Passage]
    in_left: bool
    in_right: bool
    tags: set[str] = field(default_factory=set)
    web_noise: dict[str, Passage] = field(default_factory=dict)  # "up" / "down" / "editor"
    down_after: int = 0
    broken_at: dict[str, int] = field(default_factory=dict)  # passage id → web break index


class Ids:
    """Makes passages with page-unique ids and keeps every one made."""

    def __init__(self) -> None:
        self.made: list[Passage] = []

    def new(self, article: str | None, kind: str, left: str | None, right: str | None) -> Passage:
        p = Passage(f"p{len(self.made) + 1}", article, kind, Reading(left, right))
        self.made.append(p)
        return p
