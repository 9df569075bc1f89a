"""Where things are and how the game was asked to run. Built once by the entry point."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
LOGICAL_SIZE = (1280, 720)
LANGUAGES = ("en", "zh-Hans")


@dataclass(frozen=True)
class Config:
    data_dir: Path = REPO_DIR / "data"
    saves_dir: Path = REPO_DIR / "saves"
    assets_dir: Path = REPO_DIR / "assets"
    lang: str = "en"
    fullscreen: bool = False
    window_size: tuple[int, int] = LOGICAL_SIZE
    seed: int | None = None
    reduced_motion: bool = False
    fps: int = 60

    @property
    def logs_dir(self) -> Path:
        return self.saves_dir / "logs"

    @property
    def cache_dir(self) -> Path:
        return self.saves_dir / "cache"
