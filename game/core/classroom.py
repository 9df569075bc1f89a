"""A class's rules, in plain Python: the roster CSV, the teacher's settings, bonuses, data
retention and the class totals. Storage lives in :mod:`game.saves.classroom`.

Nothing here ranks one child against another: the class totals add everyone up, and the album
says which species *anyone* in the class has found.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, replace

from game.core.class_settings import ClassSettings as ClassSettings  # its home before
from game.core.content import Content
from game.core.economy import RuleError, grant_bonus, log_action, log_pending
from game.core.ledger import CARRIED, LedgerEntry, PlayerState
from game.core.messages import N_, Message
from game.core.models import Action, Edition
from game.core.progress import STREAK_MILESTONES, streak_bonus_problem

MAX_STUDENT_NAME = 24  # game.saves.meta.MAX_NAME: first names or nicknames only
MAX_GROUP = 24
MAX_ROSTER = 200
TEACHER_BONUS_MAX_G = 5000  # one teacher's bonus at most (a typo guard)
TEACHER = "teacher"
WAITING_FOR_TEACHER = N_("Waiting for your teacher")


class RosterError(ValueError):
    """A roster file refused as a whole; ``problems`` holds every ``FILE:LINE: message``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class RosterRow:
    name: str
    group: str | None
    line: int


def parse_roster_csv(data: bytes, file_name: str) -> list[RosterRow]:
    """The students of a roster CSV (header ``name``, optional ``group``; UTF-8, BOM or not).

    Raises :class:`RosterError` listing every problem: a file with any problem is refused whole.
    """
    problems: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RosterError([f"{file_name}:{line}: not UTF-8 text (save it as CSV UTF-8)"]) from exc
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise RosterError([f"{file_name}:1: not a CSV file ({exc})"]) from exc
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise RosterError([f"{file_name}:1: the first line must be the header: name,group"])
    header = [cell.strip().casefold() for cell in rows[0]]
    unknown = [h for h in header if h not in ("name", "group")]
    if "name" not in header:
        problems.append(f"{file_name}:1: the header has no 'name' column")
    if unknown:
        problems.append(f"{file_name}:1: unknown column(s) {', '.join(map(repr, unknown))}")
    if len(set(header)) != len(header):
        problems.append(f"{file_name}:1: a column appears twice")
    if problems:
        raise RosterError(problems)
    name_at, group_at = header.index("name"), header.index("group") if "group" in header else None
    found: list[RosterRow] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{file_name}:{number}"
        if len(row) > len(header):
            problems.append(f"{where}: {len(row)} values, but the header has {len(header)}")
            continue
        cells = row + [""] * (len(header) - len(row))
        name = " ".join(cells[name_at].split())
        group = " ".join(cells[group_at].split()) if group_at is not None else ""
        problem = name_problem(name) or (
            f"the group is longer than {MAX_GROUP} characters" if len(group) > MAX_GROUP else None
        )
        if problem is None and name.casefold() in seen:
            problem = f"{name!r} is already on line {seen[name.casefold()]}"
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        seen[name.casefold()] = number
        found.append(RosterRow(name, group or None, number))
    if not found and not problems:
        problems.append(f"{file_name}:2: the file lists no students")
    if len(found) > MAX_ROSTER:
        problems.append(f"{file_name}:1: more than {MAX_ROSTER} students")
    if problems:
        raise RosterError(problems)
    return found


def group_problem(group: str) -> Message | None:
    """Why ``group`` cannot be a student's group (None when it can; empty means no group)."""
    if len(group) > MAX_GROUP or any(not ch.isprintable() for ch in group):
        return Message("A group's name is at most {count} letters.", count=MAX_GROUP)
    return None


def name_problem(name: str) -> str | None:
    if not name:
        return "the name is empty"
    if len(name) > MAX_STUDENT_NAME:
        return f"the name is longer than {MAX_STUDENT_NAME} characters (first names only)"
    if any(not ch.isprintable() for ch in name):
        return "the name holds a control character"
    return None


@dataclass(frozen=True)
class Student:
    """One child on the roster; ``profile_id`` is their player profile (game.saves)."""

    profile_id: str
    name: str
    group: str | None = None
    archived: bool = False


def actions_for(content: Content, settings: ClassSettings) -> list[Action]:
    """The actions the class logs (the action list of the log screen), in deck order."""
    return [a for a in content.actions.values() if settings.rules().allows(a)]


def editions_for(content: Content, settings: ClassSettings) -> list[Edition]:
    """The editions the teacher has on (the editions a child may reveal cards from)."""
    return [e for e in content.editions.values() if settings.edition_on(e.id)]


def waiting(state: PlayerState) -> list[LedgerEntry]:
    """The child's actions waiting for the teacher, oldest first (shown with
    :data:`WAITING_FOR_TEACHER`); the approval queue lists them by student."""
    return sorted(state.pending.values(), key=lambda e: e.seq)


def record_action(
    state: PlayerState,
    action: Action,
    quantity: float,
    *,
    day: dt.date,
    now: dt.datetime,
    settings: ClassSettings,
) -> LedgerEntry:
    """Log a child's action under the class's settings: pending when the approval queue is on."""
    rules = settings.rules()
    if settings.approval:
        return log_pending(state, action, quantity, day=day, now=now, rules=rules)
    return log_action(state, action, quantity, day=day, now=now, rules=rules)


# -- bonuses -------------------------------------------------------------------------------


def grant_teacher_bonus(
    state: PlayerState, amount_g: int, reason: str, now: dt.datetime
) -> LedgerEntry:
    """The teacher's bonus energy with the reason the child sees (reason kind ``teacher``)."""
    text = " ".join(reason.split())
    if not text:
        raise RuleError(Message("A bonus needs a reason."))
    if not 0 < amount_g <= TEACHER_BONUS_MAX_G:
        raise RuleError(Message("A bonus is between 1 and {most} g.", most=TEACHER_BONUS_MAX_G))
    return grant_bonus(state, amount_g, f"{TEACHER}-{now:%Y%m%d%H%M%S%f}-{text}", now)


def teacher_reason(reason: str) -> str:
    """The words of a teacher's bonus reason (without its kind and time)."""
    parts = reason.split("-", 2)
    return parts[2] if len(parts) == 3 else reason


def teacher_bonus_problem(before: PlayerState, entry: LedgerEntry) -> str | None:
    parts = (entry.reason or "").split("-", 2)
    if len(parts) != 3 or not parts[2].strip():
        return "a teacher's bonus needs a reason"
    if not 0 < entry.amount_g <= TEACHER_BONUS_MAX_G:
        return f"a teacher's bonus is between 1 and {TEACHER_BONUS_MAX_G} g"
    return None


def carried_cutoff(state: PlayerState) -> dt.date | None:
    """The first day kept by the data retention that ran on this ledger (None if none ran)."""
    for reason in state.bonus_reasons:
        if reason.startswith(f"{CARRIED}-"):
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(reason[len(CARRIED) + 1 :])
    return None


def streak_bonus_after_retention(before: PlayerState, entry: LedgerEntry) -> str | None:
    """The streak rule, on a ledger whose older days retention may have deleted.

    Retention keeps the streak bonuses (so none is ever granted twice) but deletes the days
    that earned them: a bonus from before the cutoff stands for the deleted history, and one
    granted within a milestone's length after the cutoff may have been reached by a run that
    began before it. Anything else is checked by the streak rule itself."""
    problem = streak_bonus_problem(before, entry)
    cutoff = carried_cutoff(before)
    if problem is None or cutoff is None:
        return problem
    milestone = next((m for m in STREAK_MILESTONES if m.reason == entry.reason), None)
    if milestone is None or entry.amount_g != milestone.bonus_g:
        return problem
    if entry.day < cutoff + dt.timedelta(days=milestone.days):
        return None
    return problem


def carried_bonus_problem(before: PlayerState, entry: LedgerEntry) -> str | None:
    """The stand-in for deleted entries comes first, and carries a balance that is not negative."""
    if before.entries or before.set_aside:
        return "entries deleted by data retention are carried only at the start of the ledger"
    if entry.amount_g < 0 or (entry.quantity or 0) < 0:
        return "what retention carries over cannot be negative"
    return None


# -- data retention -------------------------------------------------------------------------


def retention_cutoff(today: dt.date, months: int) -> dt.date:
    """The first day whose entries are kept when entries older than ``months`` are deleted."""
    month = today.year * 12 + today.month - 1 - months
    year, month0 = divmod(month, 12)
    return dt.date(year, month0 + 1, 1)


def apply_retention(
    entries: Iterable[LedgerEntry], cutoff: dt.date
) -> tuple[list[LedgerEntry], int]:
    """The ledger with every entry written before ``cutoff`` deleted, and how many went.

    The cards found before the cutoff stay (the reveals are kept, as are the streak bonuses),
    and one ``carried`` bonus
    at the start stands for the deleted entries: their net energy and the CO2e they earned, so
    the balance and the totals stay what they were. Entries are numbered again from 1.
    """
    ordered = sorted(entries, key=lambda e: e.seq)
    # the reveals stay (the child's cards), and the streak bonuses, whose reasons say nothing
    # personal and keep a milestone from being rewarded twice
    old = [
        e
        for e in ordered
        if e.at.date() < cutoff
        and e.kind != "spent"
        and not (e.kind == "bonus" and (e.reason or "").startswith("streak-"))
    ]
    if not old or (len(old) == 1 and (old[0].reason or "").startswith(CARRIED)):
        return ordered, 0
    dropped = {e.seq for e in old}
    folded = PlayerState.from_entries(old)
    energy = sum(e.amount_g for e in old)
    day = cutoff - dt.timedelta(days=1)
    at = dt.datetime.combine(day, dt.time(23, 59))
    carried = LedgerEntry(
        seq=1,
        kind="bonus",
        amount_g=energy,
        at=at,
        day=day,
        reason=f"{CARRIED}-{cutoff.isoformat()}",
        quantity=folded.earned_total,
    )
    kept = [e for e in ordered if e.seq not in dropped]
    numbers = {e.seq: n for n, e in enumerate(kept, start=2)}
    renumbered = [carried]
    for e in kept:
        renumbered.append(
            replace(
                e,
                seq=numbers[e.seq],
                undoes=None if e.undoes is None else numbers.get(e.undoes, e.undoes),
                approves=None if e.approves is None else numbers.get(e.approves, e.approves),
            )
        )
    return renumbered, len(old)
