"""Missed article boundaries on small hand-made pages (issue 7): two stories the engine
would read as one, where the title block, its byline or its deck shows where the second one
starts."""

from __future__ import annotations

from pages import A_BODY, B_BODY, B_TITLE, align, article_of, assert_whole, pdf, web


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
