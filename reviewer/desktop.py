"""Linux desktop integration, per user: the menu entry, the icon and the ``.reviewer`` type.

Everything goes under ``$XDG_DATA_HOME`` (default ``~/.local/share``): ``applications/``,
``icons/hicolor/scalable/`` and ``mime/packages/``. The desktop's caches are refreshed when
its tools are installed; without them the files still work after the next login, so a
missing tool is never an error. ``reviewer --install-desktop`` and ``tools/setup.sh`` call this.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from reviewer.core.paths import DESKTOP

APP_ID = "reviewer"
MIME_TYPE = "application/x-reviewer-project"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")  # characters that need quoting in an Exec key


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> list[str]:
    """How the menu starts this installation: its ``reviewer`` script, else ``python -m``."""
    script = Path(sys.executable).with_name("reviewer")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "reviewer"]


def exec_line(argv: list[str]) -> str:
    """The desktop entry's Exec value: each argument quoted as the spec asks, then ``%f``."""
    out = []
    for arg in argv:
        arg = arg.replace("%", "%%")
        if any(ch in _RESERVED for ch in arg):
            arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
        out.append(arg.replace("\\", "\\\\"))  # the string-value escape comes on top
    return " ".join([*out, "%f"])


def desktop_entry(argv: list[str] | None = None) -> str:
    """The bundled entry with its Exec line pointing at this installation."""
    lines = (DESKTOP / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    command = exec_line(argv or launch_command())
    return "".join((f"Exec={command}" if ln.startswith("Exec=") else ln) + "\n" for ln in lines)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _refresh(base: Path) -> list[str]:
    """Run the desktop's cache tools that are installed; names of those that are missing."""
    tools = [
        ["update-mime-database", str(base / "mime")],
        ["update-desktop-database", str(base / "applications")],
    ]
    # No icon cache of our own (a stale one would hide icons others add later): a newer
    # folder time is what makes icon themes rescan.
    os.utime(base / "icons" / "hicolor")
    missing = []
    for cmd in tools:
        if shutil.which(cmd[0]) is None:
            missing.append(cmd[0])
            continue
        try:
            subprocess.run(cmd, capture_output=True, timeout=60, check=False)
        except (OSError, subprocess.SubprocessError):
            missing.append(cmd[0])
    return missing


def install_desktop(
    base: Path | None = None, argv: list[str] | None = None
) -> tuple[list[Path], list[str]]:
    """Install the menu entry, icons and MIME type for this user.

    Returns the files written and the desktop tools that were not found.

    Raises OSError when a file cannot be written; missing desktop tools are not an error.
    """
    base = base or data_home()
    icon = (DESKTOP / f"{APP_ID}.svg").read_bytes()
    icons = base / "icons" / "hicolor" / "scalable"
    files = {
        base / "applications" / f"{APP_ID}.desktop": desktop_entry(argv).encode("utf-8"),
        icons / "apps" / f"{APP_ID}.svg": icon,
        icons / "mimetypes" / f"{MIME_TYPE.replace('/', '-')}.svg": icon,
        base / "mime" / "packages" / f"{APP_ID}.xml": (DESKTOP / f"{APP_ID}-mime.xml").read_bytes(),
    }
    for path, data in files.items():
        _write(path, data)
    return list(files), _refresh(base)


def main() -> int:
    """``reviewer --install-desktop``: install, say where; exit 2 with one line on failure."""
    try:
        written, missing = install_desktop()
    except OSError as e:
        print(f"reviewer: cannot install the desktop entry: {e}", file=sys.stderr)
        return 2
    for path in written:
        print(f"installed {path}")
    if missing:
        print(f"note: {', '.join(missing)} not found; the menu shows Reviewer after the next login")
    return 0
