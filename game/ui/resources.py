"""The one way to load fonts and pictures: cached, converted, and clear about misses."""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path, PurePosixPath
from typing import ClassVar

import pygame
import pygame.freetype

from game.core.art import fallback_art, group_art

log = logging.getLogger(__name__)


#: The smallest text on any screen, in canvas pixels: 14 px when the 1280×720 canvas is shown
#: at 1024×600, the smallest window the game is made for.
MIN_TEXT = 18
SMALL_TEXT = 14  # below this, fitted text gets a wider space between words


class MissingResource(FileNotFoundError):
    def __init__(self, name: str, searched: list[Path]) -> None:
        listed = ", ".join(str(p) for p in searched)
        super().__init__(f"{name} not found; looked in: {listed}")


class Resources:
    FONT_FILES: ClassVar[dict[str, str]] = {
        "regular": "fonts/NotoSansSC-Regular.otf",
        "bold": "fonts/NotoSansSC-Bold.otf",
    }
    # Rendered pictures kept, counted in pixels (4 bytes each): about 64 MB. A card at print
    # size needs its art at print size once; the album needs every picture at its small size.
    ART_BUDGET_PX = 16_000_000

    def __init__(self, assets_dir: Path) -> None:
        self.assets_dir = assets_dir
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._faces: dict[bool, pygame.freetype.Font] = {}
        self._images: dict[tuple[str, bool], pygame.Surface] = {}
        self._art: OrderedDict[tuple[str, tuple[int, int]], pygame.Surface] = OrderedDict()
        self._art_px = 0
        self._missing_art: set[str] = set()
        self.art_renders = 0  # how many pictures were rasterised (each name and size once)
        # The player's text size (1.0, 1.25 or 1.5): every font is asked for at its size times
        # this, so screens lay out with the fonts' measured sizes, never with fixed heights.
        self.text_scale = 1.0

    def resolve(self, name: str) -> Path:
        searched = [self.assets_dir.joinpath(*PurePosixPath(name.replace("\\", "/")).parts)]
        for path in searched:
            if path.is_file():
                return path
        raise MissingResource(name, searched)

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The UI font at ``size`` times the text size setting."""
        return self.font_px(max(1, round(size * self.text_scale)), bold)

    def font_px(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The UI font at exactly ``size`` pixels, whatever the text size setting."""
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

    def fitting_font(
        self, size: int, text: str, width: int, bold: bool = False
    ) -> pygame.font.Font:
        """The largest font for ``text`` on one line of ``width`` pixels: ``size`` (times the text
        size) at most, and never under MIN_TEXT (a text too long even then must wrap)."""
        scaled = max(MIN_TEXT, round(size * self.text_scale))
        while True:
            font = self.font_px(scaled, bold)
            if scaled <= MIN_TEXT or font.size(text)[0] <= width:
                return font
            scaled = max(MIN_TEXT, min(scaled - 1, round(scaled * 0.92)))

    def font_within(self, size: int, height: int, bold: bool = False) -> pygame.font.Font:
        """The largest font (``size`` times the text size at most, MIN_TEXT at least) whose
        lines are at most ``height`` pixels tall: for words in a box of fixed height."""
        px = max(MIN_TEXT, round(size * self.text_scale))
        while px > MIN_TEXT and self.font_px(px, bold).get_linesize() > height:
            px -= 1
        return self.font_px(px, bold)

    def sized_font(self, size: int, bold: bool = False) -> SizedFont:
        """A font at ``size`` from one face per weight: any number of sizes costs one file load
        (opening the CJK font at each size costs milliseconds, and fitted text tries many)."""
        face = self._faces.get(bold)
        if face is None:
            pygame.freetype.init()
            try:
                path = self.resolve(self.FONT_FILES["bold" if bold else "regular"])
                face = pygame.freetype.Font(path)
            except (MissingResource, OSError):
                face = pygame.freetype.Font(None)
                face.strong = bold
            face.pad = True  # every line is as tall as the font, as with pygame.font
            self._faces[bold] = face
        return SizedFont(face, round(size * self.text_scale))

    def image(self, name: str, *, alpha: bool = True) -> pygame.Surface:
        key = (name, alpha)
        image = self._images.get(key)
        if image is None:
            loaded = pygame.image.load(self.resolve(name))
            if pygame.display.get_surface() is not None:
                loaded = loaded.convert_alpha() if alpha else loaded.convert()
            self._images[key] = image = loaded
        return image

    def art(self, name: str, size: tuple[int, int]) -> pygame.Surface:
        """The picture ``name`` (SVG or PNG, relative to the assets folder) as large as fits in
        ``size`` with its proportions kept. SVG is rasterised at exactly that size, so it stays
        sharp on screen and in print; each name and size is rendered once and then cached.

        Raises :class:`MissingResource` for a missing file and ``pygame.error`` for one that
        cannot be read."""
        size = (max(1, int(size[0])), max(1, int(size[1])))
        key = (name, size)
        picture = self._art.get(key)
        if picture is not None:
            self._art.move_to_end(key)
            return picture
        path = self.resolve(name)
        if path.suffix.lower() == ".svg":
            picture = pygame.image.load_sized_svg(path, size)
        else:
            source = self.image(name)
            scale = min(size[0] / source.get_width(), size[1] / source.get_height())
            picture = pygame.transform.smoothscale(
                source,
                (
                    max(1, round(source.get_width() * scale)),
                    max(1, round(source.get_height() * scale)),
                ),
            )
        if pygame.display.get_surface() is not None:
            picture = picture.convert_alpha()
        self.art_renders += 1
        self._art[key] = picture
        self._art_px += picture.get_width() * picture.get_height()
        while self._art_px > self.ART_BUDGET_PX and len(self._art) > 1:
            _, old = self._art.popitem(last=False)
            self._art_px -= old.get_width() * old.get_height()
        return picture

    def species_art(
        self, art: str | None, group: str, size: tuple[int, int]
    ) -> pygame.Surface | None:
        """The species' own picture, or else its group's generic picture, or else the neutral
        one; None only when even that is missing. A missing or broken file is logged once."""
        for name in ((art,) if art else ()) + (group_art(group), fallback_art()):
            if name in self._missing_art:
                continue
            try:
                return self.art(name, size)
            except (MissingResource, pygame.error, OSError) as exc:
                self._missing_art.add(name)
                log.warning("picture %s cannot be shown (%s); using a generic one", name, exc)
        return None

    def forget_art(self) -> None:
        """Drop every rendered picture (after rendering cards at print size, say)."""
        self._art.clear()
        self._art_px = 0


class SizedFont:
    """The part of ``pygame.font.Font`` that fitted text uses, backed by a shared FreeType face."""

    def __init__(self, face: pygame.freetype.Font, size: int) -> None:
        self.face = face
        self.points = max(1, size)
        self.style = pygame.freetype.STYLE_DEFAULT

    def set_italic(self, italic: bool) -> None:
        self.style = pygame.freetype.STYLE_OBLIQUE if italic else pygame.freetype.STYLE_DEFAULT

    def get_height(self) -> int:
        # With padding every rendered line is this tall, whatever its letters.
        return int(self.face.get_rect("A", size=self.points).height)

    def _spaced(self, text: str) -> str:
        # The face's space is a fifth of the size: at the small sizes of a card's corner words
        # ("Very rare") it is a pixel or two and the words run together
        small = self.points < SMALL_TEXT and self.style == pygame.freetype.STYLE_DEFAULT
        return text.replace(" ", "  ") if small else text  # (a Latin name, in italics, is fine)

    def size(self, text: str) -> tuple[int, int]:
        if not text:
            return 0, self.get_height()
        rect = self.face.get_rect(self._spaced(text), style=self.style, size=self.points)
        return rect.width, self.get_height()

    def render(self, text: str, antialias: bool, colour: tuple[int, int, int]) -> pygame.Surface:
        if not text:
            return pygame.Surface((0, self.get_height()), pygame.SRCALPHA)
        self.face.antialiased = antialias
        surface, _ = self.face.render(
            self._spaced(text), colour, style=self.style, size=self.points
        )
        return surface
