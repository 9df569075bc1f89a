"""The whole flow with the keyboard alone: Tab and the arrows move a focus ring, Enter and
Space press, Esc goes back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.scenes.card import CardScene
from game.scenes.home import HomeScene
from game.scenes.log_action import LogActionScene
from game.scenes.new_profile import NewProfileScene
from game.scenes.reveal import RevealScene
from game.ui.widgets import Button
from tests.scenes.driver import Driver


def key(game: Driver, code: int, mod: int = 0) -> None:
    game.post(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)
    game.post(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0)
    game.frames(2)


def tab_to(game: Driver, wanted: Callable[[Button], bool]) -> Button:
    for _ in range(60):
        focused = game.scene.buttons.focused
        if focused is not None and wanted(focused):
            return focused
        key(game, pygame.K_TAB)
    raise AssertionError(f"Tab never reached the button on {type(game.scene).__name__}")


def labelled(label: str) -> Callable[[Button], bool]:
    return lambda button: button.label == label


def press(game: Driver) -> None:
    game.wait()  # the guard after the last press has passed
    key(game, pygame.K_RETURN)


def test_new_player_log_reveal_and_read_with_the_keyboard_alone(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    tab_to(game, labelled("Create a player"))
    press(game)
    assert isinstance(game.scene, NewProfileScene)
    game.type_text("Mia")
    key(game, pygame.K_RETURN)
    assert isinstance(game.scene, HomeScene)

    tab_to(game, labelled("Log an eco-action"))
    press(game)
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    cycle = next(i for i, a in enumerate(scene.actions) if a.id == "cycle-instead-of-car")
    tab_to(game, lambda b: b.rect == scene.tile_rect(cycle))
    key(game, pygame.K_SPACE)
    assert scene.selected is not None and scene.selected.id == "cycle-instead-of-car"
    plus = tab_to(game, labelled("+"))
    for _ in range(3):
        press(game)
    assert scene.buttons.focused is not None and scene.buttons.focused.label == plus.label
    tab_to(game, labelled("Log it!"))
    press(game)
    earned = game.ctx.state.balance
    assert earned == 4 * scene.selected.energy_g

    key(game, pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    tab_to(game, labelled("Reveal a card"))
    press(game)
    assert isinstance(game.scene, RevealScene)
    game.frames(240)  # the animation ends
    tab_to(game, labelled("Read the card"))
    press(game)
    assert isinstance(game.scene, CardScene)


def test_shift_tab_goes_back_and_the_arrows_move_between_neighbours(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    first = tab_to(game, lambda b: b.rect == scene.tile_rect(0))
    key(game, pygame.K_RIGHT)
    right = scene.buttons.focused
    assert right is not None and right.rect.left > first.rect.left
    assert abs(right.rect.centery - first.rect.centery) < first.rect.height
    key(game, pygame.K_DOWN)
    below = scene.buttons.focused
    assert below is not None and below.rect.top > right.rect.top
    key(game, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert scene.buttons.focused is not below


def test_the_focus_ring_stays_on_its_button_when_the_screen_is_laid_out_again(
    tmp_path: Path,
) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Log an eco-action")
    scene = game.scene
    tile = tab_to(game, lambda b: b.rect == scene.tile_rect(2))
    key(game, pygame.K_RETURN)  # choosing an action lays the screen out again
    focused = scene.buttons.focused
    assert focused is not None and focused.rect == tile.rect


def test_the_focus_ring_is_drawn(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    screen = game.app.screen
    button = tab_to(game, labelled("Log an eco-action"))
    ring = button.rect.inflate(12, 12)
    before = screen.get_at((ring.centerx, ring.top + 1))
    game.frames(1)
    assert screen.get_at((ring.centerx, ring.top + 1))[:3] == before[:3]
    key(game, pygame.K_TAB)  # the ring moves on: the pixel changes back
    assert screen.get_at((ring.centerx, ring.top + 1))[:3] != before[:3]


def test_the_album_cards_are_chosen_with_the_arrows_and_opened_with_enter(
    tmp_path: Path,
) -> None:
    from game.scenes.album import COLUMNS, AlbumScene

    game = Driver(tmp_path)
    game.new_player("Mia")
    edition = game.ctx.content.editions["ocean"]
    game.ctx.state.balance += edition.reveal_cost
    game.ctx.nav.reveal("ocean")
    game.frames(2)
    game.key(pygame.K_SPACE)  # skip the animation
    found = game.scene.entry.reveal.species_id  # type: ignore[attr-defined]
    game.key(pygame.K_ESCAPE)
    game.ctx.nav.album("ocean")
    game.frames(2)
    album = game.scene
    assert isinstance(album, AlbumScene)
    target = [s.id for s in album.members].index(found)
    key(game, pygame.K_RIGHT)  # the first arrow shows the ring where it is
    while album.cursor != target:
        row, col = divmod(album.cursor, COLUMNS)
        want_row, want_col = divmod(target, COLUMNS)
        if row != want_row:
            key(game, pygame.K_DOWN if want_row > row else pygame.K_UP)
        else:
            key(game, pygame.K_RIGHT if want_col > col else pygame.K_LEFT)
    from game.scenes.album import GRID

    assert GRID.contains(album.thumb_rect(target))  # scrolled into view
    press(game)
    assert isinstance(game.scene, CardScene)


def test_f1_or_a_question_mark_shows_the_keys_and_esc_closes_them(tmp_path: Path) -> None:
    from game.scenes.keys_help import KeysHelpScene

    game = Driver(tmp_path)
    game.new_player("Mia")
    key(game, pygame.K_F1)
    assert isinstance(game.ctx.manager.top, KeysHelpScene)
    key(game, pygame.K_TAB)  # the screen underneath does not move while the page is open
    assert game.ctx.manager.stack[-2].buttons.focused is None  # type: ignore[attr-defined]
    key(game, pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    game.post(pygame.KEYDOWN, key=pygame.K_SLASH, mod=pygame.KMOD_SHIFT, unicode="?", scancode=0)
    game.frames(2)
    assert isinstance(game.ctx.manager.top, KeysHelpScene)


def test_a_question_mark_typed_in_a_name_is_part_of_the_name(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.click("Create a player")
    game.post(pygame.KEYDOWN, key=pygame.K_SLASH, mod=pygame.KMOD_SHIFT, unicode="?", scancode=0)
    game.type_text("?")
    assert isinstance(game.scene, NewProfileScene)
    assert game.scene.name == "?"


def test_an_arrow_on_the_log_screen_puts_the_ring_on_the_first_action(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene) and scene.buttons.focused is None
    key(game, pygame.K_RIGHT)
    focused = scene.buttons.focused
    assert focused is not None and focused.rect == scene.tile_rect(0)
    key(game, pygame.K_RIGHT)
    press(game)
    assert scene.selected is not None and scene.selected is scene.actions[1]


def test_an_arrow_on_home_puts_the_ring_on_its_first_choice_below_the_header(
    tmp_path: Path,
) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    scene = game.scene
    assert isinstance(scene, HomeScene) and scene.buttons.focused is None
    key(game, pygame.K_DOWN)
    focused = scene.buttons.focused
    assert focused is not None and focused.label == "Log an eco-action"
