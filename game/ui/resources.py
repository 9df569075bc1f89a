"""The one way to load fonts and pictures: cached, converted, and clear about misses."""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

import pygame
import pygame.freetype

from game.core.art import fallback_art, group_art
from game.ui import gfx

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
        "regular": "fonts/NotoSansSC-Regular.ttf",
        "bold": "fonts/NotoSansSC-Bold.ttf",
    }
    # Rendered pictures kept, counted in pixels (4 bytes each): about 64 MB. A card at print
    # size needs its art at print size once; the album needs every picture at its small size.
    ART_BUDGET_PX = 16_000_000
    # Rendered texts kept at a scale other than 1 (see kept_text): about 16 MB.
    TEXT_BUDGET_PX = 4_000_000

    def __init__(self, assets_dir: Path) -> None:
        self.assets_dir = assets_dir
        self._fonts: dict[tuple[int, bool, float], pygame.font.Font] = {}
        self._faces: dict[bool, pygame.freetype.Font] = {}
        self._images: dict[tuple[str, bool], pygame.Surface] = {}
        # by name, size in pixels and window scale (pixels per layout unit)
        self._art: OrderedDict[tuple[str, tuple[int, int], float], pygame.Surface] = OrderedDict()
        self._art_px = 0
        self._missing_art: set[str] = set()
        self._texts: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._texts_px = 0
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

    @property
    def display_scale(self) -> float:
        """Pixels per layout unit of the window (``gfx.current_scale``): fonts and pictures
        are made that much larger, and answer in layout units."""
        return gfx.current_scale()

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The UI font at ``size`` times the text size setting."""
        return self.font_px(max(1, round(size * self.text_scale)), bold)

    def font_px(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The UI font at exactly ``size`` layout units, whatever the text size setting (and
        opened at the window's scale)."""
        scale = self.display_scale
        key = (size, bold, scale)
        font = self._fonts.get(key)
        if font is None:
            if any(k[2] != scale for k in self._fonts):  # the window's scale changed
                self._fonts = {k: f for k, f in self._fonts.items() if k[2] == scale}
            try:
                path = self.resolve(self.FONT_FILES["bold" if bold else "regular"])
                font = LayoutFont(self, path, size, size, bold, scale)
            except (MissingResource, OSError):  # pygame's own font
                font = LayoutFont(self, None, round(size * 1.3), size, bold, scale)
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
        scale = self.display_scale
        units = (max(1, int(size[0])), max(1, int(size[1])))
        size = gfx.to_pixels(units, scale) if scale != 1 else units
        size = (max(1, size[0]), max(1, size[1]))
        key = (name, size, scale)
        picture = self._art.get(key)
        if picture is not None:
            self._art.move_to_end(key)
            return picture
        path = self.resolve(name)
        if path.suffix.lower() == ".svg":
            picture = pygame.image.load_sized_svg(path, size)
        else:
            source = self.image(name)
            fit = min(size[0] / source.get_width(), size[1] / source.get_height())
            picture = pygame.transform.smoothscale(
                source,
                (
                    max(1, round(source.get_width() * fit)),
                    max(1, round(source.get_height() * fit)),
                ),
            )
        if pygame.display.get_surface() is not None:
            picture = picture.convert_alpha()
        picture = gfx.adopt(picture, scale)
        self.art_renders += 1
        self._art[key] = picture
        self._art_px += gfx.physical_size(picture)[0] * gfx.physical_size(picture)[1]
        while self._art_px > self.ART_BUDGET_PX and len(self._art) > 1:
            _, old = self._art.popitem(last=False)
            self._art_px -= gfx.physical_size(old)[0] * gfx.physical_size(old)[1]
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

    def kept_text(self, key: tuple[object, ...]) -> pygame.Surface | None:
        """A text rendered before by a :class:`LayoutFont` (at a scale other than 1: each
        frame draws the same labels, and rendering them at the window's size costs more)."""
        found = self._texts.get(key)
        if found is not None:
            self._texts.move_to_end(key)
        return found

    def keep_text(self, key: tuple[object, ...], rendered: pygame.Surface) -> None:
        w, h = gfx.physical_size(rendered)
        self._texts[key] = rendered
        self._texts_px += w * h
        while self._texts_px > self.TEXT_BUDGET_PX and len(self._texts) > 1:
            _, old = self._texts.popitem(last=False)
            w, h = gfx.physical_size(old)
            self._texts_px -= w * h

    def forget_art(self) -> None:
        """Drop every rendered picture (after rendering cards at print size, say)."""
        self._art.clear()
        self._art_px = 0


class LayoutFont(pygame.font.Font):
    """A font ``units`` layout units tall, opened at that many times the window's scale in
    pixels. It measures in layout units and renders surfaces of its scale (``gfx.Canvas``),
    kept for reuse. A font kept from before the window changed scale (a button's, say) hands
    each call to the font of its size at the new scale."""

    def __init__(
        self, res: Resources, path: Path | None, points: int, units: int, bold: bool, scale: float
    ) -> None:
        super().__init__(path, max(1, round(points * scale)))
        self._res, self.units, self.bold, self.scale = res, units, bold, scale
        self._id = (str(path), points, bold, scale)  # what its rendered texts are kept by

    @property
    def points(self) -> int:
        """Its size in layout units (``point_size`` is in the window's pixels)."""
        return self.units

    def _now(self) -> pygame.font.Font | None:
        """The font to use instead, when the window's scale is no longer this font's."""
        if gfx.current_scale() == self.scale:
            return None
        return self._res.font_px(self.units, self.bold)  # units: the text size is applied

    def _units(self, pixels: int) -> int:
        return pixels if self.scale == 1 else round(pixels / self.scale)

    def size(self, text: str | bytes, /) -> tuple[int, int]:
        other = self._now()
        if other is not None:
            return other.size(text)
        w, h = super().size(text)
        return self._units(w), self._units(h)

    def get_height(self) -> int:
        other = self._now()
        return other.get_height() if other is not None else self._units(super().get_height())

    def get_linesize(self) -> int:
        other = self._now()
        return other.get_linesize() if other is not None else self._units(super().get_linesize())

    def get_ascent(self) -> int:
        other = self._now()
        return other.get_ascent() if other is not None else self._units(super().get_ascent())

    def get_descent(self) -> int:
        other = self._now()
        return other.get_descent() if other is not None else self._units(super().get_descent())

    def render(
        self,
        text: str | bytes | None,
        antialias: bool,
        color: Any,
        bgcolor: Any = None,
        wraplength: int = 0,
    ) -> pygame.Surface:
        other = self._now()
        if other is not None:
            return other.render(text, antialias, color, bgcolor, wraplength)
        if self.scale == 1:
            return super().render(text, antialias, color, bgcolor, wraplength)
        key: tuple[object, ...] = (*self._id, text, antialias, _colour_key(color))
        key += (_colour_key(bgcolor),)
        key += (wraplength, self.get_bold(), self.get_italic(), self.get_underline())
        key += (self.get_strikethrough(),)
        found = self._res.kept_text(key)
        if found is None:
            found = gfx.adopt(
                super().render(text, antialias, color, bgcolor, wraplength), self.scale
            )
            self._res.keep_text(key, found)
        elif found.get_alpha() not in (None, 255):  # a caller faded it last time
            found.set_alpha(255)
        return found


def _colour_key(colour: Any) -> object:
    return None if colour is None else tuple(pygame.Color(colour))


class SizedFont:
    """The part of ``pygame.font.Font`` that fitted text uses, backed by a shared FreeType face.
    Like :class:`LayoutFont` it measures in layout units and renders at the window's scale."""

    def __init__(self, face: pygame.freetype.Font, size: int) -> None:
        self.face = face
        self.points = max(1, size)
        self.style = pygame.freetype.STYLE_DEFAULT

    def set_italic(self, italic: bool) -> None:
        self.style = pygame.freetype.STYLE_OBLIQUE if italic else pygame.freetype.STYLE_DEFAULT

    def get_height(self) -> int:
        # With padding every rendered line is this tall, whatever its letters.
        scale = gfx.current_scale()
        if scale == 1:
            return int(self.face.get_rect("A", size=self.points).height)
        return round(self.face.get_rect("A", size=self.points * scale).height / scale)

    def _spaced(self, text: str) -> str:
        # The face's space is a fifth of the size: at the small sizes of a card's corner words
        # ("Very rare") it is a pixel or two and the words run together
        small = self.points < SMALL_TEXT and self.style == pygame.freetype.STYLE_DEFAULT
        return text.replace(" ", "  ") if small else text  # (a Latin name, in italics, is fine)

    def size(self, text: str) -> tuple[int, int]:
        if not text:
            return 0, self.get_height()
        scale = gfx.current_scale()
        rect = self.face.get_rect(self._spaced(text), style=self.style, size=self.points * scale)
        return (rect.width if scale == 1 else round(rect.width / scale)), self.get_height()

    def render(self, text: str, antialias: bool, colour: tuple[int, int, int]) -> pygame.Surface:
        if not text:
            return gfx.surface((0, self.get_height()), pygame.SRCALPHA)
        scale = gfx.current_scale()
        self.face.antialiased = antialias
        surface, _ = self.face.render(
            self._spaced(text), colour, style=self.style, size=self.points * scale
        )
        line = int(self.face.get_rect("A", size=self.points * scale).height)
        if surface.get_height() != line:  # an accent over a capital at the smallest sizes
            whole = pygame.Surface((surface.get_width(), line), pygame.SRCALPHA)
            whole.blit(surface, (0, line - surface.get_height()))  # on the same baseline
            surface = whole
        return surface if scale == 1 else gfx.adopt(surface, scale)
