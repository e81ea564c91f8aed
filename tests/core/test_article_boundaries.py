"""Article boundaries on small hand-made pages (issue 7): titles printed after their bodies,
photo items, wrapped titles and story heads one version left with the story before."""

from __future__ import annotations

from pages import (
    A_BODY,
    A_TITLE,
    B_BODY,
    B_TITLE,
    C_BODY,
    C_TITLE,
    align,
    article_of,
    assert_whole,
    pdf,
    web,
)

from reviewer.core.text import canon


def test_a_story_head_the_pdf_left_with_the_story_above_goes_back_to_its_title() -> None:
    # The PDF prints the second story's title after it, and its first paragraph (which
    # shares words with the first title) reads as the end of the first story; the web's
    # heading above that paragraph and the PDF's title name one story.
    first = "沿江山区小学用上了新校车，师生们乘车参加湿地保护行动，清理河道垃圾。"
    body = [first, *B_BODY]
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("body", body), ("lines", [B_TITLE]))
    al = align(web((A_TITLE, A_BODY), (B_TITLE, body)), right)
    assert_whole(al, A_TITLE, A_BODY)
    assert_whole(al, B_TITLE, body)


def test_a_web_paragraph_closed_by_its_dateline_is_not_joined_to_the_credit_after_it() -> None:
    from reviewer.core.engine.normalize import normalize

    closed = B_BODY[2] + "（本报武汉电）"
    _layout, paras = normalize(web((B_TITLE, [*B_BODY[:2], closed, "新华/传真"])))
    assert [p.text for p in paras][-2:] == [closed, "新华/传真"]


def test_a_pdf_title_wrapped_inside_a_word_is_one_title_even_with_a_longer_second_line() -> None:
    title = "沿江城市推进湿地保护，三年恢复湿地八万亩"
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("body", B_BODY))
    right += pdf(("lines", [title[:7], title[7:]]), ("body", C_BODY), ("lines", [C_TITLE]))
    al = align(web((A_TITLE, A_BODY), (None, B_BODY), (C_TITLE, C_BODY)), right)
    assert_whole(al, title, B_BODY)


def test_a_title_after_its_body_then_a_numbered_photo_item_are_apart() -> None:
    # The web lost the first heading. A title on a full line, then "１、…（新华社发）": the
    # title closes the story above, the long photo item opens the next text, and "图片新闻"
    # is printed after the items.
    title = "沿江城市推进湿地保护修复工程进展顺利"
    items = [
        "１、３月５日，山区小学的孩子们在新校车前合影留念，校车将接送他们往返学校。（新华社发）",
        "２、沿江湿地迎来今年第一批越冬候鸟，观鸟爱好者在观测站拍照记录候鸟的数量。",
    ]
    right = pdf(("body", B_BODY)) + f"{title}\n\n" + pdf(("body", items), ("lines", ["图片新闻"]))
    al = align(web((None, B_BODY), ("图片新闻", items)), right)
    assert_whole(al, title, B_BODY)
    assert_whole(al, "图片新闻", items)


def test_a_long_photo_item_after_a_story_goes_with_the_title_printed_after_it() -> None:
    # Between a title above and "图片新闻" below, the cut falls before the first photo item,
    # not after it: a long caption is an item of its own, not a credit closing the story.
    items = [
        "１、３月５日，山区小学的孩子们在新校车前合影留念，校车将接送他们往返学校。（新华社发）",
        "２、沿江湿地迎来今年第一批越冬候鸟，观鸟爱好者在观测站拍照记录候鸟的数量。",
    ]
    right = pdf(("lines", [C_TITLE]), ("body", C_BODY), ("body", items), ("lines", ["图片新闻"]))
    al = align(web((C_TITLE, C_BODY), (None, items)), right)
    assert_whole(al, C_TITLE, C_BODY)
    assert_whole(al, "图片新闻", items)


def test_text_under_a_title_naming_none_of_it_goes_to_the_title_below_that_names_it() -> None:
    # A title-like block naming nothing, the closing dateline and credit of the story above,
    # then a story whose title is printed after it: that title, not the one above, is its.
    tail = ["（新华社昆明3月5日电）", "新华社记者李明摄"]
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", ["春光明媚", "百花盛开时节"]))
    right += "\n" + pdf(("body", [*tail, *B_BODY]), ("lines", [B_TITLE]))
    al = align(web((A_TITLE, [*A_BODY, *tail]), (None, B_BODY)), right)
    assert_whole(al, A_TITLE, [*A_BODY, *tail])
    assert_whole(al, B_TITLE, B_BODY)


def test_a_pdf_only_story_after_a_titled_story_and_closed_by_its_own_title_stands_apart() -> None:
    # An indented first line after a story titled above, and a title printed after: the text
    # between the two titles is a story of its own, not the rest of the one above.
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY)) + " " + pdf(("body", B_BODY))
    right += pdf(("lines", [B_TITLE]))
    al = align(web((A_TITLE, A_BODY)), right)
    assert_whole(al, A_TITLE, A_BODY)
    assert_whole(al, B_TITLE, B_BODY)


def test_a_pdf_title_does_not_run_on_into_a_much_longer_line_a_date_or_a_third_line() -> None:
    # Stories only the PDF prints: a title wraps where its first line is full, so a line
    # more than twice as long under it, a date alone, or a line after a shorter second
    # line is not more of the title.
    left = web((A_TITLE, A_BODY))
    cases = [
        (["春耕物资充足", "全省化肥农药种子储备量比去年同期增加三成以上"], "春耕物资充足"),
        (["本报编辑部", "２０２４年３月５日"], "本报编辑部"),
        (["沿江城市推进湿地", "保护工程", "三年恢复湿地八万亩"], "沿江城市推进湿地保护工程"),
    ]
    for lines, title in cases:
        right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", lines), ("body", C_BODY))
        al = align(left, right)
        assert canon(al.articles[article_of(al, C_BODY[0][-10:])].title) == canon(title)


def test_a_web_page_opening_on_a_deck_keeps_it_with_the_story_the_pdf_titles() -> None:
    # The web lost the heading and opens on the deck; the PDF prints title, deck and
    # byline after the body.
    deck = "●沿江多市联手，三年恢复湿地八万亩"
    left = web((None, [deck, "本报记者 王平", *B_BODY]), (C_TITLE, C_BODY))
    right = pdf(("body", B_BODY), ("lines", [B_TITLE, deck, "本报记者 王平"]), ("body", C_BODY))
    right += pdf(("lines", [C_TITLE]))
    al = align(left, right)
    assert_whole(al, B_TITLE, [deck, *B_BODY])


def test_a_pdf_line_closed_by_a_bracketed_signature_ends_its_paragraph() -> None:
    # A full last line "…。（王平）" (digits make it measure short), then a title: the
    # signature closes the paragraph, the title is not joined to it.
    from reviewer.core.engine.normalize import normalize

    lines = [
        "沿江多个城市近日启动新一轮湿地保护修",
        "复工程，计划三年内恢复湿地面积八万亩",
        "，投资120亿元，惠及沿岸居民。（王平）",
        "湿地保护修复工程进展顺利",
    ]
    right = pdf(("body", C_BODY)) + "\n\n".join(lines) + "\n\n" + pdf(("body", A_BODY))
    _layout, paras = normalize(right)
    texts = [canon(p.text) for p in paras]
    assert canon("".join(lines[:3])) in texts
    assert canon(lines[3]) in texts


def test_of_two_cuts_the_words_tie_on_the_one_leaving_the_upper_title_s_words_above() -> None:
    # Two stories with no break between them, one titled above and one after: a paragraph
    # that repeats the upper title's words, and by chance one pair of the lower title's
    # characters ("协会长江老师"), stays with the upper story.
    from reviewer.core.engine.paragraph import Para
    from reviewer.core.engine.segment import Block, Fragment, _split_between_titles

    def block(text: str, role: str = "paragraph") -> Block:
        return Block(Para(text, list(range(len(text)))), role)

    upper = [
        "山区小学今年用上新校车一千二百辆，覆盖偏远村寨四千多个。",
        "家长们说，有了新校车，孩子上学再不用翻山越岭，协会长江老师每天随车照看。",
    ]
    frag = Fragment(0, titles=[block(A_TITLE, "title")], body=[block(t) for t in upper])
    frag.body += [block(t) for t in B_BODY]
    assert _split_between_titles(frag, [block("长江沿岸湿地保护", "title")]) == 2


def test_an_editor_with_his_post_under_a_pdf_title_is_a_byline_not_more_of_the_title() -> None:
    from reviewer.core.engine.roles import classify

    assert classify("新华社高级编辑王立新") == "byline"
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY))
    right += pdf(("lines", [C_TITLE, "新华社高级编辑王立新"]), ("body", C_BODY))
    al = align(web((A_TITLE, A_BODY)), right)
    assert canon(al.articles[article_of(al, C_BODY[1][-10:])].title) == canon(C_TITLE)


def test_a_pdf_title_wider_than_the_column_is_not_joined_to_the_full_line_above() -> None:
    from reviewer.core.engine.normalize import normalize

    title = "沿江城市推进湿地保护修复工程三年恢复湿地八万亩"  # wider than the column
    full = "工程将清理违规养殖设施，补种本地水生植物，并建设候鸟栖息观测站点等。"  # 2 full lines
    right = pdf(("body", [B_BODY[0], full])) + title + "\n\n" + pdf(("body", C_BODY))
    _layout, paras = normalize(right)
    assert canon(title) in [canon(p.text) for p in paras]


def test_a_web_deck_heading_without_its_title_leaves_the_title_to_the_pdf_line_above() -> None:
    # The web lost the second story's title and keeps its deck as a "##" heading; the PDF
    # sets the title and the deck in one block.
    deck = "三年恢复湿地八万亩"
    left = (
        f"# {A_TITLE}\n\n"
        + "\n\n".join(A_BODY)
        + f"\n\n## {deck}\n\n本报记者 王平\n\n"
        + "\n\n".join(B_BODY)
    )
    right = pdf(
        ("lines", [A_TITLE]),
        ("body", A_BODY),
        ("lines", [B_TITLE, deck, "本报记者 王平"]),
        ("body", B_BODY),
    )
    al = align(left, right)
    art = al.articles[article_of(al, B_BODY[1][-10:])]
    assert canon(art.title) == canon(B_TITLE)
    assert [u.role for u in art.units if u.left == deck] == ["subtitle"]
