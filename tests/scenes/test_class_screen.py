"""The class screen for a projector, opened from the player list with real events."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.ledger import PlayerState
from game.saves.class_data import read_entries
from game.scenes.class_screen import ClassScreenScene
from game.ui import draw
from tests.scenes.class_setup import add_history, make_class
from tests.scenes.driver import Driver


def states(game: Driver) -> list[PlayerState]:
    return [
        PlayerState.from_entries(read_entries(game.ctx.store, m.id))
        for m in game.ctx.store.list_profiles()
    ]


def test_the_class_screen_adds_up_every_childs_actions_and_cards(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    teacher = make_class(game)
    add_history(game, teacher, days=2, cards=1)
    game.click("Class")
    scene = game.scene
    assert isinstance(scene, ClassScreenScene)
    players = states(game)
    assert scene.totals.co2e_g == sum(s.earned_total for s in players) > 0
    assert scene.totals.album == {sid for s in players for sid in s.owned}


def test_refresh_reads_what_the_class_did_since(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    teacher = make_class(game)
    game.click("Class")
    assert game.scene.totals.co2e_g == 0  # type: ignore[attr-defined]
    add_history(game, teacher, days=1, cards=0)
    game.click("Refresh")
    assert game.scene.totals.co2e_g > 0  # type: ignore[attr-defined]


def test_the_forest_grows_and_a_key_skips_the_growing(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    make_class(game)
    game.click("Class")
    scene = game.scene
    assert isinstance(scene, ClassScreenScene) and not scene.grow.done
    game.key(pygame.K_SPACE)
    assert scene.grow.done


def test_the_class_screen_shows_no_childs_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No child is singled out, let alone ranked: no name is drawn on the class screen."""
    game = Driver(tmp_path)
    teacher = make_class(game)
    add_history(game, teacher, days=1, cards=1)
    game.click("Class")
    drawn: list[str] = []
    for name in ("text", "paragraph"):
        real = getattr(draw, name)

        def spy(surface, content, *args, real=real, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(str(content))
            return real(surface, content, *args, **kwargs)

        monkeypatch.setattr(draw, name, spy)
    game.frames(2)
    assert drawn
    for student in teacher.students():
        assert not any(student.name in text for text in drawn)


def test_a_hand_edited_ledger_does_not_grow_the_forest(tmp_path: Path) -> None:
    from dataclasses import replace

    from game.saves.ledger_files import ledger_files, write_ledger

    game = Driver(tmp_path)
    teacher = make_class(game)
    add_history(game, teacher, days=1, cards=0)
    student = teacher.students()[0]
    folder = game.ctx.store.folder(student.profile_id)
    entries = read_entries(game.ctx.store, student.profile_id)
    honest = sum(s.earned_total for s in states(game))
    for part in ledger_files(folder):
        part.unlink()
    first = entries[0]
    write_ledger(folder, [replace(first, amount_g=first.amount_g * 50), *entries[1:]])
    game.click("Class")
    scene = game.scene
    assert isinstance(scene, ClassScreenScene)
    assert scene.totals.left_out >= 1
    assert scene.totals.co2e_g < honest  # the inflated entry counts for nothing
