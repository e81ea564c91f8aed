"""Progress of `reviewer corpus align`: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

from reviewer.core.corpus.progress import ProgressPrinter, describe


def test_describe_says_done_total_rate_and_time_left() -> None:
    assert describe(120, 270, 10.0) == "120/270 pages · 12.0 pages/s · 12 s left"
    assert describe(0, 270, 0.0) == "0/270 pages · 0.0 pages/s · time left unknown"
    assert describe(270, 270, 90.0) == "270/270 pages · 3.0 pages/s · done in 1 min 30 s"


def test_terminal_gets_one_redrawn_bar() -> None:
    out = io.StringIO()
    show = ProgressPrinter(out, tty=True)
    for done in range(0, 11):
        show(done, 10, done * 0.5)
    text = out.getvalue()
    assert text.count("\r") == 11 and text.endswith("\n") and text.count("\n") == 1
    assert "██████████" in text and "10/10 pages" in text


def test_log_gets_plain_lines_not_a_line_per_page() -> None:
    out = io.StringIO()
    show = ProgressPrinter(out, tty=False)
    for done in range(0, 101):
        show(done, 100, done * 0.001)  # all within one second
    lines = out.getvalue().splitlines()
    assert lines == ["0/100 pages · 0.0 pages/s · time left unknown", lines[-1]]
    assert lines[-1].startswith("100/100 pages") and "\r" not in out.getvalue()
