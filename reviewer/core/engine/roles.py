"""Roles of a paragraph from its own text: title-like, byline, dateline, caption, noise.

Shared by title detection (``titles.py``) and segmentation (``segment.py``).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from reviewer.core.engine.paragraph import NOTE_LINE, Para, is_name_line
from reviewer.core.text import DATELINE, NUM, ends_sentence, may_end_paragraph

_NOISE = (
    re.compile(rf"^[（(]?[上下][接转]第?{NUM}版[）)]?$"),
    re.compile(
        r"^[（(]?[一二三四五六七八九十\d]*版?"
        r"(?:责编|责任编辑|编辑|美编|校对|版式设计|设计|制图|统筹|策划)[：:]"
    ),
    re.compile(r"^本版(?:责编|编辑)"),
    re.compile(r"^[（(]?(?:转|续)第?[一二三四五六七八九十\d]+版[）)]?$"),
)
_BYLINE = (
    re.compile(r"^(?:新华社|本报|人民日报)?(?:特约)?记者[^。！？]{1,40}$"),
    re.compile(r"^[（(](?:记者|通讯员)[^）)]{1,40}[）)]$"),
)
_POSITION_NAME = re.compile(
    r"(?:部长|院长|主任|研究员|教授|书记|局长|主席|总经理|经理|所长|厂长|校长|社长|台长|行长"
    r"|市长|省长|县长|董事长|司令员|政委|大使|总裁|编辑|特约记者|记者|通讯员)"
    r"(?P<name>[\u4e00-\u9fff·]{2,3})$"
)


def _a_name(tail: str) -> bool:
    """The characters after a post read as a person's name, not as a common word or a
    phrase ("部长会谈", "书记的菜单", "主席会见美")."""
    from reviewer.core.engine.diff import tokenizer  # jieba's dictionary, loaded once

    if tail[0] in "的之和与在了及等对向为是":
        return False
    freq = tokenizer().FREQ
    return (freq.get(tail) or 0) < 400 and (freq.get(tail[:2]) or 0) < 400


_SHORT_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
_CAPTION = re.compile(
    r"(?:^(?:这是|图为).*拍摄|日拍摄|拍摄[^。，]{0,16}$|摄$|新华/传真|新华社发|（新华社发|供图$"
    r"|^(?:图为|压题照片|题图|上图|下图|[左右]图[为：:])"
    # "（周文广摄）", "（新华社记者X摄）（传真照片）": the credit, maybe with a note after it
    r"|[（(][^（）()]*摄[）)](?:[（(][^（）()]{1,8}[）)])?$)"
)


def squeeze(text: str) -> str:
    return "".join(text.split())


def classify(text: str) -> str:
    """Role of a paragraph from its own text: noise, byline, caption or paragraph."""
    c = squeeze(text)
    if len(c) <= 40 and any(p.match(c) for p in _NOISE):
        return "noise"
    m = DATELINE.match(c)
    if m and m.end() == len(c):
        return "byline"
    if len(c) <= 300 and _CAPTION.search(c):
        return "caption"
    if len(c) <= 48 and any(p.match(c) for p in _BYLINE):
        return "byline"
    if is_name_line(text) or _SHORT_NAME.match(c):
        return "byline"  # names alone: "王伟 张玉琛", "泰岛"
    m = _POSITION_NAME.search(c) if len(c) <= 24 and "——" not in c else None
    if m and _a_name(m.group("name")):
        return "byline"  # an author with a post: "中国农业银行行长何林祥", "农业部部长刘江"
    return "paragraph"


def names_reporter(text: str) -> bool:
    """A dateline or a reporter's byline ("本报记者X", "（记者X）"): what opens a story,
    unlike a bare name or a post and a name, which a title line may also read as."""
    c = squeeze(text)
    return bool(DATELINE.match(c)) or (len(c) <= 48 and any(p.match(c) for p in _BYLINE))


def maybe_title_head(text: str) -> bool:
    """A line read as a byline only as a bare name or a post and a name ("罗总统",
    "江主席会见美"): set tight above a title-like line, it is the first line of a wrapped
    title."""
    c = squeeze(text)
    return (
        classify(text) == "byline"
        and len(c) <= 12
        and not names_reporter(c)
        and not is_name_line(text)
    )


def is_end_marker(text: str) -> bool:
    """A bare dateline such as "（新华社北京7月18日电）" closing an article."""
    c = squeeze(text)
    m = DATELINE.match(c)
    return bool(m) and m.end() == len(c) and not c.startswith(("据", "本报讯"))


def heading_like(text: str) -> bool:
    c = squeeze(text)
    if c.startswith("（") and c.endswith("）"):
        return False  # "（方明）": a signature or a note, never a title
    if DATELINE.match(c) or c.endswith(("，", ",", "、")):
        return False  # "据新华社南京7月8日电1997年，在": the first line of a story's text
    limit = 90 if c.startswith("——") else 40
    return (
        0 < len(c) <= limit
        and not ends_sentence(c)
        and "。" not in c
        and classify(text) == "paragraph"  # the spaced text: "周邓 钱江" is a byline
    )


def opens_article(p: Para) -> bool:
    """A byline or dateline paragraph: what follows a title, never a section head."""
    c = squeeze(p.text)
    return classify(c) == "byline" or bool(DATELINE.match(c))


# A paragraph closed by its dateline: "…覆辙呢？（新华社伦敦1月17日电）".
_CLOSING_TAIL = re.compile(r"[（(][^（）()]{2,24}[电讯][）)]$")


def closes(p: Para) -> bool:
    """The paragraph ends complete: a title may follow it."""
    return (
        may_end_paragraph(p.text)
        or is_end_marker(p.text)
        or bool(_CLOSING_TAIL.search(squeeze(p.text)))
        or bool(NOTE_LINE.fullmatch(squeeze(p.text)))  # "（某县委宣传部王某）": a credit
        or classify(p.text) != "paragraph"
    )


if TYPE_CHECKING:
    from reviewer.core.engine.sides import Piece, Side

# What a title block's line may be, where one version tells and the other does not.
_HEAD_LINE_ROLES = ("subtitle",)


def paired_role(a: Side, b: Side, i: int, j: int) -> str:
    """The role of a paired unit: A's (the version with reliable breaks), unless A reads a
    short title-like line as a plain paragraph (a web page without headings) and B sets it
    in a title block."""
    pa, pb = a.pieces[i], b.pieces[j]
    if pa.role == "title" and pb.role == "title" and _deck_heading(a, i):
        # A heading set below the page's title level, printed by B in one line block
        # under a title line that A does not print: the deck of a story whose title A lost.
        up = b.pieces[j - 1] if j > 0 else None
        if (
            up is not None
            and up.role == "title"
            and _block_of(b, up) == _block_of(b, pb)
            and b.stream[up.start : up.end] not in a.stream
        ):
            return "subtitle"
    if pa.role != "paragraph" or pb.role not in _HEAD_LINE_ROLES or pa.size > 40:
        return pa.role
    text = a.stream[pa.start : pa.end]
    return pb.role if "。" not in text and not ends_sentence(text) else pa.role


def _block_of(side: Side, p: Piece) -> int:
    return bisect.bisect_right(side.bstart, p.start) - 1


def _deck_heading(a: Side, i: int) -> bool:
    """Piece ``i`` of A is a heading at a lower level than the page's titles."""
    top = a.__dict__.get("_title_level")
    if top is None:
        levels = [b.para.level for b in a.blocks if b.para.kind == "heading"]
        top = a.__dict__["_title_level"] = min(levels, default=0)
    block = a.blocks[_block_of(a, a.pieces[i])]
    return block.para.kind == "heading" and block.para.level > top


CONTINUATION = _NOISE[0]  # "（上接第X版）", "（下转第X版）"
SHORT_NAME = _SHORT_NAME
