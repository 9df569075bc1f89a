"""The game's sounds come at their moments: logging, the card turning, a fanfare for the card's
rarity, and the edition-complete fanfare with a toast when an edition is finished."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.scenes.reveal import RevealScene
from tests.scenes.driver import Driver


class Recorder:
    """Stands in for the audio device and remembers what was played."""

    def __init__(self) -> None:
        self.played: list[str] = []
        self.volume = 0.8
        self.muted = False

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def play(self, name: str) -> None:
        self.played.append(name)


def _game(tmp_path: Path, **options: object) -> tuple[Driver, Recorder]:
    game = Driver(tmp_path / "saves", **options)
    sounds = Recorder()
    game.ctx.audio = sounds  # type: ignore[assignment]
    game.new_player("Mia")
    return game, sounds


def test_logging_an_action_plays_the_log_sound(tmp_path: Path) -> None:
    game, sounds = _game(tmp_path)
    game.click("Log an eco-action")
    scene = game.scene
    game.click_at(scene.tile_rect(0).center)  # type: ignore[attr-defined]
    game.click("Log it!")
    assert sounds.played == ["log"]


def test_a_reveal_turns_with_a_flip_and_ends_with_its_tiers_fanfare(tmp_path: Path) -> None:
    game, sounds = _game(tmp_path)
    edition = game.ctx.content.editions["ocean"]
    game.ctx.state.balance += edition.reveal_cost
    game.ctx.nav.reveal(edition.id)
    game.frames(2)
    reveal = game.scene
    assert isinstance(reveal, RevealScene)
    game.frames(240)  # the whole animation, at 60 frames a second
    tier = reveal.entry.reveal.tier  # type: ignore[union-attr]
    assert sounds.played == ["flip", f"reveal-{tier}"]


def test_finishing_an_edition_plays_its_fanfare_and_shows_the_badge(
    tmp_path: Path, mini_data: Path
) -> None:
    game, sounds = _game(tmp_path, data_dir=mini_data)
    content = game.ctx.content
    edition = next(iter(content.editions.values()))
    count = len(content.species_in(edition.id))
    for _ in range(count):
        game.ctx.state.balance += edition.reveal_cost
        game.ctx.nav.reveal(edition.id)
        game.frames(2)
        game.click_at((640, 400))  # skip the animation
        game.key(pygame.K_ESCAPE)
    assert sounds.played[-1] == "edition-complete"
    assert sounds.played.count("edition-complete") == 1
    assert any("New badge" in toast.message for toast in game.ctx.toasts)


def test_muted_the_game_plays_nothing_and_runs_on(tmp_path: Path) -> None:
    game = Driver(tmp_path / "saves", mute=True)
    assert game.ctx.audio is not None and game.ctx.audio.muted
    game.new_player("Mia")
    game.click("Log an eco-action")
    game.click_at(game.scene.tile_rect(0).center)  # type: ignore[attr-defined]
    game.click("Log it!")
    assert game.ctx.audio._sounds == {}
