"""Drawing at the window's own resolution, in layout units.

Every screen is laid out on a 1280x720 grid of layout units. A window of another size gets a
canvas with ``scale`` pixels per unit (1.5 at 1920x1080, 3 at 3840x2160, 0.8 at 1024x600), so
text, lines and pictures are drawn at the window's own resolution instead of being stretched.

- :class:`Canvas` is a ``pygame.Surface`` with ``scale`` pixels per unit which answers in units:
  ``get_size``, ``get_rect``, ``blit``, ``fill`` and the clip all take and give layout units.
  A plain ``pygame.Surface`` counts as a surface at scale 1, so at 1280x720 nothing changes.
- The functions below take the same arguments as ``pygame.draw`` and ``pygame.transform`` and
  scale positions, sizes, line widths and radii by the target's (or the source's) scale.
- :func:`surface` makes a new surface at the current scale, the one the window is drawn at
  (the display sets it with :func:`set_scale` when the window changes size); fonts and pictures
  from ``game.ui.resources`` are made at the current scale too.

Scenes therefore draw with ``gfx.rect(...)`` instead of ``pygame.draw.rect(...)`` and make
temporary pictures with ``gfx.surface(...)`` instead of ``pygame.Surface(...)``; calling
pygame directly on a :class:`Canvas` would draw in pixels, not in units.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.ui.canvas import (
    Canvas,
    Point,
    RectLike,
    adopt,
    at_scale,
    cache_per_scale,
    current_scale,
    physical_size,
    pixel_rect,
    rescaled_blits,
    scale_of,
    set_scale,
    set_window,
    surface,
    to_pixels,
    unit_rect,
    window_rect,
)

__all__ = [
    "Canvas",
    "adopt",
    "at_scale",
    "cache_per_scale",
    "current_scale",
    "physical_size",
    "pixel_rect",
    "rescaled_blits",
    "scale_of",
    "set_scale",
    "set_window",
    "surface",
    "to_pixels",
    "unit_rect",
    "window_rect",
]


def set_text_input_rect(rect: RectLike) -> None:
    """``pygame.key.set_text_input_rect`` for a rect in layout units: an input method's list
    of characters (Chinese typing) opens under the field where the player sees it."""
    pygame.key.set_text_input_rect(window_rect(rect))


# -- pygame.draw, in units -------------------------------------------------------------------


def _width(width: int, scale: float) -> int:
    return width if width <= 0 else max(1, round(width * scale))


def _points(points: Sequence[Point], scale: float) -> list[tuple[float, float]]:
    return [(p[0] * scale, p[1] * scale) for p in points]


def _pt(point: Point, scale: float) -> tuple[float, float]:
    return (point[0] * scale, point[1] * scale)


def rect(
    surface: pygame.Surface,
    color: Any,
    rect: RectLike,
    width: int = 0,
    border_radius: int = -1,
    **corners: int,
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.rect(surface, color, rect, width, border_radius, **corners)
    radii = {name: _width(r, s) for name, r in corners.items()}
    return unit_rect(
        pygame.draw.rect(
            surface, color, pixel_rect(rect, s), _width(width, s), _width(border_radius, s), **radii
        ),
        s,
    )


def circle(
    surface: pygame.Surface,
    color: Any,
    center: Point,
    radius: float,
    width: int = 0,
    **quadrants: bool,
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.circle(surface, color, center, radius, width, **quadrants)
    drawn = pygame.draw.circle(
        surface, color, _pt(center, s), radius * s, _width(width, s), **quadrants
    )
    return unit_rect(drawn, s)


def ellipse(surface: pygame.Surface, color: Any, rect: RectLike, width: int = 0) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.ellipse(surface, color, rect, width)
    return unit_rect(pygame.draw.ellipse(surface, color, pixel_rect(rect, s), _width(width, s)), s)


def arc(
    surface: pygame.Surface,
    color: Any,
    rect: RectLike,
    start_angle: float,
    stop_angle: float,
    width: int = 1,
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.arc(surface, color, rect, start_angle, stop_angle, width)
    drawn = pygame.draw.arc(
        surface, color, pixel_rect(rect, s), start_angle, stop_angle, _width(width, s)
    )
    return unit_rect(drawn, s)


def line(
    surface: pygame.Surface, color: Any, start_pos: Point, end_pos: Point, width: int = 1
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.line(surface, color, start_pos, end_pos, width)
    drawn = pygame.draw.line(surface, color, _pt(start_pos, s), _pt(end_pos, s), _width(width, s))
    return unit_rect(drawn, s)


def aaline(
    surface: pygame.Surface, color: Any, start_pos: Point, end_pos: Point, width: int = 1
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.aaline(surface, color, start_pos, end_pos, width)
    drawn = pygame.draw.aaline(surface, color, _pt(start_pos, s), _pt(end_pos, s), _width(width, s))
    return unit_rect(drawn, s)


def lines(
    surface: pygame.Surface, color: Any, closed: bool, points: Sequence[Point], width: int = 1
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.lines(surface, color, closed, points, width)
    drawn = pygame.draw.lines(surface, color, closed, _points(points, s), _width(width, s))
    return unit_rect(drawn, s)


def aalines(
    surface: pygame.Surface, color: Any, closed: bool, points: Sequence[Point]
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.aalines(surface, color, closed, points)
    return unit_rect(pygame.draw.aalines(surface, color, closed, _points(points, s)), s)


def polygon(
    surface: pygame.Surface, color: Any, points: Sequence[Point], width: int = 0
) -> pygame.Rect:
    s = scale_of(surface)
    if s == 1:
        return pygame.draw.polygon(surface, color, points, width)
    drawn = pygame.draw.polygon(surface, color, _points(points, s), _width(width, s))
    return unit_rect(drawn, s)


# -- pygame.transform, keeping the source's scale ----------------------------------------------


def _like(surface: pygame.Surface, size: Sequence[float]) -> Canvas:
    """A new surface of ``size`` units in the format and scale of ``surface``."""
    return Canvas(size, scale_of(surface), surface.get_flags() & pygame.SRCALPHA, surface)


def smoothscale(
    surface: pygame.Surface, size: Sequence[float], dest_surface: pygame.Surface | None = None
) -> pygame.Surface:
    s = scale_of(surface)
    if s == 1 and dest_surface is None:
        return pygame.transform.smoothscale(surface, size)
    out = dest_surface if dest_surface is not None else _like(surface, size)
    pygame.transform.smoothscale(surface, physical_size(out), out)
    return out


def scale(
    surface: pygame.Surface, size: Sequence[float], dest_surface: pygame.Surface | None = None
) -> pygame.Surface:
    s = scale_of(surface)
    if s == 1 and dest_surface is None:
        return pygame.transform.scale(surface, size)
    out = dest_surface if dest_surface is not None else _like(surface, size)
    pygame.transform.scale(surface, physical_size(out), out)
    return out


def smoothscale_by(surface: pygame.Surface, factor: float) -> pygame.Surface:
    s = scale_of(surface)
    if s == 1:
        return pygame.transform.smoothscale_by(surface, factor)
    w, h = surface.get_size()
    return smoothscale(surface, (round(w * factor), round(h * factor)))


def grayscale(surface: pygame.Surface) -> pygame.Surface:
    s = scale_of(surface)
    if s == 1:
        return pygame.transform.grayscale(surface)
    out = _like(surface, surface.get_size())
    pygame.transform.grayscale(surface, out)
    return out


def rotate(surface: pygame.Surface, angle: float) -> pygame.Surface:
    s = scale_of(surface)
    if s == 1:
        return pygame.transform.rotate(surface, angle)
    return adopt(pygame.transform.rotate(surface, angle), s)


def rotozoom(surface: pygame.Surface, angle: float, scale: float) -> pygame.Surface:
    s = scale_of(surface)
    if s == 1:
        return pygame.transform.rotozoom(surface, angle, scale)
    return adopt(pygame.transform.rotozoom(surface, angle, scale), s)


def vertical_gradient(
    surface: pygame.Surface,
    rect: pygame.Rect,
    column: Callable[[int], pygame.Surface],
) -> None:
    """Stretch ``column(height)`` (a picture one pixel wide, ``height`` pixels tall, in the
    surface's format) over ``rect``, in the surface's own pixels."""
    area = pixel_rect(rect, scale_of(surface))
    if area.width <= 0 or area.height <= 0:
        return
    strip = column(area.height)
    if pygame.Rect((0, 0), physical_size(surface)).contains(area):
        pygame.transform.scale(strip, area.size, pygame.Surface.subsurface(surface, area))
    else:
        pygame.Surface.blit(surface, pygame.transform.scale(strip, area.size), area)
