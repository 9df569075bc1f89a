"""Impact: CO2e avoided in total, per day and per ISO week, and in trees from the data."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core import impact
from game.core.content import Content, load_content
from game.core.economy import RuleError, Rules, grant_bonus, log_action, undo_last
from game.core.ledger import PlayerState
from game.core.models import Action, Equivalent
from tests.conftest import FIXTURES, ROOT

NOW = dt.datetime(2026, 11, 23, 16, 0)  # a Monday
TODAY = NOW.date()
DAY = dt.timedelta(days=1)
WIDE = Rules(backdate_days=7)  # these tests are about days, not about the pace rules


@functools.cache
def mini() -> Content:
    return load_content(FIXTURES / "mini", ROOT / "assets", today=TODAY)


@pytest.fixture
def action() -> Action:
    return min(mini().actions.values(), key=lambda a: a.energy_g)


def logged(action: Action, days: list[dt.date], now: dt.datetime = NOW) -> PlayerState:
    state = PlayerState()
    for day in days:
        log_action(state, action, 1, day=day, now=now, rules=WIDE)
    return state


def test_the_total_is_energy_from_actions_net_of_undos_without_bonuses(action: Action) -> None:
    state = logged(action, [TODAY, TODAY - DAY])
    log_action(state, action, 1, day=TODAY - 2 * DAY, now=NOW, rules=WIDE)
    undo_last(state, NOW)
    grant_bonus(state, 500, "gift", NOW)
    assert impact.summary(state, mini()).total_g == 2 * action.energy_g


def test_the_daily_series_has_a_point_for_every_day(action: Action) -> None:
    state = logged(action, [TODAY - 5 * DAY, TODAY])
    series = impact.last_days(state, TODAY, 7)
    assert [p.day for p in series] == [TODAY - n * DAY for n in range(6, -1, -1)]
    assert [p.grams for p in series] == [0, action.energy_g, 0, 0, 0, 0, action.energy_g]


def test_back_dated_actions_count_for_their_own_day(action: Action) -> None:
    state = logged(action, [TODAY - 3 * DAY])
    assert impact.by_day(state) == {TODAY - 3 * DAY: action.energy_g}


def test_weeks_are_iso_weeks_across_the_new_year(action: Action) -> None:
    # 2026-12-31 is a Thursday in ISO week 2026-W53; 2027-01-04 starts 2027-W01.
    days = [dt.date(2026, 12, 31), dt.date(2027, 1, 3), dt.date(2027, 1, 4)]
    state = PlayerState()
    for day in days:
        log_action(state, action, 1, day=day, now=dt.datetime.combine(day, dt.time(12)), rules=WIDE)
    weeks = impact.weekly_series(state, dt.date(2026, 12, 28), dt.date(2027, 1, 10))
    assert [(w.label, w.grams) for w in weeks] == [
        ("2026-W53", 2 * action.energy_g),
        ("2027-W01", action.energy_g),
    ]
    assert all(w.monday.weekday() == 0 for w in weeks)


def test_the_last_weeks_end_with_this_week(action: Action) -> None:
    weeks = impact.last_weeks(logged(action, [TODAY]), TODAY, 4)
    assert len(weeks) == 4 and weeks[-1].monday <= TODAY < weeks[-1].monday + 7 * DAY
    assert weeks[-1].grams == action.energy_g and sum(w.grams for w in weeks[:-1]) == 0


@settings(max_examples=30, deadline=None)
@given(offsets=st.lists(st.integers(0, 7), max_size=20))
def test_series_add_up_to_the_total(offsets: list[int]) -> None:
    state = PlayerState()
    actions = sorted(mini().actions.values(), key=lambda a: a.id)
    for i, n in enumerate(offsets):
        try:
            log_action(
                state, actions[i % len(actions)], 3, day=TODAY - n * DAY, now=NOW, rules=WIDE
            )
        except RuleError:  # a full cap: that is the caps test, not this one
            continue
    total = state.earned_total
    assert sum(p.grams for p in impact.last_days(state, TODAY, 8)) == total
    assert sum(w.grams for w in impact.weekly_series(state, TODAY - 8 * DAY, TODAY)) == total
    assert sum(impact.by_action(state).values()) == total
    assert sum(impact.by_category(state, mini()).values()) == total


def test_trees_use_the_conversion_from_the_data() -> None:
    eq = Equivalent.model_validate(
        {"grams": 1000, "name": {"en": "tree"}, "source": {"text": "A test figure."}}
    )
    assert impact.trees(2500, eq) == 2.5
    assert impact.trees(2500, None) is None


def test_the_bundled_actions_carry_ant_forest_s_saxaul() -> None:
    from game.core.models import ActionsFile
    from game.core.yamlsrc import load_yaml, read_text

    path = ROOT / "data" / "actions.yaml"
    eq = ActionsFile.model_validate(load_yaml(path, read_text(path)).data).tree_equivalent
    assert eq is not None
    assert eq.grams == 17_900
    assert "Ant Forest" in eq.source.text and "Haloxylon ammodendron" in eq.source.text
    assert eq.name.get("zh-Hans") == "梭梭树"
