"""Badges, levels and streaks: progress that only ever grows."""

from __future__ import annotations

import datetime as dt
import functools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core import progress as pg
from game.core.content import Content, load_content
from game.core.economy import Rules, grant_bonus, log_action, undo_last
from game.core.ledger import LedgerEntry, PlayerState
from game.core.models import Action
from game.core.reveals import reveal
from game.core.vocab import GROUPS
from game.i18n import Translator
from tests.conftest import FIXTURES, ROOT

NOW = dt.datetime(2026, 11, 23, 16, 0)
TODAY = NOW.date()
DAY = dt.timedelta(days=1)


@functools.cache
def chinese() -> Translator:
    return Translator.load("zh-Hans", ROOT / "data" / "locale")


@functools.cache
def mini() -> Content:
    return load_content(FIXTURES / "mini", ROOT / "assets", today=TODAY)


def collect(content: Content, edition_id: str, state: PlayerState | None = None) -> PlayerState:
    state = state or PlayerState()
    grant_bonus(state, 100_000, "test", NOW)
    rng = random.Random(1)
    for _ in content.species_in(edition_id):
        reveal(state, content, edition_id, rng, NOW)
    return state


def log_days(action: Action, days: list[dt.date]) -> PlayerState:
    """A player who logged one unit of ``action`` on each of ``days`` (on that very day)."""
    state = PlayerState()
    for day in days:
        log_action(state, action, 1, day=day, now=dt.datetime.combine(day, dt.time(12)))
    return state


@pytest.fixture
def action(mini_content: Content) -> Action:
    return next(iter(mini_content.actions.values()))


# --- levels ---------------------------------------------------------------------------------


def test_the_ladder_is_in_one_ordered_table_of_named_levels() -> None:
    thresholds = [level.species for level in pg.LEVELS]
    assert thresholds == sorted(set(thresholds)) and thresholds[0] == 0
    assert len({level.id for level in pg.LEVELS}) == len(pg.LEVELS)
    assert all(level.name.strip() for level in pg.LEVELS)  # English, translated where shown


@pytest.mark.parametrize("index", range(len(pg.LEVELS)))
def test_each_level_starts_at_its_threshold(index: int) -> None:
    level = pg.LEVELS[index]
    assert pg.collection_level(level.species).level is level
    if index:
        assert pg.collection_level(level.species - 1).level is pg.LEVELS[index - 1]


def test_the_next_level_says_how_many_species_are_missing() -> None:
    first, second = pg.LEVELS[0], pg.LEVELS[1]
    lp = pg.collection_level(first.species)
    assert lp.next is second and lp.to_next == second.species - first.species
    top = pg.collection_level(pg.LEVELS[-1].species + 5)
    assert top.next is None and top.to_next == 0


def test_levels_count_species_from_every_edition(mini_content: Content) -> None:
    state = PlayerState()
    for edition_id in mini_content.editions:
        collect(mini_content, edition_id, state)
    assert pg.summary(mini_content, state, TODAY).level.owned == len(mini_content.species)


# --- edition and group badges ---------------------------------------------------------------


def test_completing_an_edition_earns_its_badge(mini_content: Content) -> None:
    edition_id = next(e for e in mini_content.editions if mini_content.species_in(e))
    before = {b.id: b for b in pg.edition_badges(mini_content, PlayerState())}
    assert not before[f"edition:{edition_id}"].earned
    after = {b.id: b for b in pg.edition_badges(mini_content, collect(mini_content, edition_id))}
    badge = after[f"edition:{edition_id}"]
    assert badge.earned_on == TODAY and badge.have == badge.need
    assert not any(b.earned for b in after.values() if b.id != badge.id)


@pytest.fixture
def sharks(mini_content: Content) -> Content:
    """The fixture deck with two species made sharks, and the rest left as they are."""
    ids = sorted(mini_content.species)[:2]
    species = {
        sid: sp.model_copy(update={"group": "shark"}) if sid in ids else sp
        for sid, sp in mini_content.species.items()
    }
    return Content(editions=mini_content.editions, species=species, actions=mini_content.actions)


def test_group_badges_exist_only_for_groups_with_two_species_or_more(sharks: Content) -> None:
    groups = pg.groups_in(sharks)
    assert "shark" in groups
    counts: dict[str, int] = {}
    for sp in sharks.species.values():
        counts[sp.group] = counts.get(sp.group, 0) + 1
    assert set(groups) == {g for g, n in counts.items() if n >= pg.MIN_GROUP_SIZE}


def test_owning_every_species_of_a_group_earns_its_badge(sharks: Content) -> None:
    members = pg.groups_in(sharks)["shark"]
    state = PlayerState()
    grant_bonus(state, 100_000, "test", NOW)
    rng = random.Random(2)
    while not all(s.id in state.owned for s in members):
        edition_id = next(s.edition for s in members if s.id not in state.owned)
        reveal(state, sharks, edition_id, rng, NOW)
    badge = next(b for b in pg.group_badges(sharks, state) if b.id == "group:shark")
    assert badge.earned and badge.need == len(members)
    assert GROUPS["shark"] in badge.name
    assert chinese()(GROUPS["shark"]) in chinese()(badge.name)


# --- streaks --------------------------------------------------------------------------------


def test_consecutive_days_make_a_streak(action: Action) -> None:
    state = log_days(action, [TODAY - n * DAY for n in range(4)])
    s = pg.streak(state, TODAY)
    assert (s.current, s.best, s.active_days, s.last_active) == (4, 4, 4, TODAY)


def test_a_streak_stays_alive_until_today_is_over(action: Action) -> None:
    state = log_days(action, [TODAY - n * DAY for n in range(1, 4)])
    assert pg.streak(state, TODAY).current == 3


def test_a_missed_day_ends_the_current_streak_but_keeps_the_best(action: Action) -> None:
    days = [TODAY - n * DAY for n in range(10, 3, -1)]  # seven days, ending four days ago
    state = log_days(action, [*days, TODAY])
    s = pg.streak(state, TODAY)
    assert (s.current, s.best) == (1, 7)


def test_an_undone_action_does_not_make_an_active_day(action: Action) -> None:
    state = PlayerState()
    log_action(state, action, 1, day=TODAY, now=NOW)
    undo_last(state, NOW)
    assert pg.streak(state, TODAY).active_days == 0


def test_reaching_a_milestone_grants_its_bonus_once(action: Action) -> None:
    first = pg.STREAK_MILESTONES[0]
    state = log_days(action, [TODAY - n * DAY for n in range(first.days)])
    granted = pg.grant_streak_bonuses(state, NOW)
    assert [(e.kind, e.reason, e.amount_g) for e in granted] == [
        ("bonus", first.reason, first.bonus_g)
    ]
    assert pg.grant_streak_bonuses(state, NOW) == []
    reloaded = PlayerState.from_entries(LedgerEntry.from_dict(e.to_dict()) for e in state.entries)
    assert pg.grant_streak_bonuses(reloaded, NOW) == []


def test_a_broken_streak_keeps_its_badges_and_bonuses(action: Action) -> None:
    first = pg.STREAK_MILESTONES[0]
    state = log_days(action, [TODAY - n * DAY for n in range(first.days + 5, 5, -1)])
    pg.grant_streak_bonuses(state, NOW)
    balance = state.balance
    badge = next(b for b in pg.streak_badges(state) if b.id == f"streak:{first.days}")
    assert pg.streak(state, TODAY).current == 0
    assert badge.earned and state.balance == balance


def test_streak_bonuses_are_small(mini_content: Content) -> None:
    # Never more than the cheapest edition's whole cost: a nudge, not a reason to grind.
    cheapest = min(
        e.reveal_cost * len(mini_content.species_in(e.id)) for e in mini_content.editions.values()
    )
    first = pg.STREAK_MILESTONES[0]
    assert first.bonus_g <= cheapest
    assert [m.days for m in pg.STREAK_MILESTONES] == sorted({m.days for m in pg.STREAK_MILESTONES})


def test_bonus_reasons_read_in_both_languages() -> None:
    m = pg.STREAK_MILESTONES[0]
    assert str(m.days) in pg.bonus_reason_text(m.reason)
    assert "连续" in chinese()(pg.bonus_reason_text(m.reason))
    assert pg.bonus_reason_text("teacher-gift") == "teacher-gift"


@settings(max_examples=50, deadline=None)
@given(
    offsets=st.lists(st.integers(0, 120), max_size=60),
    checks=st.lists(st.integers(0, 120), min_size=1, max_size=6),
)
def test_streak_bonuses_are_granted_at_most_once_whenever_they_are_checked(
    offsets: list[int], checks: list[int]
) -> None:
    action = next(iter(mini().actions.values()))
    start = dt.date(2026, 1, 1)
    state = PlayerState()
    for day in sorted({start + n * DAY for n in offsets} | {start + n * DAY for n in checks}):
        if (day - start).days in offsets:
            log_action(state, action, 1, day=day, now=dt.datetime.combine(day, dt.time(9)))
        if (day - start).days in checks:
            pg.grant_streak_bonuses(state, dt.datetime.combine(day, dt.time(20)))
    pg.grant_streak_bonuses(state, NOW)
    reasons = [e.reason for e in state.entries if e.kind == "bonus"]
    assert len(reasons) == len(set(reasons))
    best = pg.streak(state, TODAY).best
    assert set(reasons) == {m.reason for m in pg.STREAK_MILESTONES if best >= m.days}


def test_back_dated_actions_build_no_streak(action: Action) -> None:
    state = PlayerState()
    for n in range(3):  # three days logged in one sitting, two of them back-dated
        log_action(state, action, 1, day=TODAY - n * DAY, now=NOW, rules=Rules(backdate_days=3))
    assert pg.streak(state, TODAY).best == 1
    assert pg.grant_streak_bonuses(state, NOW) == []
