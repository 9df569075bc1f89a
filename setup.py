"""Wheel build: the content and assets go into the package, so an installed game finds them.

``data/`` and ``assets/`` stay at the top of the repository, where editors and artists work;
building a wheel copies them to ``game/_bundle/``, which :mod:`game.config` looks for. An
editable install reads them from the checkout and copies nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = ("data", "assets")
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.tmp", ".*")


class BuildWithContent(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in BUNDLED:
            target = Path(self.build_lib) / "game" / "_bundle" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(HERE / name, target, ignore=SKIPPED)


setup(
    # tools/ is installed as ecocards_tools, so its console scripts work outside a checkout
    packages=[*find_packages(include=["game", "game.*"]), "ecocards_tools"],
    package_dir={"ecocards_tools": "tools"},
    cmdclass={"build_py": BuildWithContent},
)
