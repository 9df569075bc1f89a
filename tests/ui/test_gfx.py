"""gfx: surfaces with a scale that answer in layout units, and drawing that follows the scale."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui import gfx
from game.ui.resources import Resources

RED = (200, 30, 40, 255)


def test_rects_in_units_tile_the_pixels_without_gaps() -> None:
    for scale in (0.8, 1.5, 3.0):
        left = gfx.pixel_rect(pygame.Rect(0, 0, 7, 5), scale)
        right = gfx.pixel_rect(pygame.Rect(7, 0, 7, 5), scale)
        assert left.right == right.left
        assert gfx.unit_rect(gfx.pixel_rect(pygame.Rect(10, 20, 30, 40), scale), scale).contains(
            pygame.Rect(10, 20, 30, 40)
        )


def test_a_canvas_answers_in_units_and_draws_in_pixels() -> None:
    canvas = gfx.Canvas((100, 50), 2.0, pygame.SRCALPHA)
    assert canvas.get_size() == (100, 50) and gfx.physical_size(canvas) == (200, 100)
    assert canvas.get_rect(center=(0, 0)) == pygame.Rect(-50, -25, 100, 50)
    drawn = canvas.fill(RED, pygame.Rect(10, 10, 5, 5))
    assert drawn == pygame.Rect(10, 10, 5, 5)
    assert pygame.Surface.get_at(canvas, (20, 20)) == RED
    assert pygame.Surface.get_at(canvas, (29, 29)) == RED
    assert pygame.Surface.get_at(canvas, (30, 30))[3] == 0
    assert canvas.get_at((12, 12)) == RED  # a point in units
    canvas.set_clip(pygame.Rect(0, 0, 50, 25))
    assert canvas.get_clip() == pygame.Rect(0, 0, 50, 25)
    copy = canvas.copy()
    assert isinstance(copy, gfx.Canvas) and copy.get_size() == (100, 50) and copy.scale == 2.0
    with pytest.raises(TypeError):
        canvas.subsurface(pygame.Rect(0, 0, 10, 10))


def test_drawing_on_a_canvas_scales_positions_widths_and_radii() -> None:
    canvas = gfx.Canvas((40, 40), 2.0, pygame.SRCALPHA)
    drawn = gfx.rect(canvas, RED, pygame.Rect(5, 5, 10, 10), 1)
    assert drawn == pygame.Rect(5, 5, 10, 10)
    assert pygame.Surface.get_at(canvas, (10, 10)) == RED  # the border, 2 pixels wide
    assert pygame.Surface.get_at(canvas, (11, 11)) == RED
    assert pygame.Surface.get_at(canvas, (12, 12))[3] == 0
    gfx.circle(canvas, RED, (30, 30), 4)
    assert pygame.Surface.get_at(canvas, (60 + 7, 60)) == RED  # radius 8 pixels
    assert pygame.Surface.get_at(canvas, (60 + 9, 60))[3] == 0
    plain = pygame.Surface((40, 40), pygame.SRCALPHA)
    assert gfx.line(plain, RED, (0, 0), (10, 0), 3) == pygame.draw.line(
        pygame.Surface((40, 40), pygame.SRCALPHA), RED, (0, 0), (10, 0), 3
    )


def test_blits_place_in_units_and_resample_only_pictures_of_another_scale() -> None:
    canvas = gfx.Canvas((100, 100), 2.0)
    with gfx.at_scale(2.0):
        sprite = gfx.surface((10, 10))
    sprite.fill(RED)
    before = gfx.rescaled_blits()
    assert canvas.blit(sprite, (20, 30)) == pygame.Rect(20, 30, 10, 10)
    assert pygame.Surface.get_at(canvas, (40, 60)) == RED
    assert gfx.rescaled_blits() == before
    plain = pygame.Surface((10, 10))  # made at 1x: stretched to 10 units, and counted
    plain.fill(RED)
    assert canvas.blit(plain, (50, 50)) == pygame.Rect(50, 50, 10, 10)
    assert pygame.Surface.get_at(canvas, (119, 119)) == RED
    assert gfx.rescaled_blits() == before + 1


def test_adopted_pixels_are_copied_exactly() -> None:
    pixels = pygame.Surface((9, 7), pygame.SRCALPHA)
    for x in range(9):
        for y in range(7):
            pixels.set_at((x, y), (x * 20, y * 30, 90, (x * y * 7) % 256))
    adopted = gfx.adopt(pixels, 1.5)
    assert adopted.get_size() == (6, 5) and gfx.physical_size(adopted) == (9, 7)
    assert pygame.image.tobytes(adopted, "RGBA") == pygame.image.tobytes(pixels, "RGBA")


def test_transforms_keep_the_scale_of_their_source() -> None:
    with gfx.at_scale(1.5):
        card = gfx.surface((40, 60), pygame.SRCALPHA)
    for changed, size in (
        (gfx.smoothscale(card, (20, 30)), (20, 30)),
        (gfx.smoothscale_by(card, 0.5), (20, 30)),
        (gfx.grayscale(card), (40, 60)),
        (gfx.rotozoom(card, 0, 1.0), None),
        (gfx.rotate(card, 90), (60, 40)),
    ):
        assert gfx.scale_of(changed) == 1.5
        if size is not None:
            assert changed.get_size() == size


def test_cached_pictures_are_made_once_per_scale() -> None:
    made: list[float] = []

    @gfx.cache_per_scale(maxsize=4)
    def picture(size: int) -> pygame.Surface:
        made.append(gfx.current_scale())
        return gfx.surface((size, size))

    picture(10)
    picture(10)
    with gfx.at_scale(2.0):
        assert gfx.physical_size(picture(10)) == (20, 20)
    assert made == [1.0, 2.0]


def test_texts_at_a_scale_are_kept_within_a_budget_and_come_back_unfaded(
    assets_dir: Path,
) -> None:
    pygame.font.init()
    res = Resources(assets_dir)
    res.TEXT_BUDGET_PX = 20_000
    with gfx.at_scale(1.5):
        font = res.font(20)
        first = font.render("Hello", True, (0, 0, 0))
        first.set_alpha(90)  # faded by a scene for one frame
        again = font.render("Hello", True, (0, 0, 0))
        assert again is first and again.get_alpha() == 255
        assert font.render("Hello", True, (9, 9, 9)) is not first  # another colour
        for n in range(200):
            font.render(f"line {n}", True, (0, 0, 0))
        assert res._texts_px <= res.TEXT_BUDGET_PX
    with gfx.at_scale(1.0):
        plain = res.font(20).render("Hello", True, (0, 0, 0))
        assert not isinstance(plain, gfx.Canvas)
        assert res.font(20).render("Hello", True, (0, 0, 0)) is not plain  # 1x: drawn as ever
