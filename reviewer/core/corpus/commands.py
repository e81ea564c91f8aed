"""``reviewer corpus align|status|export``: the headless corpus commands.

Exit status: align 0 every pair aligned, 2 none could be (or bad input), 4 some failed;
export 0 written, 2 refused, 3 conflicts remain without --prefer; status 0, 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager
from pathlib import Path

from reviewer.core.corpus.pairing import CorpusError, Pairing, pair_folders
from reviewer.core.corpus.prealign import AlignOutcome, file_sha256, open_corpus, prealign
from reviewer.core.corpus.store import CorpusProject, default_corpus_path
from reviewer.core.export.files import ExportError
from reviewer.core.model import ENGINE_VERSION
from reviewer.core.store.fileformat import ProjectError

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_UNRESOLVED = 3
EXIT_SOME_FAILED = 4


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reviewer corpus", description="Pre-align, follow and export a whole corpus."
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="{align,status,export}")

    def folders(q: argparse.ArgumentParser) -> None:
        q.add_argument("left_dir", metavar="LEFTDIR", help="first versions, e.g. web/markdown")
        q.add_argument("right_dir", metavar="RIGHTDIR", help="second versions, e.g. PDF text")
        q.add_argument("--project", help="corpus project file (default LEFTDIR/../NAME.reviewer)")

    a = sub.add_parser("align", help="pre-align every page pair into the corpus project")
    folders(a)
    a.add_argument("--jobs", type=int, help="worker processes (default: CPU count)")
    a.add_argument("--dask", metavar="ADDRESS", help="align on this Dask scheduler instead")
    s = sub.add_parser("status", help="what is left to review, per page and in total")
    folders(s)
    e = sub.add_parser("export", help="write the merged article set of the whole corpus")
    folders(e)
    e.add_argument("--out", required=True, help="output folder")
    e.add_argument("--prefer", choices=("left", "right"), help="reading for undecided conflicts")
    e.add_argument(
        "--accept-suggestions", action="store_true", help="take the engine's suggestions"
    )
    e.add_argument("--format", choices=("txt", "jsonl", "tei", "tei-app"), default="txt")
    e.add_argument("--force", action="store_true", help="replace a non-empty output folder")
    return p


def _err(msg: str) -> None:
    print(f"reviewer: {msg}", file=sys.stderr)


# --- align -------------------------------------------------------------------------------------
def _executor(args: argparse.Namespace) -> AbstractContextManager[Executor]:
    from reviewer.core.corpus import executors

    if args.dask:
        return executors.dask_executor(args.dask)
    return executors.local_executor(args.jobs)


def print_summary(project: CorpusProject, out: AlignOutcome) -> None:
    t = project.totals()
    print(
        f"pages: {out.pages} ({out.aligned} aligned now, {out.unchanged} unchanged) "
        f"in {out.seconds:.1f} s"
    )
    print(f"articles: {t['articles']} · conflicts: {t['conflicts']} ({t['conflicts_left']} left)")
    print(f"unpaired files: {len(out.unpaired)}")
    for path in out.unpaired:
        print(f"  {path}")
    print(f"failures: {len(out.failures)}")
    for f in out.failures:
        _err(f"{f.page}: {f.path}: {f.reason}")


def cmd_align(args: argparse.Namespace) -> int:
    from reviewer.core.corpus.progress import ProgressPrinter

    if args.jobs is not None and args.jobs < 1:
        _err("--jobs must be 1 or more")
        return EXIT_BAD_INPUT
    pairing = pair_folders(args.left_dir, args.right_dir)
    project, warnings = open_corpus(args.left_dir, args.right_dir, args.project)
    with project:
        for w in warnings:
            _err(f"warning: {w}")
        outcome = prealign(project, pairing, lambda: _executor(args), ProgressPrinter(sys.stderr))
        print_summary(project, outcome)
    if not outcome.pages and not outcome.failures:
        _err("no page pairs found in these folders")
    return outcome.exit_code


# --- status ------------------------------------------------------------------------------------
def _open_existing(args: argparse.Namespace) -> CorpusProject:
    path = Path(args.project) if args.project else default_corpus_path(args.left_dir)
    if not path.exists():
        raise ProjectError(
            path, "no corpus project here; run `reviewer corpus align LEFTDIR RIGHTDIR` first"
        )
    return CorpusProject.open(path)


def _states(project: CorpusProject, pairing: Pairing) -> dict[str, str]:
    """Per paired page: "" when current, else why not (not aligned, changed, failed)."""
    rows = {r.path: r for r in project.pages()}
    states = {}
    for pair in pairing.pairs:
        row = rows.get(pair.page)
        if row is None or not row.aligned:
            states[pair.page] = f"failed: {row.error}" if row and row.error else "not aligned"
        elif (row.left_sha256, row.right_sha256) != (
            file_sha256(pair.left),
            file_sha256(pair.right),
        ):
            states[pair.page] = "changed since aligned"
        elif row.engine_version != ENGINE_VERSION:
            states[pair.page] = f"aligned by engine {row.engine_version}"
        else:
            states[pair.page] = ""
    return states


def cmd_status(args: argparse.Namespace) -> int:
    pairing = pair_folders(args.left_dir, args.right_dir)
    with _open_existing(args) as project:
        rows = {r.path: r for r in project.pages()}
        states = _states(project, pairing)
        width = max([len(p) for p in states] + [4])
        print(f"{'page':<{width}}  articles  conflicts  conflicts left  items left")
        tot = [0, 0, 0, 0]
        for page, state in states.items():
            r = rows.get(page)
            nums = [r.articles, r.conflicts, r.conflicts_left, r.items_left] if r else [0] * 4
            tot = [a + b for a, b in zip(tot, nums)]
            note = f"  ({state})" if state else ""
            print(
                f"{page:<{width}}  {nums[0]:8d}  {nums[1]:9d}  {nums[2]:14d}  {nums[3]:10d}{note}"
            )
        print(f"{'total':<{width}}  {tot[0]:8d}  {tot[1]:9d}  {tot[2]:14d}  {tot[3]:10d}")
        todo = sum(1 for p in states if rows.get(p) and rows[p].items_left)
        stale = sum(1 for s in states.values() if s)
        print(
            f"{len(states)} pages: {todo} with items left, {stale} not aligned or changed; "
            f"{len(pairing.unpaired)} unpaired files"
        )
        for path in pairing.unpaired:
            print(f"  unpaired: {path}")
        for failure in pairing.failures:  # e.g. two files giving one page: never skipped silently
            print(f"  not paired: {failure.page}: {failure.reason}")
        gone = sorted(set(rows) - set(states))
        for page in gone:
            print(f"  in the project, no longer in the folders: {page}")
    return EXIT_OK


# --- export ------------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    from reviewer.core.corpus.export import CorpusUnresolvedError, export_corpus

    pairing = pair_folders(args.left_dir, args.right_dir)
    with _open_existing(args) as project:
        states = _states(project, pairing)
        stale = {p: s for p, s in states.items() if s}
        if stale:
            _err(
                f"{len(stale)} page{'s are' if len(stale) != 1 else ' is'} not aligned or "
                "changed since; run `reviewer corpus align` first"
            )
            for page, state in list(stale.items())[:20]:
                print(f"  {page}: {state}", file=sys.stderr)
            return EXIT_BAD_INPUT
        for path in pairing.unpaired:
            _err(f"note: unpaired, not exported: {path}")
        try:
            result = export_corpus(
                project,
                list(states),
                args.out,
                args.prefer,
                args.format,
                args.force,
                suggestions=args.accept_suggestions,
                protected=[Path(args.left_dir), Path(args.right_dir)],
            )
        except CorpusUnresolvedError as e:
            n = sum(len(v) for v in e.items.values())
            _err(
                f"{n} conflict{'s' if n != 1 else ''} unresolved on {len(e.items)} "
                f"page{'s' if len(e.items) != 1 else ''}; decide them in the window, "
                "or pass --prefer left|right"
            )
            for page, items in e.items.items():
                print(f"  {page}: {len(items)}", file=sys.stderr)
            return EXIT_UNRESOLVED
    verb = "replaced" if result.replaced else "wrote"
    print(
        f"{verb} {result.out_dir}: {result.pages} pages, {result.articles} articles, "
        f"{result.paragraphs} paragraphs ({result.fmt})"
    )
    return EXIT_OK


def main(argv: Sequence[str]) -> int:
    """Run ``reviewer corpus …``; returns the exit status."""
    args = _parser().parse_args(argv)
    run = {"align": cmd_align, "status": cmd_status, "export": cmd_export}[args.command]
    try:
        return run(args)
    except (CorpusError, ProjectError, ExportError) as e:
        _err(str(e))
        return EXIT_BAD_INPUT
    except BrokenProcessPool as e:  # a worker was killed (out of memory...): nothing is lost
        _err(f"a worker process died ({e}); run the command again to go on where it stopped")
        return EXIT_SOME_FAILED
