"""A finished edition gets its own screen: after the reveal of its last card and from its
album, with the energy it took and a certificate the child can print."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.scenes.album import AlbumScene
from game.scenes.edition_complete import EditionCompleteScene
from game.scenes.reveal import RevealScene
from tests.scenes.driver import Driver


def _finish_but_one(tmp_path: Path, data: Path, **options: object) -> tuple[Driver, str]:
    """A player who has every card of an edition but the last, and energy for that one."""
    game = Driver(tmp_path / "saves", data=data, **options)
    if options.get("lang", "en") == "en":
        game.new_player("Mia")
    else:  # the player list's buttons are in the player's language
        game.ctx.nav.create_profile("小明")
        game.frames(2)
    content = game.ctx.content
    edition = next(iter(content.editions.values()))
    for _ in range(len(content.species_in(edition.id)) - 1):
        game.ctx.state.balance += edition.reveal_cost
        game.ctx.nav.reveal(edition.id)
        game.frames(2)
        game.click_at((640, 400))  # skip the animation
        game.key(pygame.K_ESCAPE)
    game.ctx.state.balance += edition.reveal_cost
    return game, edition.id


def _reveal_last(game: Driver, edition_id: str) -> None:
    game.ctx.nav.reveal(edition_id)
    game.frames(2)
    game.click_at((640, 400))
    assert isinstance(game.scene, RevealScene)


def test_leaving_the_reveal_of_the_last_card_opens_the_finished_edition(
    tmp_path: Path, mini_data: Path
) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data)
    _reveal_last(game, edition_id)
    game.wait()
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, EditionCompleteScene)
    assert game.scene.edition_id == edition_id


def test_the_last_reveal_offers_the_finished_edition_instead_of_another_card(
    tmp_path: Path, mini_data: Path
) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data)
    _reveal_last(game, edition_id)
    assert not [b for b in game.scene.buttons.buttons if b.label == "Reveal another"]
    game.click("Edition complete!")
    assert isinstance(game.scene, EditionCompleteScene)


def test_a_reveal_that_does_not_finish_the_edition_goes_home_as_before(
    tmp_path: Path, mini_data: Path
) -> None:
    game = Driver(tmp_path / "saves", data=mini_data)
    game.new_player("Mia")
    edition = next(iter(game.ctx.content.editions.values()))
    game.ctx.state.balance += edition.reveal_cost
    game.ctx.nav.reveal(edition.id)
    game.frames(2)
    game.click_at((640, 400))
    game.wait()
    game.key(pygame.K_ESCAPE)
    assert not isinstance(game.scene, (EditionCompleteScene, RevealScene))


def test_the_album_of_a_finished_edition_opens_its_screen(tmp_path: Path, mini_data: Path) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data)
    _reveal_last(game, edition_id)
    game.click("Open album")
    assert isinstance(game.scene, AlbumScene)
    assert not [b for b in game.scene.buttons.buttons if b.label == "Reveal a card"]
    game.click("See the finished edition")
    assert isinstance(game.scene, EditionCompleteScene)
    game.click("Open album")
    assert isinstance(game.scene, AlbumScene)


def test_the_screen_shows_the_energy_the_cards_took(tmp_path: Path, mini_data: Path) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data)
    _reveal_last(game, edition_id)
    game.click("Edition complete!")
    scene = game.scene
    assert isinstance(scene, EditionCompleteScene)
    cost = game.ctx.content.editions[edition_id].reveal_cost
    assert scene.summary.energy_g == cost * len(game.ctx.content.species_in(edition_id))
    assert scene.summary.complete


def test_printing_writes_a_pdf_in_the_prints_folder_and_says_where(
    tmp_path: Path, mini_data: Path
) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data)
    _reveal_last(game, edition_id)
    game.click("Edition complete!")
    game.click("Print a certificate")
    prints = list((tmp_path / "saves" / "prints").glob("*.pdf"))
    assert len(prints) == 1
    assert prints[0].read_bytes().startswith(b"%PDF")
    assert edition_id in prints[0].name and "Mia" in prints[0].name
    assert any(str(prints[0]) in toast.message for toast in game.ctx.toasts)


def test_a_certificate_that_cannot_be_written_is_a_message_not_a_crash(
    tmp_path: Path, mini_data: Path
) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data)
    (tmp_path / "saves" / "prints").write_text("a file where the folder should be")
    _reveal_last(game, edition_id)
    game.click("Edition complete!")
    game.click("Print a certificate")
    assert isinstance(game.scene, EditionCompleteScene)
    assert game.ctx.toasts[-1].error


def test_a_chinese_player_gets_a_certificate_too(tmp_path: Path, mini_data: Path) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data, lang="zh-Hans")
    _reveal_last(game, edition_id)
    game.wait()
    game.key(pygame.K_ESCAPE)
    game.wait()  # the cards have come in
    game.key(pygame.K_p)  # the print button's key
    prints = list((tmp_path / "saves" / "prints").glob("*.pdf"))
    assert len(prints) == 1 and prints[0].read_bytes().startswith(b"%PDF")
    assert prints[0].name.startswith("小明-")


def test_cards_come_in_one_by_one_and_a_click_shows_them_all(
    tmp_path: Path, mini_data: Path
) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data)
    _reveal_last(game, edition_id)
    game.click("Edition complete!")
    game.frames(1)
    scene = game.scene
    assert scene.animating
    game.click_at(scene.card_rect(0).center)  # type: ignore[attr-defined]
    assert not scene.animating
    assert isinstance(game.scene, EditionCompleteScene)


def test_with_reduced_motion_everything_is_there_at_once(tmp_path: Path, mini_data: Path) -> None:
    game, edition_id = _finish_but_one(tmp_path, mini_data, reduced_motion=True)
    _reveal_last(game, edition_id)
    game.click("Edition complete!")
    assert not game.scene.animating
