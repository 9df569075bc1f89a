"""A made-up class with a school year of history, for the benchmark, the tests and the
screenshots: every entry is written by the rules themselves (actions within the caps, reveals
drawn with the real odds, quiz bonuses), so the ledgers pass verification.

Usage::

    python tools/class_fixture.py --saves DIR [--students 30] [--entries 55000] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from game.config import Config
from game.core import reveals
from game.core.classroom import grant_teacher_bonus
from game.core.content import Content, load_content
from game.core.economy import RuleError, log_action
from game.core.ledger import LedgerEntry, PlayerState
from game.core.quiz import Question, reward
from game.core.quiz_answer import Answer
from game.saves.class_data import save_answers
from game.saves.classroom import ClassStore
from game.saves.ledger_files import write_ledger
from game.saves.profiles import SaveStore

FIRST_NAMES = (
    "Mia", "Noah", "Léa", "Omar", "Ava", "Liam", "Zoé", "Ethan", "Chloé", "Yusuf", "Emma",
    "Lucas", "Aisha", "Hugo", "Lina", "Adam", "Sofia", "Nathan", "Inès", "Leo", "Maya", "Sami",
    "Jade", "Tom", "Nora", "Eli", "Rosa", "Ivan", "小明", "小红",
)  # fmt: skip
SCHOOL_YEAR_START = dt.datetime(2025, 9, 1, 8, 0)
SCHOOL_DAYS = 300


def year_of_play(
    content: Content, count: int, rng: random.Random, *, start: dt.datetime = SCHOOL_YEAR_START
) -> tuple[list[LedgerEntry], list[Answer]]:
    """About ``count`` entries of one child over a school year, and their quiz answers."""
    state = PlayerState()
    actions = sorted(content.actions.values(), key=lambda a: a.id)
    editions = sorted(content.editions)
    answers: list[Answer] = []
    i = 0
    for day in range(SCHOOL_DAYS):
        when = start + dt.timedelta(days=day)
        today = count * (day + 1) // SCHOOL_DAYS - count * day // SCHOOL_DAYS
        for n in range(today):
            at = when + dt.timedelta(minutes=7 * n)
            i += 1
            if i % 9 == 8:
                open_editions = [e for e in editions if reveals.candidates(content, e, state)]
                affordable = [
                    e for e in open_editions if content.editions[e].reveal_cost <= state.balance
                ]
                if affordable:
                    reveals.reveal(state, content, rng.choice(affordable), rng, at)
                    continue
            if i % 15 == 14 and state.owned:
                species = rng.choice(sorted(state.owned))
                question = Question("scientific", species, "?", ("a", "b"), 0, "")
                choice = 0 if rng.random() < 0.7 else 1
                reward(state, question, choice, at)
                answers.append(Answer(at, species, "scientific", choice == 0))
                continue
            try:
                log_action(state, rng.choice(actions), rng.choice((1, 2, 3)), day=at.date(), now=at)
            except RuleError:
                grant_teacher_bonus(state, 20, f"helped in class {day}-{n}", at)
    return state.entries, answers


def build_class(
    saves: Path, content: Content, *, students: int = 30, entries: int = 55_000, seed: int = 1
) -> ClassStore:
    """A saves folder holding a class of ``students`` with ``entries`` ledger entries in all."""
    klass = ClassStore(SaveStore(saves))
    rng = random.Random(seed)
    created = dt.datetime(2025, 8, 30, 9, 0)
    for number in range(students):
        name = FIRST_NAMES[number % len(FIRST_NAMES)]
        if number >= len(FIRST_NAMES):
            name = f"{name} {number // len(FIRST_NAMES) + 1}"
        student = klass.add_student(name, created, group=("Blue", "Green", "Red")[number % 3])
        ledger, answers = year_of_play(content, entries // students, rng)
        write_ledger(klass.store.folder(student.profile_id), ledger)
        save_answers(klass.store, student.profile_id, answers)
    return klass


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--saves", type=Path, required=True)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--entries", type=int, default=55_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    config = Config()
    content = load_content(config.data_dir, config.assets_dir)
    build_class(args.saves, content, students=args.students, entries=args.entries, seed=args.seed)
    print(f"wrote a class of {args.students} to {args.saves}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
