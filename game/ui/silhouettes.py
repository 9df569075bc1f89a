"""Flat silhouettes of the species groups, drawn as vectors so they scale to any card size.

Each group is a small painter working in its own view box (for example 100 x 60 units). Outlines
are given as smooth paths through points (``"x,y x,y^ ..."``, where ``^`` marks a sharp corner),
so a shape is a few lines of numbers rather than hundreds of vertices. Shapes are drawn several
times too large and smooth-scaled down, which anti-aliases every edge. Details (eyes, gills,
stripes, shell plates) are clipped to the body, so they never spill over the outline.

This module holds the pen and ``draw_silhouette``; the drawings themselves, one painter per
group, live in ``game/ui/silhouette_shapes.py``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.ui.silhouette_shapes import FALLBACK, SHAPES
from game.ui.theme import Colour

__all__ = ["FALLBACK", "SHAPES", "Pen", "draw_silhouette"]

Point = tuple[float, float]


def _parse(path: str) -> list[tuple[float, float, bool]]:
    points = []
    for token in path.split():
        sharp = token.endswith("^")
        x, y = token.rstrip("^").split(",")
        points.append((float(x), float(y), sharp))
    return points


def _spline(
    points: Sequence[tuple[float, float, bool]], closed: bool, steps: int = 10
) -> list[Point]:
    """A Catmull-Rom curve through ``points``; sharp points get no tangent, so they stay corners."""
    n = len(points)
    if n < 3:
        return [(x, y) for x, y, _ in points]

    def tangent(i: int) -> Point:
        sharp = points[i % n][2]
        if sharp or (not closed and i in (0, n - 1)):
            return (0.0, 0.0)
        before, after = points[(i - 1) % n], points[(i + 1) % n]
        return ((after[0] - before[0]) / 2, (after[1] - before[1]) / 2)

    out: list[Point] = []
    for i in range(n if closed else n - 1):
        (x0, y0, _), (x1, y1, _) = points[i], points[(i + 1) % n]
        (tx0, ty0), (tx1, ty1) = tangent(i), tangent(i + 1)
        for step in range(steps):
            t = step / steps
            h00, h10 = 2 * t**3 - 3 * t**2 + 1, t**3 - 2 * t**2 + t
            h01, h11 = -2 * t**3 + 3 * t**2, t**3 - t**2
            out.append(
                (
                    h00 * x0 + h10 * tx0 + h01 * x1 + h11 * tx1,
                    h00 * y0 + h10 * ty0 + h01 * y1 + h11 * ty1,
                )
            )
    if not closed:
        out.append(points[-1][:2])
    return out


class Pen:
    """Draws into a supersampled body layer and a detail layer, in view-box units."""

    def __init__(
        self,
        size: tuple[int, int],
        viewbox: tuple[float, float],
        colour: Colour,
        detail: Colour,
        supersample: int,
    ) -> None:
        width, height = size[0] * supersample, size[1] * supersample
        self.colour, self.detail_colour = colour, detail
        self.body = pygame.Surface((width, height), pygame.SRCALPHA)
        self.body.fill((*colour, 0))  # transparent pixels carry the colour: no dark fringe
        self.details = pygame.Surface((width, height), pygame.SRCALPHA)
        self.details.fill((*detail, 0))
        self.vw, self.vh = viewbox
        self.k = min(width / self.vw, height / self.vh) * 0.96
        self.ox = (width - self.vw * self.k) / 2
        self.oy = (height - self.vh * self.k) / 2

    def _px(self, points: Sequence[Point]) -> list[tuple[float, float]]:
        return [(self.ox + x * self.k, self.oy + y * self.k) for x, y in points]

    def _target(self, detail: bool) -> tuple[pygame.Surface, Colour]:
        return (self.details, self.detail_colour) if detail else (self.body, self.colour)

    def _polygon(self, points: Sequence[Point], detail: bool) -> None:
        surface, colour = self._target(detail)
        if len(points) >= 3:
            pygame.draw.polygon(surface, colour, self._px(points))

    def fill(self, path: str, *, detail: bool = False) -> None:
        self._polygon(_spline(_parse(path), closed=True), detail)

    def mirror(self, path: str, *, detail: bool = False) -> None:
        """A shape symmetric about the view box's centre line, given by its right half."""
        half = _parse(path)
        other = [(self.vw - x, y, sharp) for x, y, sharp in reversed(half)]
        if other and abs(other[0][0] - half[-1][0]) < 1e-6:
            other = other[1:]
        if other and abs(other[-1][0] - half[0][0]) < 1e-6:
            other = other[:-1]
        self._polygon(_spline(half + other, closed=True), detail)

    def ellipse(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        angle: float = 0.0,
        *,
        detail: bool = False,
    ) -> None:
        a, n = math.radians(angle), 48
        self._polygon(
            [
                (
                    cx + rx * math.cos(t) * math.cos(a) - ry * math.sin(t) * math.sin(a),
                    cy + rx * math.cos(t) * math.sin(a) + ry * math.sin(t) * math.cos(a),
                )
                for t in (i * 2 * math.pi / n for i in range(n))
            ],
            detail,
        )

    def dot(self, cx: float, cy: float, r: float, *, detail: bool = True) -> None:
        self.ellipse(cx, cy, r, r, detail=detail)

    def ring(self, cx: float, cy: float, rx: float, ry: float, width: float) -> None:
        """The outline of an ellipse, in the detail colour."""
        points = [
            (cx + rx * math.cos(i * math.pi / 24), cy + ry * math.sin(i * math.pi / 24))
            for i in range(49)
        ]
        self.stroke(" ".join(f"{x:.2f},{y:.2f}" for x, y in points), width)

    def stroke(self, path: str, width: float, *, detail: bool = True) -> None:
        """A round-capped line along a smooth path."""
        self.tube(path, [width / 2], detail=detail)

    def tube(self, path: str, radii: Sequence[float], *, detail: bool = False) -> None:
        """A smooth limb, trunk or tail: a path thickened by radii interpolated along it."""
        spine = _spline(_parse(path), closed=False, steps=8)
        count = len(spine)

        def radius(i: int) -> float:
            if len(radii) == 1:
                return radii[0]
            pos = i / max(1, count - 1) * (len(radii) - 1)
            j = min(int(pos), len(radii) - 2)
            return radii[j] + (radii[j + 1] - radii[j]) * (pos - j)

        left: list[Point] = []
        right: list[Point] = []
        for i, (x, y) in enumerate(spine):
            ax, ay = spine[max(0, i - 1)]
            bx, by = spine[min(count - 1, i + 1)]
            length = math.hypot(bx - ax, by - ay) or 1.0
            nx, ny = -(by - ay) / length, (bx - ax) / length
            r = radius(i)
            left.append((x + nx * r, y + ny * r))
            right.append((x - nx * r, y - ny * r))
        self._polygon(left + right[::-1], detail)
        for i in (0, count - 1):  # round caps
            self.ellipse(*spine[i], radius(i), radius(i), detail=detail)

    def finish(self) -> pygame.Surface:
        mask = self.body.copy()
        mask.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
        self.details.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        self.body.blit(self.details, (0, 0))
        return self.body


def _supersample(size: tuple[int, int]) -> int:
    longest = max(size)
    return 4 if longest <= 320 else 3 if longest <= 640 else 2


def draw_silhouette(
    surface: pygame.Surface, group: str, rect: pygame.Rect, colour: Colour, detail_colour: Colour
) -> None:
    """Draw the silhouette of ``group`` centred in ``rect`` (a paw print for unknown groups).

    Only pixels inside ``rect`` change; edges are anti-aliased.
    """
    rect = pygame.Rect(rect)
    if rect.width < 1 or rect.height < 1:
        return
    painter, viewbox = SHAPES.get(group, FALLBACK)
    ss = _supersample(rect.size)
    pen = Pen(rect.size, viewbox, tuple(colour[:3]), tuple(detail_colour[:3]), ss)
    painter(pen)
    picture = pygame.transform.smoothscale(pen.finish(), rect.size)
    surface.blit(picture, rect)
