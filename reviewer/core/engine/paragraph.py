"""A paragraph candidate of one source, and the line shapes both layouts read the same way:
a line closed by a signature or dateline in brackets, a note standing alone, a byline of names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A paragraph closed by its dateline or by a signature in brackets after its last sentence.
CLOSED_TAIL = re.compile(
    r"(?:[（(][^（）()]{2,24}[电讯][）)]|[。！？…”][（(][^（）()，。]{2,12}[）)])$"
)
# A line wholly in brackets ("（湖北某县委宣传部王某）"): a credit or note standing alone.
NOTE_LINE = re.compile(r"[（(][^（）()，。]{2,24}[）)]")


@dataclass
class Para:
    """One paragraph candidate of one source."""

    text: str
    offsets: list[int]  # raw index of each character of ``text``
    kind: str = "text"  # "text" | "heading" (markdown heading)
    level: int = 0  # markdown heading level
    hard_before: bool = False  # a structural break precedes it (big gap, indent, heading)
    tight: bool = False  # set apart from its neighbours by a single newline (title blocks)
    tight_next: bool = False  # the next paragraph follows after a single newline
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def raw(self) -> tuple[int, int]:
        return (self.offsets[0], self.offsets[-1] + 1) if self.offsets else (0, 0)

    def slice(self, start: int, end: int) -> Para:
        return Para(self.text[start:end], self.offsets[start:end], self.kind, self.level)


# A byline of names set apart by spaces ("新华社记者 姜琳 樊曦 刘夏村", "王伟 张玉琛"): there
# the spaces are content, not extraction damage. Letter-spaced runs have one-char groups.
_NAME_LINE = re.compile(
    r"^(?:(?:新华社|本报|人民日报|中新社)?(?:特约|实习)?(?:记者|通讯员|摄影)[ \u3000]*)?"
    r"[\u4e00-\u9fff·]{2,4}(?:[ \u3000]+[\u4e00-\u9fff·]{2,4}){1,6}$"
)


def is_name_line(line: str) -> bool:
    return bool(_NAME_LINE.match(line.strip()))


REPORTERS = ("记者", "通讯员", "本报记者", "新华社记者", "实习生")
