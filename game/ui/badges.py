"""A picture for each badge: a medal in the edition's colour, the group's own picture, or a
flame with the streak's number of days.

A badge not yet earned is drawn grey and faded, with a ring that fills as the player gets
closer; the screen that shows it also says it in words and numbers, never by colour alone.
"""

from __future__ import annotations

import math

import pygame

from game.core.art import group_art
from game.core.progress import Badge
from game.ui import gfx, theme
from game.ui.resources import MissingResource, Resources

GROUP_DISC = theme.hex_colour("#3c91e6")
FLAME_OUTER = theme.hex_colour("#f28c28")
FLAME_INNER = theme.hex_colour("#ffd24d")
RIBBON = theme.hex_colour("#c0392b")


def star_points(
    centre: tuple[float, float], outer: float, inner: float, points: int = 5
) -> list[tuple[float, float]]:
    corners = []
    for n in range(points * 2):
        radius = outer if n % 2 == 0 else inner
        angle = -math.pi / 2 + math.pi * n / points
        corners.append((centre[0] + math.cos(angle) * radius, centre[1] + math.sin(angle) * radius))
    return corners


def _medal(image: pygame.Surface, colour: theme.Colour) -> None:
    size = image.get_width()
    c = size / 2
    dark = theme.mix(colour, theme.SHADOW, 0.35)
    for side in (-1, 1):  # two ribbon tails behind the disc
        tail = [
            (c + side * size * 0.06, c),
            (c + side * size * 0.30, c),
            (c + side * size * 0.36, size * 0.98),
            (c + side * size * 0.24, size * 0.88),
            (c + side * size * 0.12, size * 0.98),
        ]
        gfx.polygon(image, dark, tail)
    disc = (c, size * 0.40)
    gfx.circle(image, dark, disc, size * 0.36)
    gfx.circle(image, colour, disc, size * 0.32)
    gfx.circle(image, theme.mix(colour, theme.WHITE, 0.5), disc, size * 0.25, 2)
    gfx.polygon(image, theme.WHITE, star_points(disc, size * 0.19, size * 0.08))


def _group(image: pygame.Surface, res: Resources, group: str) -> None:
    size = image.get_width()
    c = size / 2
    gfx.circle(image, GROUP_DISC, (c, c), c)
    gfx.circle(image, theme.mix(GROUP_DISC, theme.WHITE, 0.85), (c, c), c - 3)
    inner = round(size * 0.72)
    try:
        art = res.art(group_art(group), (inner, inner))
    except (MissingResource, pygame.error, OSError):
        return  # the disc alone; the name beside it says which group it is
    image.blit(art, art.get_rect(center=(round(c), round(c))))


def _flame(image: pygame.Surface, res: Resources, days: int) -> None:
    size = image.get_width()
    c = size / 2

    def flame(scale: float, colour: theme.Colour) -> None:
        base_y = size * 0.94
        radius = size * 0.30 * scale
        centre = (c, base_y - radius)
        gfx.circle(image, colour, centre, radius)
        tip = (c + size * 0.04 * scale, base_y - radius * 2 - size * 0.36 * scale)
        gfx.polygon(
            image,
            colour,
            [(c - radius, centre[1]), tip, (c + radius, centre[1])],
        )

    flame(1.0, FLAME_OUTER)
    flame(0.62, FLAME_INNER)
    font = res.font(max(9, round(size * (0.34 if days < 100 else 0.26))), bold=True)
    label = font.render(str(days), True, theme.INK)
    image.blit(label, label.get_rect(center=(round(c), round(size * 0.70))))


def badge_picture(
    res: Resources, badge: Badge, size: int, edition_colour: theme.Colour | None = None
) -> pygame.Surface:
    """The badge's picture, ``size`` pixels square: bright when earned, faded grey with a ring
    of progress when not."""
    image = gfx.surface((size, size), pygame.SRCALPHA)
    _kind, _, key = badge.id.partition(":")
    if badge.kind == "edition":
        _medal(image, edition_colour or theme.ACCENT)
    elif badge.kind == "group":
        _group(image, res, key)
    else:
        _flame(image, res, badge.need)
    if badge.earned:
        return image
    faded = gfx.grayscale(image)
    faded.set_alpha(120)
    picture = gfx.surface((size, size), pygame.SRCALPHA)
    picture.blit(faded, (0, 0))
    done = min(1.0, badge.have / max(1, badge.need))
    ring = pygame.Rect(0, 0, size, size).inflate(-2, -2)
    gfx.circle(picture, theme.mix(theme.PANEL_DIM, theme.INK, 0.25), ring.center, ring.width / 2, 3)
    if done > 0:
        gfx.arc(
            picture,
            theme.ENERGY_DARK,
            ring,
            math.pi / 2 - 2 * math.pi * done,
            math.pi / 2,
            4,
        )
    return picture
