"""The settings screen: every choice applies at once and is kept, per player and per computer."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.cli import parse_config
from game.scenes.home import HomeScene
from game.scenes.profiles import ProfilesScene
from game.scenes.settings import TICK, SettingsScene
from tests.scenes.driver import Driver


def player_settings(saves: Path) -> dict[str, object]:
    (folder,) = (saves / "profiles").glob("p-*")
    return json.loads((folder / "settings.json").read_text("utf-8"))["settings"]


def chosen(game: Driver) -> list[str]:
    return [b.label for b in game.scene.buttons.buttons if b.label.startswith(TICK)]


def test_language_changes_at_once_on_every_screen(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Ana")
    game.click("Settings")
    assert isinstance(game.scene, SettingsScene)
    chinese = next(b for b in game.scene.buttons.buttons if "中文" in b.label)
    game.wait()
    game.click_at(chinese.rect.center)
    assert game.ctx.tr.lang == "zh-Hans"
    assert game.button("返回")  # this screen's own words changed
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    assert game.button("设置")  # and the screen below, without a restart
    assert player_settings(tmp_path)["lang"] == "zh-Hans"


def test_a_player_gets_their_own_settings_back_and_others_keep_the_defaults(
    tmp_path: Path,
) -> None:
    game = Driver(tmp_path)
    game.new_player("Ana")
    game.click("Settings")
    game.click("Reduced motion")
    game.click("Muted")
    assert game.ctx.config.reduced_motion and game.ctx.audio.muted
    assert chosen(game) == [
        f"{TICK}English",
        f"{TICK}100%",
        f"{TICK}Standard",
        f"{TICK}Reduced motion",
        f"{TICK}Muted",
        f"{TICK}In a window",
    ]
    game.key(pygame.K_ESCAPE)
    game.click("Players")  # back to the list: this computer's defaults again
    assert isinstance(game.scene, ProfilesScene)
    assert not game.ctx.config.reduced_motion and not game.ctx.audio.muted
    game.new_player("Ben")
    assert not game.ctx.config.reduced_motion
    game.quit()
    again = Driver(tmp_path)
    ana = next(m for m in again.scene.profiles if m.name == "Ana")
    again.ctx.nav.open_profile(ana)
    again.frames(2)
    assert again.ctx.config.reduced_motion and again.ctx.audio.muted


def test_the_player_list_sets_this_computers_defaults(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.click("Settings")
    game.click("−")
    assert game.ctx.audio.volume == 0.7
    game.key(pygame.K_ESCAPE)
    game.new_player("Ana")  # a new player starts from this computer's defaults
    assert game.ctx.settings.volume == 70
    saved = json.loads((tmp_path / "settings.json").read_text("utf-8"))
    assert saved["settings"]["volume"] == 70


def test_the_command_line_wins_for_the_session(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Ana")
    game.click("Settings")
    game.click("Reduced motion")
    game.quit()
    config = parse_config(["--saves", str(tmp_path), "--lang", "zh-Hans"])
    assert config.forced == {"lang"}
    game = Driver(tmp_path, lang="zh-Hans", forced=frozenset({"lang"}))
    ana = game.scene.profiles[0]
    game.ctx.nav.open_profile(ana)
    game.frames(2)
    assert game.ctx.tr.lang == "zh-Hans"  # from the command line
    assert game.ctx.config.reduced_motion  # from the player's own settings


def test_a_damaged_settings_file_is_set_aside_and_the_game_plays_on(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json", "utf-8")
    game = Driver(tmp_path)
    assert game.ctx.settings.volume == 80
    assert list(tmp_path.glob("settings.json.corrupt-*"))


def test_text_size_and_palette_apply_at_once_and_are_kept(tmp_path: Path) -> None:
    from game.ui import theme

    game = Driver(tmp_path)
    game.new_player("Ana")
    game.click("Settings")
    before = game.ctx.res.font(22).get_height()
    game.click("150%")
    game.click("Colour-blind safe")
    assert game.ctx.res.text_scale == 1.5
    assert game.ctx.res.font(22).get_height() > before
    assert theme.palette == "colour-blind"
    assert f"{TICK}150%" in chosen(game) and f"{TICK}Colour-blind safe" in chosen(game)
    saved = player_settings(tmp_path)
    assert saved["text_size"] == 150 and saved["palette"] == "colour-blind"
    game.key(pygame.K_ESCAPE)
    game.click("Players")  # this computer's defaults again
    assert game.ctx.res.text_scale == 1.0 and theme.palette == "standard"


def test_a_text_size_and_palette_chosen_for_this_computer_reach_a_new_player(
    tmp_path: Path,
) -> None:
    from game.ui import theme

    game = Driver(tmp_path)
    game.click("Settings")
    game.click("125%")
    game.click("Colour-blind safe")
    assert game.ctx.res.text_scale == 1.25 and theme.palette == "colour-blind"
    game.key(pygame.K_ESCAPE)
    game.new_player("Ana")
    assert game.ctx.settings.text_size == 125 and game.ctx.settings.palette == "colour-blind"
    saved = json.loads((tmp_path / "settings.json").read_text("utf-8"))["settings"]
    assert saved["text_size"] == 125 and saved["palette"] == "colour-blind"
    game.quit()


def test_an_unknown_text_size_or_palette_in_a_file_becomes_one_the_game_has() -> None:
    from game.saves.settings import Settings

    odd = Settings().changed(text_size=180, palette="sepia")
    assert (odd.text_size, odd.palette) == (150, "standard")
