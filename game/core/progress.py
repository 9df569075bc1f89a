"""Progress that only ever grows: edition and group badges, collection levels and day streaks.

Everything here is folded from the ledger, so it needs no saved state of its own and cannot
drift from it. Nothing is ever taken away: a badge stays once its cards are owned (cards are
never lost), and a missed day ends the current streak but keeps the best streak, every streak
badge and every bonus already granted. Streak bonuses are ledger entries with a reason, granted
at most once each (:func:`grant_streak_bonuses` is idempotent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from game.core.content import Content
from game.core.economy import grant_bonus_once
from game.core.ledger import RULES_VERSION, LedgerEntry, PlayerState
from game.core.messages import N_, Message
from game.core.models import Species
from game.core.vocab import GROUPS

BadgeKind = Literal["edition", "group", "streak"]
MIN_GROUP_SIZE = 2  # a "collect every shark" badge needs at least two sharks


@dataclass(frozen=True)
class Level:
    id: str
    name: str  # English, translated where it is shown
    species: int  # how many species (any edition) reach this level


# The collection ladder, like Seek's Tadpole -> Explorer: from a seed to an old-growth forest.
LEVELS: tuple[Level, ...] = (
    Level("seed", N_("Seed"), 0),
    Level("sprout", N_("Sprout"), 1),
    Level("seedling", N_("Seedling"), 5),
    Level("sapling", N_("Sapling"), 10),
    Level("young-tree", N_("Young tree"), 20),
    Level("tree", N_("Tall tree"), 35),
    Level("grove", N_("Grove"), 50),
    Level("forest", N_("Forest"), 75),
    Level("old-growth", N_("Old-growth forest"), 100),
)


@dataclass(frozen=True)
class Milestone:
    days: int  # consecutive days with at least one logged action
    bonus_g: int

    @property
    def reason(self) -> str:
        """The bonus reason stored in the ledger (permanent: it is how a grant is remembered)."""
        return f"streak-{self.days}"

    @property
    def name(self) -> Message:
        return Message("{days}-day streak", days=self.days)


# A small bonus, once each; 10 g per day of the streak, well under one day's walking cap.
STREAK_MILESTONES: tuple[Milestone, ...] = (
    Milestone(3, 30),
    Milestone(7, 70),
    Milestone(14, 140),
    Milestone(30, 300),
    Milestone(60, 600),
    Milestone(100, 1000),
)


@dataclass(frozen=True)
class LevelProgress:
    level: Level
    next: Level | None  # None at the top of the ladder
    owned: int

    @property
    def to_next(self) -> int:
        """Species still needed for the next level (0 at the top)."""
        return max(0, self.next.species - self.owned) if self.next else 0


@dataclass(frozen=True)
class Badge:
    kind: BadgeKind
    id: str  # "edition:ocean", "group:shark", "streak:7"
    name: Message  # shown through tr
    have: int  # progress towards it: species owned, or best streak in days
    need: int
    earned_on: dt.date | None  # None while not earned

    @property
    def earned(self) -> bool:
        return self.earned_on is not None


@dataclass(frozen=True)
class Streak:
    current: int  # days in a row up to today, or up to yesterday while today is still open
    best: int  # longest run ever: never goes down
    active_days: int  # days with at least one action, ever
    last_active: dt.date | None


@dataclass(frozen=True)
class Progress:
    level: LevelProgress
    editions: list[Badge]
    groups: list[Badge]
    streak: Streak
    streak_badges: list[Badge]

    @property
    def earned_badges(self) -> list[Badge]:
        badges = [*self.editions, *self.groups, *self.streak_badges]
        return sorted((b for b in badges if b.earned), key=lambda b: (b.earned_on, b.id))


# --- levels ---------------------------------------------------------------------------------


def collection_level(owned: int) -> LevelProgress:
    """The level for ``owned`` species in all, and the next one up."""
    current, following = LEVELS[0], None
    for i, level in enumerate(LEVELS):
        if owned >= level.species:
            current = level
            following = LEVELS[i + 1] if i + 1 < len(LEVELS) else None
    return LevelProgress(current, following, owned)


# --- badges ---------------------------------------------------------------------------------


def _badge(
    kind: BadgeKind,
    ident: str,
    name: Message,
    members: tuple[Species, ...],
    state: PlayerState,
) -> Badge:
    days = [state.owned[s.id].day for s in members if s.id in state.owned]
    complete = bool(members) and len(days) == len(members)
    return Badge(
        kind, f"{kind}:{ident}", name, len(days), len(members), max(days) if complete else None
    )


def edition_badges(content: Content, state: PlayerState) -> list[Badge]:
    """One badge per edition that has cards, earned by owning all of them."""
    badges = []
    for edition in content.editions.values():
        members = content.species_in(edition.id)
        if not members:
            continue
        name = Message("{edition}: complete", edition=edition.title)
        badges.append(_badge("edition", edition.id, name, members, state))
    return badges


def groups_in(content: Content) -> dict[str, tuple[Species, ...]]:
    """Species by taxon group, across editions, for the groups that can have a badge."""
    grouped: dict[str, list[Species]] = {}
    for sp in content.species.values():
        grouped.setdefault(sp.group, []).append(sp)
    return {
        g: tuple(members)
        for g, members in sorted(grouped.items())
        if len(members) >= MIN_GROUP_SIZE
    }


def group_badges(content: Content, state: PlayerState) -> list[Badge]:
    """One badge per group with two species or more: every shark, every primate..."""
    badges = []
    for group, members in groups_in(content).items():
        name = Message("{group}: every one", group=Message(GROUPS.get(group, group)))
        badges.append(_badge("group", group, name, members, state))
    return badges


# --- streaks --------------------------------------------------------------------------------


def active_days(state: PlayerState, *, own_day_only: bool = True) -> set[dt.date]:
    """Days with at least one action logged on that very day and not undone.

    Back-dated entries earn energy but build no streak: a streak is days the child came back,
    so logging yesterday today cannot complete a week in one sitting. (``own_day_only=False``
    is the rule before that, for checking bonuses granted under it.)
    """
    return {
        e.day
        for e in state.entries
        if e.kind == "earned"
        and e.seq not in state.undone
        and (e.at.date() == e.day or not own_day_only)
    }


def _runs(days: set[dt.date]) -> list[tuple[dt.date, int]]:
    """Runs of consecutive days as (last day, length)."""
    runs: list[tuple[dt.date, int]] = []
    for day in sorted(days):
        if runs and runs[-1][0] + dt.timedelta(days=1) == day:
            runs[-1] = (day, runs[-1][1] + 1)
        else:
            runs.append((day, 1))
    return runs


def streak(state: PlayerState, today: dt.date) -> Streak:
    days = active_days(state)
    runs = _runs(days)
    current = 0
    yesterday = today - dt.timedelta(days=1)
    for last, length in runs:
        if last in (today, yesterday):  # today not logged yet keeps yesterday's run alive
            current = length
    return Streak(
        current=current,
        best=max((n for _, n in runs), default=0),
        active_days=len(days),
        last_active=max(days, default=None),
    )


def _best(state: PlayerState) -> int:
    return max((n for _, n in _runs(active_days(state))), default=0)


def _milestone_days(state: PlayerState, *, own_day_only: bool = True) -> dict[int, dt.date]:
    """For each milestone, the day a run first reached it."""
    reached: dict[int, dt.date] = {}
    for last, length in _runs(active_days(state, own_day_only=own_day_only)):
        for m in STREAK_MILESTONES:
            if length >= m.days:
                day = last - dt.timedelta(days=length - m.days)
                reached[m.days] = min(reached.get(m.days, day), day)
    return reached


def streak_badges(state: PlayerState) -> list[Badge]:
    """A badge per milestone; one reached stays earned whatever happens to the streak later."""
    best = _best(state)
    reached = _milestone_days(state)
    granted = state.bonus_reasons
    badges = []
    for m in STREAK_MILESTONES:
        # A milestone whose bonus is in the ledger stays earned even if an undo shortened the run.
        on = reached.get(m.days)
        if on is None and m.reason in granted:
            on = next(e.day for e in state.entries if e.kind == "bonus" and e.reason == m.reason)
        badges.append(Badge("streak", f"streak:{m.days}", m.name, min(best, m.days), m.days, on))
    return badges


def milestones_due(state: PlayerState) -> list[Milestone]:
    """Milestones the best streak has reached whose bonus is not in the ledger yet."""
    best = _best(state)
    return [m for m in STREAK_MILESTONES if best >= m.days and m.reason not in state.bonus_reasons]


def grant_streak_bonuses(state: PlayerState, now: dt.datetime) -> list[LedgerEntry]:
    """Grant every streak bonus that is due, once each; the new entries are returned to be saved.

    Idempotent: the ledger remembers each grant by its reason, so calling this again (after a
    restart, or twice in one frame) grants nothing more.
    """
    entries = []
    for m in milestones_due(state):
        entry = grant_bonus_once(state, m.bonus_g, m.reason, now)
        if entry is not None:
            entries.append(entry)
    return entries


def streak_bonus_problem(before: PlayerState, entry: LedgerEntry) -> str | None:
    """The rule that grants streak bonuses, for :mod:`game.core.verify`: why ``entry`` is not a
    streak bonus this rule would grant to the player ``before`` it (None when it is)."""
    milestone = next((m for m in STREAK_MILESTONES if m.reason == entry.reason), None)
    if milestone is None:
        return f"no streak milestone is called {entry.reason!r}"
    if entry.amount_g != milestone.bonus_g:
        return f"a {milestone.days}-day streak gives {milestone.bonus_g} g, not {entry.amount_g} g"
    own_day_only = entry.rules >= RULES_VERSION
    reached = _milestone_days(before, own_day_only=own_day_only).get(milestone.days)
    if reached is None or reached > entry.day:
        return f"the {milestone.days}-day streak had not been reached"
    return None


def bonus_reason_text(reason: str) -> str:
    """How a bonus reason reads in the energy history (shown through tr)."""
    for m in STREAK_MILESTONES:
        if m.reason == reason:
            return Message("{days}-day streak bonus", days=m.days)
    kind = reason.split("-", 1)[0]
    parts = reason.split("-", 2)
    if kind == "teacher" and len(parts) == 3:  # "teacher-<time>-<the teacher's words>"
        return Message("From your teacher: {reason}", reason=parts[2])
    if kind == "quiz":
        return Message("Quiz: a right answer")
    if kind == "carried":
        return Message("Energy kept from older entries")
    return reason


# --- everything at once -----------------------------------------------------------------------


def summary(content: Content, state: PlayerState, today: dt.date) -> Progress:
    return Progress(
        level=collection_level(len(state.owned)),
        editions=edition_badges(content, state),
        groups=group_badges(content, state),
        streak=streak(state, today),
        streak_badges=streak_badges(state),
    )
