"""Missed article boundaries on small hand-made pages (issue 7): two stories the engine
would read as one, where the title block, its byline or its deck shows where the second one
starts."""

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
    wrap,
)


def test_a_pdf_only_story_whose_title_names_its_reporter_starts_a_story() -> None:
    # Titles printed after their bodies; the second one shares no words with its story
    # and a photo credit closes its block.
    # Then a story only the PDF prints, its title and its reporter's byline set apart from
    # its text by a blank line: a section head has no reporter.
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    first = "盼了多年的好事"
    title = "边境口岸货运量创新高"
    body = [
        "据新华社南宁3月8日电 边境口岸今年前两个月货运量同比增长三成，创同期新高。",
        "口岸货运量增长主要得益于通关手续简化和跨境物流线路增加。",
        "海关表示将继续优化边境口岸通关流程，为进出口企业提供便利。",
    ]
    credit = "新华社记者张平摄"
    right = (
        pdf(("body", top), ("lines", [B_TITLE]), ("body", A_BODY[1:]), ("lines", [first, credit]))
        + "\n"
        + pdf(("lines", [title, "新华社记者 李强 赵刚"]))
        + "\n"
        + pdf(("body", body))
    )
    al = align(web((B_TITLE, top), (first, [*A_BODY[1:], credit])), right)
    assert_whole(al, first, A_BODY[1:])
    assert_whole(al, title, body)
    assert article_of(al, "新华社记者李强赵刚") == article_of(al, body[1][-10:])


def test_a_title_whose_deck_names_its_text_keeps_it_when_the_next_title_closes_a_story() -> None:
    # A title naming its text only once, a deck under it naming it well; below its text a
    # story only the PDF prints, whose title comes after it: the cut lies between the two
    # texts, not above the first one.
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    title, deck = "春运大幕拉开", "●增开夜间列车●延长售票时间●开通网上订票"
    body = [
        "本报讯 铁路部门今年春运期间增开夜间列车一百二十对，满足旅客出行需要。",
        "各大车站延长售票时间至晚上十点，并在候车室增设服务台。",
    ]
    other = "几个为什么"
    other_body = [
        "小区停车难，为什么新建的停车场却空着？记者走访了几个小区。",
        "居民说停车场收费太高，为什么不能按月优惠，物业说还要研究。",
        "为什么好事办不好，关键在于没有听取居民的意见。",
    ]
    right = pdf(
        ("body", top), ("lines", [B_TITLE]), ("lines", [title, deck]), ("body", body),
        ("body", other_body), ("lines", [other]),
    )  # fmt: skip
    al = align(web((B_TITLE, top), (title, [deck, *body])), right)
    assert_whole(al, title, body)
    assert_whole(al, other, other_body)


def test_a_caption_closing_a_title_block_does_not_run_into_the_next_story() -> None:
    # The first story's title printed after it, with its deck and a photo caption set tight
    # under it; a blank line, then the next story's first line, a little wider than the
    # caption: the caption ends the block as a complete line, it is no first line of text.
    caption = "压题照片为沿江新建的湿地公园。"
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    right = (
        pdf(("body", top), ("lines", [B_TITLE, "——来自长江沿岸的报告", caption]))
        + "\n"
        + pdf(("body", A_BODY[2:]), ("lines", [A_TITLE]))
    )
    al = align(web((B_TITLE, [*top, caption]), (A_TITLE, A_BODY[2:])), right)
    assert_whole(al, B_TITLE, [*top, caption])
    assert_whole(al, A_TITLE, A_BODY[2:])


def test_a_credit_with_a_note_under_a_title_stays_a_line_of_its_own() -> None:
    # A photo item only the PDF prints, its title after it and "（记者王小平摄）（新华社稿）"
    # set tight under the title; a blank line, then the next story.
    photo = ["一月十四日中午，沿江湿地公园迎来今年第一批越冬的候鸟，游客们纷纷驻足观赏。"]
    title, credit = "候鸟归来", "（记者王小平摄）（新华社稿）"
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    right = (
        pdf(("body", photo), ("lines", [title, credit]))
        + "\n"
        + pdf(("body", top), ("lines", [B_TITLE]))
    )
    al = align(web((B_TITLE, top)), right)
    assert_whole(al, B_TITLE, top)
    assert article_of(al, credit) == article_of(al, photo[0][-10:])
    assert article_of(al, photo[0][-10:]) != article_of(al, top[0][-10:])


def test_a_pdf_only_story_titled_after_a_story_its_title_closed_starts_a_story() -> None:
    # A story closed by its title block printed after it (a title that names none of it);
    # then a title line set apart that names the text below it, a story only the PDF
    # prints: whatever follows a closed story is a new one.
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    first = "盼了多年的好事"
    title = "边境口岸货运量创新高"
    body = [
        "边境口岸今年前两个月货运量同比增长三成，创同期新高，进出口货物种类明显增加。",
        "口岸货运量增长主要得益于通关手续简化和跨境物流线路增加。",
    ]
    right = (
        pdf(("body", top), ("lines", [first, "——来自长江沿岸的报告"]))
        + "\n"
        + pdf(("lines", [title]))
        + "\n"
        + pdf(("body", body))
    )
    al = align(web((first, top)), right)
    assert_whole(al, first, top)
    assert_whole(al, title, body)


def test_a_pdf_only_story_run_into_a_story_titled_below_it_is_cut_off() -> None:
    # A story only the PDF prints (its title and byline above it) runs on, with no break
    # the PDF shows, into the text of the next story, whose title is printed after it and
    # names none of it; the web prints that story under its heading.
    title = "读书的季节"
    solo = [
        "每到冬天，村里的图书室就热闹起来，农闲的乡亲们围着火炉读报看书。",
        "图书室管理员老李说，今年新添了两百多册农业技术书籍，借阅的人特别多。",
        "不少年轻人还在这里学会了上网查资料，把学到的新技术用到自家的果园里。",
    ]
    other = "回顾与展望"
    right = pdf(
        ("lines", [title, "本报记者 李华"]), ("body", solo + B_BODY), ("lines", [other]),
        ("body", A_BODY[1:]), ("lines", [A_TITLE]),
    )  # fmt: skip
    al = align(web((other, B_BODY), (A_TITLE, A_BODY[1:])), right)
    assert_whole(al, title, solo)
    assert_whole(al, other, B_BODY)
    assert article_of(al, solo[0][-10:]) != article_of(al, B_BODY[0][-10:])


def test_two_titles_as_wide_as_the_column_run_together_are_cut_apart() -> None:
    # A title printed after its story and the title of a story only the PDF prints, each
    # a line as wide as the column, which the line joining runs into one paragraph.
    first = "沿江城市推进湿地保护工程计划三年内恢复湿地面积八万亩"
    second = "春耕备耕物资供应总体充足化肥种子农药价格保持基本稳定"
    top = [
        *B_BODY,
        "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景，感受生态建设新成果。",
    ]

    def column(paras: list[str]) -> str:
        return "".join(line + "\n\n" for p in paras for line in wrap(p, 26))

    right = column(top) + first + "\n\n" + second + "\n\n" + column(C_BODY)
    al = align(web((first, top)), right)
    assert_whole(al, first, top)
    assert_whole(al, second, C_BODY)


def test_a_signature_closing_a_paragraph_is_where_two_stories_under_two_titles_part() -> None:
    # A story titled above ends on its signature "（王平）"; the next story, only the PDF
    # prints it and its title comes after it, opens on words of the first title: the
    # signature, not the words, says where the first story ends.
    title = "农村公路建设加快推进"
    body = [
        "本报讯 今年全省农村公路建设投资比去年增加两成，新建和改造农村公路三千公里。",
        "交通部门要求各地加快推进农村公路建设，确保年底前全部完工。（王平）",
    ]
    lower = [
        "去年以来，全省农村建设加快，山区学生上学路远、家长接送难的问题越来越受到社会各方的关注。",
        "今年全省山区小学新增校车一千二百辆，覆盖偏远村寨四千多个。",
        "校车统一配备安全员，每天早晚接送学生往返学校和村寨。",
    ]
    right = pdf(
        ("lines", [title]), ("body", body + lower), ("lines", [A_TITLE]),
        ("body", B_BODY), ("lines", [B_TITLE]),
    )  # fmt: skip
    al = align(web((title, body), (B_TITLE, B_BODY)), right)
    assert_whole(al, title, body)
    assert_whole(al, A_TITLE, lower)


def test_a_dateline_after_a_photo_items_captions_opens_a_story() -> None:
    # A photo item (its title, byline, dateline and two captions of text), then a dateline
    # opening a story only the PDF prints, whose title comes after it: the captions end
    # the photo item's head, so the dateline is no second line of it.
    caps = [
        "1：5日，游客在沿江湿地公园观赏今年第一批越冬的候鸟，不少市民带着孩子前来。（新华社发）",
        "2：6日，山区小学的学生们乘坐新校车上学，家长们在村口送别孩子。（新华社发）",
    ]
    right = (
        pdf(("lines", ["图片新闻", "新华社记者 孟平 马刚"]))
        + "\n"
        + pdf(("body", ["据新华社北京3月5日电 " + caps[0], caps[1], *C_BODY]), ("lines", [C_TITLE]))
    )
    al = align(web(("图片新闻", caps)), right)
    assert_whole(al, "图片新闻", caps)
    assert_whole(al, C_TITLE, C_BODY)


def test_a_title_naming_nothing_keeps_its_text_down_to_the_photo_credit() -> None:
    # "编者的话" names none of its text; below the photo credit that closes it comes a
    # story only the PDF prints, whose title after it names only that story's text.
    title, credit, lower_title = "编者的话", "新华社记者张平摄", "卖灯草的老人"
    lower = [
        "灯草，是过去山里人点油灯不可缺少的东西，如今卖灯草的老人已经不多见了。",
        "老人说，他卖了五十年灯草，靠这门手艺养大了三个孩子。",
    ]
    right = pdf(
        ("lines", [title]), ("body", B_BODY), ("lines", [credit]), ("body", lower),
        ("lines", [lower_title]),
    )  # fmt: skip
    al = align(web((title, [*B_BODY, credit])), right)
    assert_whole(al, title, [*B_BODY, credit])
    assert_whole(al, lower_title, lower)


def test_a_title_wrapped_inside_a_word_is_no_section_head() -> None:
    # A title printed after its story, wrapped inside a word over two lines ("…步入人 /
    # 口发展…") with a long deck set tight under it; the web runs the story on after the
    # one before, without a heading: a section head is too short to wrap.
    first, second = "党政重视，步入人", "口发展的良性循环轨道"
    deck = "多年来这个地区坚持不懈、持之以恒，把计划生育工作作为一件大事来抓，取得了明显成效。"
    body = [
        "———明确一把手负总责。十一年来，一直把计划生育工作作为“一把手工程”来抓。",
        "———加强基层基础工作不松劲。全区各县市都建立了计划生育服务站。",
    ]
    right = (
        pdf(("body", A_BODY[1:]), ("lines", [A_TITLE]), ("body", body))
        + pdf(("lines", [first, second, deck]))
        + "\n"
        + pdf(("body", C_BODY), ("lines", [C_TITLE]))
    )
    al = align(web((A_TITLE, [*A_BODY[1:], deck, *body]), (C_TITLE, C_BODY)), right)
    assert_whole(al, first + second, body)
    assert_whole(al, A_TITLE, A_BODY[1:])


def test_a_last_line_the_web_reads_as_the_next_story_s_head_stays_above() -> None:
    # The web has no heading for the second story: a short title-like line between the first
    # story's text and the second's byline reads as its head. The PDF prints that line
    # before the title it prints after the first story: the title closes the story.
    line = "校车司机“包村”"
    right = pdf(
        ("body", [*A_BODY[1:], line]), ("lines", [A_TITLE]),
        ("lines", [C_TITLE, "本报记者 刘玉琴"]), ("body", C_BODY),
    )  # fmt: skip
    al = align(web((A_TITLE, [*A_BODY[1:], line, "本报记者 刘玉琴", *C_BODY])), right)
    assert article_of(al, line) == article_of(al, A_BODY[-1][-10:])
    assert article_of(al, line) != article_of(al, C_BODY[-1][-10:])
    units = al.articles[article_of(al, line)].units
    assert [u.role for u in units if u.left and "包村" in u.left] == ["paragraph"]


def test_a_reporter_s_byline_alone_on_a_line_is_not_joined_to_the_title_above() -> None:
    # A title printed after its story, as wide as the column, then a blank line and the
    # byline "本报记者江华" opening a story only the PDF prints.
    wide = "沿江城市推进湿地保护三年恢复湿地八万亩"
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    right = (
        pdf(("body", top))
        + wide
        + "\n\n本报记者江华\n\n"
        + pdf(("body", C_BODY), ("lines", [C_TITLE]))
    )
    al = align(web((wide, top)), right)
    assert_whole(al, wide, top)
    assert article_of(al, "本报记者江华") == article_of(al, C_BODY[-1][-10:])


def test_title_lines_run_onto_the_end_of_a_paragraph_stand_apart() -> None:
    # A story only the PDF prints ends on a full line closing its last sentence; its title
    # (printed after it) and the next story's title, full lines without punctuation, are
    # run onto that paragraph by the line joining: a paragraph ends on punctuation.
    solo = [
        "今年全省农村公路建设投资比去年增加两成，新建和改造农村公路三千公里，通达率继续提高。",
        "交通部门要求各地加快推进公路建设，确保年底完工。",
    ]
    solo_title = "全省农村公路建设加快推进"

    def column(paras: list[str]) -> str:
        return "".join(line + "\n\n" for p in paras for line in wrap(p, 12))

    right = column(solo) + solo_title + "\n\n" + C_TITLE + "\n\n" + column(C_BODY)
    al = align(web((C_TITLE, C_BODY)), right)
    assert_whole(al, solo_title, solo)
    assert_whole(al, C_TITLE, C_BODY[1:])


def test_a_dateline_without_a_date_opens_a_paragraph_below_a_title() -> None:
    # A title as wide as the column, then a blank line and "本报天津电记者…报道：": the
    # dateline (without a date) opens the story's text, the title stands alone above it.
    # The web runs that story on under the heading of the one before.
    title = "天津查处一起招生受贿案五名责任人分别受到严惩"
    body = [
        "本报天津电记者陈杰报道：原市招生考试中心主任等五人利用负责招生考试工作之便受贿一案，"
        "日前审理终结。",
        "法院认为，五名被告人身为国家工作人员，利用职务之便非法收受他人财物，已构成受贿罪。",
    ]
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]

    def column(paras: list[str]) -> str:
        return "".join(line + "\n\n" for p in paras for line in wrap(p, 22))

    right = column(top) + B_TITLE + "\n王可胜 韩素云\n\n" + title + "\n\n" + column(body)
    al = align(web((B_TITLE, ["王可胜 韩素云", *top, *body])), right)
    assert_whole(al, B_TITLE, top)
    assert_whole(al, title, body)


def test_a_dateline_with_its_region_in_brackets_opens_a_story() -> None:
    # "新华社凭祥（广西）3月8日电（记者李强）…" opens a story the web runs on under the
    # heading of the one before; the PDF prints that story's title after it.
    first = "盼了多年的一件好事"
    title = "边境口岸货运量创新高"
    body = [
        "新华社凭祥（广西）3月8日电（记者李强）边境口岸今年前两个月货运量同比增长三成，创同期新高。",
        "口岸货运量增长主要得益于通关手续简化和跨境物流线路增加。",
    ]
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    right = pdf(
        ("body", top), ("lines", ["盼了多年", "的一件好事"]), ("body", body), ("lines", [title])
    )
    al = align(web((first, [*top, *body])), right)
    assert_whole(al, first, top)
    assert_whole(al, title, body)


def test_a_deck_of_one_line_set_tight_under_a_title_is_part_of_its_block() -> None:
    # A title printed after its story, over two lines, with a deck of one long line set
    # tight under it and a blank line after: the deck goes with the title, though the web,
    # without a heading for the story, prints it after the story before.
    title = ["沿江城市推进湿地", "保护三年见成效"]
    deck = "多年来沿江各地坚持不懈、持之以恒地修复湿地，取得了明显成效。"
    top = [*B_BODY, "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。"]
    right = (
        pdf(("body", A_BODY[1:]), ("lines", [A_TITLE]), ("body", top))
        + pdf(("lines", [*title, deck]))
        + "\n"
        + pdf(("body", C_BODY), ("lines", [C_TITLE]))
    )
    al = align(web((A_TITLE, [*A_BODY[1:], deck, *top]), (C_TITLE, C_BODY)), right)
    assert_whole(al, "".join(title), top)
    assert article_of(al, deck) == article_of(al, top[0][-10:])


def test_a_heading_and_deck_cut_from_their_text_by_its_byline_join_it_again() -> None:
    # The web prints the heading, a deck as plain text (ending on "———") and then the
    # byline opening the text, which cuts the heading off; the PDF prints the title and
    # deck after the story. The titles pair: the heading's part and the text are one story.
    deck = "湿地萎缩，候鸟减少，有识之士指出，保护湿地的当务之急———"
    top = [
        "本报讯 " + B_BODY[0],
        *B_BODY[1:],
        "今年沿江各地还将新建湿地公园二十处，市民可以就近观鸟赏景。",
    ]
    right = pdf(
        ("body", ["本报记者 江华", *top]), ("lines", [B_TITLE, deck]),
        ("body", C_BODY), ("lines", [C_TITLE]),
    )  # fmt: skip
    al = align(web((B_TITLE, [deck, "本报记者 江华", *top]), (C_TITLE, C_BODY)), right)
    assert_whole(al, B_TITLE, [deck, *top])
    assert_whole(al, C_TITLE, C_BODY)


def test_a_loose_subhead_inside_a_story_closed_by_its_title_after_is_no_title() -> None:
    # A story opened by its dateline, with a subhead set apart in it ("“湿地银行”好处多",
    # naming the text under it as much as the rest), closed by a title printed after it that
    # names none of it; the web runs the story on under the heading of the one before.
    sub = "“湿地银行”好处多"
    rest = [
        "有的城市设立“湿地银行”，企业占用湿地必须先补建同样面积的湿地。",
        "专家认为，“湿地银行”的做法应当在沿江各地普及。",
    ]
    title, credit = "一项值得推广的好办法", "新华社记者张平摄"
    text = ["本报讯（记者王华）" + B_BODY[0], *B_BODY[1:]]
    right = (
        pdf(("body", A_BODY[1:]), ("lines", [A_TITLE]), ("body", text))
        + "\n"
        + pdf(("lines", [sub]))
        + "\n"
        + pdf(("body", rest), ("lines", [title, credit]))
        + "\n"
        + pdf(("body", C_BODY), ("lines", [C_TITLE]))
    )
    al = align(web((A_TITLE, [*A_BODY[1:], *text, sub, *rest, credit]), (C_TITLE, C_BODY)), right)
    assert_whole(al, title, [*text, sub, *rest])
    assert_whole(al, A_TITLE, A_BODY[1:])
