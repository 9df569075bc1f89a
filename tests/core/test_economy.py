"""Earning energy: caps, back-dating, undo and bonuses, one rule per test."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest

from game.core.content import Content
from game.core.economy import (
    RuleError,
    Rules,
    cap_left,
    caps_left,
    day_left,
    energy_for,
    grant_bonus,
    grant_bonus_once,
    log_action,
    loggable_days,
    preview,
    undo_last,
    undoable,
)
from game.core.ledger import LedgerEntry, PlayerState
from game.core.models import Action

NOW = dt.datetime(2026, 11, 23, 16, 0)
TODAY = NOW.date()
# For the tests of one action's cap: a day total that never gets in the way.
NO_DAY_TOTAL = Rules(daily_total_g=10_000_000)


@pytest.fixture
def action(mini_content: Content) -> Action:
    """The action with the most room under its cap, whatever the fixture holds."""
    return max(mini_content.actions.values(), key=lambda a: a.daily_cap_g // a.energy_g)


def ledger_sum(state: PlayerState) -> int:
    return sum(e.amount_g for e in state.entries)


def test_logging_earns_energy_times_quantity(action: Action) -> None:
    state = PlayerState()
    entry = log_action(state, action, 1, day=TODAY, now=NOW)
    assert entry.amount_g == action.energy_g
    assert state.balance == action.energy_g == ledger_sum(state)


def test_energy_is_cut_to_the_daily_cap(action: Action) -> None:
    state = PlayerState()
    units = action.daily_cap_g // action.energy_g + 2
    entry = log_action(state, action, units, day=TODAY, now=NOW, rules=NO_DAY_TOTAL)
    assert entry.amount_g == action.daily_cap_g
    assert cap_left(state, action, TODAY) == 0


def test_a_full_cap_refuses_more_of_that_action_only(mini_content: Content, action: Action) -> None:
    state = PlayerState()
    log_action(
        state,
        action,
        action.daily_cap_g // action.energy_g + 1,
        day=TODAY,
        now=NOW,
        rules=NO_DAY_TOTAL,
    )
    with pytest.raises(RuleError, match="limit"):
        log_action(state, action, 1, day=TODAY, now=NOW, rules=NO_DAY_TOTAL)
    others = [a for a in mini_content.actions.values() if a.id != action.id]
    left = caps_left(state, others, TODAY)
    assert all(left[a.id] == a.daily_cap_g for a in others)


def test_caps_are_per_day(action: Action) -> None:
    state = PlayerState()
    log_action(state, action, 100, day=TODAY, now=NOW)
    yesterday = TODAY - dt.timedelta(days=1)
    assert cap_left(state, action, yesterday) == action.daily_cap_g


def test_preview_shows_what_logging_would_earn_without_logging(action: Action) -> None:
    state = PlayerState()
    assert preview(state, action, 1, TODAY) == energy_for(action, 1)
    assert preview(state, action, 1000, TODAY, NO_DAY_TOTAL) == action.daily_cap_g
    assert preview(state, action, 1000, TODAY) == min(action.daily_cap_g, Rules().daily_total_g)
    assert preview(state, action, 0, TODAY) == 0
    assert state.entries == []


@pytest.mark.parametrize("days_back", [0, 1])
def test_back_dating_is_allowed_for_yesterday(action: Action, days_back: int) -> None:
    state = PlayerState()
    day = TODAY - dt.timedelta(days=days_back)
    entry = log_action(state, action, 1, day=day, now=NOW)
    assert entry.day == day and entry.at == NOW


def test_back_dating_further_than_yesterday_is_refused(action: Action) -> None:
    with pytest.raises(RuleError) as refused:
        log_action(PlayerState(), action, 1, day=TODAY - dt.timedelta(days=2), now=NOW)
    assert (
        refused.value.args[0].template
        == "You can log what you did today or yesterday, not earlier."
    )


def test_a_day_gives_at_most_its_daily_total_over_every_action(mini_content: Content) -> None:
    rules = Rules(daily_total_g=min(a.daily_cap_g for a in mini_content.actions.values()) + 1)
    state = PlayerState()
    for action in mini_content.actions.values():
        with contextlib.suppress(RuleError):
            log_action(state, action, 100, day=TODAY, now=NOW, rules=rules)
    assert state.earned_day_total(TODAY) == rules.daily_total_g
    assert day_left(state, TODAY, rules) == 0


def test_a_full_day_is_refused_in_words_about_the_day(action: Action) -> None:
    rules = Rules(daily_total_g=action.energy_g)
    state = PlayerState()
    log_action(state, action, 1, day=TODAY, now=NOW, rules=rules)
    with pytest.raises(RuleError) as refused:
        log_action(state, action, 1, day=TODAY, now=NOW, rules=rules)
    assert "tomorrow" in refused.value.args[0].template
    yesterday = TODAY - dt.timedelta(days=1)
    assert log_action(state, action, 1, day=yesterday, now=NOW, rules=rules).amount_g > 0


def test_back_dating_limit_is_configurable(action: Action) -> None:
    rules = Rules(backdate_days=2)
    with pytest.raises(RuleError, match="2 days"):
        log_action(PlayerState(), action, 1, day=TODAY - dt.timedelta(days=3), now=NOW, rules=rules)
    assert loggable_days(NOW, rules) == (TODAY - dt.timedelta(days=2), TODAY)


def test_the_future_is_refused(action: Action) -> None:
    with pytest.raises(RuleError, match="not happened"):
        log_action(PlayerState(), action, 1, day=TODAY + dt.timedelta(days=1), now=NOW)


@pytest.mark.parametrize("quantity", [0, -1, float("nan"), float("inf"), 1e9])
def test_impossible_quantities_are_refused(action: Action, quantity: float) -> None:
    state = PlayerState()
    with pytest.raises(RuleError):
        log_action(state, action, quantity, day=TODAY, now=NOW)
    assert state.entries == []


def test_negative_rules_are_rejected() -> None:
    with pytest.raises(ValueError):
        Rules(backdate_days=-1)
    with pytest.raises(ValueError):
        Rules(undo_window=dt.timedelta(seconds=-1))


def test_the_last_action_can_be_undone_within_the_window(action: Action) -> None:
    state = PlayerState()
    logged = log_action(state, action, 1, day=TODAY, now=NOW)
    later = NOW + Rules().undo_window
    assert undoable(state, later) == logged
    entry = undo_last(state, later)
    assert entry.kind == "undone" and entry.undoes == logged.seq
    assert state.balance == 0 == ledger_sum(state)
    assert cap_left(state, action, TODAY) == action.daily_cap_g


def test_undo_after_the_window_is_refused(action: Action) -> None:
    state = PlayerState()
    log_action(state, action, 1, day=TODAY, now=NOW)
    late = NOW + Rules().undo_window + dt.timedelta(seconds=1)
    assert undoable(state, late) is None
    with pytest.raises(RuleError):
        undo_last(state, late)


def test_only_the_last_action_can_be_undone_and_only_once(action: Action) -> None:
    state = PlayerState()
    log_action(state, action, 1, day=TODAY, now=NOW)
    log_action(state, action, 1, day=TODAY, now=NOW)
    undo_last(state, NOW)
    assert undoable(state, NOW) is None


def test_energy_spent_on_a_card_cannot_be_undone(action: Action) -> None:
    from game.core.ledger import RevealInfo

    state = PlayerState()
    log_action(state, action, 1, day=TODAY, now=NOW)
    card = RevealInfo("x", "y", 1, "common", 1.0, {"common": 1.0}, 1)
    state.apply(LedgerEntry(state.next_seq, "spent", -1, NOW, TODAY, reveal=card))
    assert undoable(state, NOW) is None


def test_undo_never_drives_the_balance_below_zero(action: Action) -> None:
    state = PlayerState()
    log_action(state, action, 1, day=TODAY, now=NOW)
    # A spend recorded by hand (as an old save might hold) that leaves less than the action.
    state.apply(LedgerEntry(state.next_seq, "spent", -1, NOW, TODAY))
    assert undoable(state, NOW) is None


def test_a_bonus_needs_a_reason_and_a_positive_amount() -> None:
    with pytest.raises(RuleError):
        grant_bonus(PlayerState(), 0, "gift", NOW)
    with pytest.raises(RuleError):
        grant_bonus(PlayerState(), 10, "", NOW)


def test_a_bonus_is_kept_with_its_reason() -> None:
    state = PlayerState()
    entry = grant_bonus(state, 25, "class-challenge", NOW)
    assert (entry.kind, entry.reason, state.balance) == ("bonus", "class-challenge", 25)


def test_grant_bonus_once_is_idempotent_even_after_reloading() -> None:
    state = PlayerState()
    assert grant_bonus_once(state, 25, "welcome", NOW) is not None
    assert grant_bonus_once(state, 25, "welcome", NOW) is None
    reloaded = PlayerState.from_entries(LedgerEntry.from_dict(e.to_dict()) for e in state.entries)
    assert grant_bonus_once(reloaded, 25, "welcome", NOW) is None
    assert reloaded.balance == 25
