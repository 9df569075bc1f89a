"""Small line icons for the eco-actions, drawn with pygame so they scale to any size."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.ui import draw, gfx
from game.ui.theme import Colour

Painter = Callable[[pygame.Surface, pygame.Rect, Colour, int], None]


def _p(rect: pygame.Rect, x: float, y: float) -> tuple[int, int]:
    return (round(rect.left + x * rect.width), round(rect.top + y * rect.height))


def _walk(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    gfx.circle(s, c, _p(r, 0.55, 0.12), max(2, r.width // 9))
    body = [_p(r, 0.52, 0.28), _p(r, 0.45, 0.58)]
    gfx.line(s, c, body[0], body[1], w)
    gfx.lines(s, c, False, [_p(r, 0.45, 0.58), _p(r, 0.3, 0.8), _p(r, 0.25, 0.98)], w)
    gfx.lines(s, c, False, [_p(r, 0.45, 0.58), _p(r, 0.62, 0.78), _p(r, 0.7, 0.98)], w)
    gfx.lines(s, c, False, [_p(r, 0.25, 0.45), _p(r, 0.5, 0.32), _p(r, 0.72, 0.5)], w)


def _bike(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    radius = r.width // 5
    back, front = _p(r, 0.2, 0.7), _p(r, 0.8, 0.7)
    gfx.circle(s, c, back, radius, w)
    gfx.circle(s, c, front, radius, w)
    pedal, seat, bar = _p(r, 0.45, 0.7), _p(r, 0.38, 0.35), _p(r, 0.7, 0.32)
    gfx.lines(s, c, True, [back, pedal, _p(r, 0.68, 0.42), seat], w)
    gfx.line(s, c, front, bar, w)
    gfx.line(s, c, _p(r, 0.3, 0.33), _p(r, 0.46, 0.33), w)


def _vehicle(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int, *, train: bool) -> None:
    body = pygame.Rect(_p(r, 0.12, 0.1), (round(r.width * 0.76), round(r.height * 0.68)))
    gfx.rect(s, c, body, w, border_radius=r.width // (4 if train else 8))
    window = pygame.Rect(_p(r, 0.22, 0.2), (round(r.width * 0.56), round(r.height * 0.24)))
    gfx.rect(s, c, window, border_radius=2)
    for x in (0.3, 0.7):
        if train:
            gfx.line(s, c, _p(r, x, 0.78), _p(r, x - 0.12 if x < 0.5 else x + 0.12, 0.98), w)
        else:
            gfx.circle(s, c, _p(r, x, 0.84), max(2, r.width // 9))
    if train:
        gfx.circle(s, c, _p(r, 0.5, 0.6), max(2, r.width // 14))


def _bag(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    gfx.polygon(
        s, c, [_p(r, 0.15, 0.35), _p(r, 0.85, 0.35), _p(r, 0.92, 0.95), _p(r, 0.08, 0.95)], w
    )
    gfx.arc(
        s, c, pygame.Rect(_p(r, 0.3, 0.05), (round(r.width * 0.4), r.height // 2)), 0, math.pi, w
    )
    gfx.line(s, c, _p(r, 0.25, 0.2), _p(r, 0.75, 0.85), w)


def _bottle(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    gfx.rect(
        s,
        c,
        pygame.Rect(_p(r, 0.28, 0.3), (round(r.width * 0.44), round(r.height * 0.68))),
        w,
        border_radius=r.width // 8,
    )
    gfx.rect(s, c, pygame.Rect(_p(r, 0.4, 0.02), (round(r.width * 0.2), round(r.height * 0.18))))
    gfx.line(s, c, _p(r, 0.4, 0.2), _p(r, 0.28, 0.32), w)
    gfx.line(s, c, _p(r, 0.6, 0.2), _p(r, 0.72, 0.32), w)


def _cup(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    gfx.polygon(
        s, c, [_p(r, 0.15, 0.25), _p(r, 0.75, 0.25), _p(r, 0.66, 0.95), _p(r, 0.24, 0.95)], w
    )
    gfx.arc(
        s,
        c,
        pygame.Rect(_p(r, 0.6, 0.35), (round(r.width * 0.35), round(r.height * 0.35))),
        -math.pi / 2,
        math.pi / 2,
        w,
    )
    for x in (0.35, 0.55):
        gfx.line(s, c, _p(r, x, 0.02), _p(r, x, 0.15), w)


def _leaf(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    draw.leaf(s, r, c)


def _plate(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    gfx.circle(s, c, _p(r, 0.5, 0.55), r.width * 4 // 10, w)
    gfx.circle(s, c, _p(r, 0.5, 0.55), r.width // 4, w)
    gfx.line(s, c, _p(r, 0.02, 0.1), _p(r, 0.02, 0.95), w)
    gfx.line(s, c, _p(r, 0.98, 0.1), _p(r, 0.98, 0.95), w)


def _can(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    body = pygame.Rect(_p(r, 0.25, 0.1), (round(r.width * 0.5), round(r.height * 0.85)))
    gfx.rect(s, c, body, w, border_radius=r.width // 10)
    gfx.line(s, c, _p(r, 0.25, 0.25), _p(r, 0.75, 0.25), w)
    gfx.line(s, c, _p(r, 0.25, 0.8), _p(r, 0.75, 0.8), w)
    # recycling arrows: three chevrons around the middle
    cx, cy, rad = *_p(r, 0.5, 0.52), r.width // 7
    for k in range(3):
        a = k * 2 * math.pi / 3
        gfx.circle(
            s, c, (round(cx + rad * math.cos(a)), round(cy + rad * math.sin(a))), max(1, w // 2 + 1)
        )


def _paper(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    gfx.polygon(
        s,
        c,
        [
            _p(r, 0.2, 0.05),
            _p(r, 0.65, 0.05),
            _p(r, 0.82, 0.25),
            _p(r, 0.82, 0.95),
            _p(r, 0.2, 0.95),
        ],
        w,
    )
    for y in (0.4, 0.58, 0.76):
        gfx.line(s, c, _p(r, 0.32, y), _p(r, 0.7, y), max(1, w - 1))


def _shirt(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    gfx.polygon(
        s,
        c,
        [
            _p(r, 0.35, 0.08),
            _p(r, 0.05, 0.25),
            _p(r, 0.15, 0.45),
            _p(r, 0.27, 0.4),
            _p(r, 0.27, 0.95),
            _p(r, 0.73, 0.95),
            _p(r, 0.73, 0.4),
            _p(r, 0.85, 0.45),
            _p(r, 0.95, 0.25),
            _p(r, 0.65, 0.08),
            _p(r, 0.5, 0.2),
        ],
        w,
    )


def _sun(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    centre = _p(r, 0.5, 0.5)
    gfx.circle(s, c, centre, r.width // 5)
    for k in range(8):
        a = k * math.pi / 4
        inner, outer = r.width * 0.3, r.width * 0.46
        gfx.line(
            s,
            c,
            (centre[0] + inner * math.cos(a), centre[1] + inner * math.sin(a)),
            (centre[0] + outer * math.cos(a), centre[1] + outer * math.sin(a)),
            w,
        )


def _drop(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    points = [_p(r, 0.5, 0.02)]
    for k in range(0, 181, 15):
        a = math.radians(k)
        points.append(_p(r, 0.5 + 0.32 * math.cos(a), 0.64 + 0.32 * math.sin(a)))
    gfx.polygon(s, c, points)


def _plug(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    body = pygame.Rect(_p(r, 0.25, 0.3), (round(r.width * 0.5), round(r.height * 0.35)))
    gfx.rect(s, c, body, border_radius=r.width // 10)
    for x in (0.38, 0.62):
        gfx.line(s, c, _p(r, x, 0.05), _p(r, x, 0.3), w)
    gfx.lines(s, c, False, [_p(r, 0.5, 0.65), _p(r, 0.5, 0.8), _p(r, 0.8, 0.95)], w)


def _bus(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    _vehicle(s, r, c, w, train=False)


def _train(s: pygame.Surface, r: pygame.Rect, c: Colour, w: int) -> None:
    _vehicle(s, r, c, w, train=True)


PAINTERS: dict[str, Painter] = {
    "walk": _walk,
    "bike": _bike,
    "bus": _bus,
    "train": _train,
    "bag": _bag,
    "bottle": _bottle,
    "cup": _cup,
    "leaf": _leaf,
    "plate": _plate,
    "can": _can,
    "paper": _paper,
    "shirt": _shirt,
    "sun": _sun,
    "drop": _drop,
    "plug": _plug,
}


def draw_icon(surface: pygame.Surface, name: str, rect: pygame.Rect, colour: Colour) -> None:
    width = max(2, rect.width // 12)
    PAINTERS.get(name, _leaf)(surface, rect, colour, width)
