"""The ledger verifier: what the rules wrote passes, and each kind of tampering is caught."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.content import Content, load_content
from game.core.economy import RuleError, grant_bonus, log_action
from game.core.ledger import LedgerEntry, PlayerState
from game.core.progress import STREAK_MILESTONES, grant_streak_bonuses
from game.core.reveals import reveal
from game.core.simulation import greedy_sitting, make_habits, play_day
from game.core.verify import BONUS_RULES, verify_ledger
from tests.conftest import FIXTURES, ROOT

NOW = dt.datetime(2026, 11, 23, 16, 0)
TODAY = NOW.date()
DAY = dt.timedelta(days=1)


@functools.cache
def mini() -> Content:
    return load_content(FIXTURES / "mini", ROOT / "assets", today=TODAY)


def played(content: Content, days: int = 4) -> PlayerState:
    """A player who logged every action each day for ``days`` days, then revealed all they could."""
    state = PlayerState()
    rng = random.Random(3)
    for n in range(days, 0, -1):
        day = TODAY - n * DAY
        at = dt.datetime.combine(day, dt.time(17))
        for action in content.actions.values():
            log_action(state, action, 3, day=day, now=at)
        grant_streak_bonuses(state, at)
    edition = next(iter(content.editions.values()))
    while state.balance >= edition.reveal_cost and len(state.owned) < len(
        content.species_in(edition.id)
    ):
        reveal(state, content, edition.id, rng, NOW)
    return state


def replaced(state: PlayerState, seq: int, **changes: object) -> list[LedgerEntry]:
    return [dataclasses.replace(e, **changes) if e.seq == seq else e for e in state.entries]


def first(state: PlayerState, kind: str) -> LedgerEntry:
    return next(e for e in state.entries if e.kind == kind)


def test_a_ledger_the_rules_wrote_passes(mini_content: Content) -> None:
    state = played(mini_content)
    assert any(e.kind == "bonus" for e in state.entries)  # the streak bonus is verified too
    verdict = verify_ledger(state.entries, mini_content, now=NOW)
    assert verdict.ok and verdict.set_aside == []
    assert verdict.state.balance == state.balance
    assert verdict.state.owned.keys() == state.owned.keys()


def test_a_forged_bonus_is_set_aside_and_does_not_count(mini_content: Content) -> None:
    state = played(mini_content, days=1)
    forged = grant_bonus(state, 1_000_000, "gift", NOW)
    verdict = verify_ledger(state.entries, mini_content, now=NOW)
    assert [v.seq for v in verdict.violations] == [forged.seq]
    assert verdict.set_aside == [forged]
    assert verdict.state.balance == state.balance - 1_000_000


def test_a_streak_bonus_too_big_or_too_early_is_caught(mini_content: Content) -> None:
    state = played(mini_content, days=1)
    milestone = STREAK_MILESTONES[0]
    early = grant_bonus(state, milestone.bonus_g, milestone.reason, NOW)
    assert [v.seq for v in verify_ledger(state.entries, mini_content, now=NOW).violations] == [
        early.seq
    ]
    grown = played(mini_content, days=milestone.days)
    bonus = next(e for e in grown.entries if e.reason == milestone.reason)
    entries = replaced(grown, bonus.seq, amount_g=bonus.amount_g * 10)
    assert bonus.seq in {v.seq for v in verify_ledger(entries, mini_content, now=NOW).violations}


def test_a_reveal_cost_edited_down_is_caught(mini_content: Content) -> None:
    state = played(mini_content)
    spent = first(state, "spent")
    verdict = verify_ledger(replaced(state, spent.seq, amount_g=-1), mini_content, now=NOW)
    assert spent.seq in [v.seq for v in verdict.violations]
    assert spent.reveal is not None and spent.reveal.species_id not in verdict.state.owned


def test_earned_energy_raised_within_its_cap_is_caught(mini_content: Content) -> None:
    state = played(mini_content)
    earned = first(state, "earned")
    entries = replaced(state, earned.seq, amount_g=earned.amount_g + 1)
    assert earned.seq in [v.seq for v in verify_ledger(entries, mini_content, now=NOW).violations]


def test_an_entry_written_in_the_future_is_caught(mini_content: Content) -> None:
    state = played(mini_content)
    earned = first(state, "earned")
    future = NOW + 3 * DAY
    entries = replaced(state, earned.seq, at=future, day=future.date())
    assert earned.seq in [v.seq for v in verify_ledger(entries, mini_content, now=NOW).violations]


def test_an_entry_dated_after_it_was_written_is_caught(mini_content: Content) -> None:
    state = played(mini_content)
    earned = first(state, "earned")
    entries = replaced(state, earned.seq, day=earned.at.date() + DAY)
    kinds = {v.kind for v in verify_ledger(entries, mini_content, now=NOW).violations}
    assert "date" in kinds


def test_back_dating_further_than_the_rules_allow_is_caught(mini_content: Content) -> None:
    state = played(mini_content)
    earned = first(state, "earned")
    entries = replaced(state, earned.seq, day=earned.day - 5 * DAY)
    assert earned.seq in [v.seq for v in verify_ledger(entries, mini_content, now=NOW).violations]


def test_a_seed_that_does_not_reproduce_its_card_is_caught(mini_content: Content) -> None:
    state = played(mini_content)
    spent = first(state, "spent")
    assert spent.reveal is not None
    for seed in range(1000):  # a seed that picks another card from the same odds
        entries = replaced(state, spent.seq, reveal=dataclasses.replace(spent.reveal, seed=seed))
        verdict = verify_ledger(entries, mini_content, now=NOW)
        if verdict.violations:
            assert verdict.violations[0].seq == spent.seq and "seed" in verdict.violations[0].text
            return
    pytest.fail("every seed gave the same card")


def test_forged_odds_are_caught(mini_content: Content) -> None:
    state = played(mini_content)
    spent = first(state, "spent")
    assert spent.reveal is not None
    odds = {**spent.reveal.species_odds, "not-a-card": 0.5} if spent.reveal.species_odds else {}
    entries = replaced(
        state, spent.seq, reveal=dataclasses.replace(spent.reveal, species_odds=odds)
    )
    assert spent.seq in [v.seq for v in verify_ledger(entries, mini_content, now=NOW).violations]


def test_a_missing_entry_is_reported_as_a_gap(mini_content: Content) -> None:
    state = played(mini_content)
    entries = [e for e in state.entries if e.seq != 2]
    violations = verify_ledger(entries, mini_content, now=NOW).violations
    assert [(v.seq, v.kind) for v in violations][:1] == [(2, "sequence")]


def test_a_reused_sequence_number_is_set_aside(mini_content: Content) -> None:
    state = played(mini_content)
    again = dataclasses.replace(state.entries[-1])
    verdict = verify_ledger([*state.entries, again], mini_content, now=NOW)
    assert [v.kind for v in verdict.violations] == ["sequence"]
    assert len(verdict.set_aside) == 1


def test_cards_bought_with_forged_energy_do_not_count(mini_content: Content) -> None:
    state = PlayerState()
    grant_bonus(state, 100_000, "gift", NOW)
    edition = next(iter(mini_content.editions.values()))
    reveal(state, mini_content, edition.id, random.Random(1), NOW)
    verdict = verify_ledger(state.entries, mini_content, now=NOW)
    assert len(verdict.set_aside) == 2 and verdict.state.owned == {}
    assert verdict.state.balance == 0


def test_each_bonus_kind_has_one_rule() -> None:
    assert set(BONUS_RULES) == {"streak", "teacher", "quiz", "carried"}
    assert all(callable(rule) for rule in BONUS_RULES.values())


def test_a_new_bonus_kind_is_checked_by_its_own_rule(mini_content: Content) -> None:
    state = PlayerState()
    grant_bonus(state, 50, "quiz-oceans", NOW)
    rules = {"quiz": lambda before, entry: None if entry.amount_g == 50 else "wrong amount"}
    assert verify_ledger(state.entries, mini_content, now=NOW, bonus_rules=rules).ok


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32), days=st.integers(1, 40), greedy=st.booleans())
def test_every_ledger_simulated_players_write_passes(seed: int, days: int, greedy: bool) -> None:
    content = mini()
    rng = random.Random(seed)
    habits = make_habits(sorted(content.actions.values(), key=lambda a: a.id), rng)
    state = PlayerState()
    start = dt.date(2026, 9, 1)
    for n in range(days):
        day = start + n * DAY
        if greedy:
            greedy_sitting(state, content, day)
        else:
            play_day(state, habits, day, rng)
        for edition_id in content.editions:
            with contextlib.suppress(RuleError):  # not enough energy, or the edition is complete
                reveal(state, content, edition_id, rng, dt.datetime.combine(day, dt.time(20)))
    now = dt.datetime.combine(start + days * DAY, dt.time(9))
    verdict = verify_ledger(state.entries, content, now=now)
    assert verdict.violations == ()
    assert verdict.state.balance == state.balance


def test_a_ledger_written_under_the_rules_before_the_pace_rules_passes(
    mini_content: Content,
) -> None:
    """An older save (entries without a rules version) is checked with the rules of its time:
    a week of back-dating, no day total, streaks from back-dated days, and reveals at the cost
    of their time."""
    action = max(mini_content.actions.values(), key=lambda a: a.daily_cap_g)
    edition = next(iter(mini_content.editions.values()))
    old = []
    for n, back in enumerate((6, 5, 4)):  # three days logged in one sitting, a week back
        day = TODAY - back * DAY
        old.append(
            {
                "seq": n + 1,
                "kind": "earned",
                "amount_g": action.daily_cap_g,
                "at": NOW.isoformat(),
                "day": day.isoformat(),
                "action_id": action.id,
                "quantity": 100,
            }
        )
    milestone = STREAK_MILESTONES[0]
    old.append(
        {
            "seq": 4,
            "kind": "bonus",
            "amount_g": milestone.bonus_g,
            "at": NOW.isoformat(),
            "day": TODAY.isoformat(),
            "reason": milestone.reason,
        }
    )
    state = PlayerState.from_entries(LedgerEntry.from_dict(e) for e in old)
    spent = reveal(state, mini_content, edition.id, random.Random(2), NOW)
    dearer = dataclasses.replace(spent, amount_g=spent.amount_g - 40, rules=1)  # cost of its time
    entries = [*state.entries[:-1], dearer]
    assert all(e.rules == 1 for e in entries)
    verdict = verify_ledger(entries, mini_content, now=NOW)
    assert verdict.violations == ()
    cheaper = dataclasses.replace(dearer, amount_g=-1)
    assert not verify_ledger([*entries[:-1], cheaper], mini_content, now=NOW).ok
