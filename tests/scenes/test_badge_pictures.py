"""Badges have pictures on My progress: bright when earned, grey and faded with a ring of
progress when not, each with its name and numbers beside it."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.progress import Badge
from game.scenes.edition_complete import EditionCompleteScene
from game.scenes.progress import ProgressScene
from tests.scenes.driver import Driver


def _saturation(picture: pygame.Surface, opaque: int = 200) -> int:
    """The largest gap between colour channels over the picture's pixels more opaque than
    ``opaque``."""
    width, height = picture.get_size()
    most = 0
    for x in range(0, width, 2):
        for y in range(0, height, 2):
            r, g, b, a = picture.get_at((x, y))
            if a > opaque:
                most = max(most, max(r, g, b) - min(r, g, b))
    return most


def _progress_after_finishing(tmp_path: Path, data: Path) -> tuple[Driver, ProgressScene]:
    game = Driver(tmp_path / "saves", data=data)
    game.new_player("Mia")
    content = game.ctx.content
    edition = next(iter(content.editions.values()))
    for _ in content.species_in(edition.id):
        game.ctx.state.balance += edition.reveal_cost
        game.ctx.nav.reveal(edition.id)
        game.frames(2)
        game.click_at((640, 400))
        game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, EditionCompleteScene)
    game.key(pygame.K_ESCAPE)  # home
    game.click("My progress")
    assert isinstance(game.scene, ProgressScene)
    return game, game.scene


def _shown(scene: ProgressScene) -> list[Badge]:
    return scene.badges[scene.scroll : scene.scroll + scene.visible_rows()]


def test_every_badge_in_view_is_drawn_with_a_picture(tmp_path: Path, mini_data: Path) -> None:
    _game, scene = _progress_after_finishing(tmp_path, mini_data)
    kinds = {badge.kind for badge in _shown(scene)}
    assert {key[0] for key in scene.pictures} == {b.id for b in _shown(scene)}
    assert "edition" in kinds


def test_an_earned_badge_is_bright_and_one_to_come_is_grey(tmp_path: Path, mini_data: Path) -> None:
    _game, scene = _progress_after_finishing(tmp_path, mini_data)
    earned = next(b for b in scene.badges if b.earned and b.kind == "edition")
    pending = next(b for b in scene.badges if not b.earned and b.kind != "streak")
    assert _saturation(scene.picture(earned)) > 60
    faded = scene.picture(pending)
    # grey apart from the green ring of progress, which sits on the picture's edge
    inside = faded.subsurface(faded.get_rect().inflate(-22, -22))
    assert _saturation(inside, opaque=0) < 4


def test_scrolling_draws_the_pictures_of_the_badges_that_come_into_view(
    tmp_path: Path, mini_data: Path
) -> None:
    game, scene = _progress_after_finishing(tmp_path, mini_data)
    if len(scene.badges) <= scene.visible_rows():
        return  # everything fits: nothing to scroll to
    for _ in range(len(scene.badges)):
        game.post(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)
    game.frames(2)
    assert scene.scroll > 0
    assert {b.id for b in _shown(scene)} <= {key[0] for key in scene.pictures}
