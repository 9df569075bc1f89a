"""Card frames that grow with rarity, and the foil shine of the rarer cards.

Each tier has its own frame, from a plain band in the edition's colour (Common) to a jewelled
crimson and gold frame (Legendary). Rare and rarer cards carry a foil shine over the frame and
the picture. Lost species get a calm slate frame with no shine and no sparkle.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import draw, gfx, theme
from game.ui.theme import Colour, hex_colour, mix

GOLD = hex_colour("#d9a521")
GOLD_LIGHT = hex_colour("#f7dc7a")
SILVER = hex_colour("#c9d3d6")
SLATE = hex_colour("#6f6a78")


@dataclass(frozen=True)
class FrameStyle:
    band: float  # width of the outer band, in layout units (a card is 250 units wide)
    top: Colour | None  # band gradient; None: the edition's colour
    bottom: Colour | None
    lines: tuple[Colour, ...]  # thin rules inside the band, outermost first
    corners: Colour | None  # jewels in the four corners
    foil: float  # strength of the shine, 0 for none


def frame_style(tier_id: str, edition: Colour) -> FrameStyle:
    if tier_id == "uncommon":
        return FrameStyle(8, None, None, (SILVER,), None, 0.0)
    if tier_id == "rare":
        return FrameStyle(
            9, mix(edition, theme.WHITE, 0.15), mix(edition, theme.SHADOW, 0.2), (GOLD,), None, 0.55
        )
    if tier_id == "very-rare":
        return FrameStyle(
            10,
            mix(edition, GOLD, 0.25),
            mix(edition, theme.SHADOW, 0.25),
            (GOLD_LIGHT, GOLD),
            GOLD_LIGHT,
            0.75,
        )
    if tier_id == "legendary":
        crimson = theme.TIER_COLOURS["legendary"]
        return FrameStyle(
            11,
            mix(crimson, GOLD, 0.35),
            mix(crimson, theme.SHADOW, 0.35),
            (GOLD_LIGHT, GOLD, GOLD_LIGHT),
            GOLD_LIGHT,
            1.0,
        )
    if tier_id == "lost":
        return FrameStyle(
            8,
            mix(SLATE, theme.WHITE, 0.1),
            mix(SLATE, theme.SHADOW, 0.15),
            (mix(SLATE, theme.WHITE, 0.55),),
            None,
            0.0,
        )
    return FrameStyle(7, None, None, (), None, 0.0)


@gfx.cache_per_scale(maxsize=64)
def rounded_mask(size: tuple[int, int], radius: int) -> pygame.Surface:
    """White inside a rounded rectangle, transparent outside (shared: never draw on it)."""
    mask = gfx.surface(size, pygame.SRCALPHA)
    gfx.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
    return mask


def draw_frame(
    card: pygame.Surface, style: FrameStyle, edition: Colour, unit: float
) -> pygame.Rect:
    """Draw the frame over the whole ``card``; returns the inner panel's rect."""
    outer = card.get_rect()
    radius = round(14 * unit)
    band = gfx.surface(outer.size, pygame.SRCALPHA)
    top = style.top or edition
    bottom = style.bottom or mix(edition, theme.SHADOW, 0.12)
    draw.gradient(band, band.get_rect(), top, bottom)
    band.blit(rounded_mask(outer.size, radius), (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    card.blit(band, (0, 0))
    if style.foil:
        shine(card, outer, style.foil * 0.8, radius)
    width = max(1, round(style.band * unit))
    step = max(1, round(2.2 * unit))
    for i, colour in enumerate(style.lines):
        inset = width - step * (len(style.lines) - i) + step // 2
        rule = outer.inflate(-2 * inset, -2 * inset)
        gfx.rect(
            card, colour, rule, max(1, round(1.2 * unit)), border_radius=max(1, radius - inset)
        )
    if style.corners:
        gem = max(3, round(5 * unit))
        for x in (outer.left + width, outer.right - width - 1):
            for y in (outer.top + width, outer.bottom - width - 1):
                points = [(x, y - gem), (x + gem, y), (x, y + gem), (x - gem, y)]
                gfx.polygon(card, style.corners, points)
                gfx.polygon(card, mix(style.corners, theme.SHADOW, 0.45), points, 1)
    inner = outer.inflate(-2 * width, -2 * width)
    gfx.rect(card, theme.PANEL, inner, border_radius=max(2, radius - width // 2))
    return inner


def shine(surface: pygame.Surface, rect: pygame.Rect, strength: float, radius: int) -> None:
    """A foil shine inside ``rect``: soft diagonal bands of light, tinted at full strength."""
    if strength <= 0 or rect.width < 2 or rect.height < 2:
        return
    surface.blit(_foil(rect.size, strength, radius), rect)


@gfx.cache_per_scale(maxsize=64)
def _foil(size: tuple[int, int], strength: float, radius: int) -> pygame.Surface:
    w, h = size
    foil = gfx.surface((w, h), pygame.SRCALPHA)
    tints = [(255, 255, 255), (255, 236, 190), (190, 236, 255), (255, 206, 236)]
    span = w + h
    for i, (offset, width) in enumerate(((0.2, 0.12), (0.36, 0.04), (0.64, 0.16), (0.8, 0.05))):
        colour = tints[i % len(tints)] if strength >= 1 else (255, 255, 255)
        for layer in (1.0, 0.62, 0.3):  # nested bands, so the light fades out at the edges
            band = width * span * layer
            x = offset * span - h - band / 2
            alpha = round(22 * strength)
            points = [(x, h), (x + band, h), (x + band + h, 0), (x + h, 0)]
            gfx.polygon(foil, (*colour, alpha), points)
    foil.blit(rounded_mask((w, h), radius), (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return foil
