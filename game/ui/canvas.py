"""Surfaces with a scale: ``scale`` pixels per layout unit, answering in layout units.

The base of ``game.ui.gfx`` (which re-exports all of it): the scale new surfaces, fonts and
pictures are made at, the :class:`Canvas` surface, and the sums between units and pixels.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

import pygame

P = ParamSpec("P")
R = TypeVar("R")
Point = Sequence[float]
RectLike = pygame.Rect | Sequence[float]


class _Scale:
    """The scale new surfaces, fonts and pictures are made at (one per process: pygame has one
    display). ``rescaled`` counts blits that had to resample a picture made at another scale."""

    value = 1.0
    rescaled = 0
    window = (1.0, 0.0, 0.0)  # window pixels per unit, and where the canvas's corner is shown


def current_scale() -> float:
    return _Scale.value


def set_scale(scale: float) -> None:
    if not scale > 0:
        raise ValueError(f"a drawing scale must be positive, not {scale!r}")
    _Scale.value = float(scale)


@contextmanager
def at_scale(scale: float) -> Iterator[None]:
    """Make surfaces, fonts and pictures at ``scale`` inside the block (1 for print)."""
    before = _Scale.value
    set_scale(scale)
    try:
        yield
    finally:
        _Scale.value = before


def set_window(scale: float, left: float, top: float) -> None:
    """Where the window shows the canvas (set by the display), for :func:`window_rect`."""
    _Scale.window = (scale, left, top)


def window_rect(rect: RectLike) -> pygame.Rect:
    """``rect`` (in units) in window pixels, where the player sees it."""
    scale, left, top = _Scale.window
    return pixel_rect(rect, scale).move(round(left), round(top))


def rescaled_blits() -> int:
    """How many blits so far had to resample a picture made at another scale (soft edges)."""
    return _Scale.rescaled


def scale_of(surface: pygame.Surface) -> float:
    return surface.scale if isinstance(surface, Canvas) else 1.0


def physical_size(surface: pygame.Surface) -> tuple[int, int]:
    return pygame.Surface.get_size(surface)


def to_pixels(size: Sequence[float], scale: float) -> tuple[int, int]:
    return (max(0, round(size[0] * scale)), max(0, round(size[1] * scale)))


def pixel_rect(rect: RectLike, scale: float) -> pygame.Rect:
    """``rect`` (in units) in pixels; neighbouring rects stay neighbours, with no gap."""
    r = pygame.Rect(rect)
    left, top = round(r.left * scale), round(r.top * scale)
    return pygame.Rect(left, top, round(r.right * scale) - left, round(r.bottom * scale) - top)


def unit_rect(rect: pygame.Rect, scale: float) -> pygame.Rect:
    """The units covering the pixels of ``rect``."""
    if scale == 1:
        return pygame.Rect(rect)
    left, top = math.floor(rect.left / scale), math.floor(rect.top / scale)
    return pygame.Rect(
        left, top, math.ceil(rect.right / scale) - left, math.ceil(rect.bottom / scale) - top
    )


class Canvas(pygame.Surface):
    """A surface of ``size`` layout units, ``scale`` pixels each, that answers in units."""

    scale: float
    _units: tuple[int, int]

    def __init__(
        self,
        size: Sequence[float],
        scale: float,
        flags: int = 0,
        *format: Any,
        pixels: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(pixels or to_pixels(size, scale), flags, *format)
        self.scale = scale
        self._units = (int(size[0]), int(size[1]))

    def _like(self, other: pygame.Surface) -> Canvas:
        """``other`` (a copy of this surface made by pygame, of its class) with its units."""
        assert isinstance(other, Canvas)
        other.scale, other._units = self.scale, self._units
        return other

    # -- sizes, in units ---------------------------------------------------------------------

    def get_size(self) -> tuple[int, int]:
        return self._units

    def get_width(self) -> int:
        return self._units[0]

    def get_height(self) -> int:
        return self._units[1]

    def get_rect(self, **where: Any) -> pygame.Rect:
        rect = pygame.Rect((0, 0), self._units)
        for name, value in where.items():
            setattr(rect, name, value)
        return rect

    def get_clip(self) -> pygame.Rect:
        return unit_rect(pygame.Surface.get_clip(self), self.scale)

    def set_clip(self, rect: RectLike | None = None, /) -> None:  # type: ignore[override]
        pygame.Surface.set_clip(self, None if rect is None else pixel_rect(rect, self.scale))

    def get_at(self, pos: Point, /) -> pygame.Color:  # type: ignore[override]
        x, y = min(pos[0] * self.scale, physical_size(self)[0] - 1), pos[1] * self.scale
        return pygame.Surface.get_at(self, (int(x), int(min(y, physical_size(self)[1] - 1))))

    # -- drawing -----------------------------------------------------------------------------

    def blit(  # type: ignore[override]
        self,
        source: pygame.Surface,
        dest: Point | pygame.Rect = (0, 0),
        area: RectLike | None = None,
        special_flags: int = 0,
    ) -> pygame.Rect:
        s = self.scale
        source = _at(source, s)
        drawn = pygame.Surface.blit(
            self,
            source,
            (round(dest[0] * s), round(dest[1] * s)),
            None if area is None else pixel_rect(area, s),
            special_flags,
        )
        return unit_rect(drawn, s)

    def fill(  # type: ignore[override]
        self, color: Any, rect: RectLike | None = None, special_flags: int = 0
    ) -> pygame.Rect:
        area = None if rect is None else pixel_rect(rect, self.scale)
        return unit_rect(pygame.Surface.fill(self, color, area, special_flags), self.scale)

    def subsurface(self, *rect: Any) -> pygame.Surface:
        raise TypeError(
            "a scaled canvas has no subsurface in layout units: draw into it with set_clip, "
            "or use gfx.pixel_rect with pygame.Surface.subsurface for its pixels"
        )

    def copy(self) -> Canvas:
        return self._like(pygame.Surface.copy(self))

    def convert(self, *format: Any) -> Canvas:
        return self._like(pygame.Surface.convert(self, *format))

    def convert_alpha(self, *format: Any) -> Canvas:
        return self._like(pygame.Surface.convert_alpha(self, *format))


def adopt(
    pixels: pygame.Surface, scale: float, size: Sequence[float] | None = None
) -> pygame.Surface:
    """``pixels`` (a plain surface drawn at ``scale``) as a surface of ``size`` units, by
    default its own size in units. At scale 1 it is returned as it is."""
    if scale == 1 or isinstance(pixels, Canvas):
        return pixels
    w, h = pixels.get_size()
    units = size if size is not None else (round(w / scale), round(h / scale))
    alpha = pixels.get_flags() & pygame.SRCALPHA
    canvas = Canvas(units, scale, alpha, pixels, pixels=(w, h))
    if alpha:  # onto transparent black, adding copies every channel exactly
        pygame.Surface.fill(canvas, (0, 0, 0, 0))
        pygame.Surface.blit(canvas, pixels, (0, 0), None, pygame.BLEND_RGBA_ADD)
    else:
        pygame.Surface.blit(canvas, pixels, (0, 0))
    return canvas


def _at(source: pygame.Surface, scale: float) -> pygame.Surface:
    """``source`` with ``scale`` pixels per unit, resampled when it was made at another."""
    if scale_of(source) == scale:
        return source
    pixels = to_pixels(source.get_size(), scale)
    if pixels == physical_size(source):
        return source
    _Scale.rescaled += 1
    if source.get_bitsize() >= 24 and min(pixels) > 0:
        return pygame.transform.smoothscale(source, pixels)
    return pygame.transform.scale(source, pixels)


def surface(size: Sequence[float], flags: int = 0, *format: Any) -> pygame.Surface:
    """A new surface of ``size`` units at the current scale (``pygame.Surface``'s arguments)."""
    scale = _Scale.value
    if scale == 1:
        return pygame.Surface(size, flags, *format)
    return Canvas(size, scale, flags, *format)


def cache_per_scale(maxsize: int = 128) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """``functools.lru_cache`` for a function that makes pictures: one entry per scale too."""

    def decorate(make: Callable[P, R]) -> Callable[P, R]:
        @functools.lru_cache(maxsize=maxsize)
        def at_scale(scale: float, *args: Any, **kwargs: Any) -> R:
            return make(*args, **kwargs)

        @functools.wraps(make)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R:
            return at_scale(_Scale.value, *args, **kwargs)  # type: ignore[arg-type]

        cached.cache_clear = at_scale.cache_clear  # type: ignore[attr-defined]
        return cached

    return decorate
