"""Take the classroom screens' screenshots headless, with the test Driver and a made-up class.

    PYTHONPATH=. python -m tests.scenes.screenshots_classroom docs/screenshots

writes teacher-mode-{en,zh}.png (the approval queue), teacher-rules-{en,zh}.png (the class rules:
an action off, a daily limit changed, the goal named), teacher-roster-{en,zh}.png (the students
with their groups, one in none, one archived), class-screen-{en,zh}.png and quiz-{en,zh}.png (a
question answered, with the card's explanation).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.core import economy, reveals
from game.core.class_settings import ClassSettings, cap_step
from game.scenes.quiz import QuizScene
from tests.scenes.class_setup import PIN, add_history, make_class
from tests.scenes.driver import NOW, Driver

LANGS = {"en": "en", "zh-Hans": "zh"}


def save(driver: Driver, path: Path) -> None:
    driver.wait(5)  # the toasts have gone
    driver.frames(30)  # every card drawn
    pygame.image.save(driver.app.screen, str(path))
    print(path)


def into_teacher_mode(driver: Driver) -> None:
    driver.click(driver.ctx.tr("Teacher"))
    for _ in range(2):
        driver.type_text(PIN)
        driver.key(pygame.K_RETURN)


def teacher_mode(lang: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as saves:
        driver = Driver(Path(saves), lang=lang)
        make_class(driver, waiting=2)
        into_teacher_mode(driver)
        driver.click(driver.ctx.tr("Waiting"))
        save(driver, out / f"teacher-mode-{LANGS[lang]}.png")


GOAL_NAMES = {"en": "Class 4B's forest", "zh-Hans": "四年级二班的森林"}  # as a teacher types it


def teacher_rules(lang: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as saves:
        driver = Driver(Path(saves), lang=lang)
        teacher = make_class(driver)
        actions = list(driver.ctx.content.actions.values())
        settings = ClassSettings(
            approval=True,
            backdate_days=2,
            goal_g=250_000,
            allowed_actions=frozenset(a.id for a in actions[1:]),
        ).with_goal_name(GOAL_NAMES[lang])
        settings = settings.with_cap(actions[0], actions[0].daily_cap_g // 2)
        settings = settings.with_cap(actions[3], actions[3].daily_cap_g - cap_step(actions[3]))
        teacher.save_settings(settings)
        into_teacher_mode(driver)
        driver.click(driver.ctx.tr("Class rules"))
        save(driver, out / f"teacher-rules-{LANGS[lang]}.png")


def teacher_roster(lang: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as saves:
        driver = Driver(Path(saves), lang=lang)
        teacher = make_class(driver)
        teacher.add_student("Léa")
        (ravi,) = [teacher.add_student("Ravi", "Green")]
        teacher.set_archived(ravi.profile_id, True)
        into_teacher_mode(driver)
        save(driver, out / f"teacher-roster-{LANGS[lang]}.png")


def class_screen(lang: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as saves:
        driver = Driver(Path(saves), lang=lang)
        teacher = make_class(driver)
        add_history(driver, teacher, days=8, cards=4)
        teacher.save_settings(ClassSettings(goal_g=40_000))
        driver.click(driver.ctx.tr("Class"))
        save(driver, out / f"class-screen-{LANGS[lang]}.png")


def quiz(lang: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as saves:
        driver = Driver(Path(saves), lang=lang)
        ctx = driver.ctx
        driver.click(ctx.tr("Create a player"))
        driver.type_text("Mia")
        driver.key(pygame.K_RETURN)
        ctx.record(economy.grant_bonus(ctx.state, 5000, "screenshot", NOW))
        for edition in ctx.content.editions:
            for _ in range(3):
                ctx.record(reveals.reveal(ctx.state, ctx.content, edition, ctx.rng, NOW))
        for entry in list(ctx.views.unshown(ctx.state)):
            ctx.views.mark_shown(entry)
        driver.click(ctx.tr("Quiz"))
        scene = driver.scene
        assert isinstance(scene, QuizScene)
        question = scene.question
        wrong = next(i for i in range(len(question.choices)) if i != question.answer)
        driver.wait(1)
        driver.click_at(scene.choice_rect(wrong).center)
        save(driver, out / f"quiz-{LANGS[lang]}.png")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        teacher_mode(lang, out)
        teacher_rules(lang, out)
        teacher_roster(lang, out)
        class_screen(lang, out)
        quiz(lang, out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
