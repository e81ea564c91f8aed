"""Small hand-made page pairs for the engine's structure tests (issue 7): three short
stories of invented news prose, and builders that print them the way a web/markdown scrape
and a PDF extraction do. Imported by the tests as ``pages``."""

from __future__ import annotations

from reviewer.core.engine.pipeline import align_sources
from reviewer.core.model import Alignment, Source
from reviewer.core.text import canon

# Three short stories of ordinary news prose (invented for these tests).
A_TITLE = "山区小学用上新校车"
A_BODY = [
    "本报记者 王明",
    "新华社昆明3月5日电 记者从云南省教育厅获悉，"
    "今年全省山区小学新增校车一千二百辆，覆盖偏远村寨四千多个。",
    "校车统一配备安全员，每天早晚接送学生往返学校和村寨，家长不再为孩子翻山越岭上学而担心。",
    "教育部门表示，将继续完善山区学校交通保障，让每个孩子都能安全方便地上学。",
]
B_TITLE = "沿江城市推进湿地保护"
B_BODY = [
    "沿江多个城市近日启动新一轮湿地保护修复工程，计划三年内恢复湿地面积八万亩。",
    "工程将清理违规养殖设施，补种本地水生植物，并建设候鸟栖息观测站点。",
    "专家认为，湿地修复既能涵养水源，也能为城市居民提供更多亲近自然的空间。",
]
C_TITLE = "春耕备耕物资供应充足"
C_BODY = [
    "据新华社北京3月6日电 农业农村部6日介绍，"
    "当前化肥、种子、农药等春耕物资供应总体充足，价格基本稳定。",
    "各地农资企业加快生产调运，确保物资及时送到田间地头，满足农民春耕需要。",
]


def wrap(text: str, width: int = 17) -> list[str]:
    """A paragraph as a narrow PDF column prints it: hard-wrapped lines."""
    flat = "".join(text.split())
    return [flat[i : i + width] for i in range(0, len(flat), width)]


def pdf(*blocks: tuple[str, list[str]]) -> str:
    """Blocks of ("body", paragraphs) or ("lines", lines set apart by a single newline) or
    ("gap", []) for a blank line, each visual line of a body followed by a blank line."""
    out: list[str] = []
    for kind, items in blocks:
        if kind == "body":
            for para in items:
                out.extend(line + "\n\n" for line in wrap(para))
        elif kind == "lines":
            out.append("\n".join(items) + "\n")
    return "".join(out)


def web(*articles: tuple[str | None, list[str]]) -> str:
    parts = []
    for title, body in articles:
        if title:
            parts.append(f"# {title}")
        parts.extend(body)
    return "\n\n".join(parts) + "\n"


def align(left: str, right: str) -> Alignment:
    return align_sources(Source("page.web.md", "l", left), Source("page.pdf.txt", "r", right))


def article_of(al: Alignment, needle: str) -> int:
    """Index of the output article holding ``needle`` (whitespace ignored)."""
    key = canon(needle)
    hits = {
        i
        for i, art in enumerate(al.articles)
        for u in art.units
        for t in (u.left, u.right)
        if t and key in canon(t)
    }
    assert len(hits) == 1, f"{needle!r} is in articles {sorted(hits)}"
    return hits.pop()


def assert_whole(al: Alignment, title: str, body: list[str]) -> None:
    """Every passage of the story in one output article, titled ``title``."""
    homes = {article_of(al, p[-10:]) for p in body}
    assert len(homes) == 1, f"{title}: split over {sorted(homes)}"
    home = homes.pop()
    assert canon(al.articles[home].title) == canon(title)
