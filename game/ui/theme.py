"""Colours and sizes shared by every screen."""

from __future__ import annotations

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


BG_TOP = hex_colour("#0d3b3a")
BG_BOTTOM = hex_colour("#12574b")
PANEL = hex_colour("#fbf7ee")
PANEL_DIM = hex_colour("#e9e3d4")
INK = hex_colour("#1d2b2a")
INK_SOFT = hex_colour("#55655f")
WHITE = (255, 255, 255)
ENERGY = hex_colour("#8ee06a")
ENERGY_DARK = hex_colour("#3f9b2f")
ACCENT = hex_colour("#ffc94d")
FOCUS = WHITE  # the inner line of the keyboard focus ring (its outer line is INK)
DANGER = hex_colour("#e0533d")
SHADOW = (0, 0, 0)

EDITION_COLOURS = {"ocean": hex_colour("#1b6ca8"), "forest": hex_colour("#2e7d32")}
DEFAULT_EDITION_COLOUR = hex_colour("#6a4c93")

TIER_COLOURS = {
    "common": hex_colour("#7fb069"),
    "uncommon": hex_colour("#b5c938"),
    "rare": hex_colour("#e6b800"),
    "very-rare": hex_colour("#f08a3c"),
    "legendary": hex_colour("#d7263d"),
    "lost": hex_colour("#5b4b66"),
}

RADIUS = 16


def edition_colour(edition_id: str, override: str | None = None) -> Colour:
    if override:
        return hex_colour(override)
    return EDITION_COLOURS.get(edition_id, DEFAULT_EDITION_COLOUR)
