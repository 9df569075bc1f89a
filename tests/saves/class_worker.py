"""One PC of a class sharing a saves folder: adds its students, changes the roster and the
settings, logs actions for its own students, and prints what it did as JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from game.core.classroom import ClassSettings
from game.core.content import load_content
from game.core.economy import log_action
from game.saves.classroom import ClassStore
from game.saves.migrations import SaveError
from game.saves.profiles import SaveStore

NOW = dt.datetime(2026, 3, 2, 9, 0)
TESTS = Path(__file__).resolve().parent.parent


def main(saves: str, pc: int, students: int) -> None:
    klass = ClassStore(SaveStore(Path(saves)))
    content = load_content(TESTS / "fixtures" / "mini", TESTS.parent / "assets", today=NOW.date())
    bike = content.actions["cycle-instead-of-car"]
    earned = 0
    mine = []
    for n in range(students):
        student = klass.add_student(f"PC{pc} child {n}", NOW, group=f"g{pc}")
        mine.append(student.profile_id)
        klass.set_archived(student.profile_id, n % 2 == 1)
        save = klass.store.open(student.profile_id, NOW)
        for k in range(5):  # actions the rules accept: the class totals count only those
            at = NOW + dt.timedelta(minutes=k)
            entry = log_action(save.state, bike, 0.1 * (pc + 1), day=NOW.date(), now=at)
            save.record(entry)
            earned += entry.amount_g
        save.close()
    try:
        klass.add_student("Everyone wants this name", NOW)
        won = True
    except SaveError:
        won = False
    klass.save_settings(ClassSettings(goal_g=1000 * (pc + 1)))
    print(json.dumps({"earned": earned, "mine": mine, "won": won}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
