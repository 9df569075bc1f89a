"""The first end-to-end flow, played with real events on the bundled decks, then a restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame

from game.scenes.album import AlbumScene
from game.scenes.card import CardScene
from game.scenes.home import HomeScene
from game.scenes.log_action import LogActionScene
from game.scenes.new_profile import NewProfileScene
from game.scenes.profiles import ProfilesScene
from game.scenes.reveal import RevealScene
from tests.scenes.driver import NOW, Driver


def test_create_log_reveal_album_then_restart(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    game = Driver(saves)
    assert isinstance(game.scene, ProfilesScene)

    # a new player
    game.click("Create a player")
    assert isinstance(game.scene, NewProfileScene)
    game.type_text("Mia")
    game.click("Start playing")
    assert isinstance(game.scene, HomeScene)
    assert game.ctx.state.balance == 0
    assert not game.button("Reveal a card").enabled  # nothing to spend yet

    # log 5 km of cycling
    earned = 5 * game.ctx.content.actions["cycle-instead-of-car"].energy_g
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    cycle = next(i for i, a in enumerate(scene.actions) if a.id == "cycle-instead-of-car")
    game.click_at(scene.tile_rect(cycle).center)
    assert scene.selected is not None and scene.selected.id == "cycle-instead-of-car"
    for _ in range(4):
        game.click("+")
    game.click("Log it!")
    assert game.ctx.state.balance == earned
    game.frames(120)  # the energy counter rolls up to the new balance
    assert scene.shown_energy == earned

    # back home, reveal an Ocean card (the first edition on the home screen)
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    ocean_cost = game.ctx.content.editions["ocean"].reveal_cost
    game.click("Reveal a card", 0)
    reveal = game.scene
    assert isinstance(reveal, RevealScene)
    game.click_at((640, 400))  # a click skips the animation
    assert reveal.entry is not None and reveal.entry.reveal is not None
    found = reveal.entry.reveal.species_id
    assert game.ctx.content.species[found].edition == "ocean"
    assert game.ctx.state.balance == earned - ocean_cost

    # the card is in the album, highlighted, and opens to its page
    game.click("Open album")
    album = game.scene
    assert isinstance(album, AlbumScene) and album.focus == found
    index = [s.id for s in album.members].index(found)
    game.click_at(album.thumb_rect(index).center)
    assert isinstance(game.scene, CardScene) and game.scene.species_id == found
    assert game.quit() == 0

    # start again on the same saves folder: everything is still there
    again = Driver(saves)
    profiles = again.scene
    assert isinstance(profiles, ProfilesScene)
    assert [(p.name, p.cards, p.balance) for p in profiles.profiles] == [
        ("Mia", 1, earned - ocean_cost)
    ]
    again.click_at(profiles.tile_rect(0).center)
    assert isinstance(again.scene, HomeScene)
    state = again.ctx.state
    assert state.balance == earned - ocean_cost
    assert found in state.owned
    assert [e.kind for e in again.ctx.save.state.entries][:2] == ["earned", "spent"]
    again.click("Open album", 0)
    assert isinstance(again.scene, AlbumScene)
    assert again.quit() == 0


def test_closing_the_window_on_any_screen_saves_and_exits_cleanly(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Leo")
    game.click("Log an eco-action")
    game.click_at(game.scene.tile_rect(0).center)
    game.click("Log it!")
    balance = game.ctx.state.balance
    assert balance > 0
    assert game.quit() == 0
    again = Driver(tmp_path)
    assert again.scene.profiles[0].balance == balance
    assert again.quit() == 0


def test_escape_goes_back_and_a_second_escape_from_home_returns_to_players(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Ana")
    game.click("Open album", 1)
    assert isinstance(game.scene, AlbumScene) and game.scene.edition_id == "forest"
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, ProfilesScene)
    assert game.ctx.save is None  # the profile was closed and its lock released
    game.click_at(game.scene.tile_rect(0).center)
    assert isinstance(game.scene, HomeScene)
    assert game.quit() == 0


def test_an_unexpected_error_shows_the_error_screen_and_writes_a_log(
    tmp_path: Path, monkeypatch
) -> None:
    game = Driver(tmp_path)

    def broken(self, surface):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug in a screen")

    monkeypatch.setattr(ProfilesScene, "draw_body", broken)
    game.frames(1)
    monkeypatch.undo()
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "RuntimeError: a bug in a screen" in logs[0].read_text(encoding="utf-8")
    assert "Traceback" in logs[0].read_text(encoding="utf-8")
    game.frames(2)
    assert type(game.scene).__name__ == "CrashScene"
    game.click("Close EcoCards")
    assert not game.app.running
    game.app.shutdown()
    assert game.app.exit_code != 0


def test_three_days_in_a_row_earn_the_streak_bonus_once(tmp_path: Path) -> None:
    for n in range(3):  # the player comes back on three days in a row
        game = Driver(tmp_path, now=NOW + dt.timedelta(days=n))
        if n == 0:
            game.new_player("Sam")
        else:
            game.click_at(game.scene.tile_rect(0).center)
        game.click("Log an eco-action")
        scene = game.scene
        assert isinstance(scene, LogActionScene)
        game.click_at(scene.tile_rect(0).center)
        each = scene.selected.energy_g
        game.click("Log it!")
        if n < 2:
            assert game.quit() == 0
    assert game.ctx.state.balance == 3 * each + 30
    assert "streak-3" in game.ctx.state.bonus_reasons
    game.click_at(scene.tile_rect(1).center)
    more = scene.selected.energy_g
    game.click("Log it!")
    assert game.ctx.state.balance == 3 * each + 30 + more  # the bonus is granted once
    assert game.quit() == 0


def test_a_damaged_save_is_repaired_and_the_player_is_told(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Zoe")
    game.click("Log an eco-action")
    game.click_at(game.scene.tile_rect(0).center)
    game.click("Log it!")
    balance = game.ctx.state.balance
    assert game.quit() == 0  # closing takes a backup

    [part] = (tmp_path / "profiles").glob("*/ledger-*.json")
    part.write_bytes(part.read_bytes()[:20])  # a power cut mid-write, from another program

    again = Driver(tmp_path)
    again.click_at(again.scene.tile_rect(0).center)
    notice = again.scene
    assert type(notice).__name__ == "NoticeScene"
    assert any("put back" in line for line in notice.lines)
    assert list(part.parent.glob("ledger-*.corrupt-*")), "the damaged file is kept aside"
    again.click("OK")
    assert isinstance(again.scene, HomeScene)
    assert again.ctx.state.balance == balance
    assert again.quit() == 0


def test_my_progress_shows_level_streak_weeks_and_badges(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Ivy")
    game.click("Log an eco-action")
    game.click_at(game.scene.tile_rect(1).center)
    game.click("Log it!")
    game.key(pygame.K_ESCAPE)
    game.click("My progress")
    scene = game.scene
    assert type(scene).__name__ == "ProgressScene"
    assert scene.progress.streak.current == 1
    assert scene.weeks[-1].grams == game.ctx.state.earned_total > 0
    kinds = {badge.kind for badge in scene.badges}
    assert kinds == {"edition", "group", "streak"}
    assert not any(badge.earned for badge in scene.badges)
    game.post(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False, precise_x=0.0, precise_y=-3.0)
    game.frames(2)
    assert scene.scroll == 3
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    assert game.quit() == 0


def test_a_full_disk_loses_nothing_and_logging_works_again_later(
    tmp_path: Path, monkeypatch
) -> None:
    import errno
    import os

    game = Driver(tmp_path)
    game.new_player("Kai")
    game.click("Log an eco-action")
    scene = game.scene
    game.click_at(scene.tile_rect(1).center)
    game.click("Log it!")
    saved = game.ctx.state.balance
    real_replace = os.replace

    def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    game.click_at(scene.tile_rect(2).center)
    game.click("Log it!")
    assert game.ctx.state.balance == saved  # the game shows only what is on disk
    assert any(t.error and "disk is full" in t.message for t in game.ctx.toasts)
    assert isinstance(game.scene, LogActionScene)  # still playing

    monkeypatch.setattr(os, "replace", real_replace)
    game.click("Log it!")  # space again: the same action logs
    assert game.ctx.state.balance > saved
    balance = game.ctx.state.balance
    assert game.quit() == 0
    again = Driver(tmp_path)
    assert again.scene.profiles[0].balance == balance
    assert again.quit() == 0


def test_two_errors_in_the_same_second_keep_both_logs(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    first = game.app._write_crash_log(RuntimeError("first"))
    second = game.app._write_crash_log(RuntimeError("second"))
    assert first != second
    assert "first" in Path(first).read_text(encoding="utf-8")
    assert "second" in Path(second).read_text(encoding="utf-8")
    assert game.quit() == 0
