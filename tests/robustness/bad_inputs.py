"""Every bad input of issue 11, made on disk; and a counter that runs them all from outside.

As a module: ``SOURCES``, ``PROJECTS`` and ``OUTS`` map a case name to a builder that makes
the bad thing inside a folder and returns its path. As a script it runs every case through
the real command line (``align``, ``export``, and the window's open via ``--screenshot``)
in subprocesses with a time limit, and prints the counts the issue asks for:

    python tests/robustness/bad_inputs.py [--python PY] [--no-window]
"""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path

GOOD_LEFT = "标题\n\n第一段文字。\n\n第二段文字。\n"
GOOD_RIGHT = "标题\n\n第一段文学。\n\n第二段文字！\n"
Builder = Callable[[Path], Path]


def _write(folder: Path, name: str, data: bytes) -> Path:
    p = folder / name
    p.write_bytes(data)
    return p


def _fifo(folder: Path, name: str = "pipe.txt") -> Path:
    p = folder / name
    os.mkfifo(p)
    return p


def _socket(folder: Path) -> Path:
    p = folder / "sock.txt"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p))
    s.close()  # the socket file stays
    return p


def _link(folder: Path, name: str, to: Path | str) -> Path:
    p = folder / name
    p.symlink_to(to)
    return p


def _loop(folder: Path) -> Path:
    a, b = folder / "loop-a.txt", folder / "loop-b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _sparse(folder: Path, size: int = 65 * 2**20) -> Path:
    p = folder / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(size)
    return p


def _deep(folder: Path) -> Path:
    return folder.joinpath(*(["d" * 200] * 22), "page.txt")  # > 4096 bytes


def _random_bytes(folder: Path) -> Path:
    data = hashlib.sha512(b"seed").digest() * 64
    return _write(folder, "random.txt", bytes(b | 0x80 for b in data))


SOURCES: dict[str, Builder] = {
    "missing": lambda f: f / "missing.txt",
    "empty": lambda f: _write(f, "empty.txt", b""),
    "blank": lambda f: _write(f, "blank.txt", b" \n\t\n  \n"),
    "folder": lambda f: (f / "afolder").mkdir() or f / "afolder",
    "fifo": _fifo,
    "socket": _socket,
    "device": lambda f: Path("/dev/zero"),
    "link-to-fifo": lambda f: _link(f, "to-pipe.txt", _fifo(f, "pipe2")),
    "link-to-device": lambda f: _link(f, "to-zero.txt", "/dev/zero"),
    "dangling-link": lambda f: _link(f, "dangling.txt", f / "nothing"),
    "link-loop": _loop,
    "binary": lambda f: _write(f, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "nul-in-text": lambda f: _write(f, "nul.txt", "正文\x00正文\n".encode()),
    "bad-utf16": lambda f: _write(
        f, "utf16.txt", b"\xff\xfe" + "正文".encode("utf-16-le") + b"\x00"
    ),
    "undecodable": _random_bytes,
    "controls": lambda f: _write(f, "controls.txt", ("正\x01\x02\x03\x04" * 40).encode()),
    "too-large": _sparse,
    "name-300": lambda f: f / ("n" * 300 + ".txt"),
    "path-over-4096": _deep,
}


def _sqlite(path: Path, wal: bool = False, app_id: int = 0, version: int = 0) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA application_id={app_id}")
    conn.execute(f"PRAGMA user_version={version}")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    return path


def _their_wal(folder: Path) -> Path:
    """Another application's database with a live ``-wal`` (written by a killed child)."""
    p = folder / "theirs.reviewer"
    pid = os.fork()
    if pid == 0:
        try:
            conn = sqlite3.connect(p, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE t (x)")
            conn.execute("INSERT INTO t VALUES (1)")
        finally:
            os.kill(os.getpid(), 9)
    os.waitpid(pid, 0)
    return p


def _ours(folder: Path, name: str, version: int = 1) -> Path:
    from reviewer.core.store.database import Project
    from reviewer.core.store.fileformat import APPLICATION_ID

    p = folder / name
    Project.create(p, {"left_path": "/nowhere/a", "right_path": "/nowhere/b"}).close()
    if version != 1:
        conn = sqlite3.connect(p)
        conn.execute(f"PRAGMA user_version={version}")
        conn.commit()
        conn.close()
    assert struct.unpack(">I", p.read_bytes()[68:72])[0] == APPLICATION_ID
    return p


def _truncated(folder: Path) -> Path:
    p = _ours(folder, "truncated.reviewer")
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


PROJECTS: dict[str, Builder] = {
    "missing": lambda f: f / "none.reviewer",
    "empty": lambda f: _write(f, "empty.reviewer", b""),
    "folder": lambda f: (f / "dir.reviewer").mkdir() or f / "dir.reviewer",
    "fifo": lambda f: _fifo(f, "pipe.reviewer"),
    "device": lambda f: Path("/dev/zero"),
    "text": lambda f: _write(f, "text.reviewer", "不是项目\n".encode()),
    "corrupt": lambda f: _write(f, "corrupt.reviewer", b"SQLite format 3\x00" + b"\x07" * 5000),
    "other-sqlite": lambda f: _sqlite(f / "other.reviewer"),
    "other-wal": _their_wal,
    "newer": lambda f: _ours(f, "newer.reviewer", version=99),
    "truncated": _truncated,
    "name-300": lambda f: f / ("p" * 300 + ".reviewer"),
}


def _full(folder: Path) -> Path:
    p = folder / "full"
    p.mkdir()
    (p / "mine.txt").write_text("not an export")
    return p


def _read_only_out(folder: Path) -> Path:
    p = _full(folder)
    p.chmod(0o555)
    return p


OUTS: dict[str, Builder] = {
    "a-file": lambda f: _write(f, "out.txt", b"x"),
    "fifo": lambda f: _fifo(f, "out-pipe"),
    "device": lambda f: Path("/dev/null"),
    "name-300": lambda f: f / ("o" * 300),
    "not-empty": _full,
    "read-only": _read_only_out,
    "dangling-link": lambda f: _link(f, "out-link", f / "nowhere"),
}


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every entry under ``folder`` (links not followed): mode and content hash."""
    out: dict[str, tuple[int, str]] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = Path(root) / name
            st = p.lstat()
            digest = ""
            if p.is_file() and not p.is_symlink():
                digest = hashlib.sha256(p.read_bytes()).hexdigest()
            out[str(p.relative_to(folder))] = (st.st_mode, digest)
    return out


def good_pair(folder: Path) -> tuple[Path, Path]:
    left, right = folder / "good.web.md", folder / "good.pdf.txt"
    left.write_text(GOOD_LEFT, encoding="utf-8")
    right.write_text(GOOD_RIGHT, encoding="utf-8")
    return left, right


def _main() -> int:
    import argparse
    import subprocess
    import sys
    import tempfile

    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--no-window", action="store_true")
    ap.add_argument("--timeout", type=float, default=10)
    opts = ap.parse_args()
    counts = {"runs": 0, "clean": 0, "traceback": 0, "hang": 0, "other": 0, "wrote": 0}
    inputs = 0

    def run(args: list[str], bad: Path, inputs_dir: Path, label: str) -> None:
        before = snapshot(inputs_dir)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        counts["runs"] += 1
        try:
            proc = subprocess.run(
                [opts.python, "-m", "reviewer", *args],
                capture_output=True,
                text=True,
                timeout=opts.timeout,
                env=env,
            )
        except subprocess.TimeoutExpired:
            counts["hang"] += 1
            print(f"HANG      {label}")
            return
        err = proc.stderr.strip()
        if "Traceback" in err:
            kind = "traceback"
        elif proc.returncode == 2 and len(err.splitlines()) == 1 and str(bad) in err:
            kind = "clean"
        else:
            kind = "other"
        counts[kind] += 1
        if snapshot(inputs_dir) != before:
            counts["wrote"] += 1
            print(f"WROTE     {label}")
        if kind != "clean":
            last = err.splitlines()[-1] if err else f"exit {proc.returncode}"
            print(f"{kind.upper():9} {label}: {last[:150]}")

    for group, cases in (("source", SOURCES), ("project", PROJECTS), ("out", OUTS)):
        for name, build in cases.items():
            inputs += 1
            with tempfile.TemporaryDirectory() as tmp:
                base = Path(tmp)
                inputs_dir = base / "in"
                inputs_dir.mkdir()
                left, right = good_pair(inputs_dir)
                bad = build(inputs_dir)
                out = str(base / "export")
                shot = str(base / "shot.png")
                routes: list[tuple[str, list[str]]] = []
                if group == "source":
                    routes = [
                        ("align", ["align", str(bad), str(right)]),
                        ("align-right", ["align", str(left), str(bad)]),
                        (
                            "export",
                            ["export", str(bad), str(right), "--out", out, "--prefer", "left"],
                        ),
                        (
                            "export-right",
                            ["export", str(left), str(bad), "--out", out, "--prefer", "left"],
                        ),
                        ("open", ["--screenshot", shot, str(bad), str(right)]),
                    ]
                elif group == "project":
                    routes = [
                        (
                            "export",
                            ["export", str(left), str(right), "--out", out, "--project", str(bad)],
                        ),
                        (
                            "open",
                            ["--screenshot", shot, str(bad)]
                            if str(bad).endswith(".reviewer")
                            else [],
                        ),
                    ]
                else:
                    routes = [
                        (
                            "export",
                            [
                                "export",
                                str(left),
                                str(right),
                                "--out",
                                str(bad),
                                "--prefer",
                                "left",
                            ],
                        )
                    ]
                for route, args in routes:
                    if not args or (route == "open" and opts.no_window):
                        continue
                    run(args, bad, inputs_dir, f"{group}:{name}:{route}")
                if group == "out" and name == "read-only":
                    bad.chmod(0o755)
    inputs += 1  # Big5: not refused, but it must not be garbled either
    with tempfile.TemporaryDirectory() as tmp:
        text = "新華社北京7月18日電 記者從國新辦獲悉，今年上半年國民經濟運行穩中有進。\n" * 3
        big5 = Path(tmp) / "big5.txt"
        big5.write_bytes(text.encode("big5"))
        proc = subprocess.run(
            [opts.python, "-m", "reviewer", "align", str(big5), str(big5), "--json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        counts["runs"] += 1
        garbled = proc.returncode != 0 or "國民經濟" not in proc.stdout
        counts["misdecoded"] = int(garbled)
        print(f"{'MISDECODE' if garbled else 'ok       '} source:big5:align")
    print(f"inputs tried: {inputs}")
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
