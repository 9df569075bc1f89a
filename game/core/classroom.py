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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from game.core.content import Content
from game.core.economy import RuleError, Rules, grant_bonus, log_action, log_pending
from game.core.ledger import CARRIED, LedgerEntry, PlayerState
from game.core.messages import N_, Message
from game.core.models import Action, Edition
from game.core.progress import STREAK_MILESTONES, streak_bonus_problem

MAX_STUDENT_NAME = 24  # game.saves.meta.MAX_NAME: first names or nicknames only
MAX_GROUP = 24
MAX_ROSTER = 200
TEACHER_BONUS_MAX_G = 5000  # one teacher's bonus at most (a typo guard)
MAX_GOAL_NAME = 40
# A class's daily cap for an action stays between a tenth of the deck's cap and twice it: a
# teacher may slow an action down or favour it for a while, never switch the pace rules off
# (the day's total still limits every day). Hand-edited settings are held to an absolute bound.
CAP_SHARE_LOW, CAP_SHARE_HIGH = 0.1, 2.0
MAX_CAP_G = 20_000
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


@dataclass(frozen=True)
class ClassSettings:
    """What the teacher sets for the class (all optional: the defaults are the game's own)."""

    approval: bool = False  # self-reported actions count only once approved
    allowed_actions: frozenset[str] | None = None  # None: every action of the decks
    caps: Mapping[str, int] = field(default_factory=dict)  # daily cap (g) by action id
    backdate_days: int = 1
    editions_off: frozenset[str] = frozenset()
    retention_months: int | None = None  # delete ledger entries older than this
    goal_g: int = 500_000  # the class goal in grams CO2e (500 kg)
    goal_name: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "approval": self.approval,
            "allowed_actions": None
            if self.allowed_actions is None
            else sorted(self.allowed_actions),
            "caps": dict(sorted(self.caps.items())),
            "backdate_days": self.backdate_days,
            "editions_off": sorted(self.editions_off),
            "retention_months": self.retention_months,
            "goal_g": self.goal_g,
            "goal_name": self.goal_name,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClassSettings:
        """Raises ValueError, TypeError or KeyError for settings that are not valid."""
        allowed = data.get("allowed_actions")
        settings = cls(
            approval=bool(data.get("approval", False)),
            allowed_actions=None if allowed is None else frozenset(str(a) for a in allowed),
            caps={str(k): int(v) for k, v in dict(data.get("caps", {})).items()},
            backdate_days=int(data.get("backdate_days", 1)),
            editions_off=frozenset(str(e) for e in data.get("editions_off", [])),
            retention_months=None
            if data.get("retention_months") is None
            else int(data["retention_months"]),
            goal_g=int(data.get("goal_g", 500_000)),
            goal_name=str(data.get("goal_name", "")),
        )
        settings.check()
        return settings

    def check(self) -> None:
        if not 0 <= self.backdate_days <= 14:
            raise ValueError("backdate_days must be between 0 and 14")
        if any(not 0 < cap <= MAX_CAP_G for cap in self.caps.values()):
            raise ValueError(f"a daily cap must be between 1 and {MAX_CAP_G} g")
        if len(self.goal_name) > MAX_GOAL_NAME or any(
            not ch.isprintable() for ch in self.goal_name
        ):
            raise ValueError(
                f"the goal's name must be at most {MAX_GOAL_NAME} printable characters"
            )
        if self.retention_months is not None and self.retention_months < 1:
            raise ValueError("retention_months must be 1 or more")
        if self.goal_g <= 0:
            raise ValueError("the class goal must be more than zero")

    def changed(self, **values: Any) -> ClassSettings:
        settings = replace(self, **values)
        settings.check()
        return settings

    def rules(self, base: Rules | None = None) -> Rules:
        """The economy's rules for this class (what log_action, approve and verify take)."""
        return replace(
            base or Rules(),
            backdate_days=self.backdate_days,
            allowed=self.allowed_actions,
            caps=dict(self.caps) or None,
        )

    def edition_on(self, edition_id: str) -> bool:
        return edition_id not in self.editions_off

    def cap_of(self, action: Action) -> int:
        """The action's daily cap in this class (the deck's unless the teacher changed it)."""
        return self.rules().cap_of(action)

    def with_cap(self, action: Action, cap_g: int) -> ClassSettings:
        """These settings with ``action`` capped at ``cap_g`` a day; RuleError outside
        :func:`cap_bounds`. Back at the deck's own cap, the class keeps no cap of its own."""
        low, high = cap_bounds(action)
        if not low <= cap_g <= high:
            raise RuleError(
                Message(
                    "A daily limit for this action is between {low} g and {high} g.",
                    low=low,
                    high=high,
                )
            )
        caps = {k: v for k, v in self.caps.items() if k != action.id}
        if cap_g != action.daily_cap_g:
            caps[action.id] = cap_g
        return self.changed(caps=caps)

    def with_goal_name(self, name: str) -> ClassSettings:
        """These settings with the class goal called ``name`` (spaces tidied; RuleError when
        it is too long)."""
        text = " ".join(name.split())
        if len(text) > MAX_GOAL_NAME or any(not ch.isprintable() for ch in text):
            raise RuleError(
                Message("A goal's name is at most {count} letters.", count=MAX_GOAL_NAME)
            )
        return self.changed(goal_name=text)


def cap_bounds(action: Action) -> tuple[int, int]:
    """The lowest and highest daily cap a class may give ``action``."""
    deck = action.daily_cap_g
    return max(1, round(deck * CAP_SHARE_LOW)), max(1, round(deck * CAP_SHARE_HIGH))


def cap_step(action: Action) -> int:
    """How much one press of the rules page's − or + changes the action's cap."""
    return max(1, round(action.daily_cap_g * CAP_SHARE_LOW))


def settings_problem(content: Content, settings: ClassSettings) -> Message | None:
    """Why ``settings`` do not fit the decks (a cap out of its bounds), or None."""
    for action_id, cap in sorted(settings.caps.items()):
        action = content.actions.get(action_id)
        if action is None:
            continue  # an action gone from the decks: its cap no longer applies
        low, high = cap_bounds(action)
        if not low <= cap <= high:
            return Message(
                "The daily limit of {action} is {cap} g, but it must be between {low} g and "
                "{high} g.",
                action=action.name,
                cap=cap,
                low=low,
                high=high,
            )
    return None


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
