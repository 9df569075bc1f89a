"""What the logged actions add up to: CO2e avoided, by day and by ISO week, and in trees.

One gram of green energy is one gram of CO2e an action kept out of the air, so the impact is
the energy earned by actions, net of undos. Bonuses are rewards, not saved carbon, and are not
counted; neither is energy beyond a daily cap, so the figures never overstate. The tree
equivalent is a conversion that lives in ``data/actions.yaml`` (``tree_equivalent:``) with its
source, so editors can change it without touching code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from game.core.content import Content
from game.core.ledger import PlayerState
from game.core.models import Equivalent

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DayTotal:
    day: dt.date
    grams: int


@dataclass(frozen=True)
class WeekTotal:
    year: int  # ISO year, which can differ from the calendar year around New Year
    week: int  # ISO week, 1 to 53
    monday: dt.date
    grams: int

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@dataclass(frozen=True)
class Impact:
    total_g: int
    trees: float | None  # None when the content has no tree equivalent
    tree_equivalent: Equivalent | None


def by_day(state: PlayerState) -> dict[dt.date, int]:
    """Grams avoided per day (the day each action counts for), net of undos; no empty days."""
    totals: dict[dt.date, int] = {}
    for (day, _action), grams in state.earned_by_day_action.items():
        totals[day] = totals.get(day, 0) + grams
    return {day: grams for day, grams in sorted(totals.items()) if grams}


def by_action(state: PlayerState) -> dict[str, int]:
    totals: dict[str, int] = {}
    for (_day, action), grams in state.earned_by_day_action.items():
        totals[action] = totals.get(action, 0) + grams
    return {action: grams for action, grams in sorted(totals.items()) if grams}


def by_category(state: PlayerState, content: Content) -> dict[str, int]:
    """Grams avoided per action category (transport, food...); removed actions are "other"."""
    totals: dict[str, int] = {}
    for action_id, grams in by_action(state).items():
        action = content.actions.get(action_id)
        category = action.category if action else "other"
        totals[category] = totals.get(category, 0) + grams
    return totals


def daily_series(state: PlayerState, start: dt.date, end: dt.date) -> list[DayTotal]:
    """One point per day from ``start`` to ``end`` inclusive, days without actions at 0."""
    totals = by_day(state)
    points = []
    day = start
    while day <= end:
        points.append(DayTotal(day, totals.get(day, 0)))
        day += ONE_DAY
    return points


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekly_series(state: PlayerState, start: dt.date, end: dt.date) -> list[WeekTotal]:
    """One point per ISO week (Monday to Sunday) touching ``start``..``end``, empty weeks at 0.

    Whole weeks are summed, including days just outside the range in the first and last week.
    """
    sums: dict[dt.date, int] = {}
    for day, grams in by_day(state).items():
        sums[_monday(day)] = sums.get(_monday(day), 0) + grams
    points = []
    monday = _monday(start)
    while monday <= end:
        year, week, _ = monday.isocalendar()
        points.append(WeekTotal(year, week, monday, sums.get(monday, 0)))
        monday += 7 * ONE_DAY
    return points


def last_days(state: PlayerState, today: dt.date, days: int = 7) -> list[DayTotal]:
    return daily_series(state, today - (days - 1) * ONE_DAY, today)


def last_weeks(state: PlayerState, today: dt.date, weeks: int = 12) -> list[WeekTotal]:
    return weekly_series(state, _monday(today) - (weeks - 1) * 7 * ONE_DAY, today)


def trees(grams: int, equivalent: Equivalent | None) -> float | None:
    """How many trees (as the content defines one) ``grams`` of CO2e are worth."""
    if equivalent is None:
        return None
    return grams / equivalent.grams


def summary(state: PlayerState, content: Content) -> Impact:
    total = state.earned_total
    return Impact(total, trees(total, content.tree_equivalent), content.tree_equivalent)
