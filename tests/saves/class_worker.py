"""One PC of a class sharing a saves folder: adds its students, changes the roster and the
settings, logs actions for its own students, and prints what it did as JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from game.core.classroom import ClassSettings
from game.core.ledger import LedgerEntry
from game.saves.classroom import ClassStore
from game.saves.migrations import SaveError
from game.saves.profiles import SaveStore

NOW = dt.datetime(2026, 3, 2, 9, 0)


def main(saves: str, pc: int, students: int) -> None:
    klass = ClassStore(SaveStore(Path(saves)))
    earned = 0
    mine = []
    for n in range(students):
        student = klass.add_student(f"PC{pc} child {n}", NOW, group=f"g{pc}")
        mine.append(student.profile_id)
        klass.set_archived(student.profile_id, n % 2 == 1)
        save = klass.store.open(student.profile_id, NOW)
        for k in range(5):
            amount = 100 * (pc + 1) + k
            entry = LedgerEntry(
                seq=save.state.next_seq,
                kind="earned",
                amount_g=amount,
                at=NOW + dt.timedelta(minutes=k),
                day=NOW.date(),
                action_id="bike",
                quantity=1.0,
            )
            save.state.apply(entry)
            save.record(entry)
            earned += amount
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
