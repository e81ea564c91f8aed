"""Every user command, declared once: id, label, default keys, menu, handler name.

Menus, shortcuts and the ``?`` cheat sheet are generated from ``ACTIONS`` (``actions``); keys
can be rebound in ``keys.json`` in the user config directory (``keymap``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TR_NOOP


class ActionId(Enum):
    OPEN = "open"
    OPEN_CORPUS = "open_corpus"
    EXPORT = "export"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    FIND = "find"
    NEXT_CONFLICT = "next_conflict"
    PREV_CONFLICT = "prev_conflict"
    NEXT_UNRESOLVED = "next_unresolved"
    PREV_UNRESOLVED = "prev_unresolved"
    NEXT_ARTICLE = "next_article"
    PREV_ARTICLE = "prev_article"
    NEXT_PAGE = "next_page"
    PREV_PAGE = "prev_page"
    TAKE_LEFT = "take_left"
    TAKE_RIGHT = "take_right"
    TAKE_BOTH = "take_both"
    TAKE_BOTH_RL = "take_both_rl"
    EDIT = "edit"
    KEEP = "keep"
    DROP = "drop"
    CLEAR = "clear"
    ACCEPT_SUGGESTION = "accept_suggestion"
    ACCEPT_ARTICLE_SUGGESTIONS = "accept_article_suggestions"
    ACCEPT_ALL_SUGGESTIONS = "accept_all_suggestions"
    TAKE_LEFT_ARTICLE = "take_left_article"
    TAKE_RIGHT_ARTICLE = "take_right_article"
    ACCEPT_ARTICLE_DEFAULTS = "accept_article_defaults"
    ACCEPT_ALL_DEFAULTS = "accept_all_defaults"
    NEXT_TRIAGE = "next_triage"
    PREV_TRIAGE = "prev_triage"
    LIST_KIND = "list_kind"
    FILTER_UNRESOLVED = "filter_unresolved"
    SHOW_RAW = "show_raw"
    CHEAT_SHEET = "cheat_sheet"
    NEXT_UNIT = "next_unit"
    PREV_UNIT = "prev_unit"
    SPLIT_ARTICLE = "split_article"
    JOIN_ARTICLE = "join_article"
    NEXT_ROLE = "next_role"
    PREV_ROLE = "prev_role"
    PAIR_WITH = "pair_with"
    UNPAIR = "unpair"
    JOIN_UNITS = "join_units"
    SPLIT_UNIT = "split_unit"
    PREVIEW_FILE = "preview_file"
    MOVE_TO_PREVIOUS_ARTICLE = "move_to_previous_article"
    MOVE_TO_NEXT_ARTICLE = "move_to_next_article"


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    label: str  # English source text; shown through label_text()
    keys: tuple[str, ...]
    menu: str
    handler: str  # method name on the window or the controller
    review: bool = False  # a decision: no auto-repeat, so a held key decides only once
    checkable: bool = False


A = ActionId
# Labels and menu titles are marked with QT_TR_NOOP so pyside6-lupdate collects them (in the
# catalogue's unnamed context); the English text stays the key and is translated where shown.
MENUS = (
    QT_TR_NOOP("&File"),
    QT_TR_NOOP("&Edit"),
    QT_TR_NOOP("&Navigate"),
    QT_TR_NOOP("&Resolve"),
    QT_TR_NOOP("&Settle"),
    QT_TR_NOOP("S&tructure"),
    QT_TR_NOOP("&View"),
    QT_TR_NOOP("&Help"),
)
_S = "S&tructure"
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(A.OPEN, QT_TR_NOOP("&Open…"), ("Ctrl+O",), "&File", "open_dialog"),
    ActionSpec(
        A.OPEN_CORPUS,
        QT_TR_NOOP("Open a &corpus (two folders)…"),
        ("Ctrl+Shift+O",),
        "&File",
        "corpus_dialog",
    ),
    ActionSpec(A.EXPORT, QT_TR_NOOP("&Export…"), ("Ctrl+E",), "&File", "export_dialog"),
    ActionSpec(A.QUIT, QT_TR_NOOP("&Quit"), ("Ctrl+Q",), "&File", "close"),
    ActionSpec(A.UNDO, QT_TR_NOOP("&Undo decision"), ("Z", "Ctrl+Z"), "&Edit", "undo", review=True),
    ActionSpec(
        A.REDO, QT_TR_NOOP("&Redo decision"), ("Shift+Z", "Ctrl+Shift+Z"), "&Edit", "redo", True
    ),
    ActionSpec(A.FIND, QT_TR_NOOP("&Find…"), ("Ctrl+F",), "&Edit", "show_find"),
    ActionSpec(
        A.NEXT_CONFLICT, QT_TR_NOOP("&Next conflict"), ("J", "Alt+Down"), "&Navigate", "next_item"
    ),
    ActionSpec(
        A.PREV_CONFLICT, QT_TR_NOOP("&Previous conflict"), ("K", "Alt+Up"), "&Navigate", "prev_item"
    ),
    ActionSpec(
        A.NEXT_UNRESOLVED,
        QT_TR_NOOP("Next &unresolved"),
        ("N", "Ctrl+Shift+PgDown"),
        "&Navigate",
        "next_unresolved",
    ),
    ActionSpec(
        A.PREV_UNRESOLVED,
        QT_TR_NOOP("Previous u&nresolved"),
        ("Shift+N", "Ctrl+Shift+PgUp"),
        "&Navigate",
        "prev_unresolved",
    ),
    ActionSpec(A.NEXT_TRIAGE, QT_TR_NOOP("Next &triage item"), ("T",), "&Navigate", "next_triage"),
    ActionSpec(
        A.PREV_TRIAGE, QT_TR_NOOP("Previous triage item"), ("Shift+T",), "&Navigate", "prev_triage"
    ),
    ActionSpec(A.NEXT_ARTICLE, QT_TR_NOOP("Next &article"), ("]",), "&Navigate", "next_article"),
    ActionSpec(
        A.PREV_ARTICLE, QT_TR_NOOP("Previous a&rticle"), ("[",), "&Navigate", "prev_article"
    ),
    # Corpus mode: the next/previous page that still has conflicts left.
    ActionSpec(
        A.NEXT_PAGE,
        QT_TR_NOOP("Next &page with work left"),
        ("PgDown", "}"),
        "&Navigate",
        "next_page",
    ),
    ActionSpec(
        A.PREV_PAGE,
        QT_TR_NOOP("Previous pa&ge with work left"),
        ("PgUp", "{"),
        "&Navigate",
        "prev_page",
    ),
    ActionSpec(
        A.TAKE_LEFT,
        QT_TR_NOOP("Take &left"),
        ("1", "Left", "Ctrl+1"),
        "&Resolve",
        "take_left",
        True,
    ),
    ActionSpec(
        A.TAKE_RIGHT,
        QT_TR_NOOP("Take &right"),
        ("2", "Right", "Ctrl+2"),
        "&Resolve",
        "take_right",
        True,
    ),
    ActionSpec(
        A.TAKE_BOTH,
        QT_TR_NOOP("Take &both (left, then right)"),
        ("3",),
        "&Resolve",
        "take_both",
        True,
    ),
    ActionSpec(
        A.TAKE_BOTH_RL,
        QT_TR_NOOP("Take both (right, &then left)"),
        ("4",),
        "&Resolve",
        "take_both_rl",
        True,
    ),
    ActionSpec(
        A.EDIT,
        QT_TR_NOOP("&Edit the paragraph in context…"),
        ("E",),
        "&Resolve",
        "edit_current",
        True,
    ),
    ActionSpec(
        A.KEEP,
        QT_TR_NOOP("&Keep one-sided unit / duplicate (on a title row: the article)"),
        ("Space",),
        "&Resolve",
        "keep",
        True,
    ),
    ActionSpec(
        A.DROP,
        QT_TR_NOOP("&Drop one-sided unit / duplicate (on a title row: the article)"),
        ("X",),
        "&Resolve",
        "drop",
        True,
    ),
    ActionSpec(
        A.CLEAR, QT_TR_NOOP("&Forget the decision"), ("Backspace",), "&Resolve", "clear", True
    ),
    ActionSpec(
        A.ACCEPT_SUGGESTION,
        QT_TR_NOOP("&Accept the suggestion"),
        ("A",),
        "&Settle",
        "accept_suggestion",
        True,
    ),
    ActionSpec(
        A.ACCEPT_ARTICLE_SUGGESTIONS,
        QT_TR_NOOP("Accept suggestions ≥ 0.9 in this &article"),
        ("Shift+A",),
        "&Settle",
        "accept_article_suggestions",
        True,
    ),
    ActionSpec(
        A.ACCEPT_ALL_SUGGESTIONS,
        QT_TR_NOOP("Accept suggestions ≥ 0.9 in the &whole review…"),
        ("Ctrl+Shift+A",),
        "&Settle",
        "accept_all_suggestions",
        True,
    ),
    # Shift+1 arrives as "!" (Shift+2 as "@", US layout). One binding only: on X11 a key
    # press matches every form Qt derives from it, and two bound forms make it ambiguous.
    ActionSpec(
        A.TAKE_LEFT_ARTICLE,
        QT_TR_NOOP("Take &left for the article: all its undecided conflicts"),
        ("Shift+!",),
        "&Settle",
        "take_left_article",
        True,
    ),
    ActionSpec(
        A.TAKE_RIGHT_ARTICLE,
        QT_TR_NOOP("Take &right for the article: all its undecided conflicts"),
        ("Shift+@",),
        "&Settle",
        "take_right_article",
        True,
    ),
    ActionSpec(
        A.ACCEPT_ARTICLE_DEFAULTS,
        QT_TR_NOOP(
            "Accept the &defaults in this article (keep paragraphs, drop duplicates, noise)"
        ),
        ("D",),
        "&Settle",
        "accept_article_defaults",
        True,
    ),
    ActionSpec(
        A.ACCEPT_ALL_DEFAULTS,
        QT_TR_NOOP("Accept the defaults in the whole review…"),
        ("Shift+D",),
        "&Settle",
        "accept_all_defaults",
        True,
    ),
    ActionSpec(
        A.FILTER_UNRESOLVED,
        QT_TR_NOOP("&Unresolved only (conflict list)"),
        ("U",),
        "&View",
        "set_unresolved_only",
        checkable=True,
    ),
    ActionSpec(
        A.LIST_KIND,
        QT_TR_NOOP("List: all items / conflicts / triage"),
        ("Shift+U",),
        "&View",
        "cycle_list_kind",
    ),
    ActionSpec(
        A.SHOW_RAW,
        QT_TR_NOOP("&Raw source of the current unit"),
        ("R",),
        "&View",
        "set_raw_visible",
        checkable=True,
    ),
    # Structure by hand: one undo step each, on the current unit (Ctrl+Up/Down picks another).
    ActionSpec(
        A.NEXT_UNIT, QT_TR_NOOP("Structure unit: &next row"), ("Ctrl+Down",), _S, "next_unit"
    ),
    ActionSpec(
        A.PREV_UNIT, QT_TR_NOOP("Structure unit: &previous row"), ("Ctrl+Up",), _S, "prev_unit"
    ),
    ActionSpec(
        A.SPLIT_ARTICLE,
        QT_TR_NOOP("&Split the article before this unit"),
        ("S",),
        _S,
        "split_article",
        True,
    ),
    ActionSpec(
        A.JOIN_ARTICLE,
        QT_TR_NOOP("&Join the article with the previous one"),
        ("Shift+S",),
        _S,
        "join_article",
        True,
    ),
    ActionSpec(
        A.NEXT_ROLE,
        QT_TR_NOOP("&Role: next (title, subtitle, byline…)"),
        ("Y",),
        _S,
        "next_role",
        True,
    ),
    ActionSpec(A.PREV_ROLE, QT_TR_NOOP("Role: previous"), ("Shift+Y",), _S, "prev_role", True),
    ActionSpec(
        A.PAIR_WITH, QT_TR_NOOP("&Pair with a unit of the other version…"), ("G",), _S, "pair_with"
    ),
    ActionSpec(A.UNPAIR, QT_TR_NOOP("&Unpair the row"), ("Shift+G",), _S, "unpair", True),
    ActionSpec(
        A.JOIN_UNITS,
        QT_TR_NOOP("Join the unit with the &next (broken sentence)"),
        ("Shift+J",),
        _S,
        "join_units",
        True,
    ),
    ActionSpec(
        A.SPLIT_UNIT,
        QT_TR_NOOP("S&plit the unit at a point… (Enter splits)"),
        ("V",),
        _S,
        "split_unit",
    ),
    ActionSpec(
        A.MOVE_TO_PREVIOUS_ARTICLE,
        QT_TR_NOOP("&Move the unit to the end of the previous article"),
        ("M",),
        _S,
        "move_to_previous_article",
        True,
    ),
    ActionSpec(
        A.MOVE_TO_NEXT_ARTICLE,
        QT_TR_NOOP("Move the unit to the start of the next article"),
        ("Shift+M",),
        _S,
        "move_to_next_article",
        True,
    ),
    ActionSpec(
        A.PREVIEW_FILE,
        QT_TR_NOOP("&Preview the article as its file (NN-title.txt)"),
        ("P",),
        "&View",
        "preview_file",
    ),
    ActionSpec(
        A.CHEAT_SHEET, QT_TR_NOOP("&Keyboard cheat sheet"), ("?", "F1"), "&Help", "show_cheat_sheet"
    ),
)
SPECS: dict[ActionId, ActionSpec] = {s.id: s for s in ACTIONS}
