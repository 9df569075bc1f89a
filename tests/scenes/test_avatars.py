"""Avatars are pictures the player chose, shown with their name, never a colour alone."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.scenes.home import HomeScene
from game.scenes.new_profile import NewProfileScene
from game.scenes.profiles import ProfilesScene
from game.ui.avatar import PICTURES, picture_for
from tests.scenes.driver import Driver


def test_the_picture_chosen_when_a_player_is_made_is_kept(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.click("Create a player")
    scene = game.scene
    assert isinstance(scene, NewProfileScene)
    game.type_text("Mia")
    game.wait()
    game.click_at(scene.pictures["penguin"].rect.center)
    game.key(pygame.K_RETURN)
    assert isinstance(game.scene, HomeScene)
    assert game.ctx.settings.avatar == "penguin"
    game.click("Players")
    listing = game.scene
    assert isinstance(listing, ProfilesScene)
    assert listing.avatars[listing.profiles[0].id] == "penguin"


def test_a_player_changes_their_picture_with_their_name(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Settings")
    game.click("Change name or picture")
    scene = game.scene
    assert isinstance(scene, NewProfileScene)
    other = next(p for p in PICTURES if p != scene.picture)
    game.wait()
    game.click_at(scene.pictures[other].rect.center)
    game.click("Save the name")
    assert game.ctx.settings.avatar == other
    assert game.ctx.save.meta.name == "Mia"


def test_players_made_one_after_another_get_different_pictures_to_start_with(
    tmp_path: Path,
) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    first = game.ctx.settings.avatar
    game.click("Players")
    game.new_player("Leo")
    assert game.ctx.settings.avatar != first


def test_a_player_who_never_chose_has_a_picture_from_their_name() -> None:
    assert picture_for("Mia") == picture_for("Mia") in PICTURES
    assert picture_for("Mia", "not-a-picture") in PICTURES
