"""TEI P5 export: one XML file per merged article, optionally with a critical apparatus.

``tei`` writes the merged article as ``head``/``byline``/``dateline``/``p`` (captions as
``figure/figDesc``), with both sources as witnesses in the header. ``tei-app`` adds a
parallel-segmentation apparatus: every conflict of an exported unit becomes one
``<app type=ORIGIN><lem>chosen</lem><rdg wit=…>other</rdg></app>``, and a unit only one
version has carries ``@wit`` on its element. The text (readings inside ``rdg`` aside, ``lb`` as a
line break) is exactly the txt export's. Pure: alignment + decisions → bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reviewer import __version__
from reviewer.core.export.files import (
    ArticleText,
    _clean,
    _one_line,
    article_filename,
    build_articles,
)
from reviewer.core.model import Alignment, Article, Conflict, Unit
from reviewer.core.review.merge import Decision, is_unit_item, merge_unit
from reviewer.core.text import DATELINE

TEI_FORMATS = ("tei", "tei-app")
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# How a reading was settled; "preference" is --prefer (or "use one version") for a conflict
# without a decision, "default" the triage default (keep paragraphs, drop duplicates/noise).
ORIGINS = ("editor", "suggestion", "preference", "default")
_ORIGIN_WORDS = {
    "editor": "by the editor",
    "suggestion": "from suggestions",
    "preference": "by preference",
    "default": "by default",
}
WITNESSES = {"left": "#left", "right": "#right"}
# Elements whose content is text (mixed content): never re-indented, whitespace is text there.
_MIXED = frozenset(
    {"title", "p", "head", "byline", "dateline", "figDesc", "idno", "label", "measure"}
)
_INDENT = "  "
# Characters XML 1.0 forbids (control characters a PDF extraction may carry, e.g. form feed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

ET.register_namespace("", TEI_NS)


def _t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _origin(d: Decision | None, fallback: str) -> str:
    # Decisions gain an ``origin`` with accepted suggestions; one without it is the editor's.
    if d is None:
        return fallback
    return getattr(d, "origin", None) or "editor"


def reading_origins(
    units: Iterable[Unit], decisions: Mapping[str, Decision], prefer: str | None = None
) -> dict[str, int]:
    """How the review items of ``units`` were settled, by origin (every origin listed).

    A conflict without a decision counts as "preference" when ``prefer`` reads it; an
    undecided one-sided, duplicate or noise unit as "default".
    """
    counts: Counter[str] = Counter({o: 0 for o in ORIGINS})
    for unit in units:
        if is_unit_item(unit):
            counts[_origin(decisions.get(unit.id), "default")] += 1
            continue
        whole = decisions.get(unit.id)
        if whole is not None and whole.choice == "edit":  # edited in context
            counts[_origin(whole, "editor")] += len(unit.conflicts)
            continue
        for c in unit.conflicts:
            d = decisions.get(c.id)
            if d is not None or prefer:
                counts[_origin(d, "preference")] += 1
    return dict(counts)


# --- the merged unit, piece by piece ----------------------------------------------------------
@dataclass(frozen=True)
class _App:
    conflict: Conflict
    reading: str  # the merged text at this place
    origin: str


def _pieces(unit: Unit, decisions: Mapping[str, Decision], prefer: str | None) -> list[str | _App]:
    """The merged text of a two-sided unit as plain runs and one ``_App`` per conflict.

    Mirrors ``merge.merge_unit`` (same base side, same splices); its tests (test_export_tei) check
    that the joined pieces equal its text.
    """
    assert unit.left is not None and unit.right is not None
    unit_side = None
    if is_unit_item(unit):
        d = decisions.get(unit.id)
        if d is not None and d.choice in ("left", "right"):
            unit_side = d.choice
    chosen = []
    for c in unit.conflicts:
        d = decisions.get(c.id)
        if d is not None:
            chosen.append((d.choice, d.text, _origin(d, "editor")))
        elif unit_side is not None:
            chosen.append((unit_side, None, _origin(decisions.get(unit.id), "editor")))
        else:
            chosen.append((prefer, None, "preference"))
    votes_right = sum(1 for ch, _, _ in chosen if ch == "right")
    votes_left = sum(1 for ch, _, _ in chosen if ch == "left")
    base = "right" if votes_right > votes_left else "left"
    text = unit.right if base == "right" else unit.left
    out: list[str | _App] = []
    pos = 0
    for c, (ch, typed, origin) in zip(unit.conflicts, chosen):
        start, end = (c.right_start, c.right_end) if base == "right" else (c.left_start, c.left_end)
        out.append(text[pos:start])
        reading = {
            "left": c.left,
            "right": c.right,
            "both": c.left + c.right,
            "both_rl": c.right + c.left,
            "edit": typed or "",
        }.get(ch or "", c.left if base == "left" else c.right)
        out.append(_App(c, reading, origin))
        pos = end
    out.append(text[pos:])
    return out


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def _add_text(el: ET.Element, text: str, one_line: bool) -> None:
    """Append ``text`` to ``el``'s content; a newline becomes ``<lb/>`` (a space in a line)."""
    text = _xml(text)
    if one_line:
        text = " ".join(text.split("\n"))
    for i, line in enumerate(text.split("\n")):
        if i:
            ET.SubElement(el, _t("lb"))
        if not line:
            continue
        if len(el):
            el[-1].tail = (el[-1].tail or "") + line
        else:
            el.text = (el.text or "") + line


def _app(
    el: ET.Element, reading: str, sides: Mapping[str, str], origin: str, one_line: bool
) -> None:
    """``<app type=origin><lem wit=…>reading</lem><rdg wit=…>…</rdg></app>``: ``lem`` names
    the versions that read the chosen text, one ``rdg`` per version that reads otherwise."""
    app = ET.SubElement(el, _t("app"), {"type": origin})
    lem = ET.SubElement(app, _t("lem"))
    agree = [s for s, t in sides.items() if t == reading]
    if agree:
        lem.set("wit", " ".join(WITNESSES[s] for s in agree))
    _add_text(lem, reading, one_line)
    for side, other in sides.items():
        if side not in agree:
            _add_text(ET.SubElement(app, _t("rdg"), {"wit": WITNESSES[side]}), other, one_line)


def _fill(
    el: ET.Element,
    unit: Unit,
    text: str,
    decisions: Mapping[str, Decision],
    prefer: str | None,
    apparatus: bool,
    one_line: bool,
) -> None:
    """Fill a block element with the unit's merged ``text`` (apparatus at each conflict)."""
    if apparatus and unit.one_sided:
        el.set("wit", WITNESSES["left" if unit.left is not None else "right"])
    whole = decisions.get(unit.id)
    if apparatus and whole is not None and whole.choice == "edit":
        # The editor retyped the whole unit (a unit item, or edit in context): one
        # apparatus entry against each version.
        sides = {s: t for s in ("left", "right") if (t := unit.text(s)) is not None}
        _app(el, text, sides, _origin(whole, "editor"), one_line)
        return
    if not apparatus or unit.one_sided or not unit.conflicts:
        _add_text(el, text, one_line)
        return
    pieces = _pieces(unit, decisions, prefer)
    flat = "".join(p if isinstance(p, str) else p.reading for p in pieces)
    if _xml(" ".join(flat.split("\n")) if one_line else flat) != _xml(text):
        # Whitespace the txt export trims at an edge: keep its text exact, without apparatus.
        _add_text(el, text, one_line)
        return
    for p in pieces:
        if isinstance(p, str):
            _add_text(el, p, one_line)
        else:
            sides = {"left": p.conflict.left, "right": p.conflict.right}
            _app(el, p.reading, sides, p.origin, one_line)


# --- the document ---------------------------------------------------------------------------
def _header(
    alignment: Alignment, art: ArticleText, origins: Mapping[str, int], apparatus: bool
) -> ET.Element:
    header = ET.Element(_t("teiHeader"))
    fdesc = ET.SubElement(header, _t("fileDesc"))
    ET.SubElement(ET.SubElement(fdesc, _t("titleStmt")), _t("title")).text = _xml(art.title)
    pub = ET.SubElement(fdesc, _t("publicationStmt"))
    ET.SubElement(pub, _t("p")).text = "Merged with Reviewer from two versions of the page."
    note = ET.SubElement(ET.SubElement(fdesc, _t("notesStmt")), _t("note"), {"type": "readings"})
    for origin in ORIGINS:
        n = origins.get(origin, 0)
        attrs = {"type": origin, "quantity": str(n), "unit": "reading"}
        ET.SubElement(note, _t("measure"), attrs).text = f"{n} {_ORIGIN_WORDS[origin]}"
    wits = ET.SubElement(ET.SubElement(fdesc, _t("sourceDesc")), _t("listWit"))
    for side, src in (("left", alignment.left), ("right", alignment.right)):
        wit = ET.SubElement(wits, _t("witness"), {XML_ID: side})
        ET.SubElement(wit, _t("idno"), {"type": "path"}).text = _xml(src.path)
        ET.SubElement(wit, _t("idno"), {"type": "sha256"}).text = src.sha256
    enc = ET.SubElement(header, _t("encodingDesc"))
    info = ET.SubElement(enc, _t("appInfo"))
    for ident, version, label in (
        ("reviewer", __version__, "Reviewer"),
        ("reviewer-engine", alignment.engine_version, "Reviewer alignment engine"),
    ):
        app = ET.SubElement(info, _t("application"), {"ident": ident, "version": version})
        ET.SubElement(app, _t("label")).text = label
    if apparatus:
        attrs = {"method": "parallel-segmentation", "location": "internal"}
        ET.SubElement(enc, _t("variantEncoding"), attrs)
    return header


def _block_tag(unit: Unit, text: str, is_title: bool) -> tuple[str, dict[str, str]]:
    if unit.role in ("title", "subtitle"):
        return "head", ({} if is_title else {"type": "sub"})
    if unit.role == "byline":
        squeezed = "".join(text.split())
        return ("dateline" if DATELINE.match(squeezed) else "byline"), {}
    return "p", {}


def _close(blocks: list[ET.Element]) -> None:
    """Bylines after the body (the closing dateline) end it in a ``closer``, as TEI puts
    them; one with paragraphs after it is a ``p`` (the txt export keeps it in place)."""
    bylines = (_t("byline"), _t("dateline"))
    end = len(blocks)
    while end and blocks[end - 1].tag in bylines:
        end -= 1
    for el in blocks[:end]:
        if el.tag in bylines:
            el.tag = _t("p")
    if end < len(blocks):
        closer = ET.Element(_t("closer"))
        closer.extend(blocks[end:])
        blocks[end:] = [closer]


def _body(
    article: Article,
    art: ArticleText,
    decisions: Mapping[str, Decision],
    prefer: str | None,
    apparatus: bool,
) -> ET.Element:
    """head, header lines, then paragraphs and figures: the txt export's order and text."""
    title: ET.Element | None = None
    header: list[ET.Element] = []
    blocks: list[ET.Element] = []
    for unit in article.units:
        merged = merge_unit(unit, decisions, prefer)
        text = _clean(merged.text) if merged.text is not None else ""
        if not text:
            continue
        is_title = unit.role == "title" and title is None
        # A byline after the body has begun (the closing dateline) stays there, as in txt.
        in_header = unit.role in ("title", "subtitle") or (unit.role == "byline" and not blocks)
        one_line = in_header
        shown = _one_line(text) if one_line else text
        tag, attrs = _block_tag(unit, shown, is_title)
        el = ET.Element(_t(tag), attrs)
        _fill(el, unit, shown, decisions, prefer, apparatus, one_line)
        if is_title:
            title = el
        elif in_header:
            header.append(el)
        elif unit.role == "caption":
            figure = ET.Element(_t("figure"))
            el.tag = _t("figDesc")
            figure.append(el)
            blocks.append(figure)
        else:
            blocks.append(el)
    _close(blocks)
    if title is None:  # no title unit was kept: the article's title, as the txt export
        title = ET.Element(_t("head"))
        title.text = _xml(art.title)
    body = ET.Element(_t("body"))
    body.extend([title, *header, *blocks])
    return body


def _indent(el: ET.Element, level: int = 0) -> None:
    """Indent element-only content, one element per line; text content is left as it is."""
    kids = list(el)
    if not kids or el.tag.split("}")[-1] in _MIXED:
        return
    el.text = "\n" + _INDENT * (level + 1)
    for kid in kids:
        _indent(kid, level + 1)
        kid.tail = "\n" + _INDENT * (level + 1)
    kids[-1].tail = "\n" + _INDENT * level


def tei_article(
    alignment: Alignment,
    art: ArticleText,
    decisions: Mapping[str, Decision],
    prefer: str | None = None,
    apparatus: bool = False,
) -> bytes:
    """One merged article (from ``export.build_articles``) as a TEI P5 document (UTF-8)."""
    article = next(a for a in alignment.articles if a.id == art.id)
    root = ET.Element(_t("TEI"), {XML_LANG: "zh"})
    origins = reading_origins(article.units, decisions, prefer)
    root.append(_header(alignment, art, origins, apparatus))
    text = ET.SubElement(root, _t("text"))
    text.append(_body(article, art, decisions, prefer, apparatus))
    _indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode("utf-8")


def tei_filename(number: int, title: str, width: int = 2) -> str:
    """``NN-title.xml``: the txt export's name with the XML suffix."""
    return article_filename(number, title, width).removesuffix(".txt") + ".xml"


def render_tei(
    alignment: Alignment,
    decisions: Mapping[str, Decision],
    prefer: str | None = None,
    fmt: str = "tei",
) -> dict[str, bytes]:
    """Every article of the review as a TEI file, by file name (``fmt``: tei or tei-app)."""
    if fmt not in TEI_FORMATS:
        raise ValueError(f"unknown TEI format {fmt!r}")
    articles = build_articles(alignment, decisions, prefer)
    width = max(2, len(str(len(articles))))
    return {
        tei_filename(a.number, a.title, width): tei_article(
            alignment, a, decisions, prefer, fmt == "tei-app"
        )
        for a in articles
    }
