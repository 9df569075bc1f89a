"""The quiz screen, from Home, answered with real events."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core import economy, reveals
from game.core.quiz import QUIZ_DAILY_MAX, QUIZ_POINT_G
from game.saves.class_data import load_answers
from game.scenes.home import HomeScene
from game.scenes.quiz import QuizScene
from tests.scenes.driver import NOW, Driver


@pytest.fixture
def game(tmp_path: Path) -> Driver:
    """A player with a few cards, on their home screen."""
    driver = Driver(tmp_path)
    driver.new_player("Mia")
    ctx = driver.ctx
    ctx.record(economy.grant_bonus(ctx.state, 5000, "test", NOW))
    for edition in ctx.content.editions:
        for _ in range(2):
            ctx.record(reveals.reveal(ctx.state, ctx.content, edition, ctx.rng, NOW))
    for entry in list(ctx.views.unshown(ctx.state)):
        ctx.views.mark_shown(entry)
    driver.frames(2)
    return driver


def open_quiz(game: Driver) -> QuizScene:
    game.click("Quiz")
    scene = game.scene
    assert isinstance(scene, QuizScene)
    return scene


def test_questions_are_about_the_players_own_cards(game: Driver) -> None:
    scene = open_quiz(game)
    assert scene.questions
    assert {q.species_id for q in scene.questions} <= set(game.ctx.state.owned)


def test_a_right_answer_earns_a_bonus_and_is_explained(game: Driver) -> None:
    scene = open_quiz(game)
    before = game.ctx.state.balance
    question = scene.question
    game.wait()
    game.click_at(scene.choice_rect(question.answer).center)
    assert scene.chosen == question.answer and scene.right == 1
    assert game.ctx.state.balance == before + QUIZ_POINT_G
    assert game.button("Next question").enabled or game.button("See how I did").enabled
    (answer,) = load_answers(game.ctx.store, game.ctx.save.meta.id)
    assert answer.correct and answer.species_id == question.species_id


def test_a_wrong_answer_earns_nothing_and_shows_the_right_one(game: Driver) -> None:
    scene = open_quiz(game)
    before = game.ctx.state.balance
    question = scene.question
    wrong = next(i for i in range(len(question.choices)) if i != question.answer)
    game.wait()
    game.key(pygame.K_1 + wrong)  # the number keys choose too
    assert scene.chosen == wrong and scene.right == 0
    assert game.ctx.state.balance == before
    assert not [b for b in scene.buttons.buttons if b.label == ""]  # no second choice
    (answer,) = load_answers(game.ctx.store, game.ctx.save.meta.id)
    assert not answer.correct


def test_bonuses_stop_at_the_daily_cap(game: Driver) -> None:
    before = game.ctx.state.balance
    for _ in range(3):
        scene = open_quiz(game)
        while not scene.finished:
            game.wait()
            game.click_at(scene.choice_rect(scene.question.answer).center)
            game.key(pygame.K_RETURN)
        game.click("Done")
        assert isinstance(game.scene, HomeScene)
    right = len(load_answers(game.ctx.store, game.ctx.save.meta.id))
    assert right > QUIZ_DAILY_MAX
    assert game.ctx.state.balance == before + QUIZ_DAILY_MAX * QUIZ_POINT_G


def test_no_quiz_before_the_first_card(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Quiz")
    assert isinstance(game.scene, HomeScene)
    assert game.ctx.toasts
