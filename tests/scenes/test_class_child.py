"""The child's side of a class, driven with real events: logging under the teacher's settings,
and a player opened under the class's rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from game.core.classroom import ClassSettings
from game.core.economy import grant_bonus
from game.scenes.home import HomeScene
from game.scenes.log_action import LogActionScene
from game.scenes.profiles import ProfilesScene
from tests.scenes.class_setup import teacher_of
from tests.scenes.driver import NOW, Driver


def log_first_action(game: Driver) -> LogActionScene:
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    game.click_at(scene.tile_rect(0).center)
    game.click("Log it!")
    return scene


def test_with_the_approval_queue_on_an_action_waits_for_the_teacher(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    teacher_of(game).save_settings(ClassSettings(approval=True))
    game.new_player("Mia")
    scene = log_first_action(game)
    assert game.ctx.state.balance == 0
    (pending,) = game.ctx.state.pending.values()
    assert pending.action_id == scene.actions[0].id
    assert any("teacher" in t.message for t in game.ctx.toasts)


def test_the_log_screen_lists_only_the_actions_the_teacher_allows(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    allowed = sorted(game.ctx.content.actions)[:2]
    teacher_of(game).save_settings(ClassSettings(allowed_actions=frozenset(allowed)))
    game.new_player("Mia")
    game.click("Log an eco-action")
    assert sorted(a.id for a in game.scene.actions) == allowed  # type: ignore[attr-defined]


def test_an_action_counts_at_once_with_the_approval_queue_off(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    log_first_action(game)
    assert game.ctx.state.balance > 0 and not game.ctx.state.pending


def test_opening_a_player_checks_the_ledger_under_the_class_rules(tmp_path: Path) -> None:
    """Three days back is allowed by this class (the game's own rule is one day): reopening
    the player keeps the action instead of setting it aside."""
    game = Driver(tmp_path)
    teacher_of(game).save_settings(ClassSettings(backdate_days=3))
    game.new_player("Mia")
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene) and scene.max_back == 3
    game.click_at(scene.tile_rect(0).center)
    for _ in range(3):
        game.click("←")
    assert scene.day == NOW.date() - dt.timedelta(days=3)
    game.click("Log it!")
    balance = game.ctx.state.balance
    assert balance > 0
    game.click("Back")
    game.click("Players")
    assert isinstance(game.scene, ProfilesScene)
    game.click_at(game.scene.tile_rect(0).center)
    assert isinstance(game.ctx.manager.top, HomeScene)
    assert game.ctx.state.balance == balance and not game.ctx.state.set_aside


def test_an_edition_the_teacher_turned_off_cannot_be_revealed_from(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.ctx.record(grant_bonus(game.ctx.state, 5000, "test", NOW))
    first = next(iter(game.ctx.content.editions))
    teacher_of(game).save_settings(ClassSettings(editions_off=frozenset({first})))
    game.click("Log an eco-action")
    game.click("Back")  # home lays its buttons out again, under the new settings
    assert not game.button("Reveal a card", 0).enabled
    assert game.button("Reveal a card", 1).enabled
    game.ctx.nav.reveal(first)
    assert not game.ctx.state.owned
