"""The one way to load fonts and images: cached, converted, and clear about misses."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pygame


class MissingResource(FileNotFoundError):
    def __init__(self, name: str, searched: list[Path]) -> None:
        listed = ", ".join(str(p) for p in searched)
        super().__init__(f"{name} not found; looked in: {listed}")


class Resources:
    FONT_FILES: ClassVar[dict[str, str]] = {"regular": "fonts/NotoSansSC-Regular.otf",
                                            "bold": "fonts/NotoSansSC-Bold.otf"}

    def __init__(self, assets_dir: Path) -> None:
        self.assets_dir = assets_dir
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._images: dict[tuple[str, bool], pygame.Surface] = {}

    def resolve(self, name: str) -> Path:
        searched = [self.assets_dir / name]
        for path in searched:
            if path.is_file():
                return path
        raise MissingResource(name, searched)

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            try:
                path = self.resolve(self.FONT_FILES["bold" if bold else "regular"])
                font = pygame.font.Font(path, size)
            except (MissingResource, OSError):
                font = pygame.font.Font(None, round(size * 1.3))  # pygame's own font
                font.set_bold(bold)
            self._fonts[key] = font
        return font

    def image(self, name: str, *, alpha: bool = True) -> pygame.Surface:
        key = (name, alpha)
        image = self._images.get(key)
        if image is None:
            loaded = pygame.image.load(self.resolve(name))
            if pygame.display.get_surface() is not None:
                loaded = loaded.convert_alpha() if alpha else loaded.convert()
            self._images[key] = image = loaded
        return image
