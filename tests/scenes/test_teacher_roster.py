"""The roster page's group field, driven with real events: each student's group is shown, and
the teacher sets, changes or clears it."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.classroom import MAX_GROUP
from game.scenes.dialogs import AskScene
from game.scenes.teacher_roster import TeacherRosterScene
from tests.scenes.class_setup import PIN, make_class, teacher_of
from tests.scenes.driver import Driver


@pytest.fixture
def game(tmp_path: Path) -> Driver:
    driver = Driver(tmp_path / "saves")
    make_class(driver)
    driver.click("Teacher")
    for _ in range(2):
        driver.type_text(PIN)
        driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, TeacherRosterScene)
    return driver


def group_of(game: Driver, name: str) -> str | None:
    (student,) = [s for s in teacher_of(game).students() if s.name == name]
    return student.group


def retype(game: Driver, text: str) -> None:
    scene = game.ctx.manager.top
    assert isinstance(scene, AskScene)
    for _ in range(len(scene.text)):
        game.key(pygame.K_BACKSPACE)
    game.type_text(text)
    game.key(pygame.K_RETURN)


def test_each_students_group_is_shown_on_their_row(game: Driver) -> None:
    blue = [b for b in game.scene.buttons.buttons if b.label == "Group: Blue"]
    green = [b for b in game.scene.buttons.buttons if b.label == "Group: Green"]
    assert len(blue) == 2 and len(green) == 2


def test_the_teacher_changes_a_students_group(game: Driver) -> None:
    game.click("Group: Blue")  # the first Blue row in name order: Mia
    retype(game, "Red")
    assert group_of(game, "Mia") == "Red"
    assert game.button("Group: Red")


def test_an_empty_group_takes_the_student_out_of_any_group(game: Driver) -> None:
    game.click("Group: Blue")
    retype(game, "")
    assert group_of(game, "Mia") is None
    game.click("+ Group")
    retype(game, "Yellow")
    assert group_of(game, "Mia") == "Yellow"


def test_a_group_name_too_long_is_refused_and_nothing_changes(game: Driver) -> None:
    game.click("Group: Blue")
    retype(game, "x" * (MAX_GROUP + 1))
    assert group_of(game, "Mia") == "Blue"
