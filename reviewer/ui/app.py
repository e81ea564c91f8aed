"""Composition root: builds the QApplication, controller and window; opens what was asked.

``run(args)`` is what ``reviewer.cli`` calls with ``args.files`` (0, 1 or 2 paths),
``args.screenshot``, ``args.dark`` and ``args.lang``. The window is shown before any file is
read; reading and aligning run in a worker.

Set ``REVIEWER_REPORT_FIRST_WINDOW=1`` to have the process print ``first_window <epoch s>``
to stderr once the window is on screen (the benchmark's first-window probe).
"""

from __future__ import annotations

import os
import sys
import time
from argparse import Namespace
from pathlib import Path

PROJECT_SUFFIX = ".reviewer"
EXIT_BAD_INPUT = 2
SCREENSHOT_SIZE = (1400, 900)


def create_window(dark: bool = False, lang: str | None = None):
    """The application, controller and an empty window (tests and the benchmark use this).

    ``lang`` ("zh_CN", "en"; None: the setting, else the system locale) picks the catalogue.
    """
    from PySide6.QtWidgets import QApplication

    from reviewer.ui import theme, translation
    from reviewer.ui.controller import ReviewController
    from reviewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reviewer"])
    app.setApplicationName("Reviewer")
    app.setDesktopFileName("reviewer")  # the installed menu entry: docks show its icon
    _set_icon(app)
    translation.install(app, translation.choose(lang))  # before any widget gets its text
    theme.apply(app, dark)  # type: ignore[arg-type]
    controller = ReviewController()
    window = MainWindow(controller)
    window.resize(*SCREENSHOT_SIZE)
    return app, controller, window


def _set_icon(app) -> None:
    from PySide6.QtGui import QIcon

    from reviewer.core.paths import DESKTOP

    app.setWindowIcon(QIcon.fromTheme("reviewer", QIcon(str(DESKTOP / "reviewer.svg"))))


def open_files(controller, files: list[str], persist: bool = True, window=None) -> str | None:
    """Start opening ``files`` (none: the bundled sample); a message if they make no sense.

    Two folders, or a corpus project file, open corpus mode in ``window``.
    """
    from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT

    if window is not None and files:
        from reviewer.core.corpus.store import is_corpus_project

        # os.path.isdir, not Path.is_dir: a name too long for the system is "not a folder".
        if len(files) == 2 and all(os.path.isdir(f) for f in files):
            window.open_corpus(files[0], files[1])
            return None
        if len(files) == 1 and is_corpus_project(files[0]):
            window.open_corpus(None, None, files[0])
            return None
    if not files:
        controller.open_pair(SAMPLE_LEFT, SAMPLE_RIGHT, persist)
    elif len(files) == 2:
        controller.open_pair(files[0], files[1], persist)
    elif len(files) == 1 and Path(files[0]).suffix == PROJECT_SUFFIX:
        # Not persisting (a screenshot): a snapshot of the project, nothing written to it.
        controller.open_project(files[0], **({} if persist else {"read_only": True}))
    else:
        from PySide6.QtCore import QCoreApplication

        problem = QCoreApplication.translate(
            "App", "{file}: give two versions (LEFT RIGHT) or one {suffix} review file"
        )
        return problem.format(file=files[0], suffix=PROJECT_SUFFIX)
    return None


def _save_screenshot(app, controller, window, out: str) -> int:
    """Wait for the load to finish, render the window and save it as a PNG."""
    from PySide6.QtCore import QEventLoop, QTimer

    failed: list[str] = []
    # Corpus mode opens its first page once the folders are paired: wait for it too.
    waiting_page = getattr(window, "corpus", None) is not None and controller.session is None
    if controller.busy or waiting_page:
        loop = QEventLoop()
        controller.loaded.connect(loop.quit)
        controller.failed.connect(lambda m: (failed.append(m), loop.quit()))
        controller.read_only.connect(lambda _p, m: (failed.append(m), loop.quit()))
        QTimer.singleShot(120_000, loop.quit)  # never hang a script on a stuck load
        loop.exec()
    for _ in range(3):  # let delayed layouts and the first paint settle
        app.processEvents()
    if failed:
        print(f"reviewer: {failed[0]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not window.grab().save(out, "PNG"):
        print(f"reviewer: cannot write {out}", file=sys.stderr)
        return 1
    return 0


def _quiet_offscreen() -> None:
    """Drop the offscreen plugin's "does not support propagateSizeHints()" chatter."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def run(args: Namespace) -> int:
    """Show the window, open ``args.files``; with ``args.screenshot`` save a PNG and exit."""
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _quiet_offscreen()
    app, controller, window = create_window(
        bool(getattr(args, "dark", False)), getattr(args, "lang", None)
    )
    window.show()
    if os.environ.get("REVIEWER_REPORT_FIRST_WINDOW"):
        app.processEvents()
        print(f"first_window {time.time():.6f}", file=sys.stderr, flush=True)
    files = list(getattr(args, "files", None) or [])
    # A screenshot must not create or lock project files: review the pair in memory.
    problem = open_files(controller, files, persist=not screenshot, window=window)
    if problem:
        if screenshot:
            print(f"reviewer: {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
        window.controller.failed.emit(problem)
    if screenshot:
        code = _save_screenshot(app, controller, window, screenshot)
        _close(window, controller)
        return code
    code = app.exec()
    _close(window, controller)
    return code


def _close(window, controller) -> None:
    if getattr(window, "corpus", None) is not None:
        window.corpus.close()  # stops the pre-alignment, releases the corpus project
    controller.close_project()
