"""Touch: real finger events tap buttons and swipe lists, on a letterboxed window too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame

from game.saves.profiles import SaveStore
from game.scenes.album import AlbumScene
from game.scenes.home import HomeScene
from game.scenes.log_action import LogActionScene
from game.scenes.new_profile import NewProfileScene
from game.scenes.profiles import ProfilesScene
from game.scenes.settings import SettingsScene
from tests.scenes.driver import NOW, Driver


def normalised(game: Driver, pos: tuple[int, int]) -> tuple[float, float]:
    """Where the canvas point ``pos`` lies in the window, as a fraction of its size (the
    inverse of the letterboxing the display does)."""
    width, height = game.app.display.window_size()
    cw, ch = game.app.display.logical_size
    scale = min(width / cw, height / ch)
    left, top = (width - cw * scale) / 2, (height - ch * scale) / 2
    return ((left + (pos[0] + 0.5) * scale) / width, (top + (pos[1] + 0.5) * scale) / height)


def finger(game: Driver, kind: int, pos: tuple[int, int]) -> None:
    x, y = normalised(game, pos)
    game.post(kind, touch_id=1, finger_id=0, x=x, y=y, dx=0.0, dy=0.0, pressure=1.0)


def tap(game: Driver, pos: tuple[int, int]) -> None:
    game.wait()  # after the buttons' guard
    finger(game, pygame.FINGERDOWN, pos)
    finger(game, pygame.FINGERUP, pos)
    game.frames(2)


def tap_button(game: Driver, label: str) -> None:
    tap(game, game.button(label).rect.center)


def swipe(game: Driver, start: tuple[int, int], end: tuple[int, int], steps: int = 8) -> None:
    finger(game, pygame.FINGERDOWN, start)
    for i in range(1, steps + 1):
        pos = (
            start[0] + (end[0] - start[0]) * i // steps,
            start[1] + (end[1] - start[1]) * i // steps,
        )
        finger(game, pygame.FINGERMOTION, pos)
    finger(game, pygame.FINGERUP, end)
    game.frames(2)


def test_taps_alone_make_a_player_and_log_an_action(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    tap_button(game, "Create a player")
    assert isinstance(game.scene, NewProfileScene)
    game.type_text("Mia")  # an on-screen keyboard types
    tap_button(game, "Start playing")
    assert isinstance(game.scene, HomeScene)
    tap_button(game, "Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    tap(game, scene.tile_rect(0).center)
    tap_button(game, "Log it!")
    assert game.ctx.state.balance > 0
    tap_button(game, "Back")
    tap_button(game, "Settings")
    assert isinstance(game.scene, SettingsScene)
    tap_button(game, "Reduced motion")
    assert game.ctx.config.reduced_motion


def test_a_tap_lands_where_it_should_in_a_letterboxed_window(tmp_path: Path) -> None:
    game = Driver(tmp_path, window_size=(1000, 1000))  # square: black bands above and below
    width, height = game.app.display.window_size()
    assert (width, height) != game.app.display.logical_size
    tap_button(game, "Create a player")
    assert isinstance(game.scene, NewProfileScene)


def test_a_swipe_scrolls_the_player_list_and_presses_nothing(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    for i in range(30):
        store.create(f"Pupil {i:02}", NOW - dt.timedelta(hours=i))
    game = Driver(tmp_path)
    scene = game.scene
    assert isinstance(scene, ProfilesScene)
    game.wait()
    swipe(game, scene.tile_rect(12).center, scene.tile_rect(0).center)  # finger moves up
    assert scene.scroll > 0
    assert isinstance(game.scene, ProfilesScene)  # no tile was opened
    swipe(game, scene.tile_rect(0).center, scene.tile_rect(12).center)
    assert scene.scroll == 0


def test_a_swipe_scrolls_an_album(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    edition = next(iter(game.ctx.content.editions))
    game.ctx.nav.album(edition)
    game.frames(2)
    album = game.scene
    assert isinstance(album, AlbumScene) and album.max_scroll() > 0
    swipe(game, (640, 600), (640, 200))
    assert album.scroll_px > 0
    assert isinstance(game.scene, AlbumScene)


def test_mouse_events_made_from_touches_are_not_counted_twice(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    pos = game.button("Create a player").rect.center
    game.wait()
    game.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=True)
    game.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=True)
    game.frames(2)
    assert isinstance(game.scene, ProfilesScene)


def test_a_swipe_scrolls_the_card_page(tmp_path: Path) -> None:
    from game.scenes.card import INFO, CardScene

    game = Driver(tmp_path)
    game.new_player("Mia")
    pages = []
    for species_id in game.ctx.content.species:
        game.ctx.nav.card(species_id)
        game.frames(2)
        page = game.scene
        assert isinstance(page, CardScene)
        if page.content_h > INFO.height:
            pages.append(page)
            break
        game.ctx.manager.pop()
        game.frames(1)
    assert pages, "no card has a page longer than its box"
    swipe(game, (INFO.centerx, INFO.bottom - 20), (INFO.centerx, INFO.top + 20))
    assert pages[0].scroll > 0
