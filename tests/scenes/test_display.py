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
