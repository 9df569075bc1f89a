"""The window: scaled by an SDL renderer, with pygame's SCALED display as the fallback."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.display import Display
from game.scenes.new_profile import NewProfileScene
from tests.scenes.driver import Driver


def test_the_canvas_is_the_logical_size_whatever_the_window(tmp_path: Path) -> None:
    game = Driver(tmp_path, window_size=(1000, 560))
    assert game.app.screen.get_size() == (1280, 720)
    assert game.app.display.window.size == (1000, 560)
    game.key(pygame.K_F11)
    assert game.app.display.fullscreen
    game.key(pygame.K_F11)
    assert not game.app.display.fullscreen
    assert game.quit() == 0


def test_without_a_renderer_the_scaled_display_is_used(tmp_path: Path, monkeypatch) -> None:
    def no_renderer(self, window_size, fullscreen):  # type: ignore[no-untyped-def]
        raise pygame.error("no renderer here")

    monkeypatch.setattr(Display, "_open_renderer", no_renderer)
    game = Driver(tmp_path)
    assert game.app.screen is pygame.display.get_surface()
    game.click("Create a player")
    assert isinstance(game.scene, NewProfileScene)
    assert game.quit() == 0


def test_a_click_in_a_large_window_lands_on_the_canvas_button_under_it(tmp_path: Path) -> None:
    game = Driver(tmp_path, window_size=(1920, 1080))  # the canvas shown at 1.5x
    game.wait()
    x, y = game.button("Create a player").rect.center
    game.click_at((int(x * 1.5), int(y * 1.5)))  # where the player sees the button
    assert isinstance(game.scene, NewProfileScene)
    assert game.quit() == 0


def test_a_click_on_a_black_band_presses_nothing(tmp_path: Path) -> None:
    game = Driver(tmp_path, window_size=(1000, 1000))  # square: bands above and below
    game.wait()
    x = game.button("Create a player").rect.centerx
    top_band = (int(x * 1000 / 1280), 5)
    moved = game.app.display.from_window(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=top_band, button=1)
    )
    assert moved.pos[1] < 0  # above the canvas, as SDL's own mapping gives it
    game.click_at(top_band)
    assert not isinstance(game.scene, NewProfileScene)
    assert game.quit() == 0


def test_the_window_shows_the_whole_canvas_letterboxed(tmp_path: Path) -> None:
    game = Driver(tmp_path, window_size=(1000, 1000))
    game.app.screen.fill((200, 30, 40))
    game.app.display.present()
    shown = game.app.display.window.get_surface()
    assert shown.get_at((500, 10))[:3] == (0, 0, 0)  # the band above
    assert shown.get_at((500, 990))[:3] == (0, 0, 0)  # the band below
    for point in ((500, 500), (2, 250), (997, 760)):  # the picture spans the width
        assert all(
            abs(a - b) <= 4 for a, b in zip(shown.get_at(point)[:3], (200, 30, 40), strict=True)
        )
    assert game.quit() == 0
