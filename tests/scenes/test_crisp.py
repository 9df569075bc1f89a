"""Crisp at any size: every screen is drawn at the window's own resolution, laid out in the
same 1280x720 layout units, and a click lands on the button the player sees under it."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.scenes.home import HomeScene
from game.scenes.log_action import LogActionScene
from game.scenes.new_profile import NewProfileScene
from game.ui import gfx
from tests.conftest import ROOT
from tests.scenes.driver import Driver
from tests.scenes.test_reveal_moments import _reveal_of

# window -> (pixels per layout unit, the canvas in pixels)
WINDOWS = {(1920, 1080): (1.5, (1920, 1080)), (1024, 600): (0.8, (1024, 576))}


def _glyph_height(font: pygame.font.Font) -> int:
    """The height in pixels of the inked part of a capital H."""
    return pygame.Surface.get_bounding_rect(font.render("H", True, (0, 0, 0))).height


@pytest.mark.parametrize("window", list(WINDOWS))
def test_the_canvas_has_the_window_resolution_and_text_its_pixels(
    tmp_path: Path, window: tuple[int, int]
) -> None:
    scale, pixels = WINDOWS[window]
    game = Driver(tmp_path, window_size=window)
    canvas = game.app.screen
    assert gfx.physical_size(canvas) == pixels
    assert canvas.get_size() == (1280, 720)  # the layout is the same at every size
    assert gfx.current_scale() == pytest.approx(scale)
    font = game.ctx.res.font(40, bold=True)
    with gfx.at_scale(1.0):
        plain = game.ctx.res.font(40, bold=True)
        plain_glyph, plain_height = _glyph_height(plain), plain.get_height()
    assert _glyph_height(font) == pytest.approx(plain_glyph * scale, abs=1.5)
    assert font.get_height() == pytest.approx(plain_height, abs=1)  # measured in layout units
    text = font.render("EcoCards", True, (0, 0, 0))
    assert gfx.physical_size(text)[1] == pytest.approx(text.get_height() * scale, abs=1)
    assert game.quit() == 0


@pytest.mark.parametrize("window", list(WINDOWS))
def test_a_click_lands_on_the_button_seen_under_it(tmp_path: Path, window: tuple[int, int]) -> None:
    scale, (width, height) = WINDOWS[window]
    left, top = (window[0] - width) // 2, (window[1] - height) // 2
    game = Driver(tmp_path, window_size=window)
    game.wait()
    button = game.button("Create a player").rect
    for corner in (button.topleft, (button.right - 2, button.bottom - 2)):
        pos = game.app.display.from_window(
            pygame.event.Event(
                pygame.MOUSEBUTTONDOWN,
                pos=(
                    left + round((corner[0] + 0.5) * scale),
                    top + round((corner[1] + 0.5) * scale),
                ),
                button=1,
            )
        ).pos
        assert button.collidepoint(pos)
    game.click("Create a player")  # at the button's centre in window pixels
    assert isinstance(game.scene, NewProfileScene)
    game.type_text("Mia")
    game.key(pygame.K_RETURN)
    assert isinstance(game.scene, HomeScene)
    game.click("Log an eco-action")
    assert isinstance(game.scene, LogActionScene)
    assert game.quit() == 0


def test_every_picture_on_a_tour_is_drawn_at_the_window_scale(tmp_path: Path) -> None:
    game = Driver(tmp_path, window_size=(1920, 1080))
    before = gfx.rescaled_blits()
    game.new_player("Mia")
    game.click("Log an eco-action")
    game.key(pygame.K_ESCAPE)
    game.click("Open album")
    game.key(pygame.K_ESCAPE)
    _reveal_of(game, "legendary")
    game.frames(40, dt_s=0.2)
    assert gfx.rescaled_blits() == before  # nothing was stretched: every pixel is sharp
    assert game.quit() == 0


def test_a_resized_window_gets_a_new_canvas_and_the_screen_stays_sharp(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    assert gfx.physical_size(game.app.screen) == (1280, 720)
    game.app.display.window.size = (1920, 1080)
    game.frames(2)
    assert gfx.physical_size(game.app.screen) == (1920, 1080)
    before = gfx.rescaled_blits()
    game.frames(2)  # buttons made at 1x keep their fonts: they follow the new scale
    assert gfx.rescaled_blits() == before
    game.click("Log an eco-action")
    assert isinstance(game.scene, LogActionScene)
    game.app.display.window.size = (1280, 720)
    game.frames(2)
    assert gfx.physical_size(game.app.screen) == (1280, 720)
    assert not isinstance(game.app.screen, gfx.Canvas)  # at 1x, a plain surface as ever
    assert game.quit() == 0


def test_screens_draw_through_gfx_so_that_they_follow_the_scale() -> None:
    """pygame.draw, pygame.transform and pygame.Surface draw in pixels, not layout units: after
    merging a screen that uses them, run the rewrite that turns them into gfx calls."""
    direct = re.compile(r"\bpygame\.(draw\.\w+|transform\.\w+|Surface|key\.set_text_input_rect)\(")
    found = []
    for path in sorted([*ROOT.glob("game/scenes/*.py"), *ROOT.glob("game/ui/*.py")]):
        if path.name in ("canvas.py", "gfx.py", "resources.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if direct.search(line) and "# pixels, not layout units" not in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_an_input_method_opens_under_the_field_the_player_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[pygame.Rect] = []
    monkeypatch.setattr(pygame.key, "set_text_input_rect", lambda rect: asked.append(rect))
    game = Driver(tmp_path, window_size=(1024, 600))  # 0.8x, 12 pixels of band above
    game.click("Create a player")
    box = game.scene.box
    assert asked[-1] == pygame.Rect(
        round(box.left * 0.8),
        round(box.top * 0.8) + 12,
        round(box.right * 0.8) - round(box.left * 0.8),
        round(box.bottom * 0.8) - round(box.top * 0.8),
    )
    assert game.quit() == 0
