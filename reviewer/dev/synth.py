"""Synthetic page pairs for tests and benchmarks: a web/markdown version and a PDF-like one.

Text is recombined from the clauses of the bundled sample page (with a small built-in
fallback), so word segmentation sees realistic Chinese. Everything is deterministic
from the seed. The clean ground truth is kept while the noise is applied, so
:func:`make_truth` gives it back with the two texts.

LEFT (markdown): ``#``/``##`` titles before bodies, blank-line paragraphs, a few
sentences broken mid-way across paragraphs, duplicated passages, word substitutions,
editor credits, continuation markers, articles RIGHT lacks.
RIGHT (PDF extraction): hard wrap every 17-26 CJK chars with a blank line after each
visual line, spaces around digits and Latin, letter-spaced runs, titles printed after
the bodies, datelines, a somewhat different article order, dropped paragraphs,
articles LEFT lacks, substitutions.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT

__all__ = [
    "ArticleTruth",
    "ParaTruth",
    "SynthPair",
    "Variant",
    "make_pair",
    "make_small_pair",
    "make_small_truth",
    "make_truth",
]

# ------------------------------------------------------------------ ground truth


@dataclass(frozen=True)
class ParaTruth:
    """One paragraph as it reads in each version (whitespace-free), None where absent."""

    left: str | None
    right: str | None
    role: str = "paragraph"  # "paragraph" | "subtitle" | "byline" | "dateline"


@dataclass(frozen=True)
class ArticleTruth:
    title: str
    in_left: bool
    in_right: bool
    paragraphs: tuple[ParaTruth, ...]


@dataclass(frozen=True)
class Variant:
    """A real difference: ``left``/``right`` readings and a few LEFT chars around it."""

    left: str
    right: str
    context: str


@dataclass(frozen=True)
class SynthPair:
    left: str
    right: str
    articles: tuple[ArticleTruth, ...]
    variants: tuple[Variant, ...]
    duplicates: tuple[str, ...]  # LEFT passages repeated later in LEFT (whitespace-free)
    broken: tuple[str, ...]  # LEFT paragraphs split mid-sentence (whitespace-free, whole)
    noise: tuple[str, ...]  # credit lines and continuation markers in LEFT


# ------------------------------------------------------------------ vocabulary

_FALLBACK = (
    "我国城镇化正从快速增长期转向稳定发展期，城市发展正从大规模增量扩张阶段转向存量提质增效为主的阶段。"
    "新时代新征程上，必须深刻把握这一历史方位，主动适应这一重大形势变化。"
    "全国累计开工改造老旧小区28万个、惠及居民4800万户，更新地下管网约50万公里。"
    "行走在北京的成府路、知春路、中关村大街一带，随处可见AI印记。"
    "记者敲开北京智源人工智能研究院大门，研发人员正争分夺秒迭代最前沿的多模态世界模型。"
    "近年来，安徽新能源汽车产业通过打造高能级创新平台、全产业链一体发展、深化多维合作，产业链供应链韧性不断增强。"
    "累计开通无人机航线超700条，无人机物流配送年飞行近80万架次，加速构建全省30分钟航空医疗救援网络。"
    "改造提升传统产业，是加快发展新质生产力的关键举措。"
    "通过科技赋能与产业创新，多地加快新旧动能接续转换，传统产业焕发新生机。"
    "会议要求，深入推进产品价格监测、产品一致性监督检查、缩短供应商货款账期等工作。"
    "外商投资是推进高水平对外开放的重要内容，为发展新质生产力和实现中国式现代化发挥着重要作用。"
    "鼓励各类金融机构在依法合规、风险可控前提下创新产品和服务，为外商投资企业境内再投资提供金融服务和支持。"
)

_NOISE_LINE = re.compile(r"责编|版式设计|上接第|^#")
_SENTENCE = re.compile(r"[^。！？]+[。！？]”?")
_CLAUSE_SPLIT = re.compile(r"[，；：]")
_WS = re.compile(r"\s+")

_SUBSTITUTIONS = (
    ("争分夺秒", "分分秒秒"),
    ("发力建设", "力建设"),
    ("现代化产业", "现代产业"),
    ("测试场地", "测试场"),
    ("转型突围", "转型升级"),
    ("全新态势", "全新增势"),
    ("超过", "超"),
    ("最新", "最近"),
    ("竞发", "竟发"),
    ("住房城乡", "住房和城乡"),
    ("加快", "加速"),
    ("推动", "推进"),
    ("进一步", "更进一步"),
    ("企业", "公司"),
    ("提升", "提高"),
    ("建设", "建成"),
    ("持续", "不断"),
    ("产业链", "产业链条"),
    ("重要", "重大"),
    ("发展", "进展"),
)

_LATIN = ("AI", "GDP", "5G", "SIM", "ERP", "VR", "AR", "MLCC", "iChain", "G1", "H20", "CA1873")
_NAMES = ("刘义", "梁瀚泽", "谢宇彤", "熊航", "尹岱石", "王海", "李明", "张珊", "陈静", "赵磊")
_PLACES = ("北京", "上海", "广州", "深圳", "合肥", "杭州", "武汉", "成都", "西安", "南京")
_REPORTERS = ("姜琳", "樊曦", "刘夏村", "唐诗凝", "韩佳诺", "江汉", "王琦", "周圆", "张辛欣")


@dataclass(frozen=True)
class _Vocab:
    sentences: tuple[str, ...]
    clauses: tuple[str, ...]
    short_clauses: tuple[str, ...]  # 6-16 chars, for titles and headings


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    """Sentences and clauses of the bundled sample (or of the built-in fallback)."""
    paras: list[str] = []
    for path in (SAMPLE_LEFT, SAMPLE_RIGHT):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        lines = [ln for ln in text.splitlines() if not _NOISE_LINE.search(ln.strip())]
        paras.append(_WS.sub("", "\n".join(lines)))
    if not paras:
        paras = [_FALLBACK]
    sentences: list[str] = []
    clauses: list[str] = []
    for para in paras:
        for s in _SENTENCE.findall(para):
            if 8 <= len(s) <= 90 and s not in sentences:
                sentences.append(s)
            for c in _CLAUSE_SPLIT.split(s.rstrip("。！？”")):
                c = c.strip("“”（）")
                if 4 <= len(c) <= 32 and c not in clauses:
                    clauses.append(c)
    short = tuple(c for c in clauses if 6 <= len(c) <= 16 and not re.search(r"[。“”]", c))
    return _Vocab(tuple(sentences), tuple(clauses), short or tuple(clauses))


# ------------------------------------------------------------------ clean articles


@dataclass
class _Para:
    """A clean paragraph and, once noise is applied, its reading in each version."""

    text: str
    role: str = "paragraph"
    left: str | None = None
    right: str | None = None


@dataclass
class _Article:
    """A clean article being generated."""

    title: str
    subtitle: str | None
    paras: list[_Para]
    in_left: bool
    in_right: bool
    dateline: str
    variants: list[Variant] = field(default_factory=list)


def _number(rng: random.Random) -> str:
    """A short clause carrying a number, in the style of the sample."""
    k = rng.random()
    if k < 0.3:
        return f"同比增长{rng.randint(2, 99)}%"
    if k < 0.6:
        return f"规模突破{rng.randint(10, 9999)}亿元"
    if k < 0.8:
        return f"累计服务{rng.randint(1, 99)}.{rng.randint(1, 9)}万人次"
    return f"{rng.randint(2000, 2025)}年{rng.randint(1, 12)}月以来"


def _sentence(rng: random.Random, v: _Vocab) -> str:
    """A real sample sentence now and then; mostly 2-4 recombined clauses."""
    if rng.random() < 0.15 and v.sentences:
        return rng.choice(v.sentences)
    parts = [rng.choice(v.clauses) for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.25:
        parts.insert(rng.randrange(len(parts) + 1), _number(rng))
    if rng.random() < 0.12:
        parts.insert(rng.randrange(len(parts) + 1), f"借助{rng.choice(_LATIN)}技术")
    return "，".join(parts) + "。"


def _paragraph(rng: random.Random, v: _Vocab, small: bool) -> str:
    """A few sentences."""
    n = rng.randint(1, 2) if small else rng.randint(1, 5)
    return "".join(_sentence(rng, v) for _ in range(n))


def _article(rng: random.Random, v: _Vocab, small: bool, in_left: bool, in_right: bool) -> _Article:
    """A clean article: title, optional subtitle and byline, paragraphs and headings."""
    title = rng.choice(v.short_clauses)
    if rng.random() < 0.7:
        title = f"{title}{rng.choice(('——', '，', '、'))}{rng.choice(v.short_clauses)}"
    subtitle = f"——{rng.choice(v.short_clauses)}" if rng.random() < 0.2 else None
    place = rng.choice(_PLACES)
    day = rng.randint(1, 28)
    dateline = f"新华社{place}7月{day}日电"
    paras: list[_Para] = []
    if rng.random() < 0.3:
        paras.append(_Para(f"新华社记者{'、'.join(rng.sample(_REPORTERS, 2))}", "byline"))
    count = rng.randint(2, 4) if small else rng.randint(5, 16)
    for i in range(count):
        if i and not small and rng.random() < 0.12:
            paras.append(_Para(rng.choice(v.short_clauses), "subtitle"))
        paras.append(_Para(_paragraph(rng, v, small)))
    if rng.random() < 0.4:
        first = next(p for p in paras if p.role == "paragraph")
        first.text = f"{dateline}（记者{rng.choice(_REPORTERS)}）{first.text}"
        dateline = ""
    return _Article(title, subtitle, paras, in_left, in_right, dateline)


def _substitute(rng: random.Random, art: _Article, rate: float) -> None:
    """Give each paragraph its two readings, with word-level differences now and then."""
    for p in art.paras:
        p.left = p.right = p.text
        if p.role != "paragraph" or not (art.in_left and art.in_right) or rng.random() > rate:
            continue
        text = p.text
        options = [(a, b) for a, b in _SUBSTITUTIONS if a in text]
        number = re.search(r"\d+(?:\.\d+)?", text)
        k = rng.random()
        if options and k < 0.7:
            a, b = rng.choice(options)
            i = text.index(a)
        elif number and k < 0.85:
            a = number.group()
            b = str(int(float(a) * 10) // 10 + rng.randint(1, 9))
            i = number.start()
        else:
            i = rng.randrange(max(1, len(text) - 2))
            a = text[i]
            if not ("\u4e00" <= a <= "\u9fff"):
                continue
            b = rng.choice("的了在是和与及等将已")
            if a == b:
                continue
        new = text[:i] + b + text[i + len(a) :]
        # one version keeps the original, the other the changed reading
        if rng.random() < 0.5:
            p.left, p.right = text, new
            lw, rw, lt, li = a, b, text, i
        else:
            p.left, p.right = new, text
            lw, rw, lt, li = b, a, new, i
        art.variants.append(Variant(lw, rw, lt[max(0, li - 4) : li + len(lw) + 4]))


def _drop(rng: random.Random, art: _Article, rate: float) -> None:
    """Drop a few paragraphs (none that carries a variant) from one side of a shared article."""
    if not (art.in_left and art.in_right):
        return
    for p in art.paras:
        if p.role == "paragraph" and p.left == p.right and rng.random() < rate:
            if rng.random() < 0.6:
                p.left = None
            else:
                p.right = None


# ------------------------------------------------------------------ LEFT rendering


@dataclass
class _Left:
    """LEFT blocks so far, with what the truth needs to know about them."""

    small: bool
    blocks: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, block: str) -> None:
        self.blocks.append(block)
        self.size += len(block.encode("utf-8")) + 2


def _render_left(rng: random.Random, art: _Article, out: _Left) -> None:
    """Append one article as the web page shows it (title first), with LEFT's noise."""
    if out.blocks and rng.random() < 0.15:
        out.add("（上接第一版）")
        out.noise.append("（上接第一版）")
    else:
        hashes = "#" if rng.random() < 0.5 else "##"
        out.add(f"{hashes} {art.title}" + (f" {art.subtitle}" if art.subtitle else ""))
    for p in art.paras:
        if p.left is None:
            continue
        text = p.left
        if p.role == "paragraph" and len(text) > 24 and rng.random() < 0.04:
            cut = rng.randrange(8, len(text) - 8)
            out.add(text[:cut])
            out.add(text[cut:])
            out.broken.append(text)
        else:
            out.add(text)
        if p.role == "paragraph":
            out.seen.append(text)
    if art.dateline and rng.random() < 0.6:
        out.add(f"（{art.dateline}）")
    if out.seen and rng.random() < (0.3 if out.small else 0.08):
        dup = rng.choice(out.seen)
        if len(dup) > 30 and rng.random() < 0.5:
            dup = dup[len(dup) // 2 :]
        out.add(dup)
        out.duplicates.append(dup)


def _finish_left(rng: random.Random, out: _Left) -> str:
    """Add the editor credits and join the blocks into the markdown text."""
    credits = [f"{k}版责编：{rng.choice(_NAMES)}" for k in "一二三"[: rng.randint(1, 3)]]
    credits += [f"版式设计：{rng.choice(_NAMES)}" for _ in range(rng.randint(1, 2))]
    for c in credits:
        out.add(c)
    out.noise.extend(credits)
    return "\n\n" + "\n\n".join(out.blocks) + "\n"


# ------------------------------------------------------------------ RIGHT rendering

_NO_LINE_START = frozenset("，。、；：！？”’）》』…—%")
_ATOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%]*|.", re.S)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _spaced(atoms: list[str], spacing: bool) -> str:
    """Join atoms, with a space between a Latin/digit run and a neighbouring ideograph."""
    if not spacing:
        return "".join(atoms)
    out: list[str] = []
    for i, a in enumerate(atoms):
        if i and (
            (a[0].isascii() and a[0].isalnum() and _is_cjk(atoms[i - 1][-1]))
            or (_is_cjk(a[0]) and atoms[i - 1][0].isascii() and atoms[i - 1][0].isalnum())
        ):
            out.append(" ")
        out.append(a)
    return "".join(out)


def _wrap(rng: random.Random, text: str, width: int, spacing: bool) -> list[str]:
    """Hard-wrap ``text`` at about ``width`` CJK chars (Latin/digit runs count half)."""
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for atom in _ATOM.findall(text):
        w = (len(atom) + 1) // 2 if len(atom) > 1 or atom.isascii() else 1
        if line and used + w > width and atom not in _NO_LINE_START:
            lines.append(line)
            line, used = [], 0.0
        line.append(atom)
        used += w
    if line:
        lines.append(line)
    out = []
    for i, atoms in enumerate(lines):
        if i < len(lines) - 1 and rng.random() < 0.02:
            out.append(" ".join(atoms))  # letter-spaced (justified) line
        else:
            out.append(_spaced(atoms, spacing))
    return out


def _render_right(rng: random.Random, art: _Article) -> str:
    """One article as a PDF extraction prints it: wrapped body, dateline, then the title."""
    width = rng.randint(17, 26)
    spacing = rng.random() < 0.9
    body: list[str] = []
    if rng.random() < 0.3:
        body.append(" ")
    for p in art.paras:
        if p.right is None:
            continue
        if p.role == "subtitle":
            body.append(p.right + "\n")  # headings run straight into the next line
            continue
        lines = _wrap(rng, p.right, width, spacing and rng.random() < 0.9)
        body.extend(line + "\n\n" for line in lines)
    if art.dateline:
        body.append(_spaced(_ATOM.findall(art.dateline), True) + "\n\n")
    title = art.title
    if len(title) > 14 and "——" not in title and rng.random() < 0.5:
        cut = len(title) // 2
        title = title[:cut] + "\n" + title[cut:]
    body.append(title + ("\n" + art.subtitle if art.subtitle else "") + "\n\n")
    return "".join(body)


def _shuffle_a_little(rng: random.Random, chunks: list[str]) -> list[str]:
    """The same order with some neighbours swapped."""
    order = list(chunks)
    for i in range(len(order) - 1):
        if rng.random() < 0.2:
            order[i], order[i + 1] = order[i + 1], order[i]
    return order


# ------------------------------------------------------------------ API


def make_truth(target_bytes: int = 1_000_000, seed: int = 0) -> SynthPair:
    """Both texts (each about ``target_bytes`` of UTF-8) with their clean ground truth."""
    rng = random.Random(seed)
    v = _vocab()
    small = target_bytes < 20_000
    arts: list[_Article] = []
    left = _Left(small)
    right: list[str] = []
    right_size = 0
    while left.size < target_bytes or right_size < target_bytes:
        k = rng.random()
        in_left, in_right = (True, True) if k < 0.8 else (True, False) if k < 0.9 else (False, True)
        if left.size >= target_bytes:
            in_left, in_right = False, True
        elif right_size >= target_bytes:
            in_left, in_right = True, False
        art = _article(rng, v, small, in_left, in_right)
        _substitute(rng, art, 0.25)
        _drop(rng, art, 0.05)
        if in_left:
            _render_left(rng, art, left)
        if in_right:
            chunk = _render_right(rng, art)
            right.append(chunk)
            right_size += len(chunk.encode("utf-8"))
        arts.append(art)
    truth = tuple(
        ArticleTruth(
            a.title,
            a.in_left,
            a.in_right,
            tuple(
                ParaTruth(p.left if a.in_left else None, p.right if a.in_right else None, p.role)
                for p in a.paras
            ),
        )
        for a in arts
    )
    return SynthPair(
        _finish_left(rng, left),
        "".join(_shuffle_a_little(rng, right)),
        truth,
        tuple(x for a in arts for x in a.variants),
        tuple(left.duplicates),
        tuple(left.broken),
        tuple(left.noise),
    )


def make_pair(target_bytes: int = 1_000_000, seed: int = 0) -> tuple[str, str]:
    """(web_markdown_text, pdf_text), each about ``target_bytes`` of UTF-8."""
    pair = make_truth(target_bytes, seed)
    return pair.left, pair.right


def make_small_truth(seed: int = 0) -> SynthPair:
    """A 3-6 KB pair with its truth, for property tests."""
    return make_truth(random.Random(seed).randint(3_000, 4_000), seed)


def make_small_pair(seed: int = 0) -> tuple[str, str]:
    """(web_markdown_text, pdf_text) of about 3-6 KB each, for property tests."""
    pair = make_small_truth(seed)
    return pair.left, pair.right
