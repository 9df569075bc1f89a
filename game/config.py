"""Where things are and how the game was asked to run. Built once by the entry point.

The content (``data/``) and the assets (``assets/``) sit beside ``game/`` in a checkout. An
installed game carries copies of both inside the package (``game/_bundle``, written by the wheel
build in ``setup.py``) and finds them from the package's own folder, never through the
working folder. A checkout keeps its players in ``saves/`` beside the code; an installed game keeps
them in the user's data folder, never inside the installation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "EcoCards"
BUNDLE = "_bundle"
LOGICAL_SIZE = (1280, 720)


@dataclass(frozen=True)
class Layout:
    """The folders the game reads its content and assets from, and keeps its players in."""

    data_dir: Path
    assets_dir: Path
    saves_dir: Path
    installed: bool


def layout(package_dir: Path | None = None) -> Layout:
    """The folders of the game whose package is ``package_dir`` (this one by default)."""
    if package_dir is None:
        # The package's own folder: what importlib.resources.files("game") gives for a package
        # on disk (the only kind this layout reads), without importing its zip readers, which
        # cost the first frame about 15 ms.
        package_dir = Path(__file__).resolve().parent
    bundle = package_dir / BUNDLE
    if bundle.is_dir():
        saves = platformdirs.user_data_path(APP_NAME, appauthor=False) / "saves"
        return Layout(bundle / "data", bundle / "assets", saves, installed=True)
    checkout = package_dir.parent
    return Layout(checkout / "data", checkout / "assets", checkout / "saves", installed=False)


_HERE = layout()
DATA_DIR = _HERE.data_dir
ASSETS_DIR = _HERE.assets_dir
SAVES_DIR = _HERE.saves_dir
# The UI catalogs belong to this version of the code, so they come with it whatever --data says.
LOCALE_DIR = DATA_DIR / "locale"


@dataclass(frozen=True)
class Config:
    data_dir: Path = DATA_DIR
    saves_dir: Path = SAVES_DIR
    assets_dir: Path = ASSETS_DIR
    locale_dir: Path = LOCALE_DIR
    lang: str = "en"
    fullscreen: bool = False
    window_size: tuple[int, int] = LOGICAL_SIZE
    seed: int | None = None
    reduced_motion: bool = False
    volume: int = 80  # percent
    mute: bool = False
    fps: int = 60
    # the options given on the command line: they win over saved settings for the session
    forced: frozenset[str] = frozenset()

    @property
    def logs_dir(self) -> Path:
        return self.saves_dir / "logs"

    @property
    def cache_dir(self) -> Path:
        return self.saves_dir / "cache"
