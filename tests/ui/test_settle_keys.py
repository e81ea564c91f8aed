"""Bulk decisions with real key presses on the real window: each is one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.review import bulk
from reviewer.ui.command_table import ActionId
from reviewer.ui.main_window import MainWindow

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _article_conflicts(s, art: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [it.key for it in s.items if it.article_index == art and not it.triage]


def test_shift_1_and_shift_2_take_a_side_for_the_article(sample_window: MainWindow, qtbot) -> None:
    s, view = sample_window.controller.session, sample_window.view
    art = s.current.article_index
    keys = _article_conflicts(s, art)
    assert len(keys) >= 3
    # A real keyboard sends Shift+1 as the key "!" with Shift held.
    qtbot.keyClick(view, K.Key_Exclam, SHIFT)
    assert all(
        s.decision(k).choice == "left" and s.decision(k).origin == "preference" for k in keys
    )
    assert s.current.article_index != art  # on to the next article's conflicts
    qtbot.keyClick(view, K.Key_Z)  # one undo step for the whole article
    assert all(s.decision(k) is None for k in keys)
    qtbot.keyClick(view, K.Key_At, SHIFT)  # Shift+2 on a US keyboard
    assert all(s.decision(k).choice == "right" for k in keys)
    # One binding each: on X11 one key press matches every form Qt derives from it (Shift+!,
    # !, Shift+1), and two bound forms would make Qt call the shortcut ambiguous and do nothing.
    for aid in (ActionId.TAKE_LEFT_ARTICLE, ActionId.TAKE_RIGHT_ARTICLE):
        assert len(sample_window.actions[aid].shortcuts()) == 1


def _confirm_with_enter(w: MainWindow, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    box = w.message_box
    assert box is not None and box.objectName() == name and box.isVisible()
    qtbot.keyClick(box, K.Key_Return)  # the dialog's default button: one key
    assert not box.isVisible()


def test_a_accepts_the_suggestion_and_shift_a_the_article(sample_window: MainWindow, qtbot) -> None:
    s, view = sample_window.controller.session, sample_window.view
    first = next(it for it in s.items if s.suggestion_of(it) is not None)
    s.goto_key(first.key)
    qtbot.keyClick(view, K.Key_A)
    d = s.decision(first.key)
    assert d is not None and d.choice == s.suggestion_of(first).pick and d.origin == "suggestion"
    qtbot.keyClick(view, K.Key_Z)
    assert s.decision(first.key) is None
    s.goto_key(first.key)
    art = first.article_index
    want = [k for k, _d in bulk.suggestions(s, 0.9, art)]
    assert want
    qtbot.keyClick(view, K.Key_A, SHIFT)
    assert all(s.decision(k).origin == "suggestion" for k in want)
    assert s.status().resolved == len(want)
    qtbot.keyClick(view, K.Key_Z)
    assert s.status().resolved == 0


def test_accept_all_suggestions_asks_once_with_the_count(sample_window: MainWindow, qtbot) -> None:
    w, s, view = sample_window, sample_window.controller.session, sample_window.view
    want = [k for k, _d in bulk.suggestions(s, 0.9)]
    qtbot.keyClick(view, K.Key_A, CTRL | SHIFT)
    assert f"Accept {len(want)} suggested readings" in w.message_box.text()
    assert s.status().resolved == 0  # nothing before the confirmation
    _confirm_with_enter(w, qtbot, "confirm_box")
    assert sorted(s.decisions) == sorted(want)
    qtbot.keyClick(view, K.Key_Z)
    assert not s.decisions
    # Cancel decides nothing.
    qtbot.keyClick(view, K.Key_A, CTRL | SHIFT)
    qtbot.keyClick(w.message_box, K.Key_Escape)
    assert not s.decisions


def test_defaults_for_the_article_and_the_review(sample_window: MainWindow, qtbot) -> None:
    w, s, view = sample_window, sample_window.controller.session, sample_window.view
    art = s.current.article_index
    triage = [it.key for it in s.items if it.triage and it.article_index == art]
    qtbot.keyClick(view, K.Key_D)
    assert all(s.decision(k).origin == "default" for k in triage)
    dups = [it.key for it in s.items if it.triage and s.unit_of(it).duplicate_of]
    qtbot.keyClick(view, K.Key_D, SHIFT)
    _confirm_with_enter(w, qtbot, "confirm_box")
    st = s.status()
    assert st.triage_left == 0 and st.conflicts_left == st.conflicts
    assert w.resolved_label.text() == f"{st.conflicts} conflicts left · triage settled"
    assert dups and all(s.decision(k).choice == "drop" for k in dups)
    qtbot.keyClick(view, K.Key_Z)
    assert s.status().triage_left == st.triage - len(triage)
    qtbot.keyClick(view, K.Key_Z)
    assert not s.decisions


def test_space_and_x_on_the_title_row_settle_a_one_sided_article(
    sample_window: MainWindow, qtbot
) -> None:
    s, view = sample_window.controller.session, sample_window.view
    title = next(it for it in s.items if bulk.is_title_row(s, it))
    art = [it.key for it in s.items if it.article_index == title.article_index]
    assert len(art) >= 3
    qtbot.keyClick(view, K.Key_T)  # t walks the triage items
    assert s.current.triage
    s.goto_key(title.key)
    qtbot.keyClick(view, K.Key_X)
    assert all(s.decision(k).choice == "drop" for k in art)
    qtbot.keyClick(view, K.Key_Z)
    assert all(s.decision(k) is None for k in art)
    s.goto_key(title.key)
    qtbot.keyClick(view, K.Key_Space)
    assert all(s.decision(k).choice == "keep" for k in art)
    # Inside the article (not its title row) Space decides one unit only.
    qtbot.keyClick(view, K.Key_Z)
    s.goto_key(art[1])
    qtbot.keyClick(view, K.Key_X)
    assert [k for k in art if s.decision(k)] == [art[1]]


def test_t_and_shift_t_and_the_list_filter(sample_window: MainWindow, qtbot) -> None:
    w, s, view = sample_window, sample_window.controller.session, sample_window.view
    qtbot.keyClick(view, K.Key_T)
    first = s.cursor
    assert s.current.triage
    qtbot.keyClick(view, K.Key_T)
    assert s.current.triage and s.cursor > first
    qtbot.keyClick(view, K.Key_T, SHIFT)
    assert s.cursor == first
    qtbot.keyClick(view, K.Key_N)  # n: back to a word conflict
    assert not s.current.triage
    lm = w.conflicts.list_model
    st = s.status()
    assert lm.rowCount() == st.total
    qtbot.keyClick(view, K.Key_U, SHIFT)
    assert lm.kind == "conflicts" and lm.rowCount() == st.conflicts
    qtbot.keyClick(view, K.Key_U, SHIFT)
    assert lm.kind == "triage" and lm.rowCount() == st.triage
    qtbot.keyClick(view, K.Key_U, SHIFT)
    assert lm.rowCount() == st.total


def test_scripted_key_press_runs_meet_the_targets(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.bench_keys import _run

    bulk_run = _run("bulk", str(tmp_path / "bulk"))
    assert bulk_run["keys_bulk"] <= 30
    sugg = _run("suggestions", str(tmp_path / "sugg"))
    assert sugg["keys_suggestions"] <= 15 and sugg["keys_suggestions_suggestion"] >= 5
    assert (tmp_path / "sugg" / "manifest.json").exists()
