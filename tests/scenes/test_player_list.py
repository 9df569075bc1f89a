"""The player list for a class: alphabetical, filtered by typing, scrolled, and names that fit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame

from game.saves.meta import MAX_NAME
from game.saves.profiles import SaveStore
from game.scenes.home import HomeScene
from game.scenes.new_profile import NewProfileScene
from game.scenes.profiles import ProfilesScene
from tests.scenes.driver import NOW, Driver

CLASS = [f"{first} {n}" for n in range(3) for first in ("Zoe", "ana", "Ben", "Émile", "Kai")]
CLASS += [f"Pupil {n:02}" for n in range(30 - len(CLASS))]


def a_class(saves: Path) -> None:
    store = SaveStore(saves)
    for i, name in enumerate(CLASS):
        store.create(name, NOW - dt.timedelta(hours=i))


def names(scene: ProfilesScene) -> list[str]:
    return [m.name for m in scene.shown]


def test_players_are_alphabetical_and_stay_put_after_someone_plays(tmp_path: Path) -> None:
    a_class(tmp_path)
    game = Driver(tmp_path)
    before = names(game.scene)  # type: ignore[arg-type]
    assert before == sorted(before, key=str.casefold)
    game.click_at(game.scene.tile_rect(5).center)  # type: ignore[attr-defined]
    assert isinstance(game.scene, HomeScene)
    game.click("Players")
    assert names(game.scene) == before  # type: ignore[arg-type]


def test_typing_filters_the_list_and_the_count_says_so(tmp_path: Path) -> None:
    a_class(tmp_path)
    game = Driver(tmp_path)
    game.type_text("ben")
    scene = game.scene
    assert isinstance(scene, ProfilesScene)
    assert names(scene) == ["Ben 0", "Ben 1", "Ben 2"]
    assert len(scene.tiles) == 3
    game.click("Clear")
    assert len(scene.shown) == len(CLASS) and scene.filter == ""
    game.type_text("k")
    game.key(pygame.K_ESCAPE)  # Esc clears the filter too
    assert scene.filter == ""


def test_the_list_scrolls_when_there_are_more_than_fit(tmp_path: Path) -> None:
    a_class(tmp_path)
    game = Driver(tmp_path)
    scene = game.scene
    assert isinstance(scene, ProfilesScene)
    assert len(scene.tiles) < len(CLASS) and scene.max_scroll > 0
    game.key(pygame.K_PAGEDOWN)
    assert scene.scroll == scene.max_scroll
    last = len(CLASS) - 1
    assert last in scene.tiles
    game.click_at(scene.tiles[last].rect.center)
    assert isinstance(game.scene, HomeScene)
    assert game.ctx.save.meta.name == names(scene)[last]


def test_a_name_at_the_limit_says_so_and_keeps_what_was_typed(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.click("Create a player")
    game.type_text("x" * (MAX_NAME + 3))
    scene = game.scene
    assert isinstance(scene, NewProfileScene)
    assert scene.name == "x" * MAX_NAME
    assert str(MAX_NAME) in scene.refusal


def test_emoji_are_refused_with_a_message(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.click("Create a player")
    game.type_text("Mia🐢")
    scene = game.scene
    assert isinstance(scene, NewProfileScene)
    assert scene.name == "Mia" and scene.refusal
    game.type_text("小")  # the font draws Chinese
    assert scene.name == "Mia小" and not scene.refusal


def test_a_player_renames_themselves_from_their_settings(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Settings")
    game.click("Change name or picture")
    assert isinstance(game.scene, NewProfileScene)
    for _ in "Mia":
        game.key(pygame.K_BACKSPACE)
    game.type_text("Amelia")
    game.click("Save the name")
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    assert game.ctx.save.meta.name == "Amelia"
    game.click("Players")
    assert names(game.scene) == ["Amelia"]  # type: ignore[arg-type]
    game.new_player("Mia")  # the old name is free again
    assert game.ctx.save.meta.name == "Mia"


def test_a_rename_to_a_name_another_player_has_is_refused(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Players")
    game.new_player("Leo")
    game.click("Settings")
    game.click("Change name or picture")
    for _ in "Leo":
        game.key(pygame.K_BACKSPACE)
    game.type_text("mia")
    game.key(pygame.K_RETURN)
    assert isinstance(game.scene, NewProfileScene)  # still here, with a message
    assert game.ctx.toasts and game.ctx.save.meta.name == "Leo"


def test_the_arrows_scroll_the_list_with_the_ring(tmp_path: Path) -> None:
    a_class(tmp_path)
    game = Driver(tmp_path)
    scene = game.scene
    assert isinstance(scene, ProfilesScene)
    game.key(pygame.K_TAB)
    while scene.buttons.focused is not scene.tiles.get(0):
        game.key(pygame.K_TAB)
    rows = (len(CLASS) + 3) // 4
    for _ in range(rows - 1):
        game.key(pygame.K_DOWN)
    assert scene.scroll == scene.max_scroll
    for _ in range(rows - 1):
        game.key(pygame.K_UP)
    assert scene.scroll == 0
    assert scene.buttons.focused is scene.tiles[0]
    game.key(pygame.K_RETURN)
    assert isinstance(game.scene, HomeScene)
    assert game.ctx.save.meta.name == names(scene)[0]
