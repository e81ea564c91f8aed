"""Command line: argument parsing only, then call the core or start the window.

reviewer                          open the bundled sample in the window
reviewer LEFT RIGHT               open a pair
reviewer PROJECT.reviewer         reopen a saved review
reviewer --screenshot OUT.png [--lang zh_CN|en] [LEFT RIGHT]
reviewer --version | --install-desktop
reviewer align LEFT RIGHT [--json]
reviewer export LEFT RIGHT --out DIR [--project FILE] [--prefer left|right]
                [--accept-suggestions [--min-confidence X]]
                [--format txt|jsonl|tei|tei-app] [--force]
reviewer corpus align|status|export LEFTDIR RIGHTDIR ...   (see reviewer/core/corpus/commands.py)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from reviewer.core.engine.read import ReadError

EXIT_BAD_INPUT = 2


def _align_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reviewer align", description="Align two versions of a page.")
    p.add_argument("left", help="first version (e.g. the web/markdown text)")
    p.add_argument("right", help="second version (e.g. the PDF extraction)")
    p.add_argument("--json", action="store_true", help="print the alignment as one JSON object")
    return p


def _export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reviewer export", description="Write the merged, cleaned article set."
    )
    p.add_argument("left")
    p.add_argument("right")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--project", help="review project file holding the decisions")
    p.add_argument("--prefer", choices=("left", "right"), help="reading for undecided conflicts")
    p.add_argument("--format", choices=("txt", "jsonl", "tei", "tei-app"), default="txt")
    p.add_argument("--force", action="store_true", help="replace a non-empty output folder")
    p.add_argument(
        "--any-project",
        action="store_true",
        help="use --project even if it was made for other sources",
    )
    p.add_argument(
        "--accept-suggestions",
        action="store_true",
        help="take the suggested reading of undecided conflicts (before --prefer)",
    )
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.9,
        metavar="X",
        help="with --accept-suggestions: only suggestions this sure, 0 to 1 (default 0.9)",
    )
    return p


def _confidence(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {text}")
    return x


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reviewer",
        description="Review two versions of a page side by side. "
        "Subcommands: align, export, corpus.",
    )
    p.add_argument(
        "files", nargs="*", help="LEFT RIGHT, LEFTDIR RIGHTDIR (a corpus), or a .reviewer file"
    )
    p.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    p.add_argument("--dark", action="store_true", help="use the dark palette")
    p.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        help="window language (default: the setting in settings.json, else the system locale)",
    )
    p.add_argument("--version", action="version", version=version_text())
    p.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Reviewer to this user's application menu and open .reviewer files with it",
    )
    return p


def version_text() -> str:
    from reviewer import __version__
    from reviewer.core.model import ENGINE_VERSION

    return f"reviewer {__version__} (engine {ENGINE_VERSION})"


def cmd_align(argv: Sequence[str]) -> int:
    args = _align_parser().parse_args(argv)
    from reviewer.core.engine.pipeline import align_files
    from reviewer.core.engine.report import summary, to_json

    alignment = align_files(args.left, args.right)
    if args.json:
        json.dump(to_json(alignment), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(summary(alignment))
    return 0


def cmd_export(argv: Sequence[str]) -> int:
    args = _export_parser().parse_args(argv)
    from reviewer.core.export.command import run_export

    return run_export(args)


def cmd_corpus(argv: Sequence[str]) -> int:
    from reviewer.core.corpus.commands import main as corpus_main

    return corpus_main(argv)


def _has_display() -> bool:
    """Qt can show a window: a display server, or a platform chosen by hand (offscreen...)."""
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def cmd_gui(argv: Sequence[str]) -> int:
    args = _gui_parser().parse_args(argv)
    if args.install_desktop:
        from reviewer.desktop import main as install_desktop

        return install_desktop()
    if len(args.files) not in (0, 1, 2):
        _gui_parser().error("give LEFT RIGHT, or one project file, or nothing for the sample")
    for name in args.files:
        if not os.path.lexists(name):
            print(f"reviewer: {name}: no such file or folder", file=sys.stderr)
            return EXIT_BAD_INPUT
    if not args.screenshot and not _has_display():
        print(
            "reviewer: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not "
            "set); use --screenshot OUT.png or the headless commands (align, export, corpus)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from reviewer.ui.app import run

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"align": cmd_align, "export": cmd_export, "corpus": cmd_corpus}
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return cmd_gui(argv)
    except ReadError as e:
        print(f"reviewer: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
