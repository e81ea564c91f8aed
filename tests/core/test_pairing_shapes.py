"""Shared passages in one paired unit (issue 7): title-block lines of the PDF re-cut as the
web version prints them, text only one version has kept with its paragraph. Each shape on
a small hand-made page, not the sample's text."""

from __future__ import annotations

from pages import (
    A_BODY,
    A_TITLE,
    B_BODY,
    B_TITLE,
    C_BODY,
    C_TITLE,
    align,
    pdf,
    web,
    wrap,
)

from reviewer.core.model import Alignment, Unit
from reviewer.core.text import canon


def unit_with(al: Alignment, side: str, text: str) -> Unit:
    """The one unit whose ``side`` reading is ``text`` (whitespace aside)."""
    hits = [u for _a, u in al.units() if canon(getattr(u, side) or "") == canon(text)]
    assert len(hits) == 1, f"{text!r}: {len(hits)} units read so on the {side}"
    return hits[0]


def test_a_deck_set_tight_under_a_pdf_title_is_its_own_paired_line() -> None:
    deck = "三年恢复湿地八万亩候鸟栖息地明显增加"  # longer than the title, no comma: wraps on
    left = f"# {B_TITLE}\n\n{deck}\n\n" + "\n\n".join(B_BODY) + "\n"
    right = pdf(("body", B_BODY), ("lines", [B_TITLE, deck]), ("body", C_BODY))
    al = align(left, right)
    title = unit_with(al, "left", B_TITLE)
    assert canon(title.right or "") == canon(B_TITLE) and title.role == "title"
    sub = unit_with(al, "left", deck)
    assert canon(sub.right or "") == canon(deck) and sub.role == "subtitle"


def test_a_pdf_title_glued_to_the_last_line_of_its_body_pairs_with_the_heading() -> None:
    # The body's last line fills the column, so the title line after it runs on from it.
    last = "家长们说孩子上学的路终于不再难走了，村里的老老少少都很高兴满意。"
    assert len(last) == 32
    right = (
        pdf(("body", A_BODY[1:]))
        + f"{last[:16]}\n\n{last[16:]}\n\n{A_TITLE}\n\n"
        + pdf(("body", C_BODY), ("lines", [C_TITLE]))
    )
    al = align(web((A_TITLE, [*A_BODY[1:], last]), (C_TITLE, C_BODY)), right)
    title = unit_with(al, "left", A_TITLE)
    assert canon(title.right or "") == canon(A_TITLE)


def test_a_title_the_pdf_breaks_before_its_dash_is_one_paired_title() -> None:
    title = "湿地修复——沿江城市的新课题"
    left = f"# {title}\n\n" + "\n\n".join(B_BODY) + f"\n\n# {A_TITLE}\n\n" + "\n\n".join(A_BODY)
    right = pdf(("lines", ["湿地修复", "——沿江城市的新课题"]), ("body", B_BODY),
                ("lines", [A_TITLE]), ("body", A_BODY))  # fmt: skip
    al = align(left + "\n", right)
    unit = unit_with(al, "left", title)
    assert canon(unit.right or "") == canon(title) and unit.role == "title"


def test_a_sentence_dropped_before_a_glued_paragraph_stays_in_the_paired_paragraph() -> None:
    # The PDF has one more sentence at the end of a paragraph, and its last line fills the
    # column, so the next paragraph runs on after it.
    first = "今年的校车都配备了安全员。有的家长认为，有了校车就放心了。"
    extra = "也有的家长认为，安全员的培训同样重要，要经常组织演练，家长们才能真正地放心啊！"
    lines = [(first + extra)[i : i + 17] for i in range(0, len(first + extra), 17)]
    assert len(lines[-1]) == 17  # a full last line: no break after it
    right = pdf(("lines", [A_TITLE])) + "".join(f"{ln}\n\n" for ln in lines)
    right += pdf(("body", [A_BODY[3]]), ("lines", [C_TITLE]), ("body", C_BODY))
    al = align(web((A_TITLE, [first, A_BODY[3]]), (C_TITLE, C_BODY)), right)
    unit = unit_with(al, "left", first)
    assert unit.right is not None and canon(unit.right) == canon(first + extra)
    assert any(canon(c.right) == canon(extra) for c in unit.conflicts)
    assert canon(unit_with(al, "left", A_BODY[3]).right or "") == canon(A_BODY[3])


def test_a_deck_the_web_prints_as_a_plain_line_is_a_subtitle_as_the_pdf_sets_it() -> None:
    deck = "——三年恢复湿地八万亩"
    left = web((A_TITLE, A_BODY), (None, [deck, *B_BODY]))
    # The PDF sets the title block apart from the body by a blank line.
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", [B_TITLE, deck]))
    right += "\n" + pdf(("body", B_BODY))
    unit = unit_with(align(left, right), "left", deck)
    assert unit.right is not None and unit.role == "subtitle"


def test_a_paragraph_closed_by_a_signature_is_not_run_on_into_the_credit_after_it() -> None:
    signed = B_BODY[2] + "（李华）"
    credit = "新华社记者张明摄"
    left = web((B_TITLE, [*B_BODY[:2], signed, credit]))
    right = pdf(("lines", [B_TITLE]), ("body", [*B_BODY[:2], signed]), ("lines", [credit]))
    al = align(left, right)
    unit = unit_with(al, "left", signed)
    assert unit.role == "paragraph" and canon(unit.right or "") == canon(signed)
    assert unit_with(al, "left", credit).role == "caption"


def test_a_paragraph_that_mentions_filming_is_not_a_photo_caption() -> None:
    from reviewer.core.engine.roles import classify

    assert classify("每次拍摄之前，他总是先和被拍的人聊天，了解他们的生活和想法。") == "paragraph"
    assert classify("这是3月5日在昆明拍摄的山区校车。") == "caption"
    assert classify("山区小学的新校车（新华社记者 张明 拍摄）") == "caption"
    assert classify("（王明摄）（新华社稿）") == "caption"  # the credit, then a note
    assert classify("压题照片为山区小学的新校车。") == "caption"
    assert classify("（王明）") != "caption"  # a signature, not a credit


def test_a_pdf_dateline_wrapped_inside_its_reporter_bracket_stays_one_dateline() -> None:
    # A narrow column right after a wide one: the first line, cut inside "（记者…", is
    # short against its neighbours, yet the open bracket says it goes on.
    dateline = "新华社昆明3月5日电（记者王明）"
    body = "".join(A_BODY[2:]) + "".join(C_BODY[1:])
    story = "".join(B_BODY) + "".join(B_BODY)
    wide = wrap(story, 24)
    narrow = ["新华社昆明 3 月 5 日电（记者王", "明）" + body[:12]]
    narrow += [body[i : i + 14] for i in range(12, len(body), 14)]
    right = "".join(f"{ln}\n\n" for ln in [*wide, B_TITLE, *narrow])
    left = web((B_TITLE, [story]), (A_TITLE, [dateline + body]))
    unit = unit_with(align(left, right), "left", dateline)
    assert canon(unit.right or "") == canon(dateline) and unit.role == "byline"


def test_a_photo_credit_printed_under_two_stories_pairs_in_each() -> None:
    credit = "新华/传真"
    left = web((A_TITLE, [*A_BODY, credit]), (B_TITLE, [*B_BODY, credit]))
    # The PDF prints each title after its body, the credit in the title block.
    right = pdf(("body", A_BODY), ("lines", [A_TITLE, credit]), ("body", B_BODY),
                ("lines", [B_TITLE, credit]))  # fmt: skip
    al = align(left, right)
    credits = [(ai, u) for ai, a in enumerate(al.articles) for u in a.units if u.left == credit]
    assert len(credits) == 2 and all(u.right == credit and u.role == "caption" for _, u in credits)
    assert credits[0][0] != credits[1][0]


def test_two_bylines_that_share_only_their_boilerplate_are_not_one_line() -> None:
    credit = "本报记者李明摄"
    # A_BODY opens with the byline "本报记者 王明"; the web also keeps a continuation mark.
    left = web((B_TITLE, [*B_BODY, credit]), (None, [A_BODY[0], "（上接第一版）", *A_BODY[1:]]))
    right = pdf(
        ("lines", [B_TITLE]), ("body", B_BODY), ("lines", [credit, "本报记者 路平"]),
        ("body", C_BODY), ("lines", [A_TITLE, A_BODY[0]]), ("body", A_BODY[1:]),
    )  # fmt: skip
    unit = unit_with(align(left, right), "left", A_BODY[0])
    assert canon(unit.right or "") == canon(A_BODY[0])


def test_a_break_the_pdf_guessed_inside_a_web_paragraph_is_joined() -> None:
    # A full line ends a sentence and the next line starts "二是…": the PDF guesses a
    # paragraph break there; the web prints one paragraph.
    first = "今年山区学校交通有两项变化：一是新增校车一千二百辆。"
    second = "二是每辆校车都配备了安全员，家长们都很放心。"
    para = first + second
    assert len(first) == 26
    lines = [para[i : i + 13] for i in range(0, len(para), 13)]  # a narrow column
    right = pdf(("lines", [A_TITLE])) + "".join(f"{ln}\n\n" for ln in lines)
    unit = unit_with(align(web((A_TITLE, [para])), right), "left", para)
    assert canon(unit.right or "") == canon(para)


def test_a_web_paragraph_ending_on_another_paragraphs_tail_stays_one_paired_unit() -> None:
    # The web ends the paragraph with words from elsewhere on the page; the PDF has the
    # paragraph's own two closing sentences. One paragraph with a difference at its end.
    own = (
        "校车统一配备安全员，每天早晚接送学生往返学校和村寨。"
        "家长不再为孩子翻山越岭上学而担心。村里的老人也说这是一件大好事。"
    )
    spliced = "校车统一配备安全员，并建设候鸟栖息观测站点。"  # B_BODY[1]'s tail
    left = web((A_TITLE, [A_BODY[1], spliced]), (B_TITLE, B_BODY))
    right = pdf(("body", [A_BODY[1], own]), ("lines", [A_TITLE]), ("body", B_BODY),
                ("lines", [B_TITLE]))  # fmt: skip
    unit = unit_with(align(left, right), "left", spliced)
    assert canon(unit.right or "") == canon(own) and unit.conflicts


def test_a_headline_ending_on_a_post_and_words_is_no_byline() -> None:
    from reviewer.core.engine.roles import classify

    assert classify("农业厅厅长王明") == "paragraph"  # no post of the list: a title-like line
    assert classify("湖南省农业厅副厅长兼局长刘明") == "byline"
    assert classify("县委书记的一本账") == "paragraph"
    assert classify("两国外交部长会谈") == "paragraph"
    assert classify("访省教育厅副厅长——局长张华") == "paragraph"


def test_full_lines_of_a_narrow_pdf_column_after_a_wide_one_stay_one_paragraph() -> None:
    # The lines of the narrow column are short against the wide column before them; as
    # wide as each other, with the sentence going on, they are one paragraph.
    story = "".join(B_BODY) + "".join(B_BODY)
    para = "去年三月，省教育厅专门就山区校车安全下发通知，要求各地管好校车和司机。"
    wide = wrap(story, 24)
    narrow = [para[i : i + 13] for i in range(0, len(para), 13)]
    right = "".join(f"{ln}\n\n" for ln in [*wide, B_TITLE, *narrow, A_TITLE])
    left = web((B_TITLE, [story]), (A_TITLE, [para]))
    unit = unit_with(align(left, right), "left", para)
    assert canon(unit.right or "") == canon(para)


def test_a_sentences_last_character_on_a_line_of_its_own_stays_with_its_paragraph() -> None:
    para = "省里三位负责人参加了会见。"
    story = "".join(B_BODY) + "".join(B_BODY)
    lines = [*wrap(story, 24), B_TITLE, para[:-2], para[-2:], A_TITLE]
    right = "".join(f"{ln}\n\n" for ln in lines)
    unit = unit_with(
        align(web((B_TITLE, [story, para]), (A_TITLE, A_BODY[:1])), right), "left", para
    )
    assert canon(unit.right or "") == canon(para)
