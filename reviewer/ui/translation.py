"""The UI language: which one (``--lang``, then the setting, then the system locale) and
the Qt translator that speaks it.

Catalogues are ``reviewer_<lang>.qm`` in ``resources/translations`` (made from the ``.ts``
sources by ``python -m reviewer.dev.translations``). English is the source language; its
catalogue holds only the plural forms ("%n conflict(s)" → "1 conflict" / "2 conflicts").
The setting is ``language`` in ``settings.json`` beside ``keys.json``: ``{"language": "zh_CN"}``.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reviewer.core.paths import TRANSLATIONS
from reviewer.ui.keymap import keys_file

LANGUAGES = ("en", "zh_CN")
DEFAULT = "en"
_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def settings_file() -> Path:
    """Where the language setting lives: beside keys.json."""
    return keys_file().parent / "settings.json"


def normalise(name: str | None) -> str | None:
    """ "zh_CN", "zh-cn", "zh_Hans_CN", "zh" → "zh_CN"; "en_GB" → "en"; unknown → None."""
    if not name:
        return None
    low = name.replace("-", "_").lower()
    if low.startswith("zh"):
        # Traditional-script locales get the Simplified catalogue too: closer than English.
        return "zh_CN"
    if low.startswith(("en", "c", "posix")):
        return "en"
    return None


def setting() -> str | None:
    """The language stored in settings.json, if any (a bad file is ignored)."""
    try:
        raw = json.loads(settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return normalise(raw.get("language")) if isinstance(raw, dict) else None


def choose(requested: str | None = None) -> str:
    """``--lang`` first, then the setting, then the system locale; English otherwise."""
    for candidate in (requested, setting()):
        lang = normalise(candidate)
        if lang:
            return lang
    for name in QLocale.system().uiLanguages():
        lang = normalise(name)
        if lang:
            return lang
    return DEFAULT


def catalogue(lang: str) -> Path:
    return TRANSLATIONS / f"reviewer_{lang}.qm"


def install(app: QCoreApplication, lang: str) -> bool:
    """Replace the application's translators with those for ``lang``; False if missing."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ok = True
    tr = QTranslator(app)
    if tr.load(str(catalogue(lang))):
        app.installTranslator(tr)
        _installed.append(tr)
    else:
        ok = False
    if lang != DEFAULT:
        # Qt's own strings (Cancel, OK in message boxes) from the Qt catalogue, if present.
        from PySide6.QtCore import QLibraryInfo

        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(lang), "qtbase", "_", folder):
            app.installTranslator(qt)
            _installed.append(qt)
    return ok
