"""F5 while editing the decks: one error screen at a time, and a class that can still play."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.config import LOGICAL_SIZE
from game.scenes.content_errors import ContentErrorScene
from game.scenes.profiles import ProfilesScene
from game.ui import theme
from tests.scenes.driver import Driver
from tests.scenes.test_content_errors import break_a_category, copy_of_mini


def error_screens(game: Driver) -> list[ContentErrorScene]:
    return [s for s in game.ctx.manager.stack if isinstance(s, ContentErrorScene)]


def test_f5_on_broken_decks_replaces_the_error_screen(tmp_path: Path) -> None:
    data = copy_of_mini(tmp_path)
    game = Driver(tmp_path / "saves", data=data)
    original = (data / "species.yaml").read_text(encoding="utf-8")
    break_a_category(data)
    for _ in range(3):
        game.key(pygame.K_F5)
    assert len(error_screens(game)) == 1
    assert isinstance(game.scene, ContentErrorScene)
    (data / "species.yaml").write_text(original, encoding="utf-8")
    game.key(pygame.K_F5)
    assert error_screens(game) == []
    assert isinstance(game.scene, ProfilesScene)
    assert game.quit() == 0


def test_each_reload_shows_the_problems_of_the_files_as_they_are_now(tmp_path: Path) -> None:
    data = copy_of_mini(tmp_path)
    game = Driver(tmp_path / "saves", data=data)
    line = break_a_category(data)
    game.key(pygame.K_F5)
    [first] = error_screens(game)
    assert [p.line for p in first.problems if p.severity.value == "error"] == [line]
    path = data / "species.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("category: XX", "category: EN"), encoding="utf-8"
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("trend: decreasing", "trend: sideways", 1),
        encoding="utf-8",
    )
    game.key(pygame.K_F5)
    [second] = error_screens(game)
    assert second is not first
    assert any("sideways" in p.message for p in second.problems)
    assert game.quit() == 0


def test_a_broken_edit_does_not_lock_the_class_out(tmp_path: Path) -> None:
    data = copy_of_mini(tmp_path)
    saves = tmp_path / "saves"
    first = Driver(saves, data=data)  # a day when the decks were fine: they are cached
    species = set(first.ctx.content.species)
    assert first.quit() == 0

    break_a_category(data)
    game = Driver(saves, data=data)
    assert isinstance(game.scene, ProfilesScene)  # the class plays with yesterday's decks
    assert set(game.ctx.content.species) == species
    assert game.ctx.deck_problems  # and the editor is told
    banner_pixel = game.app.screen.get_at((4, LOGICAL_SIZE[1] - game.app.banner_height() // 2))
    assert tuple(banner_pixel)[:3] == tuple(theme.DANGER)[:3]

    game.key(pygame.K_F5)  # F5 lists what to fix
    assert isinstance(game.scene, ContentErrorScene) and not game.scene.startup
    assert game.quit() == 0


def test_the_banner_goes_once_the_decks_are_fixed(tmp_path: Path) -> None:
    data = copy_of_mini(tmp_path)
    saves = tmp_path / "saves"
    original = (data / "species.yaml").read_text(encoding="utf-8")
    assert Driver(saves, data=data).quit() == 0
    break_a_category(data)
    game = Driver(saves, data=data)
    (data / "species.yaml").write_text(original, encoding="utf-8")
    game.key(pygame.K_F5)
    assert game.ctx.deck_problems == []
    assert isinstance(game.scene, ProfilesScene)
    assert game.quit() == 0
