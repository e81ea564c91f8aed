"""Article boundaries on small hand-made pages (issue 7): titles printed after their bodies,
photo items, wrapped titles and story heads one version left with the story before."""

from __future__ import annotations

from tests.core.test_structure_shapes import (
    A_BODY,
    A_TITLE,
    B_BODY,
    B_TITLE,
    C_BODY,
    C_TITLE,
    align,
    assert_whole,
    pdf,
    web,
)


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
    from reviewer.core.normalize import normalize

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
