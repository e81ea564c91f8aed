"""The catalogues are complete and current, and the window speaks the chosen language."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT, TRANSLATIONS
from reviewer.core.review.session import Status
from reviewer.dev import translations as dev
from reviewer.ui import app as app_mod
from reviewer.ui import translation
from reviewer.ui.reasons import reason_text
from reviewer.ui.settle import status_text

PLACEHOLDER = re.compile(r"\{\w*\}|%n")


def _messages(lang: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(TRANSLATIONS / f"reviewer_{lang}.ts").getroot()
    return [(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_entry_is_finished_and_keeps_its_placeholders(lang: str) -> None:
    messages = _messages(lang)
    assert messages
    for ctx, m in messages:
        src = m.findtext("source") or ""
        tr = m.find("translation")
        assert tr is not None and tr.get("type") is None, f"{ctx}: {src!r} is {tr.get('type')}"
        forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
        if m.get("numerus") == "yes":  # Chinese has one plural form, English two
            assert len(forms) == (1 if lang == "zh_CN" else 2), src
        for text in forms:
            assert text.strip(), f"{ctx}: {src!r} has an empty translation"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(src)), (
                f"{ctx}: {src!r} → {text!r}: placeholders differ"
            )
            if "&" in src.replace("&amp;", "") and ctx == "":  # a menu mnemonic survives
                assert "&" in text, f"{src!r} → {text!r} lost its mnemonic"
        if lang == "zh_CN":  # said in Chinese: no English word left (the product name aside)
            for f in forms:
                words = re.sub(r"<[^>]*>|\{\w*\}|Reviewer", "", f)
                assert re.search(r"[\u4e00-\u9fff]", f) or not re.search("[a-z]{4}", words), f


def test_chinese_catalogue_covers_every_string_and_english_every_plural() -> None:
    zh = {(c, m.findtext("source")) for c, m in _messages("zh_CN")}
    en = {(c, m.findtext("source")) for c, m in _messages("en")}
    plural = {(c, m.findtext("source")) for c, m in _messages("zh_CN") if m.get("numerus")}
    assert en == plural and len(zh) > 200


@pytest.mark.skipif(
    not shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)),
    reason="pyside6-lupdate is not installed beside this Python",
)
def test_catalogues_are_current_with_the_source(tmp_path: Path, monkeypatch) -> None:
    """lupdate over reviewer/ui finds exactly the strings the committed catalogue has, and
    the committed .qm is what lrelease makes of the .ts (run reviewer.dev.translations)."""
    for f in TRANSLATIONS.glob("reviewer_*.ts"):
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setattr(dev, "TRANSLATIONS", tmp_path)
    for lang in dev.CATALOGUES:
        before = (tmp_path / f"reviewer_{lang}.ts").read_text("utf-8")
        dev.update(lang, quiet=True)
        assert (tmp_path / f"reviewer_{lang}.ts").read_text("utf-8") == before, (
            f"reviewer_{lang}.ts is stale: run python -m reviewer.dev.translations"
        )
        qm = dev.release(lang, quiet=True)
        assert qm.read_bytes() == (TRANSLATIONS / qm.name).read_bytes(), f"{qm.name} is stale"


def test_language_choice_order(private_home: Path, monkeypatch) -> None:
    assert translation.normalise("zh-Hans-CN") == "zh_CN"
    assert translation.normalise("zh_TW") == "zh_CN"
    assert translation.normalise("en_GB") == "en"
    assert translation.normalise("fr_FR") is None
    assert translation.choose("zh_CN") == "zh_CN"
    settings = translation.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"language": "zh_CN"}), encoding="utf-8")
    assert translation.choose(None) == "zh_CN"  # the setting beats the system locale
    assert translation.choose("en") == "en"  # --lang beats the setting
    settings.write_text("{not json", encoding="utf-8")
    assert translation.choose(None) in translation.LANGUAGES  # a bad file is ignored


@pytest.fixture
def chinese(qapp):
    assert translation.install(qapp, "zh_CN")
    yield qapp
    translation.install(qapp, "en")


def _status(conflicts_left: int, triage_left: int) -> Status:
    return Status(
        total=200,
        resolved=0,
        cursor=0,
        article_index=0,
        article_count=8,
        can_undo=False,
        can_redo=False,
        conflicts=40,
        triage=160,
        conflicts_left=conflicts_left,
        triage_left=triage_left,
    )


def test_english_plurals(qapp) -> None:
    assert translation.install(qapp, "en")
    assert status_text(_status(1, 0)) == "1 conflict left · triage settled"
    assert status_text(_status(2, 1)) == "2 conflicts left · 1 triage, defaults apply"


def test_chinese_counts(chinese) -> None:
    assert status_text(_status(1, 0)) == "剩余 1 处冲突 · 分拣项已处理"
    assert status_text(_status(21, 110)) == "剩余 21 处冲突 · 110 个分拣项，按默认处理"


def test_the_window_speaks_chinese(qtbot, private_home: Path) -> None:
    _app, controller, window = app_mod.create_window(lang="zh_CN")
    try:
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:3] == ["文件(&F)", "编辑(&E)", "导航(&N)"]
        take_left = window.actions[next(a for a in window.actions if a.value == "take_left")]
        assert take_left.text() == "采用左侧(&L)"
        assert window.resolved_label.text() == "未打开审校"
        assert window.list_dock.windowTitle() == "冲突"
        with qtbot.waitSignal(controller.loaded, timeout=60_000):
            controller.open_pair(SAMPLE_LEFT, SAMPLE_RIGHT, False)
        assert "处冲突" in window.resolved_label.text()
        assert window.model.headerData(2, Qt.Orientation.Horizontal, 0) == "合并结果"
        assert window.article_label.text() == "第 1 篇，共 8 篇"
    finally:
        controller.close_project()
        translation.install(QCoreApplication.instance(), "en")
    _app, controller, window = app_mod.create_window(lang="en")
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"  # switching back is clean


SAMPLE_NOTES = [
    "suggests right: left breaks the word 千帆竞发 (0.90)",
    "suggests left: stray 的 on the right (0.70)",
    "suggests left: sentence missing on the right (0.93)",
    "suggests right: also at ¶3.9: pasted text (0.90)",
    "duplicate of ¶3.9 (identical)",
    "duplicate of ¶3.9, differs: 「下一步」 ↔ 「∅」, 「a」 ↔ 「b」 and 2 more",
    "no suggestion",
]


def test_core_notes_are_said_in_chinese_and_unchanged_in_english(qapp) -> None:
    translation.install(qapp, "en")
    assert [reason_text(n) for n in SAMPLE_NOTES] == SAMPLE_NOTES
    translation.install(qapp, "zh_CN")
    try:
        zh = [reason_text(n) for n in SAMPLE_NOTES]
    finally:
        translation.install(qapp, "en")
    assert zh[0] == "建议采用右侧：左侧拆断了词语 千帆竞发（0.90）"
    assert zh[5] == "与 ¶3.9 重复，差异：「下一步」 ↔ 「∅」, 「a」 ↔ 「b」，另有 2 处"
    assert all(not re.search("[a-z]{4}", z) for z in zh), zh
    assert reason_text("a shape nobody knows") == "a shape nobody knows"


def test_every_note_on_the_sample_has_a_known_shape(qapp) -> None:
    """The core's own notes on the real sample all match a shape (none stays English)."""
    from reviewer.core.engine.pipeline import align_files
    from reviewer.core.review.describe import duplicate_note, suggestion_note

    alignment = align_files(SAMPLE_LEFT, SAMPLE_RIGHT)
    notes = {
        suggestion_note(c.suggestion)
        for a in alignment.articles
        for u in a.units
        for c in u.conflicts
    }
    notes |= {
        duplicate_note(alignment, u)
        for a in alignment.articles
        for u in a.units
        if u.duplicate_of is not None
    }
    translation.install(qapp, "zh_CN")
    try:
        unknown = [n for n in notes if reason_text(n) == n]
    finally:
        translation.install(qapp, "en")
    assert len(notes) > 3 and unknown == []


def test_cli_screenshot_in_chinese(tmp_path: Path) -> None:
    out = tmp_path / "zh.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    env |= {"XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    r = subprocess.run(
        [sys.executable, "-m", "reviewer", "--lang", "zh_CN", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 50_000
    bad = subprocess.run(
        [sys.executable, "-m", "reviewer", "--lang", "fr", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert bad.returncode == 2 and "--lang" in bad.stderr
