"""One test per failure shape of article structure on unseen pages (issue 7), on small
hand-made pages whose text is not the sample's: a web/markdown version against a PDF
extraction, the damage written out the way extraction and scraping produce it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
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

from reviewer.core.engine.normalize import normalize
from reviewer.core.text import canon


def test_pdf_title_after_its_body_followed_by_a_blank_line() -> None:
    right = pdf(("body", A_BODY), ("lines", [A_TITLE]), ("body", B_BODY), ("lines", [B_TITLE]))
    al = align(
        web((A_TITLE, A_BODY), (B_TITLE, B_BODY)), right.replace(A_TITLE + "\n", A_TITLE + "\n\n")
    )
    assert_whole(al, A_TITLE, A_BODY)
    assert_whole(al, B_TITLE, B_BODY)


def test_pdf_title_after_its_body_followed_by_the_next_story_at_once() -> None:
    # The title, then on the very next line the next story's dateline and first line.
    right = pdf(("body", A_BODY[1:]), ("lines", [A_TITLE]), ("body", C_BODY), ("lines", [C_TITLE]))
    al = align(
        web((A_TITLE, A_BODY[1:]), (C_TITLE, C_BODY)), right.replace("\n\n据新华社", "\n据新华社")
    )
    assert_whole(al, A_TITLE, A_BODY[1:])
    assert_whole(al, C_TITLE, C_BODY)


def test_pdf_only_stories_with_titles_after_their_bodies_stay_apart() -> None:
    right = pdf(
        ("body", A_BODY), ("lines", [A_TITLE]), ("body", B_BODY), ("lines", [B_TITLE]),
        ("body", C_BODY), ("lines", [C_TITLE]),
    )  # fmt: skip
    al = align(web((A_TITLE, A_BODY)), right)
    assert_whole(al, B_TITLE, B_BODY)
    assert_whole(al, C_TITLE, C_BODY)
    assert article_of(al, B_BODY[0][-10:]) != article_of(al, C_BODY[1][-10:])


def test_a_web_story_without_heading_is_split_off_where_the_pdf_separates_it() -> None:
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("lines", [C_TITLE]), ("body", C_BODY))
    al = align(web((A_TITLE, A_BODY), (None, C_BODY)), right)
    assert article_of(al, A_BODY[2][-10:]) != article_of(al, C_BODY[1][-10:])
    assert_whole(al, A_TITLE, A_BODY)


def test_a_web_heading_keeps_its_deck_byline_and_continuation_marker() -> None:
    left = (
        f"# {B_TITLE}\n\n近三年恢复湿地八万亩\n\n本报记者 李华\n\n（上接第一版）\n\n"
        + "\n\n".join(B_BODY) + "\n\n" + web((A_TITLE, A_BODY))
    )  # fmt: skip
    right = pdf(("lines", [B_TITLE, "——近三年恢复湿地八万亩"]), ("body", B_BODY),
                ("lines", [A_TITLE]), ("body", A_BODY))  # fmt: skip
    al = align(left, right)
    home = article_of(al, B_BODY[0][-10:])
    assert article_of(al, "本报记者李华") == home
    assert article_of(al, "近三年恢复湿地八万亩") == home
    assert canon(al.articles[home].title) == canon(B_TITLE)


def test_a_pdf_title_wrapped_over_two_lines_is_one_title_and_pairs_with_the_heading() -> None:
    right = pdf(("body", B_BODY), ("lines", [B_TITLE[:5], B_TITLE[5:]]), ("body", C_BODY))
    al = align(web((B_TITLE, B_BODY), (C_TITLE, C_BODY)), right)
    titles = [u for a in al.articles for u in a.units if u.role == "title" and u.right]
    assert any(canon(u.right) == canon(B_TITLE) and u.left for u in titles)


def test_a_title_with_a_dash_inside_stays_whole() -> None:
    title = "湿地修复——沿江城市的新课题"
    al = align(web((title, B_BODY)), pdf(("lines", [title]), ("body", B_BODY)))
    assert canon(al.articles[0].title) == canon(title)


def test_a_sentence_dropped_at_a_paragraph_end_is_a_conflict_in_the_paired_paragraph() -> None:
    full = B_BODY[1] + "首批站点将于年底建成。"
    al = align(web((B_TITLE, [B_BODY[0], B_BODY[1], B_BODY[2]])),
               pdf(("lines", [B_TITLE]), ("body", [B_BODY[0], full, B_BODY[2]])))  # fmt: skip
    unit = next(u for a in al.articles for u in a.units if u.right and "首批站点" in u.right)
    assert unit.left is not None and any("首批站点" in c.right for c in unit.conflicts)


def test_datelines_and_name_bylines_get_their_roles_and_spaces() -> None:
    body = ["本报讯（记者 陈静）" + B_BODY[0], *B_BODY[1:]]
    al = align(web((B_TITLE, ["张伟 刘洋", *body])), pdf(("lines", [B_TITLE]), ("body", body)))
    roles = {canon(u.left or ""): u for a in al.articles for u in a.units}
    names = roles[canon("张伟 刘洋")]
    assert names.role == "byline" and names.left == "张伟 刘洋"
    dateline = next(u for u in al.articles[0].units if u.left and u.left.startswith("本报讯"))
    assert dateline.role == "byline" and canon(dateline.left) == canon("本报讯（记者 陈静）")


def test_continuation_markers_are_noise_and_captions_stay_with_their_story() -> None:
    left = web((B_TITLE, [B_BODY[0], "（下转第三版）", *B_BODY[1:], "新华社记者 赵亮 摄"]),
               (A_TITLE, A_BODY))  # fmt: skip
    al = align(
        left, pdf(("lines", [B_TITLE]), ("body", B_BODY), ("lines", [A_TITLE]), ("body", A_BODY))
    )
    units = {
        canon(u.left or u.right or ""): (i, u) for i, a in enumerate(al.articles) for u in a.units
    }
    assert units[canon("（下转第三版）")][1].role == "noise"
    home, credit = units[canon("新华社记者赵亮摄")]
    assert credit.role == "caption" and home == article_of(al, B_BODY[1][-10:])


def test_a_web_paragraph_broken_mid_sentence_is_joined_in_one_sided_text() -> None:
    broken = [
        "工程将清理沿江各处违规养殖设施，在岸边滩涂补种本地",
        "水生植物，并建设候鸟栖息观测站点。",
    ]
    al = align(
        web((B_TITLE, [B_BODY[0], *broken, B_BODY[2]])), pdf(("lines", [A_TITLE]), ("body", A_BODY))
    )
    joined = [
        u for a in al.articles for u in a.units if u.left and "补种本地水生植物" in canon(u.left)
    ]
    assert len(joined) == 1


def test_a_short_web_line_is_joined_only_when_it_cannot_end_a_sentence() -> None:
    # Ends on a preposition; ends inside a word; goes on with a clause too short to stand
    # alone. A short heading-like line followed by a whole sentence stays a paragraph.
    pieces = [
        ("省林业局副局长陈明远在", "当天的座谈会上介绍了工程进展。"),
        ("在治理范围扩大的同时，监测网络", "逐步完善。沿江新设观测点十二个。"),
        ("守护一江碧水，共建生态长廊", "去年以来，沿江各地清理违规设施三百余处。"),
    ]
    body = [part for pair in pieces for part in pair]
    al = align(web((B_TITLE, body)), pdf(("lines", [A_TITLE]), ("body", A_BODY)))
    paras = [canon(u.left) for a in al.articles for u in a.units if u.left]
    assert canon("".join(pieces[0])) in paras and canon("".join(pieces[1])) in paras
    assert canon(pieces[2][0]) in paras and canon(pieces[2][1]) in paras


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    st.permutations([(A_TITLE, A_BODY), (B_TITLE, B_BODY), (C_TITLE, C_BODY)]),
    st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_swapping_left_and_right_mirrors_every_title(stories, after: list[bool]) -> None:
    left = web(*stories)
    blocks: list[tuple[str, list[str]]] = []
    for (title, body), late in zip(stories, after):
        blocks += (
            [("body", body), ("lines", [title])] if late else [("lines", [title]), ("body", body)]
        )
    right = pdf(*blocks)
    one, two = align(left, right), align(right, left)
    assert [a.title for a in one.articles] == [a.title for a in two.articles]
    assert [(u.left, u.right) for a in one.articles for u in a.units] == [
        (u.right, u.left) for a in two.articles for u in a.units
    ]


def test_a_passage_the_web_holds_twice_pairs_in_context_and_flags_the_copy() -> None:
    copy = B_BODY[1]
    left = web((B_TITLE, B_BODY), (A_TITLE, [A_BODY[1], copy, *A_BODY[2:]]))
    right = pdf(("lines", [B_TITLE]), ("body", B_BODY), ("lines", [A_TITLE]), ("body", A_BODY[1:]))
    al = align(left, right)
    units = [u for a in al.articles for u in a.units if u.left and canon(copy) == canon(u.left)]
    assert len(units) == 2
    paired = [u for u in units if u.right is not None]
    flagged = [u for u in units if u.right is None]
    assert len(paired) == 1 and len(flagged) == 1
    assert flagged[0].duplicate_of == paired[0].id
    # The copy kept is the one inside its own story, beside its neighbours.
    assert article_of(al, B_BODY[0][-10:]) == next(
        i for i, a in enumerate(al.articles) if paired[0] in a.units
    )


def test_a_sentence_the_web_dropped_stays_in_its_paragraph_when_the_pdf_runs_on() -> None:
    # The PDF paragraph ends at the column edge with a full stop, so its break to the next
    # paragraph is lost; the web version dropped its last sentence. The PDF can only end a
    # paragraph at a line end: the dropped sentence stays a conflict inside the pair.
    kept = "工程将清理违规养殖设施，补种本地水生植物。"
    dropped = "沿岸村镇也将建设污水处理站，全部生活污水设施于年内投入使用。"
    assert len(kept + dropped) % 17 == 0  # fills its last line exactly
    left = web((B_TITLE, [B_BODY[0], kept, B_BODY[2]]))
    right = pdf(("lines", [B_TITLE]), ("body", [B_BODY[0], kept + dropped, B_BODY[2]]))
    units = [u for a in align(left, right).articles for u in a.units]
    pair = next(u for u in units if u.left and canon(u.left) == canon(kept))
    assert pair.right is not None and canon(pair.right) == canon(kept + dropped)
    assert [canon(c.right) for c in pair.conflicts] == [canon(dropped)]
    last = next(u for u in units if u.left and canon(u.left) == canon(B_BODY[2]))
    assert last.right is not None and canon(last.right) == canon(B_BODY[2])


def test_a_bulleted_item_starts_a_paragraph_in_a_pdf_column() -> None:
    # The first item fills its last line with a full stop: only the bullet shows the break.
    items = [
        "●今年新建乡村公路三千公里，改造危桥两百座，新增农村客运班线一百条。",
        "●明年将继续推进。",
    ]
    assert len(items[0]) % 17 == 0
    right = pdf(("lines", [C_TITLE]), ("body", [C_BODY[1], *items]))
    assert [p.text for p in normalize(right)[1]][-2:] == items


def test_a_paragraph_closed_by_a_bracketed_credit_is_not_joined_to_the_next() -> None:
    credited = "春运期间各车站将延长售票时间，退票于开车六小时前办理。（张红梅）"
    body = [B_BODY[0], credited, B_BODY[2]]
    units = [
        u
        for a in align(web((B_TITLE, body)), pdf(("lines", [A_TITLE]), ("body", A_BODY))).articles
        for u in a.units
    ]
    assert any(u.left and canon(u.left) == canon(credited) for u in units)


def test_a_paragraph_printed_twice_in_a_row_keeps_the_first_copy() -> None:
    # The web version repeats a paragraph right after itself, under a byline the PDF lacks:
    # both copies share their surroundings, so the first is the original.
    twice = B_BODY[0]
    left = web((B_TITLE, ["本报记者 李华", twice, twice, *B_BODY[1:]]))
    right = pdf(("lines", [B_TITLE]), ("body", B_BODY))
    units = [u for a in align(left, right).articles for u in a.units]
    copies = [u for u in units if u.left and canon(u.left) == canon(twice)]
    assert len(copies) == 2
    assert copies[0].right is not None and copies[0].duplicate_of is None
    assert copies[1].right is None and copies[1].duplicate_of == copies[0].id


def test_a_pdf_only_story_opened_by_a_dateline_and_closed_by_its_title_stands_apart() -> None:
    # No blank line or title between the two bodies: the dateline opens the second story and
    # the title printed after it closes it.
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("body", C_BODY), ("lines", [C_TITLE]))
    al = align(web((A_TITLE, A_BODY)), right)
    assert_whole(al, A_TITLE, A_BODY)
    assert_whole(al, C_TITLE, C_BODY)


def test_a_wrapped_title_whose_first_line_reads_as_a_post_and_a_name_is_one_title() -> None:
    title = "王市长考察湿地修复工程"  # "王市长考察湿" alone reads like "市长" and a name
    right = pdf(("body", B_BODY), ("lines", [title[:6], title[6:]]), ("body", C_BODY),
                ("lines", [C_TITLE]))  # fmt: skip
    al = align(web((None, B_BODY), (C_TITLE, C_BODY)), right)  # the web lost that heading
    assert_whole(al, title, B_BODY)
    assert_whole(al, C_TITLE, C_BODY)


def test_a_wrapped_title_then_a_blank_line_then_the_next_title_are_two_titles() -> None:
    # "标题前半 / 后半" closing the story above, a blank line, then a title set tight on the
    # next story's first line: the blank line ends the first title block.
    right = pdf(("body", A_BODY), ("lines", [A_TITLE[:5], A_TITLE[5:]]))
    right += "\n" + pdf(("lines", [B_TITLE]), ("body", B_BODY))
    al = align(web((A_TITLE, A_BODY), (None, B_BODY)), right)
    assert_whole(al, A_TITLE, A_BODY)
    assert_whole(al, B_TITLE, B_BODY)


def test_a_short_title_after_a_full_last_line_of_body_is_not_joined_to_the_body() -> None:
    # The body's last line fills the column and ends the sentence; the title that follows
    # is a line of its own, not the rest of that paragraph.
    last = "工程将清理违规养殖设施，补种本地水生植物，并在湖区新建候鸟观察站点。"
    assert len(last) % 17 == 0  # a full last line in a 17-character column
    body = [B_BODY[0], last]
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("body", body), ("lines", [B_TITLE]))
    al = align(web((A_TITLE, A_BODY)), right)
    assert_whole(al, B_TITLE, body)
    assert all(u.role != "paragraph" or B_TITLE not in (u.right or "") for a in al.articles
               for u in a.units)  # fmt: skip


def test_a_title_line_naming_nothing_before_the_title_that_names_the_body_is_body_text() -> None:
    # Titles printed after their bodies; a short last line without sentence end, a blank
    # line, then the title wrapped over two lines: the title is the one naming the body.
    weather = "明天天气：晴转多云"
    right = pdf(("body", A_BODY), ("lines", [A_TITLE])) + "\n" + pdf(("body", B_BODY))
    right += f"{weather}\n\n{B_TITLE[:5]}\n{B_TITLE[5:]}\n\n"
    right += pdf(("body", C_BODY), ("lines", [C_TITLE]))
    al = align(web((A_TITLE, A_BODY), (B_TITLE, [*B_BODY, weather]), (C_TITLE, C_BODY)), right)
    assert_whole(al, B_TITLE, [*B_BODY, weather])
    units = [u for a in al.articles for u in a.units]
    title = next(u for u in units if u.role == "title" and u.left == B_TITLE)
    assert canon(title.right or "") == canon(B_TITLE)
    line = next(u for u in units if u.right and weather in u.right)
    assert line.role == "paragraph" and line.left == weather


def test_a_pdf_only_story_set_apart_after_a_photo_credit_and_closed_by_its_title() -> None:
    # An indented first line after the credit closing the story above, the title after.
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY)) + "新华社记者李明摄\n\n"
    right += " " + pdf(("body", B_BODY), ("lines", [B_TITLE]))
    al = align(web((A_TITLE, [*A_BODY, "新华社记者李明摄"])), right)
    assert_whole(al, A_TITLE, A_BODY)
    assert_whole(al, B_TITLE, B_BODY)


def test_a_dateline_left_on_a_short_line_of_its_own_opens_a_story_after_a_credit() -> None:
    # "本报南宁3月6日电记者" on a short line, its text on the next lines: a story opens.
    first = "王华报道：" + B_BODY[0]
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY)) + "新华社记者李明摄\n\n"
    right += "本报南宁3月6日电记者\n\n" + pdf(("body", [first, *B_BODY[1:]]), ("lines", [B_TITLE]))
    al = align(web((B_TITLE, ["本报南宁3月6日电", "记者" + first, *B_BODY[1:]])), right)
    assert_whole(al, A_TITLE, A_BODY)
    assert article_of(al, "新华社记者李明摄") == article_of(al, A_BODY[-1][-10:])
    assert article_of(al, A_BODY[-1][-10:]) != article_of(al, first[-10:])


def test_two_stories_between_a_title_above_and_a_title_below_are_cut_after_the_credit() -> None:
    # A PDF-only story titled above, its photo credit, then a story whose title is printed
    # after it: where the titles' words do not decide, the cut falls after the credit.
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY)) + "新华社记者李明摄\n\n"
    right += pdf(("body", B_BODY), ("lines", [B_TITLE]))
    al = align(web((B_TITLE, B_BODY)), right)
    assert_whole(al, A_TITLE, A_BODY)
    assert_whole(al, B_TITLE, B_BODY)
    assert article_of(al, "新华社记者李明摄") == article_of(al, A_BODY[-1][-10:])


def test_two_lines_set_apart_like_body_lines_are_never_one_wrapped_title() -> None:
    # A short last line of the body and the title printed after it, each between blank
    # lines: two units, the title being the one whose words name the body.
    line = "湿地保护的新探索"
    right = pdf(("body", A_BODY), ("lines", [A_TITLE])) + "\n" + pdf(("body", B_BODY))
    right += f"{line}\n\n{B_TITLE}\n\n" + pdf(("body", C_BODY), ("lines", [C_TITLE]))
    al = align(web((A_TITLE, A_BODY), (B_TITLE, [*B_BODY, line]), (C_TITLE, C_BODY)), right)
    assert_whole(al, B_TITLE, [*B_BODY, line])
    units = [u for a in al.articles for u in a.units]
    assert any(u.role == "title" and canon(u.right or "") == canon(B_TITLE) for u in units)
    assert any(u.role == "paragraph" and u.left == line == u.right for u in units)


def test_a_title_like_line_naming_nothing_does_not_cut_the_story_it_stands_in() -> None:
    # Titles printed after their bodies on this page, but the story below has its title
    # above; a short title-like line inside it, whose words name nothing, is body text.
    line = "今年春季首次试点"
    body = [B_BODY[0], "沿江湿地" + B_BODY[1], line, B_BODY[2]]
    a_body = [*A_BODY, "不少家长表示，校车开进村寨以后，孩子们上学更安全，家里也更放心了。"]
    right = pdf(("body", a_body), ("lines", [A_TITLE])) + "\n" + pdf(("lines", [B_TITLE]))
    right += pdf(("body", body[:2])) + f"{line}\n\n" + pdf(("body", body[3:]))
    al = align(web((A_TITLE, a_body), (B_TITLE, body)), right)
    assert_whole(al, A_TITLE, a_body)
    assert_whole(al, B_TITLE, [body[0], body[1], body[3]])


def test_a_web_story_without_heading_keeps_its_deck_above_the_continuation_marker() -> None:
    # The web lost the heading: a deck line, "（上接第一版）", then the dateline and text.
    deck = "近三年恢复湿地八万亩"
    body = ["新华社武汉3月6日电" + B_BODY[0], *B_BODY[1:]]
    left = web((A_TITLE, A_BODY), (None, [deck, "（上接第一版）", *body]))
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("body", body), ("lines", [B_TITLE, deck]))
    al = align(left, right)
    home = article_of(al, B_BODY[0][-10:])
    assert article_of(al, deck) == home == article_of(al, B_BODY[-1][-10:])
    assert article_of(al, "新华社武汉3月6日电") == home


def test_a_title_ending_in_a_post_and_a_common_word_is_a_title_not_a_byline() -> None:
    # "…部长会谈" reads like a post and a name ("农业部部长刘江"), but "会谈" is a word.
    from reviewer.core.engine.roles import classify

    title = "中日农业部长会谈"
    assert classify(title) == "paragraph"
    assert classify("农业部部长刘江") == "byline"
    body = ["新华社东京3月6日电 中日两国农业部长今天在东京举行会谈，就农产品贸易交换意见。",
            "双方同意加强农业科技合作，共同应对粮食安全挑战。"]  # fmt: skip
    right = pdf(("lines", [A_TITLE]), ("body", A_BODY), ("body", body), ("lines", [title]))
    al = align(web((A_TITLE, A_BODY), (None, body)), right)
    assert_whole(al, title, body[1:])


def test_a_story_paragraph_about_filming_is_not_a_photo_caption() -> None:
    from reviewer.core.engine.roles import classify

    assert classify("摄制组在山区小学拍摄了一个多月，记录孩子们乘校车上学的日常。") == "paragraph"
    assert classify("这是3月5日拍摄的山区小学新校车。") == "caption"
    assert classify("新华社记者李明摄") == "caption"
