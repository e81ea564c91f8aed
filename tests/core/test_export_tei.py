"""TEI export: well-formed, valid against the emitted subset, same text as the txt export."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from builders import make_alignment, make_unit
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from reviewer.cli import main
from reviewer.core import paths
from reviewer.core.engine.pipeline import align_files
from reviewer.core.export.files import render
from reviewer.core.export.tei import reading_origins, render_tei
from reviewer.core.model import Alignment
from reviewer.core.review.merge import Decision, is_unit_item, merge_unit

T = "{http://www.tei-c.org/ns/1.0}"
SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "tei_subset.rng"
LEFT, RIGHT = str(paths.SAMPLE_LEFT), str(paths.SAMPLE_RIGHT)


# --- reading the files back ------------------------------------------------------------------
def block_text(el: ET.Element) -> str:
    """The merged text of a block: readings in ``rdg`` left out, ``lb`` as a newline."""
    parts = [el.text or ""]
    for kid in el:
        if kid.tag == T + "lb":
            parts.append("\n")
        elif kid.tag == T + "app":
            parts.append(block_text(kid.find(T + "lem")))
        else:
            raise AssertionError(f"unexpected {kid.tag} in a block")
        parts.append(kid.tail or "")
    return "".join(parts)


def as_txt(root: ET.Element) -> str:
    """What the txt export writes for the same article, rebuilt from the TEI body."""
    title, header, paras = None, [], []
    for el in root.find(f"{T}text/{T}body"):
        tag = el.tag.removeprefix(T)
        if tag == "head" and el.get("type") is None:
            assert title is None, "one title head"
            title = block_text(el)
        elif tag in ("head", "byline", "dateline") and not paras:
            header.append(block_text(el))
        elif tag == "closer":  # the closing dateline: the end of the body
            paras.extend(block_text(child) for child in el)
        elif tag == "figure":
            paras.append(block_text(el.find(T + "figDesc")))
        else:
            paras.append(block_text(el))
    assert title is not None
    out = "\n".join((title, *header)) + "\n"
    if paras:
        out += "\n" + "\n\n".join(paras) + "\n"
    return out


def parse_all(files: dict[str, bytes]) -> dict[str, ET.Element]:
    return {name: ET.fromstring(data) for name, data in files.items() if name.endswith(".xml")}


# --- fixtures --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample() -> Alignment:
    return align_files(LEFT, RIGHT)


def _sample_decisions(a: Alignment) -> dict[str, Decision]:
    """A mix of every kind of decision on the sample's first items."""
    conflicts = [c for _, u in a.units() if not is_unit_item(u) for c in u.conflicts]
    items = [u for _, u in a.units() if is_unit_item(u)]
    dup = next(u for u in items if u.duplicate_of is not None or u.role == "noise")
    one = next(u for u in items if u.one_sided)
    return {
        conflicts[0].id: Decision("right"),
        conflicts[1].id: Decision("both"),
        conflicts[2].id: Decision("edit", "<改&正>\n第二行"),
        conflicts[3].id: Decision("both_rl"),
        dup.id: Decision("keep"),
        one.id: Decision("edit", '重写的一段 "引号"。'),
    }


@pytest.fixture(scope="module")
def decided(sample: Alignment) -> dict[str, Decision]:
    return _sample_decisions(sample)


# --- tests -----------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["tei", "tei-app"])
def test_text_content_equals_the_txt_export(
    sample: Alignment, decided: dict[str, Decision], fmt: str
) -> None:
    txt = render(sample, decided, "left", "txt")
    tei = render(sample, decided, "left", fmt)
    docs = parse_all(tei)
    assert len(docs) == len(sample.articles)
    for name, root in docs.items():
        twin = name.removesuffix(".xml") + ".txt"
        assert twin in txt, name
        assert as_txt(root) == txt[twin].decode("utf-8"), name


@pytest.mark.parametrize("fmt", ["tei", "tei-app"])
def test_files_are_valid_against_the_subset_schema(
    sample: Alignment, decided: dict[str, Decision], fmt: str
) -> None:
    etree = pytest.importorskip("lxml.etree", reason="lxml (a dev dependency) validates RELAX NG")
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    files = render(sample, decided, "left", fmt)
    for name, data in files.items():
        if name.endswith(".xml"):
            doc = etree.fromstring(data)
            assert schema.validate(doc), f"{name}: {schema.error_log.last_error}"


def expected_apps(a: Alignment, decisions: dict[str, Decision], prefer: str) -> list[str]:
    """The origin of every apparatus entry the export must write, one per exported conflict."""
    expected = []
    for _, u in a.units():
        if not merge_unit(u, decisions, prefer).text:
            continue  # left out of the export
        whole = decisions.get(u.id) if is_unit_item(u) else None
        if whole is not None and whole.choice == "edit":
            expected.append("editor")  # a retyped unit: one entry for the whole unit
            continue
        if u.one_sided:
            continue  # nothing to compare with: @wit on the element instead
        side_taken = whole is not None and whole.choice in ("left", "right")
        for c in u.conflicts:
            settled = c.id in decisions or side_taken
            expected.append("editor" if settled else "preference")
    return sorted(expected)


def test_one_app_per_exported_conflict_with_its_origin(
    sample: Alignment, decided: dict[str, Decision]
) -> None:
    docs = parse_all(render_tei(sample, decided, "left", "tei-app"))
    apps = [app for root in docs.values() for app in root.iter(T + "app")]
    expected = expected_apps(sample, decided, "left")
    assert sorted(a.get("type") for a in apps) == expected
    assert len(apps) == len(expected) > 4


_EDITS = st.text(alphabet=list("改正文字<&>\"'ab1"), max_size=5)


# ~150 draws per example: shrinking a failure would take minutes, so report it unshrunk.
@settings(max_examples=20, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(data=st.data())
def test_any_decisions_give_the_txt_text_and_one_app_per_conflict(
    sample: Alignment, data: st.DataObject
) -> None:
    decisions: dict[str, Decision] = {}
    for _, u in sample.units():
        if is_unit_item(u):
            keys = [(u.id, ("keep", "drop", "left", "right", "edit"))]
        else:
            keys = [(c.id, ("left", "right", "both", "both_rl", "edit")) for c in u.conflicts]
        for key, choices in keys:
            choice = data.draw(st.sampled_from((None, *choices)))
            if choice == "edit":
                parts = data.draw(st.lists(_EDITS.filter(bool), min_size=1, max_size=2))
                decisions[key] = Decision("edit", "\n".join(parts))
            elif choice is not None:
                decisions[key] = Decision(choice)
    prefer = data.draw(st.sampled_from(("left", "right")))
    txt = render(sample, decisions, prefer, "txt")
    docs = parse_all(render_tei(sample, decisions, prefer, "tei-app"))
    for name, root in docs.items():
        assert as_txt(root) == txt[name.removesuffix(".xml") + ".txt"].decode("utf-8")
    apps = [app for root in docs.values() for app in root.iter(T + "app")]
    assert sorted(a.get("type") for a in apps) == expected_apps(sample, decisions, prefer)


def test_control_characters_never_break_the_xml() -> None:
    units = [
        make_unit("t", "标题\x0c", "标题\x0c", role="title"),
        make_unit("p", "甲\x01乙丙", "甲\x01乙丁", ("c",)),
    ]
    files = render_tei(make_alignment([("a1", "标题", units)]), {}, "right", "tei-app")
    root = ET.fromstring(next(iter(files.values())))  # well-formed: the parser accepts it
    body = root.find(f"{T}text/{T}body")
    assert [block_text(el) for el in body] == ["标题", "甲乙丁"]


def test_apparatus_readings_and_witnesses(sample: Alignment, decided: dict[str, Decision]) -> None:
    docs = parse_all(render_tei(sample, decided, "left", "tei-app"))
    apps = [app for root in docs.values() for app in root.iter(T + "app")]
    conflicts = {c.id: c for _, u in sample.units() for c in u.conflicts}
    found = set()
    for app in apps:
        lem = app.find(T + "lem")
        rdgs = sorted((r.get("wit"), block_text(r)) for r in app.findall(T + "rdg"))
        found.add((block_text(lem), lem.get("wit"), *rdgs))
    for cid, d in decided.items():
        if cid not in conflicts:
            continue
        c = conflicts[cid]
        reading = {
            "right": c.right,
            "both": c.left + c.right,
            "both_rl": c.right + c.left,
            "edit": d.text,
        }[d.choice]
        # lem names the versions that read the chosen text; each other version is a rdg.
        agree = [s for s in ("left", "right") if getattr(c, s) == reading]
        wit = " ".join(f"#{s}" for s in agree) or None
        rdgs = tuple((f"#{s}", getattr(c, s)) for s in ("left", "right") if s not in agree)
        assert (reading, wit, *rdgs) in found, (d, c)
    # A conflict read by preference: the lemma is the left reading, the right one the variant.
    pref = next(a for a in apps if a.get("type") == "preference")
    assert pref.find(T + "lem").get("wit") in ("#left", "#left #right")


def test_one_sided_units_carry_their_witness(sample: Alignment) -> None:
    root_app = parse_all(render_tei(sample, {}, "left", "tei-app"))
    root_plain = parse_all(render_tei(sample, {}, "left", "tei"))
    one_sided: dict[str, set[str]] = {}
    for _, u in sample.units():
        if u.one_sided:
            one_sided.setdefault(u.left or u.right or "", set()).add(
                "#left" if u.left is not None else "#right"
            )
    blocks = [
        el
        for root in root_app.values()
        for el in root.find(f"{T}text/{T}body").iter()
        if el.tag in {T + t for t in ("head", "byline", "dateline", "p", "figDesc")}
    ]
    marked = [el for el in blocks if el.get("wit")]
    for el in marked:
        assert el.get("wit") in one_sided[block_text(el)]
    kept = [u for _, u in sample.units() if u.one_sided and merge_unit(u, {}, "left").text]
    assert len(marked) == len(kept) >= 3
    plain = [el for r in root_plain.values() for el in r.iter()]
    assert not [el for el in plain if el.get("wit") or el.tag == T + "app"]


def test_header_names_witnesses_engine_and_reading_origins(sample: Alignment) -> None:
    name, data = next(iter(render_tei(sample, {}, "right").items()))
    root = ET.fromstring(data)
    wits = root.findall(f".//{T}listWit/{T}witness")
    assert [w.get("{http://www.w3.org/XML/1998/namespace}id") for w in wits] == ["left", "right"]
    for w, src in zip(wits, (sample.left, sample.right)):
        assert [i.text for i in w.findall(T + "idno")] == [src.path, src.sha256]
    engine = root.find(f".//{T}application[@ident='reviewer-engine']")
    assert engine.get("version") == sample.engine_version
    assert root.find(f".//{T}titleStmt/{T}title").text == name[3:-4]
    counts = {
        m.get("type"): int(m.get("quantity"))
        for m in root.findall(f".//{T}note[@type='readings']/{T}measure")
    }
    first = sample.articles[0]
    assert counts == reading_origins(first.units, {}, "right")
    assert counts["editor"] == counts["suggestion"] == 0 and counts["preference"] > 0


def test_reading_origins_counts_what_decisions_carry() -> None:
    units = [
        make_unit("p1", "甲乙", "甲丙", ("c1",)),
        make_unit("p2", "丁戊", "丁己", ("c2",)),
        make_unit("p3", "庚辛", "庚壬", ("c3",)),
        make_unit("o", None, "只在右边。"),
        make_unit("n", "（下转第二版）", None, role="noise"),
    ]

    @dataclasses.dataclass(frozen=True)
    class WithOrigin:  # what decisions look like once suggestions record an origin
        choice: str
        text: str | None = None
        origin: str = "editor"

    decisions = {"c1": Decision("right"), "c2": WithOrigin("left", origin="suggestion")}
    got = reading_origins(units, decisions, "left")
    assert got == {"editor": 1, "suggestion": 1, "preference": 1, "default": 2}
    assert reading_origins(units, decisions)["preference"] == 0  # c3 unsettled without prefer


def test_hand_built_article_with_markup_characters_round_trips() -> None:
    units = [
        make_unit("t", "标题<一>", "标题<一>", role="title"),
        make_unit("b", "新华社北京7月18日电（记者 甲）", None, role="byline"),
        make_unit("b2", "本报记者 乙", "本报记者 乙", role="byline"),
        make_unit("p", 'A & B "x" <y>', 'A & C "x" <y>', ("c",)),
        make_unit("cap", "图为电梯。", "图为电梯。", role="caption"),
    ]
    a = make_alignment([("a1", "标题<一>", units)])
    files = render(a, {"c": Decision("edit", "D &amp; <E>")}, None, "tei-app")
    (name,) = [n for n in files if n.endswith(".xml")]
    assert name == "01-标题_一_.xml"
    data = files[name]
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI ') and data.endswith(
        b"</TEI>\n"
    )
    root = ET.fromstring(data)
    body = root.find(f"{T}text/{T}body")
    assert [el.tag.removeprefix(T) for el in body] == ["head", "dateline", "byline", "p", "figure"]
    assert body[1].get("wit") == "#left"
    assert block_text(body[3]) == 'A & D &amp; <E> "x" <y>'
    assert body.find(f"{T}figure/{T}figDesc").text == "图为电梯。"
    txt = render(a, {"c": Decision("edit", "D &amp; <E>")}, None, "txt")
    assert as_txt(root) == txt[name.replace(".xml", ".txt")].decode("utf-8")


def test_output_is_byte_stable_and_indented(sample: Alignment) -> None:
    one = render_tei(sample, {}, "left", "tei-app")
    assert one == render_tei(sample, {}, "left", "tei-app")
    text = next(iter(one.values())).decode("utf-8")
    lines = text.split("\n")
    assert lines[-1] == "" and "\r" not in text
    assert any(ln.startswith("      <p>") for ln in lines)  # one block per line, indented
    assert '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="zh">' in lines[1]


def test_cli_tei_app_on_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(
        ["export", LEFT, RIGHT, "--out", str(out), "--prefer", "left", "--format", "tei-app"]
    )
    assert code == 0, capsys.readouterr().err
    xml = sorted(out.glob("*.xml"))
    sample = align_files(LEFT, RIGHT)
    assert [p.name[:3] for p in xml] == [f"{i:02d}-" for i in range(1, len(xml) + 1)]
    apps = sum(len(list(ET.parse(p).getroot().iter(T + "app"))) for p in xml)
    conflicts = sum(
        len(u.conflicts) for _, u in sample.units() if merge_unit(u, {}, "left").text is not None
    )
    assert apps == conflicts > 0
    assert (out / "manifest.json").exists() and (out / "decisions.csv").exists()
