"""Build hook: copy the top-level ``resources/`` the program needs into the package.

All metadata is in pyproject.toml. The sample pair and the desktop files live at the top of the
repository (``resources/``); an installed wheel needs them inside ``reviewer/``, where
``reviewer.core.paths`` looks first. MANIFEST.in puts them in the source distribution.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("sample", "desktop", "translations")  # folders of resources/ the installed program uses


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ in the checkout
        src = Path(__file__).resolve().parent / "resources"
        dst = Path(self.build_lib) / "reviewer" / "resources"
        for name in SHIPPED:
            shutil.copytree(src / name, dst / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
