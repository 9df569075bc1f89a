"""Palettes switch while playing, and the colour-blind one keeps apart what must stay apart.

Colour vision deficiency is simulated with the matrices of Machado, Oliveira & Fernandes (2009)
at full severity, applied in linear RGB; colours are then compared by their CIE76 distance in
CIELAB. A distance under about 10 is hard to tell apart at a glance on a small chip.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from game.ui import theme
from game.ui.theme import Colour

MACHADO_2009 = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
APART = 10.0  # CIE76 distance


def _linear(c: int) -> float:
    v = c / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(colour: Colour, vision: str) -> tuple[float, float, float]:
    """``colour`` in CIELAB as someone with ``vision`` sees it."""
    linear = [_linear(c) for c in colour]
    simulated = tuple(
        min(1.0, max(0.0, sum(m * v for m, v in zip(row, linear, strict=True))))
        for row in MACHADO_2009[vision]
    )
    return _lab(simulated)  # type: ignore[arg-type]


def distance(a: Colour, b: Colour, vision: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(seen(a, vision), seen(b, vision), strict=True)) ** 0.5


@pytest.fixture
def colour_blind() -> Iterator[None]:
    theme.use_palette(theme.COLOUR_BLIND)
    yield
    theme.use_palette(theme.STANDARD)


def _close_pairs(colours: dict[str, Colour], vision: str) -> list[tuple[str, str, float]]:
    return [
        (a, b, round(distance(colours[a], colours[b], vision), 1))
        for a, b in itertools.combinations(colours, 2)
        if distance(colours[a], colours[b], vision) < APART
    ]


def test_switching_palettes_rebinds_the_theme_colours() -> None:
    standard = (theme.ENERGY, dict(theme.TIER_COLOURS), dict(theme.CATEGORY_COLOURS))
    theme.use_palette(theme.COLOUR_BLIND)
    try:
        assert theme.palette == theme.COLOUR_BLIND
        assert standard[0] != theme.ENERGY
        assert standard[1] != theme.TIER_COLOURS and standard[2] != theme.CATEGORY_COLOURS
        assert set(theme.TIER_COLOURS) == set(standard[1])
        assert set(theme.CATEGORY_COLOURS) == set(standard[2])
    finally:
        theme.use_palette(theme.STANDARD)
    assert standard == (theme.ENERGY, theme.TIER_COLOURS, theme.CATEGORY_COLOURS)


def test_an_unknown_palette_is_the_standard_one() -> None:
    theme.use_palette("sepia")
    assert theme.palette == theme.STANDARD


@pytest.mark.parametrize("vision", sorted(MACHADO_2009))
def test_colour_blind_tiers_stay_apart(colour_blind: None, vision: str) -> None:
    assert _close_pairs(theme.TIER_COLOURS, vision) == []


@pytest.mark.parametrize("vision", sorted(MACHADO_2009))
def test_colour_blind_red_list_categories_stay_apart(colour_blind: None, vision: str) -> None:
    assert _close_pairs(theme.CATEGORY_COLOURS, vision) == []


@pytest.mark.parametrize("vision", sorted(MACHADO_2009))
def test_colour_blind_energy_danger_and_on_off_stay_apart(colour_blind: None, vision: str) -> None:
    off = theme.mix(theme.BG_TOP, theme.WHITE, 0.2)  # an option not chosen in the settings
    colours = {"energy": theme.ENERGY_DARK, "danger": theme.DANGER, "off": off}
    assert _close_pairs(colours, vision) == []
    assert distance(theme.ENERGY, theme.DANGER, vision) >= APART


def test_the_standard_tiers_are_what_the_colour_blind_palette_fixes() -> None:
    # the reason for the palette: two standard tiers all but merge for a deuteranope
    assert _close_pairs(theme.TIER_COLOURS, "deuteranopia")


def test_chip_words_read_on_every_category_colour(colour_blind: None) -> None:
    for colour in theme.CATEGORY_COLOURS.values():
        ink = theme.ink_on(colour)
        assert distance(ink, colour, "deuteranopia") > 30
