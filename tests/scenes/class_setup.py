"""A small class on disk for the classroom screens' tests: students, groups, waiting actions."""

from __future__ import annotations

import datetime as dt
import random

from game.core import economy, reveals
from game.core.classroom import ClassSettings
from game.saves.teacher_mode import TeacherMode, log_for_class
from tests.scenes.driver import NOW, Driver

PIN = "2468"
STUDENTS = (("Mia", "Blue"), ("Noah", "Blue"), ("Aiyana", "Green"), ("Chen Wei", "Green"))


def teacher_of(driver: Driver, at: dt.datetime = NOW) -> TeacherMode:
    """The class of the driver's saves folder (a PIN hashed cheaply, for speed)."""
    return TeacherMode(driver.ctx.store, driver.ctx.content, clock=lambda: at, pin_iterations=1000)


def make_class(
    driver: Driver, *, approval: bool = False, waiting: int = 0, at: dt.datetime = NOW
) -> TeacherMode:
    """The students of STUDENTS; with ``waiting``, each logs that many actions to approve (on
    the day of ``at``)."""
    teacher = teacher_of(driver, at)
    teacher.save_settings(ClassSettings(approval=approval or bool(waiting)))
    actions = list(driver.ctx.content.actions.values())
    for n, (name, group) in enumerate(STUDENTS):
        student = teacher.add_student(name, group)
        if not waiting:
            continue
        save = driver.ctx.store.open(student.profile_id, at)
        try:
            for i in range(waiting):
                action = actions[(n + i) % len(actions)]
                day = at.date() - dt.timedelta(days=i % 2)
                log_for_class(save, teacher.klass, action, 1, day=day, now=at)
        finally:
            save.close()
    return teacher


def add_history(driver: Driver, teacher: TeacherMode, *, days: int, cards: int) -> None:
    """Each student logs every action for ``days`` days before NOW, then reveals ``cards``
    cards from each edition it can afford (the class's energy and album grow)."""
    content = driver.ctx.content
    rng = random.Random(3)
    for student in teacher.students():
        save = driver.ctx.store.open(student.profile_id, NOW)
        try:
            for back in range(days, 0, -1):
                at = NOW - dt.timedelta(days=back)
                for action in content.actions.values():
                    if economy.preview(save.state, action, 3, at.date()) > 0:
                        save.record(
                            economy.log_action(save.state, action, 3, day=at.date(), now=at)
                        )
            for edition in content.editions:
                for _ in range(cards):
                    try:
                        save.record(reveals.reveal(save.state, content, edition, rng, NOW))
                    except economy.RuleError:
                        break
        finally:
            save.close()
