"""``reviewer export``: the headless export. Exit codes: 0 written, 2 refused, 3 unresolved."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from typing import TextIO

from reviewer.core import filesystem
from reviewer.core.engine.pipeline import align_files
from reviewer.core.engine.read import ReadError
from reviewer.core.export.files import ExportError, ExportResult, UnresolvedError, UnresolvedItem
from reviewer.core.project import (
    ProjectError,
    default_project_path,
    describe_orphans,
    describe_structure_orphans,
    export_review,
    open_review,
)
from reviewer.core.review import bulk
from reviewer.core.review.merge import Decision
from reviewer.core.review.session import ReviewSession

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_UNRESOLVED = 3
SHOW_PER_ARTICLE = 3  # conflicts listed per article when some remain


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_unresolved(items: list[UnresolvedItem], out: TextIO) -> None:
    """How many conflicts remain and where: per article, the first few ids and readings."""
    by_article: dict[tuple[int, str], list[UnresolvedItem]] = defaultdict(list)
    for it in items:
        by_article[(it.article, it.title)].append(it)
    n = len(items)
    print(
        f"reviewer: {n} conflict{'s' if n != 1 else ''} unresolved in "
        f"{len(by_article)} article{'s' if len(by_article) != 1 else ''}; decide them in the "
        "window, or pass --prefer left|right",
        file=out,
    )
    for (number, title), group in by_article.items():
        print(f"  article {number:02d} 「{title}」: {len(group)}", file=out)
        for it in group[:SHOW_PER_ARTICLE]:
            print(f"    {it.conflict_id}  「{_short(it.left)}」 | 「{_short(it.right)}」", file=out)
        if len(group) > SHOW_PER_ARTICLE:
            print(f"    … and {len(group) - SHOW_PER_ARTICLE} more", file=out)


def _export(args: argparse.Namespace) -> ExportResult:
    fmt = getattr(args, "format", "txt")
    if not args.project:
        alignment = align_files(args.left, args.right)  # first: bad sources are named first
        hint = default_project_path(args.left, args.right)
        if filesystem.exists(hint):
            print(
                f"reviewer: note: not using the decisions in {hint} (pass --project)",
                file=sys.stderr,
            )
        decisions = _suggested(ReviewSession(alignment), args)
        return export_review(alignment, args.out, args.prefer, fmt, args.force, decisions=decisions)
    # Read-only: an export never writes to a project, and refuses another pair's project.
    any_project = bool(getattr(args, "any_project", False))
    with open_review(
        args.left, args.right, args.project, create=False, read_only=True, any_project=any_project
    ) as review:
        for w in review.warnings:
            print(f"reviewer: warning: {w}", file=sys.stderr)
        for line in describe_orphans(review):
            print(f"  no longer applies: {line}", file=sys.stderr)
        for line in describe_structure_orphans(review):
            print(f"  structure change no longer applies: {line}", file=sys.stderr)
        extra = _suggested(review.session, args)
        return export_review(review, args.out, args.prefer, fmt, args.force, decisions=extra)


def _suggested(session: ReviewSession, args: argparse.Namespace) -> dict[str, Decision]:
    """With --accept-suggestions: the confident suggestions for undecided conflicts (the
    project itself is not changed)."""
    if not getattr(args, "accept_suggestions", False):
        return {}
    return dict(bulk.suggestions(session, getattr(args, "min_confidence", 0.9)))


def run_export(args: argparse.Namespace) -> int:
    """Run ``reviewer export`` with parsed ``args``; returns the exit status."""
    try:
        result = _export(args)
    except UnresolvedError as e:
        report_unresolved(e.items, sys.stderr)
        return EXIT_UNRESOLVED
    except (ReadError, ProjectError, ExportError) as e:
        print(f"reviewer: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    verb = "replaced" if result.replaced else "wrote"
    print(
        f"{verb} {result.out_dir}: {result.articles} articles, {result.paragraphs} paragraphs "
        f"({result.fmt})"
    )
    return EXIT_OK
