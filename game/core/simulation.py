"""Balance simulation: simulated players log everyday actions and reveal whenever they can.

The players go through the real rules (:func:`game.core.economy.log_action`,
:func:`game.core.reveals.reveal`), so caps, costs and the no-duplicate rule are the game's own.
How a simulated child behaves is an assumption, written down here:

- each player logs on a given day with their own probability (between 35 % and 90 %);
- on such a day they do 1 to 4 actions, picked from ``actions.yaml`` by their own taste, with
  everyday low-energy actions more likely than big ones (weight ``1 / sqrt(energy_g)``, so a
  2,000 g second-hand shirt is about 9 times rarer than a 25 g reusable bag);
- the amount follows the unit: a few kilometres, one or two items, one meal or load;
- whenever the balance covers a reveal, they reveal, until the edition is complete.

Each edition is simulated on its own, as if the player saved for that edition only, and every
player keeps the same habits from one edition to the next, so editions compare fairly.

:func:`simulate_greedy` plays the opposite child, the one the pace rules are for: every action at
its cap, every day the rules allow (back-dating included), every streak bonus, and a reveal
whenever the balance covers one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import random
import statistics
from dataclasses import dataclass

from game.core.content import Content
from game.core.economy import RuleError, Rules, log_action
from game.core.ledger import PlayerState
from game.core.models import Action
from game.core.progress import grant_streak_bonuses
from game.core.reveals import first_odds, reveal
from game.core.vocab import CATEGORIES

DEFAULT_START = dt.date(2026, 1, 5)
MAX_DAYS = 3650
# (low, most likely, high) amount per log entry, and whether it comes in whole units.
UNIT_AMOUNTS: dict[str, tuple[float, float, float, bool]] = {
    "km": (0.5, 2.0, 8.0, False),
    "trip": (1, 1, 2, True),
    "item": (1, 1, 3, True),
    "meal": (1, 1, 2, True),
    "kg": (0.5, 1.0, 2.0, False),
    "load": (1, 1, 1, True),
    "shower": (1, 1, 1, True),
    "day": (1, 1, 1, True),
}


@dataclass(frozen=True)
class Habits:
    """One simulated child."""

    log_chance: float  # chance of logging anything on a given day
    weights: tuple[tuple[Action, float], ...]  # how likely each action is picked


@dataclass(frozen=True)
class PlayerRun:
    reveals: int
    energy_spent: int
    days: int | None  # days until the edition was complete; None if it never was


@dataclass(frozen=True)
class EditionReport:
    edition_id: str
    species: int
    reveal_cost: int
    energy_to_complete: int
    reveals_to_complete: dict[str, float] | None  # min, median, max
    days_to_complete: dict[str, float] | None  # median, p90
    incomplete: int  # players who had not completed it after MAX_DAYS
    first_reveal_odds: dict[str, float]  # by IUCN category, most threatened first
    first_reveal_tier_odds: dict[str, float]  # by rarity tier

    def to_dict(self) -> dict[str, object]:
        return {
            "species": self.species,
            "reveal_cost": self.reveal_cost,
            "energy_to_complete": self.energy_to_complete,
            "reveals_to_complete": self.reveals_to_complete,
            "days_to_complete": self.days_to_complete,
            "incomplete_players": self.incomplete,
            "first_reveal_odds": self.first_reveal_odds,
            "first_reveal_tier_odds": self.first_reveal_tier_odds,
        }


def make_habits(actions: list[Action], rng: random.Random) -> Habits:
    weights = tuple((a, rng.uniform(0.5, 1.5) / math.sqrt(a.energy_g)) for a in actions)
    return Habits(log_chance=rng.uniform(0.35, 0.9), weights=weights)


def amount(action: Action, rng: random.Random) -> float:
    low, mode, high, whole = UNIT_AMOUNTS.get(action.unit, (1, 1, 1, True))
    value = rng.triangular(low, high, mode)
    return float(max(1, round(value))) if whole else max(low, round(value * 2) / 2)


def play_day(state: PlayerState, habits: Habits, day: dt.date, rng: random.Random) -> None:
    """One day of a simulated child's actions (possibly none)."""
    if rng.random() >= habits.log_chance or not habits.weights:
        return
    actions = [a for a, _ in habits.weights]
    weights = [w for _, w in habits.weights]
    now = dt.datetime.combine(day, dt.time(18, 0))
    for action in rng.choices(actions, weights, k=rng.randint(1, 4)):
        # A RuleError means today's cap for that action is used up: a child would stop, too.
        with contextlib.suppress(RuleError):
            log_action(state, action, amount(action, rng), day=day, now=now)
    grant_streak_bonuses(state, now)  # the game grants them as soon as they are due


def play_edition(
    content: Content, edition_id: str, habits: Habits, seed: str, max_days: int = MAX_DAYS
) -> PlayerRun:
    """One player collecting one edition until it is complete (or ``max_days`` have passed)."""
    edition = content.editions[edition_id]
    total = len(content.species_in(edition_id))
    state = PlayerState()
    actions_rng = random.Random(f"{seed}/actions")
    reveal_rng = random.Random(f"{seed}/reveals/{edition_id}")
    start = edition.starts or DEFAULT_START
    reveals = spent = 0
    for n in range(max_days):
        if reveals == total:
            return PlayerRun(reveals, spent, n)
        day = start + dt.timedelta(days=n)
        play_day(state, habits, day, actions_rng)
        now = dt.datetime.combine(day, dt.time(19, 0))
        while reveals < total and state.balance >= edition.reveal_cost:
            entry = reveal(state, content, edition_id, reveal_rng, now)
            reveals += 1
            spent -= entry.amount_g
    return PlayerRun(reveals, spent, max_days if reveals == total else None)


def _number(value: float) -> float:
    """Whole numbers as ints, so JSON shows 12 rather than 12.0."""
    return int(value) if float(value).is_integer() else round(value, 2)


def percentile(values: list[int], fraction: float) -> int:
    """The nearest-rank percentile: the smallest value with ``fraction`` of them at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def simulate(content: Content, players: int, seed: int) -> dict[str, EditionReport]:
    """Simulate ``players`` players on every edition; the same seed gives the same report."""
    actions = sorted(content.actions.values(), key=lambda a: a.id)
    habits = [make_habits(actions, random.Random(f"{seed}/habits/{p}")) for p in range(players)]
    reports = {}
    for edition_id, edition in content.editions.items():
        members = content.species_in(edition_id)
        runs = (
            [
                play_edition(content, edition_id, habits[p], f"{seed}/player/{p}")
                for p in range(players)
            ]
            if members
            else []
        )
        done = [r for r in runs if r.days is not None]
        reveals = [r.reveals for r in done]
        days = [r.days for r in done if r.days is not None]
        first = first_odds(content, edition_id)
        by_category: dict[str, float] = {}
        for sid, p in first.species.items():
            category = content.species[sid].iucn.category
            by_category[category] = by_category.get(category, 0.0) + p
        reports[edition_id] = EditionReport(
            edition_id=edition_id,
            species=len(members),
            reveal_cost=edition.reveal_cost,
            energy_to_complete=len(members) * edition.reveal_cost,
            reveals_to_complete={
                "min": min(reveals),
                "median": _number(statistics.median(reveals)),
                "max": max(reveals),
            }
            if reveals
            else None,
            days_to_complete={
                "median": _number(statistics.median(days)),
                "p90": percentile(days, 0.9),
            }
            if days
            else None,
            incomplete=len(runs) - len(done),
            first_reveal_odds={c: by_category[c] for c in CATEGORIES if c in by_category},
            first_reveal_tier_odds={t: p for t, p in first.tiers.items() if p > 0},
        )
    return reports


@dataclass(frozen=True)
class GreedyReport:
    edition_id: str
    first_sitting_g: int  # energy earned (bonuses included) in the first sitting
    energy_to_complete: int
    complete_on_day: int | None  # 1 is the first day; None if never within MAX_DAYS

    def to_dict(self) -> dict[str, object]:
        return {
            "first_sitting_g": self.first_sitting_g,
            "energy_to_complete": self.energy_to_complete,
            "complete_on_day": self.complete_on_day,
        }


def greedy_sitting(
    state: PlayerState, content: Content, day: dt.date, rules: Rules | None = None
) -> None:
    """One sitting of the greediest child: every action at its cap for every day still open."""
    rules = rules or Rules()
    now = dt.datetime.combine(day, dt.time(18, 0))
    actions = sorted(content.actions.values(), key=lambda a: a.id)
    for back in range(rules.backdate_days, -1, -1):
        for action in actions:
            units = min(rules.max_quantity, float(math.ceil(action.daily_cap_g / action.energy_g)))
            with contextlib.suppress(RuleError):  # a cap or the day's total is reached
                log_action(
                    state, action, units, day=day - dt.timedelta(days=back), now=now, rules=rules
                )
    grant_streak_bonuses(state, now)


def play_greedy(
    content: Content, edition_id: str, seed: int, max_days: int = MAX_DAYS
) -> GreedyReport:
    edition = content.editions[edition_id]
    total = len(content.species_in(edition_id))
    state = PlayerState()
    rng = random.Random(f"{seed}/greedy/{edition_id}")
    start = edition.starts or DEFAULT_START
    first_sitting = 0
    reveals = 0
    for n in range(max_days):
        day = start + dt.timedelta(days=n)
        greedy_sitting(state, content, day)
        if n == 0:
            first_sitting = sum(e.amount_g for e in state.entries)
        now = dt.datetime.combine(day, dt.time(19, 0))
        while reveals < total and state.balance >= edition.reveal_cost:
            reveal(state, content, edition_id, rng, now)
            reveals += 1
        if total and reveals == total:
            return GreedyReport(edition_id, first_sitting, total * edition.reveal_cost, n + 1)
    return GreedyReport(edition_id, first_sitting, total * edition.reveal_cost, None)


def simulate_greedy(content: Content, seed: int) -> dict[str, GreedyReport]:
    """The greedy child on every edition that has cards, each edition collected on its own."""
    return {
        edition_id: play_greedy(content, edition_id, seed)
        for edition_id in content.editions
        if content.species_in(edition_id)
    }
