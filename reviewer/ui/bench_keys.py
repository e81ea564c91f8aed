"""Key presses for a fully decided export of the sample, counted from scripted runs of real
QTest key events on the real window (offscreen): `python -m reviewer.ui.bench_keys`.

Runs (each ends with every conflict and triage item decided and the export written):

- ``keys_one_by_one``: one key per conflict, then the triage defaults, then export;
- ``keys_bulk``: per article, Shift+1/Shift+2 as soon as the article's remaining conflicts
  all want one side (one key each before that), then the defaults, then export;
- ``keys_suggestions``: accept every suggestion ≥ 0.9 (one key and one confirmation), then
  the rest as in ``keys_bulk``.

The editor's choice per conflict comes from ``SAMPLE_TRUTH`` (which reading is right, from
the gold's notes; None where nobody can tell from the page); it decides which key is
pressed, never how many are needed to reach an item.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

# (left, right) reading → the right one; None: the page does not tell (any side will do).
SAMPLE_TRUTH: dict[tuple[str, str], str | None] = {
    ("11", "1.1"): "right",
    ("", "会议以“一个优化、六个建设”，"): "right",
    ("安全工程", "安全工程建设"): "right",
    ("和城乡", "城乡"): "left",
    ("分分秒秒", "争分夺秒"): "right",
    ("力", "发力"): "right",
    ("现代", "现代化"): "right",
    ("场上", "场地上"): "right",
    ("升级", "突围"): "right",
    ("、", "，"): "right",
    ("，", "。"): "right",
    ("增势", "态势"): "right",
    ("超", "超过"): "right",
    ("最近", "最新"): "right",
    ("千帆竟发", "千帆竞发"): "right",
}


def _run(strategy: str, out_dir: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reviewer.ui import app as app_mod
    from reviewer.ui import exporting

    app, controller, window = app_mod.create_window()
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    done: list[bool] = []
    controller.loaded.connect(lambda: done.append(True))
    app_mod.open_files(controller, [], persist=False)
    while not done:
        app.processEvents()
    s = controller.session
    assert s is not None
    # The folder dialog is the platform's: choosing the folder there counts as one key.
    exporting.QFileDialog.getExistingDirectory = lambda *_a, **_k: out_dir  # type: ignore[method-assign]
    presses = 0
    K, SHIFT, CTRL = Qt.Key, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier

    def press(key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal presses
        box = window.message_box
        target = box if box is not None and box.isVisible() else window.view
        QTest.keyClick(target, key, mod)
        presses += 1
        app.processEvents()

    def truth(key: str) -> str | None:
        c = s.conflict_of(s.items[s.index_of(key)])
        return SAMPLE_TRUTH.get((c.left, c.right)) if c is not None else None

    if strategy == "suggestions":
        press(K.Key_A, CTRL | SHIFT)
        press(K.Key_Return)  # the confirmation, with its count
    while s.status().conflicts_left:
        item = s.current
        if item is None or item.triage or s.is_resolved(item):
            press(K.Key_N)
            continue
        rest = [
            truth(it.key)
            for it in s.items
            if not it.triage and it.article_index == item.article_index and not s.is_resolved(it)
        ]
        sides = {t for t in rest if t is not None}
        if strategy != "one_by_one" and len(rest) > 1 and len(sides) <= 1:
            side = sides.pop() if sides else "left"
            press(K.Key_Exclam if side == "left" else K.Key_At, SHIFT)  # Shift+1 / Shift+2
        else:
            press(K.Key_2 if truth(item.key) == "right" else K.Key_1)
    if s.status().triage_left:
        press(K.Key_D, SHIFT)
        press(K.Key_Return)
    # Everything is settled: the window offers the export; Enter takes it.
    box = window.message_box
    assert box is not None and box.objectName() == "settled_box" and box.isVisible()
    press(K.Key_Return)
    presses += 1  # the folder dialog's Enter
    while "Wrote" not in window.statusBar().currentMessage():
        app.processEvents()
    manifest = json.loads(Path(out_dir, "manifest.json").read_text("utf-8"))
    window.close()
    QApplication.processEvents()
    st = s.status()
    assert st.resolved == st.total
    return {
        f"keys_{strategy}": float(presses),
        **{f"keys_{strategy}_{k}": float(v) for k, v in manifest["decisions"].items()},
    }


def measure_keys() -> dict[str, float]:
    """All three runs, each in a fresh process (a clean QApplication)."""
    import subprocess

    out: dict[str, float] = {}
    for strategy in ("one_by_one", "bulk", "suggestions"):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": tmp}
            proc = subprocess.run(
                [sys.executable, "-m", "reviewer.ui.bench_keys", strategy, str(Path(tmp, "out"))],
                capture_output=True,
                text=True,
                env=env,
                timeout=300,
            )
            if proc.returncode != 0:
                raise RuntimeError(f"key-press run {strategy} failed: {proc.stderr[-2000:]}")
            out.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) == 2:
        print(json.dumps(_run(argv[0], argv[1])))
        return 0
    from reviewer.figures import print_figures

    print_figures(measure_keys())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
