"""The class rules page, driven with real events: on and off in words and marks, each action's
daily limit, and the class goal's name beside its target."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.class_settings import cap_bounds, cap_step
from game.core.classroom import record_action
from game.core.ledger import PlayerState
from game.scenes.dialogs import AskScene
from game.scenes.teacher_rules import OFF_MARK, ON_MARK, TeacherRulesScene
from tests.scenes.class_setup import PIN, make_class, teacher_of
from tests.scenes.driver import NOW, Driver


@pytest.fixture
def game(tmp_path: Path) -> Driver:
    driver = Driver(tmp_path / "saves")
    make_class(driver)
    driver.click("Teacher")
    for _ in range(2):
        driver.type_text(PIN)
        driver.key(pygame.K_RETURN)
    driver.click("Class rules")
    assert isinstance(driver.scene, TeacherRulesScene)
    return driver


def tile_of(game: Driver, index: int) -> pygame.Rect:
    scene = game.scene
    assert isinstance(scene, TeacherRulesScene)
    return scene.shown_actions()[index][0]


def button_in(game: Driver, rect: pygame.Rect, label: str):  # type: ignore[no-untyped-def]
    (found,) = [b for b in game.scene.buttons.buttons if b.label == label and rect.contains(b.rect)]
    return found


def toggle_of(game: Driver, index: int):  # type: ignore[no-untyped-def]
    tile = tile_of(game, index)
    (found,) = [b for b in game.scene.buttons.buttons if b.rect.topleft == tile.topleft]
    return found


def press(game: Driver, button) -> None:  # type: ignore[no-untyped-def]
    game.wait()
    game.click_at(button.rect.center)


def test_on_and_off_read_in_words_with_a_mark_not_only_a_colour(game: Driver) -> None:
    assert toggle_of(game, 0).sublabel == f"{ON_MARK} On"
    press(game, toggle_of(game, 0))
    assert toggle_of(game, 0).sublabel == f"{OFF_MARK} Off"
    game.click(f"{OFF_MARK} Off: actions count at once")
    assert game.button(f"{ON_MARK} On: actions wait for you")
    edition = next(iter(game.ctx.content.editions.values()))
    game.click(f"{ON_MARK} {edition.title.en}: on")
    assert game.button(f"{OFF_MARK} {edition.title.en}: off")


def test_plus_raises_an_actions_daily_limit_and_the_rules_use_it(game: Driver) -> None:
    action = next(iter(game.ctx.content.actions.values()))
    tile = tile_of(game, 0)
    press(game, button_in(game, tile, "+"))
    settings = teacher_of(game).settings()
    raised = action.daily_cap_g + cap_step(action)
    assert settings.cap_of(action) == raised
    state = PlayerState()
    entry = record_action(state, action, 100, day=NOW.date(), now=NOW, settings=settings)
    assert entry.amount_g == min(raised, settings.rules().daily_total_g)


def test_a_limit_stops_at_its_bounds(game: Driver) -> None:
    action = next(iter(game.ctx.content.actions.values()))
    low, _ = cap_bounds(action)
    tile = tile_of(game, 0)
    for _ in range(20):
        minus = button_in(game, tile, "−")
        if not minus.enabled:
            break
        press(game, minus)
    assert teacher_of(game).settings().cap_of(action) == low
    assert not button_in(game, tile, "−").enabled


def test_an_action_turned_off_keeps_its_limit_unchangeable(game: Driver) -> None:
    press(game, toggle_of(game, 0))
    tile = tile_of(game, 0)
    assert not button_in(game, tile, "+").enabled and not button_in(game, tile, "−").enabled


def test_the_class_goal_gets_a_name_shown_beside_its_target(game: Driver) -> None:
    game.click("Our class forest")
    assert isinstance(game.ctx.manager.top, AskScene)
    for _ in range(len("Our class forest")):
        game.key(pygame.K_BACKSPACE)
    game.type_text("Our school meadow")
    game.key(pygame.K_RETURN)
    assert teacher_of(game).settings().goal_name == "Our school meadow"
    goal = game.button("Our school meadow")
    minus = game.button("−", 1)  # the goal's own − is beside its name
    assert goal.rect.centery == minus.rect.centery and goal.rect.right < minus.rect.left


def test_a_goal_name_too_long_is_refused_and_nothing_changes(game: Driver) -> None:
    game.click("Our class forest")
    game.type_text("x" * 60)
    game.key(pygame.K_RETURN)
    assert teacher_of(game).settings().goal_name == ""


def test_a_damaged_settings_file_shows_the_games_rules_and_a_change_replaces_it(
    game: Driver,
) -> None:
    settings_file = game.ctx.store.root / "class" / "settings.json"
    settings_file.write_text("{ not json", encoding="utf-8")
    game.click("Waiting")
    game.click("Class rules")
    assert any(t.error and "damaged" in t.message for t in game.ctx.toasts)
    game.click(f"{OFF_MARK} Off: actions count at once")
    assert teacher_of(game).settings().approval
    assert list(settings_file.parent.glob("settings.json.damaged-*"))


def test_at_large_text_the_pages_show_every_action_once(tmp_path: Path) -> None:
    driver = Driver(tmp_path / "saves")
    driver.ctx.save_settings(driver.ctx.settings.changed(text_size=150))
    make_class(driver)
    driver.click("Teacher")
    for _ in range(2):
        driver.type_text(PIN)
        driver.key(pygame.K_RETURN)
    driver.click("Class rules")
    scene = driver.scene
    assert isinstance(scene, TeacherRulesScene)
    seen = [action.id for _, action in scene.shown_actions()]
    assert scene.action_pages() > 1
    while driver.button("Next page").enabled:
        driver.click("Next page")
        assert not [b for b in scene.buttons.buttons if b.label == "Our class forest"]
        seen += [action.id for _, action in scene.shown_actions()]
    assert seen == list(driver.ctx.content.actions)
