"""With large text, screens show fewer things at once, and what no longer fits can be reached."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.scenes.log_action import LogActionScene
from tests.scenes.driver import Driver


def _large(tmp_path: Path) -> Driver:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.ctx.save_settings(game.ctx.settings.changed(text_size=150))
    return game


def test_log_tiles_grow_with_the_text_and_the_list_scrolls_to_every_action(
    tmp_path: Path,
) -> None:
    game = _large(tmp_path)
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    assert scene.tile_h > 92 and scene.visible_rows() * scene.columns < len(scene.actions)
    last = scene.actions[-1]
    for _ in range(len(scene.actions)):
        if any(
            b.on_click.args == (last,) for b in scene.buttons.buttons if hasattr(b.on_click, "args")
        ):
            break
        game.key(pygame.K_PAGEDOWN)
    tile = next(b for b in scene.buttons.buttons if getattr(b.on_click, "args", ()) == (last,))
    game.click_at(tile.rect.center)
    assert scene.selected is last


def test_home_shows_two_edition_tiles_at_a_time_with_large_text(tmp_path: Path) -> None:
    game = _large(tmp_path)
    home = game.scene
    assert len(home.edition_rects()) == min(2, len(game.ctx.content.editions))  # type: ignore[attr-defined]
    for _, rect in home.edition_rects():  # type: ignore[attr-defined]
        assert rect.width > 300
