"""Everything teacher mode does, in one place for the screens to call.

A teacher-mode screen builds one :class:`TeacherMode` for the saves folder and calls it in its
explicit actions (a button press), never in a drawing or lifecycle hook. Every method either
does the whole thing or raises with a message a teacher can read: SaveError (and its
ProfileBusy, when the student is playing on this or another PC), RosterError, RuleError.

A change to one student's ledger (approving an action, a bonus) opens that student's profile,
so it waits until the student has stopped playing; :meth:`grant_bonus` to a group reports who
was busy instead of stopping there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from game.core import economy
from game.core.class_settings import settings_problem
from game.core.class_totals import ClassTotals
from game.core.classroom import (
    ClassSettings,
    Student,
    grant_teacher_bonus,
    record_action,
)
from game.core.content import Content
from game.core.economy import RuleError, Rules
from game.core.ledger import LedgerEntry, PlayerState
from game.core.messages import Message
from game.core.models import Action
from game.core.quiz_answer import Answer
from game.saves.class_data import (
    apply_class_retention,
    read_class,
    read_entries,
    save_answers,
)
from game.saves.classroom import ClassStore
from game.saves.lock import ProfileBusy
from game.saves.player import PlayerSave
from game.saves.profiles import SaveStore
from game.saves.teacher import ITERATIONS, TeacherPin


@dataclass(frozen=True)
class Waiting:
    """One action in the approval queue."""

    student: Student
    entry: LedgerEntry  # the pending entry (its action, quantity and day)
    action: Action | None  # None when the decks no longer have it (decline it)


class TeacherMode:
    def __init__(
        self,
        store: SaveStore,
        content: Content,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        pin_iterations: int = ITERATIONS,
    ) -> None:
        self.klass = ClassStore(store)
        self.content = content
        self.clock = clock
        self.pin = TeacherPin(self.klass.folder, iterations=pin_iterations)

    # -- the PIN -------------------------------------------------------------------------

    def pin_is_set(self) -> bool:
        return self.pin.is_set()

    def set_first_pin(self, pin: str) -> None:
        self.pin.set_first(pin)

    def unlock(self, pin: str) -> bool:
        """Whether ``pin`` opens teacher mode; PinWait while wrong attempts are slowed down."""
        return self.pin.check(pin, self.clock())

    def wait_seconds(self) -> int:
        return self.pin.wait(self.clock())

    # -- the roster ----------------------------------------------------------------------

    def students(self, *, archived: bool = True) -> list[Student]:
        return self.klass.students(archived=archived)

    def add_student(self, name: str, group: str | None = None) -> Student:
        return self.klass.add_student(name, self.clock(), group)

    def rename_student(self, profile_id: str, name: str) -> Student:
        return self.klass.rename_student(profile_id, name, self.clock())

    def set_group(self, profile_id: str, group: str | None) -> None:
        self.klass.set_group(profile_id, group)

    def set_archived(self, profile_id: str, archived: bool) -> None:
        self.klass.set_archived(profile_id, archived)

    def import_roster(self, path: Path) -> list[Student]:
        return self.klass.import_roster(path, self.clock())

    def reset_student(self, profile_id: str) -> Student:
        return self.klass.reset_student(profile_id, self.clock())

    def delete_student(self, profile_id: str) -> None:
        self.klass.delete_student(profile_id)

    def delete_all(self) -> None:
        self.klass.delete_all()

    # -- class rules ---------------------------------------------------------------------

    def settings(self) -> ClassSettings:
        return self.klass.settings()

    def save_settings(self, settings: ClassSettings) -> None:
        """Save the class's settings; RuleError when they do not fit the decks (a cap out of
        its bounds)."""
        problem = settings_problem(self.content, settings)
        if problem is not None:
            raise RuleError(problem)
        self.klass.save_settings(settings, self.clock())

    def rules(self) -> Rules:
        """The economy's rules for this class: pass them to log, undo, approve and verify."""
        return self.settings().rules()

    def delete_old_entries(self, months: int) -> dict[str, int]:
        """Data retention now; students playing right now are left for the next time."""
        return apply_class_retention(self.klass.store, months, self.clock().date())

    # -- the approval queue and bonuses ------------------------------------------------

    def queue(self) -> list[Waiting]:
        """Every action waiting for approval, by student name, then oldest first."""
        found = []
        for student in self.students():
            state = PlayerState.from_entries(read_entries(self.klass.store, student.profile_id))
            for entry in sorted(state.pending.values(), key=lambda e: e.seq):
                action = self.content.actions.get(entry.action_id or "")
                found.append(Waiting(student, entry, action))
        return found

    def _change(
        self, profile_id: str, make: Callable[[PlayerSave, dt.datetime], LedgerEntry]
    ) -> LedgerEntry:
        now = self.clock()
        save = self.klass.store.open(profile_id, now)
        try:
            entry = make(save, now)
            save.record(entry)
            return entry
        finally:
            save.close()

    def approve(self, profile_id: str, pending_seq: int) -> LedgerEntry:
        """Approve a waiting action (RuleError when its day's caps are already used up)."""

        def make(save: PlayerSave, now: dt.datetime) -> LedgerEntry:
            pending = save.state.pending.get(pending_seq)
            action = self.content.actions.get(pending.action_id or "") if pending else None
            if action is None:
                raise RuleError(Message("That action is not waiting for approval."))
            return economy.approve(save.state, action, pending_seq, now, self.rules())

        return self._change(profile_id, make)

    def decline(self, profile_id: str, pending_seq: int) -> LedgerEntry:
        return self._change(
            profile_id, lambda save, now: economy.decline(save.state, pending_seq, now)
        )

    def grant_bonus(
        self, profile_ids: Iterable[str], amount_g: int, reason: str
    ) -> tuple[list[str], list[str]]:
        """Bonus energy with a reason to each student; (granted, busy) profile ids."""
        granted, busy = [], []
        for profile_id in profile_ids:
            try:
                self._change(
                    profile_id,
                    lambda save, now: grant_teacher_bonus(save.state, amount_g, reason, now),
                )
            except ProfileBusy:
                busy.append(profile_id)
            else:
                granted.append(profile_id)
        return granted, busy

    # -- the class screen and the report ------------------------------------------------

    def class_totals(self) -> ClassTotals:
        return read_class(self.klass, self.content, self.clock())


# -- the child's side, under the class's rules -----------------------------------------------


def log_for_class(
    save: PlayerSave,
    klass: ClassStore,
    action: Action,
    quantity: float,
    *,
    day: dt.date,
    now: dt.datetime,
) -> LedgerEntry:
    """Log a child's action under the class's settings (pending when the approval queue is on)
    and save it. RuleError with words for the child, SaveError when it cannot be saved."""
    entry = record_action(save.state, action, quantity, day=day, now=now, settings=klass.settings())
    save.record(entry)
    return entry


def record_quiz(store: SaveStore, save: PlayerSave, answers: list[Answer]) -> None:
    """Save a finished quiz's answers for the report (call it while ``save`` is open)."""
    save_answers(store, save.folder.name, answers)
