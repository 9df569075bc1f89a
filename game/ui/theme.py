"""Colours and sizes shared by every screen, in palettes that can be switched while playing.

Screens read the colours as ``theme.X`` when they draw, so :func:`use_palette` takes effect on
the next frame (pictures drawn in advance, such as cards, are drawn again by their owners). The
colour-blind palette is built on the Okabe–Ito colours: its tiers, Red List categories, energy
and danger stay apart for deuteranopia, protanopia and tritanopia alike. Tiers and categories
carry words and shapes as well, so no information is in the colour alone.
"""

from __future__ import annotations

from game.core.vocab import CATEGORY_COLOURS as IUCN_COLOURS

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


def _luminance(colour: Colour) -> float:
    def linear(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink_on(colour: Colour) -> Colour:
    """White or ink, whichever reads better on ``colour`` (by WCAG contrast)."""
    light = _luminance(colour)
    on_white = 1.05 / (light + 0.05)
    on_ink = (light + 0.05) / (_luminance(INK) + 0.05)
    return WHITE if on_white >= on_ink else INK


BG_TOP = hex_colour("#0d3b3a")
BG_BOTTOM = hex_colour("#12574b")
PANEL = hex_colour("#fbf7ee")
PANEL_DIM = hex_colour("#e9e3d4")
INK = hex_colour("#1d2b2a")
INK_SOFT = hex_colour("#55655f")
WHITE = (255, 255, 255)
FOCUS = WHITE  # the inner line of the keyboard focus ring (its outer line is INK)
SHADOW = (0, 0, 0)

EDITION_COLOURS = {"ocean": hex_colour("#1b6ca8"), "forest": hex_colour("#2e7d32")}
DEFAULT_EDITION_COLOUR = hex_colour("#6a4c93")

RADIUS = 16

STANDARD = "standard"
COLOUR_BLIND = "colour-blind"
#: The colours each palette sets: energy (light, and dark for buttons and the chosen option),
#: accent, danger, the six tiers and the IUCN categories.
PALETTES: dict[str, dict[str, str]] = {
    STANDARD: {
        "ENERGY": "#8ee06a",
        "ENERGY_DARK": "#3f9b2f",
        "ACCENT": "#ffc94d",
        "DANGER": "#e0533d",
        "common": "#7fb069",
        "uncommon": "#b5c938",
        "rare": "#e6b800",
        "very-rare": "#f08a3c",
        "legendary": "#d7263d",
        "lost": "#5b4b66",
        **IUCN_COLOURS,
    },
    COLOUR_BLIND: {
        "ENERGY": "#56b4e9",  # sky blue
        "ENERGY_DARK": "#0072b2",  # blue
        "ACCENT": "#f0e442",  # yellow
        "DANGER": "#d55e00",  # vermillion
        "common": "#56b4e9",
        "uncommon": "#009e73",  # bluish green
        "rare": "#f0e442",
        "very-rare": "#e69f00",  # orange
        "legendary": "#cc79a7",  # reddish purple
        "lost": "#4d4d4d",
        "EX": "#000000",
        "EW": "#7a3b69",
        "CR": "#d55e00",
        "EN": "#e69f00",
        "VU": "#f0e442",
        "NT": "#56b4e9",
        "LC": "#0072b2",
        "DD": "#bbbbbb",
        "NE": "#ffffff",
    },
}
TIER_IDS = ("common", "uncommon", "rare", "very-rare", "legendary", "lost")

# Set by use_palette (below, for the standard palette at import).
ENERGY: Colour
ENERGY_DARK: Colour
ACCENT: Colour
DANGER: Colour
TIER_COLOURS: dict[str, Colour]
CATEGORY_COLOURS: dict[str, Colour]
palette = STANDARD


def use_palette(name: str) -> None:
    """Draw with the palette ``name`` from now on (an unknown name is the standard palette)."""
    global ENERGY, ENERGY_DARK, ACCENT, DANGER, TIER_COLOURS, CATEGORY_COLOURS, palette
    palette = name if name in PALETTES else STANDARD
    colours = {key: hex_colour(value) for key, value in PALETTES[palette].items()}
    ENERGY, ENERGY_DARK = colours["ENERGY"], colours["ENERGY_DARK"]
    ACCENT, DANGER = colours["ACCENT"], colours["DANGER"]
    TIER_COLOURS = {tier: colours[tier] for tier in TIER_IDS}
    CATEGORY_COLOURS = {code: colours[code] for code in IUCN_COLOURS}


use_palette(STANDARD)


def edition_colour(edition_id: str, override: str | None = None) -> Colour:
    if override:
        return hex_colour(override)
    return EDITION_COLOURS.get(edition_id, DEFAULT_EDITION_COLOUR)
