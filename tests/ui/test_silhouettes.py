"""Silhouettes: every species group draws something of its own, and only inside its rect."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.core.vocab import GROUPS
from game.ui.silhouettes import SHAPES, draw_silhouette

BACKGROUND = (12, 34, 56)
BODY = (250, 250, 245)
DETAIL = (20, 60, 90)
SIZES = [(14, 12), (64, 48), (180, 160), (90, 200)]


def _canvas(rect: pygame.Rect) -> pygame.Surface:
    surface = pygame.Surface((rect.right + 20, rect.bottom + 20))
    surface.fill(BACKGROUND)
    return surface


def _without(surface: pygame.Surface, rect: pygame.Rect) -> bytes:
    """The surface's pixels with ``rect`` blanked out."""
    copy = surface.copy()
    copy.fill((0, 0, 0), rect)
    return pygame.image.tobytes(copy, "RGB")


def _drawn(group: str, size: tuple[int, int]) -> pygame.Surface:
    rect = pygame.Rect((0, 0), size)
    surface = pygame.Surface(size)
    surface.fill(BACKGROUND)
    draw_silhouette(surface, group, rect, BODY, DETAIL)
    return surface


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("group", [*GROUPS, "no-such-group"])
def test_silhouette_draws_inside_its_rect_and_nowhere_else(
    group: str, size: tuple[int, int]
) -> None:
    rect = pygame.Rect((17, 23), size)
    surface = _canvas(rect)
    before = surface.copy()

    draw_silhouette(surface, group, rect, BODY, DETAIL)

    inside_before = pygame.image.tobytes(before.subsurface(rect), "RGB")
    inside_after = pygame.image.tobytes(surface.subsurface(rect), "RGB")
    assert inside_after != inside_before, "nothing was drawn"
    assert _without(surface, rect) == _without(before, rect), "drew outside the rect"


@pytest.mark.parametrize("group", list(GROUPS))
def test_every_group_has_its_own_shape_not_the_fallback(group: str) -> None:
    fallback = pygame.image.tobytes(_drawn("no-such-group", (120, 100)), "RGB")
    assert pygame.image.tobytes(_drawn(group, (120, 100)), "RGB") != fallback


def test_the_shapes_are_exactly_the_vocabulary_groups() -> None:
    assert set(SHAPES) == set(GROUPS)


def test_groups_look_different_from_each_other() -> None:
    pictures = {pygame.image.tobytes(_drawn(group, (120, 100)), "RGB") for group in GROUPS}
    assert len(pictures) == len(GROUPS)


def test_silhouette_uses_the_body_colour() -> None:
    surface = _drawn("whale", (200, 160))
    colours = {
        tuple(surface.get_at((x, y)))[:3] for x in range(0, 200, 4) for y in range(0, 160, 4)
    }
    assert BODY in colours


@pytest.mark.parametrize(
    "rect", [pygame.Rect(5, 5, 0, 40), pygame.Rect(5, 5, 40, 0), pygame.Rect(5, 5, -10, 20)]
)
def test_an_empty_rect_draws_nothing(rect: pygame.Rect) -> None:
    surface = pygame.Surface((60, 60))
    surface.fill(BACKGROUND)
    before = pygame.image.tobytes(surface, "RGB")
    draw_silhouette(surface, "shark", rect, BODY, DETAIL)
    assert pygame.image.tobytes(surface, "RGB") == before


def test_a_rect_past_the_surface_edge_is_clipped() -> None:
    surface = pygame.Surface((50, 50))
    surface.fill(BACKGROUND)
    draw_silhouette(surface, "turtle", pygame.Rect(20, 20, 100, 100), BODY, DETAIL)
    assert surface.get_at((0, 0))[:3] == BACKGROUND


def test_draws_onto_a_transparent_surface() -> None:
    surface = pygame.Surface((100, 80), pygame.SRCALPHA)
    draw_silhouette(surface, "tree", surface.get_rect(), BODY, DETAIL)
    alphas = {surface.get_at((x, y)).a for x in range(0, 100, 2) for y in range(0, 80, 2)}
    assert 0 in alphas and 255 in alphas


def test_the_shapes_module_imports_on_its_own() -> None:
    """The drawings only name the pen in type hints, so either module can be imported first."""
    code = "import game.ui.silhouette_shapes as s; assert 'shark' in s.SHAPES"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
