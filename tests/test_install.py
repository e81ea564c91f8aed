"""Installing Reviewer: --version, the desktop entry, and a wheel that carries its resources."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from reviewer import __version__
from reviewer.core.model import ENGINE_VERSION
from reviewer.desktop import MIME_TYPE, exec_line

REPO = Path(__file__).resolve().parents[1]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )


def test_version_prints_the_version_and_the_engine_version() -> None:
    r = _run("--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"reviewer {__version__} (engine {ENGINE_VERSION})\n"
    assert __version__.count(".") == 2


def test_version_needs_no_qt() -> None:
    code = (
        "import sys; from reviewer.cli import main\n"
        "try: main(['--version'])\n"
        "except SystemExit: pass\n"
        "print('PySide6' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip().endswith("False"), r.stdout + r.stderr


def _desktop_env(tmp_path: Path, path: str) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": path}


def test_install_desktop_without_desktop_tools(tmp_path: Path) -> None:
    """No update-*-database on PATH: the files are installed all the same, exit 0."""
    r = _run("--install-desktop", env=_desktop_env(tmp_path, str(tmp_path / "no-tools")))
    assert r.returncode == 0, r.stderr
    data = tmp_path / "data"
    entry_path = data / "applications" / "reviewer.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "reviewer.svg"
    mime_icon = data / "icons" / "hicolor" / "scalable" / "mimetypes"
    mime_xml = data / "mime" / "packages" / "reviewer.xml"
    for p in (entry_path, icon, mime_xml, mime_icon / "application-x-reviewer-project.svg"):
        assert p.is_file(), p
        assert str(p) in r.stdout
    assert "not found" in r.stdout  # says the menu catches up at next login

    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(entry_path, encoding="utf-8")
    de = entry["Desktop Entry"]
    assert de["Type"] == "Application" and de["Name"] == "Reviewer" and de["Icon"] == "reviewer"
    assert de["MimeType"] == f"{MIME_TYPE};"
    program, field = de["Exec"].rsplit(" ", 1)
    assert field == "%f" and Path(program.split(" ")[0]).is_file()

    mime = ET.parse(mime_xml).getroot()
    (mt,) = mime.findall(MIME_NS + "mime-type")
    assert mt.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mt.findall(MIME_NS + "glob")] == ["*.reviewer"]
    assert ET.parse(icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info absent")
def test_install_desktop_registers_the_project_type(tmp_path: Path) -> None:
    r = _run("--install-desktop", env=_desktop_env(tmp_path, os.environ.get("PATH", "")))
    assert r.returncode == 0, r.stderr
    globs = (tmp_path / "data" / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}:*.reviewer" in globs


def test_install_desktop_refused_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {**os.environ, "XDG_DATA_HOME": str(blocker)}
    r = _run("--install-desktop", env=env)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("reviewer: cannot install the desktop entry")


def test_exec_line_quotes_paths_as_the_desktop_spec_asks() -> None:
    assert exec_line(["/opt/rev/bin/reviewer"]) == "/opt/rev/bin/reviewer %f"
    assert exec_line(["/home/a b/python", "-m", "reviewer"]) == '"/home/a b/python" -m reviewer %f'
    # "$" is escaped inside the quotes, then every backslash doubled for the string value.
    assert exec_line(["/x/$y"]) == '"/x/\\\\$y" %f'
    assert exec_line(["/100%/r"]) == "/100%%/r %f"


# --- the wheel -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from a copy of the checkout (the build writes beside its sources)."""
    src = tmp_path_factory.mktemp("src")
    skip = shutil.ignore_patterns(".*", "__pycache__", "build", "dist", "*.egg-info", "out")
    for name in ("reviewer", "resources", "README.md", "pyproject.toml", "setup.py", "MANIFEST.in"):
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=skip)
        else:
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if r.returncode != 0 and "No matching distribution" in r.stderr:
        pytest.skip("the build backend (setuptools) cannot be installed here")
    assert r.returncode == 0, r.stderr[-2000:]
    (whl,) = out.glob("reviewer-*.whl")
    return whl


def test_wheel_holds_every_package_the_resources_and_the_sample(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {
        p.parent.relative_to(REPO).as_posix() for p in (REPO / "reviewer").rglob("__init__.py")
    }
    for pkg in packages:
        assert f"{pkg}/__init__.py" in names, pkg
    for f in (REPO / "resources" / "sample").iterdir():
        assert f"reviewer/resources/sample/{f.name}" in names
    for f in ("reviewer.desktop", "reviewer.svg", "reviewer-mime.xml"):
        assert f"reviewer/resources/desktop/{f}" in names
    for lang in ("en", "zh_CN"):  # the compiled catalogues the window loads
        assert f"reviewer/resources/translations/reviewer_{lang}.qm" in names
    assert "reviewer/py.typed" in names
    assert not [n for n in names if n.startswith(("tests/", "resources/"))]
    assert not [n for n in names if n.endswith("screenshot.png")]  # README only
    assert f"reviewer-{__version__}.dist-info/entry_points.txt" in names


def test_installed_wheel_finds_its_own_sample(wheel: Path, tmp_path: Path) -> None:
    """Unpacked on sys.path, the wheel's reviewer uses its own resources, not the checkout's."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import reviewer; from reviewer.core import paths; from reviewer.cli import main\n"
        "assert reviewer.__file__.startswith(sys.argv[1]), reviewer.__file__\n"
        "assert str(paths.SAMPLE_LEFT).startswith(sys.argv[1]) and paths.SAMPLE_LEFT.is_file()\n"
        "assert (paths.DESKTOP / 'reviewer.svg').is_file()\n"
        "sys.exit(main(['align', str(paths.SAMPLE_LEFT), str(paths.SAMPLE_RIGHT)]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "articles" in r.stdout
