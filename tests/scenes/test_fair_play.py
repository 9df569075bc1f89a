"""Every paid reveal is seen, one click is one action, and a bent ledger is set aside.

Played with real pygame events on the game itself, as a child's mouse would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from game.core.economy import grant_bonus
from game.scenes.album import AlbumScene
from game.scenes.card import CardScene
from game.scenes.home import HomeScene
from game.scenes.log_action import LogActionScene
from game.scenes.notice import NoticeScene
from game.scenes.reveal import RevealScene
from tests.conftest import FIXTURES
from tests.scenes.driver import NOW, Driver


def rich_player(saves: Path, grams: int = 5_000) -> Driver:
    """A new player with energy to spend, on the small fixture decks (ledger written by rules)."""
    game = Driver(saves, data=FIXTURES / "mini")
    game.new_player("Ada")
    # energy earned the honest way: the greatest action at its cap, today and yesterday
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    best = max(range(len(scene.actions)), key=lambda i: scene.actions[i].daily_cap_g)
    game.click_at(scene.tile_rect(best).center)
    for _ in range(12):
        game.click("+")
    game.click("Log it!")
    game.click("←")
    game.click("Log it!")
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    return game


def post_click(game: Driver, pos: tuple[int, int]) -> None:
    game.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    game.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)


def test_a_triple_click_on_reveal_another_spends_once(tmp_path: Path) -> None:
    game = rich_player(tmp_path)
    game.click("Reveal a card", 0)
    game.click_at((300, 400))  # skip the animation
    game.wait()
    assert isinstance(game.scene, RevealScene)
    spent_before = sum(1 for e in game.ctx.state.entries if e.kind == "spent")
    where = game.button("Reveal another").rect.center
    for _ in range(3):  # three clicks as fast as a child's finger, a frame apart
        post_click(game, where)
        game.frames(1)
    game.frames(3)
    spent = sum(1 for e in game.ctx.state.entries if e.kind == "spent")
    assert spent == spent_before + 1
    assert isinstance(game.scene, RevealScene)


def test_a_double_click_on_log_it_logs_once(tmp_path: Path) -> None:
    game = Driver(tmp_path, data=FIXTURES / "mini")
    game.new_player("Ben")
    game.click("Log an eco-action")
    scene = game.scene
    assert isinstance(scene, LogActionScene)
    game.click_at(scene.tile_rect(0).center)
    game.wait()
    where = game.button("Log it!").rect.center
    post_click(game, where)
    post_click(game, where)  # the second click of a double click
    game.frames(2)
    post_click(game, where)  # and a third, a moment later
    game.frames(2)
    assert sum(1 for e in game.ctx.state.entries if e.kind == "earned") == 1


def test_esc_during_the_reveal_then_a_restart_shows_the_card(tmp_path: Path) -> None:
    game = rich_player(tmp_path)
    game.click("Reveal a card", 0)
    reveal = game.scene
    assert isinstance(reveal, RevealScene) and reveal.animating
    paid = reveal.entry
    game.key(pygame.K_ESCAPE)  # away before the card turned over
    assert isinstance(game.scene, HomeScene)
    assert game.quit() == 0

    again = Driver(tmp_path, data=FIXTURES / "mini")
    again.click_at(again.scene.tile_rect(0).center)
    shown = again.scene
    assert isinstance(shown, RevealScene) and shown.entry.seq == paid.seq
    again.frames(200)  # the whole animation this time
    assert not shown.animating
    again.key(pygame.K_ESCAPE)
    assert isinstance(again.scene, HomeScene)
    assert again.quit() == 0

    third = Driver(tmp_path, data=FIXTURES / "mini")
    third.click_at(third.scene.tile_rect(0).center)
    assert isinstance(third.scene, HomeScene)  # shown once is enough


def test_the_new_marker_clears_when_the_card_is_viewed(tmp_path: Path) -> None:
    game = rich_player(tmp_path)
    game.click("Reveal a card", 0)
    game.click_at((300, 400))
    found = game.scene.entry.reveal.species_id
    assert found in game.ctx.views.new_cards(game.ctx.state)
    game.key(pygame.K_ESCAPE)
    assert game.button("Open album", 0).sublabel == "1 new card to look at"
    game.click("Open album", 0)
    album = game.scene
    assert isinstance(album, AlbumScene)
    index = [s.id for s in album.members].index(found)
    game.click_at(album.thumb_rect(index).center)
    assert isinstance(game.scene, CardScene)
    assert found not in game.ctx.views.new_cards(game.ctx.state)
    game.key(pygame.K_ESCAPE)
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, HomeScene)
    assert game.button("Open album", 0).sublabel is None


def test_a_forged_bonus_is_kept_aside_and_the_player_is_told(tmp_path: Path) -> None:
    game = Driver(tmp_path, data=FIXTURES / "mini")
    game.new_player("Eve")
    save = game.ctx.save
    save.record(grant_bonus(save.state, 1_000_000, "gift", NOW))  # as a hand edit would
    assert game.quit() == 0

    again = Driver(tmp_path, data=FIXTURES / "mini")
    again.click_at(again.scene.tile_rect(0).center)
    assert isinstance(again.scene, NoticeScene)
    assert again.ctx.state.balance == 0
    assert [e.reason for e in again.ctx.state.set_aside] == ["gift"]
    [part] = (tmp_path / "profiles").glob("*/ledger-*.json")
    assert "gift" in part.read_text(encoding="utf-8")  # kept, never deleted


def test_every_edition_in_the_decks_can_be_reached_from_home(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini", data)
    deck = (data / "species.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra-{n}\n    title: {{en: Extra {n}}}\n    reveal_cost: 50\n"
        for n in range(1, 4)
    )
    (data / "species.yaml").write_text(
        deck.replace("species:\n", extra + "species:\n", 1), encoding="utf-8"
    )
    game = Driver(tmp_path / "saves", data=data)
    game.new_player("Kim")
    home = game.scene
    assert isinstance(home, HomeScene)
    seen = {e.id for e, _ in home.edition_rects()}
    while game.button("→").enabled:
        game.click("→")
        seen |= {e.id for e, _ in home.edition_rects()}
    assert seen == set(game.ctx.content.editions)


def test_the_player_list_counts_only_what_the_rules_allow(tmp_path: Path) -> None:
    game = Driver(tmp_path, data=FIXTURES / "mini")
    game.new_player("Fay")
    save = game.ctx.save
    save.record(grant_bonus(save.state, 1_000_000, "gift", NOW))
    assert game.quit() == 0

    again = Driver(tmp_path, data=FIXTURES / "mini")
    again.click_at(again.scene.tile_rect(0).center)
    assert again.ctx.save.meta.balance == 0
