"""Class rules: the roster CSV, the teacher's settings, approvals, bonuses and retention."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core.class_settings import MAX_GOAL_NAME, cap_bounds, cap_step, settings_problem
from game.core.classroom import (
    ClassSettings,
    RosterError,
    apply_retention,
    grant_teacher_bonus,
    parse_roster_csv,
    record_action,
    retention_cutoff,
    teacher_reason,
)
from game.core.content import Content
from game.core.economy import RuleError, approve, decline, log_action
from game.core.ledger import LedgerEntry, PlayerState
from game.core.progress import grant_streak_bonuses
from game.core.quiz import QUIZ_DAILY_MAX, QUIZ_POINT_G, Question, reward
from game.core.verify import verify_ledger

NOW = dt.datetime(2026, 11, 23, 10, 0)
BIKE = "cycle-instead-of-car"


def test_roster_with_and_without_bom_and_groups() -> None:
    text = "name,group\nMia,Blue\n  Léo  ,\n\n李明,Red\n"
    for data in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
        rows = parse_roster_csv(data, "class.csv")
        assert [(r.name, r.group) for r in rows] == [
            ("Mia", "Blue"),
            ("Léo", None),
            ("李明", "Red"),
        ]


def test_roster_with_only_a_name_column() -> None:
    rows = parse_roster_csv(b"Name\nAva\nNoah\n", "c.csv")
    assert [r.name for r in rows] == ["Ava", "Noah"] and all(r.group is None for r in rows)


def test_malformed_roster_lists_every_problem_with_file_and_line() -> None:
    data = b"name,group\nMia,Blue\n,Red\nmia,Green\nTom,A,extra\n" + b"X" * 30 + b",B\n"
    with pytest.raises(RosterError) as raised:
        parse_roster_csv(data, "class.csv")
    lines = [p.split(":")[1] for p in raised.value.problems]
    assert lines == ["3", "4", "5", "6"]
    assert all(p.startswith("class.csv:") for p in raised.value.problems)


@pytest.mark.parametrize(
    "data",
    [b"", b"first,group\nMia,A\n", b"name,age\nMia,9\n", b"name\n", b"name\n\xff\xfeMia\n"],
)
def test_roster_without_usable_header_or_text_is_refused(data: bytes) -> None:
    with pytest.raises(RosterError) as raised:
        parse_roster_csv(data, "c.csv")
    assert all(p.startswith("c.csv:") for p in raised.value.problems)


@given(st.binary(max_size=200))
def test_roster_parser_either_reads_or_refuses(data: bytes) -> None:
    try:
        rows = parse_roster_csv(data, "c.csv")
    except RosterError as exc:
        assert exc.problems
    else:
        assert len({r.name.casefold() for r in rows}) == len(rows)


def test_settings_round_trip_and_feed_the_rules() -> None:
    settings = ClassSettings(
        approval=True, allowed_actions=frozenset({BIKE}), caps={BIKE: 300}, backdate_days=3
    )
    assert ClassSettings.from_dict(settings.to_dict()) == settings
    rules = settings.rules()
    assert rules.backdate_days == 3 and rules.caps == {BIKE: 300}


def test_class_cap_and_allowed_actions_limit_logging(mini_content: Content) -> None:
    settings = ClassSettings(allowed_actions=frozenset({BIKE}), caps={BIKE: 300})
    state = PlayerState()
    entry = record_action(
        state, mini_content.actions[BIKE], 50, day=NOW.date(), now=NOW, settings=settings
    )
    assert entry.amount_g == 300
    other = next(a for a in mini_content.actions.values() if a.id != BIKE)
    with pytest.raises(RuleError):
        record_action(state, other, 1, day=NOW.date(), now=NOW, settings=settings)
    assert verify_ledger(state.entries, mini_content, now=NOW, rules=settings.rules()).ok


def test_class_may_allow_logging_further_back(mini_content: Content) -> None:
    settings = ClassSettings(backdate_days=5)
    state = PlayerState()
    day = NOW.date() - dt.timedelta(days=4)
    record_action(state, mini_content.actions[BIKE], 1, day=day, now=NOW, settings=settings)
    with pytest.raises(RuleError):
        log_action(state, mini_content.actions[BIKE], 1, day=day, now=NOW)


def test_pending_action_counts_only_once_approved(mini_content: Content) -> None:
    settings = ClassSettings(approval=True)
    state = PlayerState()
    bike = mini_content.actions[BIKE]
    pending = record_action(state, bike, 2, day=NOW.date(), now=NOW, settings=settings)
    assert pending.kind == "pending" and state.balance == 0 and state.earned_total == 0
    assert set(state.pending) == {pending.seq}
    later = NOW + dt.timedelta(days=3)  # the teacher approves after the back-dating window
    approved = approve(state, bike, pending.seq, later, settings.rules())
    assert approved.amount_g > 0 and state.balance == approved.amount_g and not state.pending
    verdict = verify_ledger(state.entries, mini_content, now=later, rules=settings.rules())
    assert verdict.ok and verdict.state.balance == approved.amount_g


def test_declined_action_never_counts(mini_content: Content) -> None:
    state = PlayerState()
    bike = mini_content.actions[BIKE]
    pending = record_action(
        state, bike, 2, day=NOW.date(), now=NOW, settings=ClassSettings(approval=True)
    )
    decline(state, pending.seq, NOW)
    with pytest.raises(RuleError):
        approve(state, bike, pending.seq, NOW)
    verdict = verify_ledger(state.entries, mini_content, now=NOW)
    assert verdict.ok and verdict.state.balance == 0


def test_forged_approval_is_set_aside(mini_content: Content) -> None:
    state = PlayerState()
    forged = LedgerEntry(
        seq=1,
        kind="earned",
        amount_g=500,
        at=NOW,
        day=NOW.date(),
        action_id=BIKE,
        quantity=5.0,
        approves=7,
    )
    state.apply(forged)
    verdict = verify_ledger(state.entries, mini_content, now=NOW)
    assert verdict.set_aside == [forged] and verdict.state.balance == 0


def test_teacher_bonus_keeps_its_reason_and_passes_verification(mini_content: Content) -> None:
    state = PlayerState()
    entry = grant_teacher_bonus(state, 200, "Beach clean-up", NOW)
    assert teacher_reason(entry.reason or "") == "Beach clean-up"
    assert verify_ledger(state.entries, mini_content, now=NOW).ok


def test_teacher_bonus_without_reason_or_too_big_is_refused() -> None:
    with pytest.raises(RuleError):
        grant_teacher_bonus(PlayerState(), 200, "  ", NOW)
    with pytest.raises(RuleError):
        grant_teacher_bonus(PlayerState(), 10**6, "gift", NOW)


def test_forged_teacher_bonus_is_set_aside(mini_content: Content) -> None:
    state = PlayerState()
    state.apply(
        LedgerEntry(
            seq=1, kind="bonus", amount_g=10**6, at=NOW, day=NOW.date(), reason="teacher-x-y"
        )
    )
    assert len(verify_ledger(state.entries, mini_content, now=NOW).set_aside) == 1


def test_quiz_bonus_is_capped_per_day(mini_content: Content) -> None:
    state = PlayerState()
    question = Question("scientific", "x", "?", ("a", "b"), 0, "because")
    rewards = [reward(state, question, 0, NOW) for _ in range(QUIZ_DAILY_MAX + 2)]
    assert sum(r is not None for r in rewards) == QUIZ_DAILY_MAX
    assert reward(state, question, 1, NOW) is None
    assert state.balance == QUIZ_DAILY_MAX * QUIZ_POINT_G
    assert verify_ledger(state.entries, mini_content, now=NOW).ok
    extra = LedgerEntry(
        seq=state.next_seq,
        kind="bonus",
        amount_g=QUIZ_POINT_G,
        at=NOW,
        day=NOW.date(),
        reason=f"quiz-{NOW.date().isoformat()}-99",
    )
    state.apply(extra)
    assert verify_ledger(state.entries, mini_content, now=NOW).set_aside == [extra]


def _a_year(content: Content) -> tuple[PlayerState, dt.datetime]:
    state = PlayerState()
    bike = content.actions[BIKE]
    start = dt.datetime(2025, 9, 1, 8, 0)
    for n in range(300):
        now = start + dt.timedelta(days=n)
        if n % 40 == 39:
            continue  # a break, so streaks start again
        log_action(state, bike, 3, day=now.date(), now=now)
        grant_streak_bonuses(state, now)
        if n % 50 == 49:
            grant_teacher_bonus(state, 100, f"helped {n}", now)
    return state, start + dt.timedelta(days=300)


def test_retention_deletes_old_entries_and_keeps_the_totals(mini_content: Content) -> None:
    state, now = _a_year(mini_content)
    cutoff = retention_cutoff(now.date(), 3)
    kept, deleted = apply_retention(state.entries, cutoff)
    assert deleted > 0
    assert all(e.at.date() >= cutoff for e in kept[1:] if e.kind != "bonus")
    assert [e.seq for e in kept] == list(range(1, len(kept) + 1))
    assert verify_ledger(state.entries, mini_content, now=now).ok
    after = verify_ledger(kept, mini_content, now=now)
    assert after.ok, after.violations
    assert {e.reason for e in kept if (e.reason or "").startswith("streak-")} == {
        r for r in state.bonus_reasons if r.startswith("streak-")
    }
    assert after.state.balance == state.balance
    assert after.state.earned_total == state.earned_total
    again, more = apply_retention(kept, cutoff)
    assert more == 0 and again == kept


def test_retention_cutoff_is_the_start_of_a_month() -> None:
    assert retention_cutoff(dt.date(2026, 3, 15), 6) == dt.date(2025, 9, 1)
    assert retention_cutoff(dt.date(2026, 1, 1), 1) == dt.date(2025, 12, 1)


def test_class_rules_import_no_pygame() -> None:
    code = "import sys, game.core.classroom, game.core.quiz; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_class_bonuses_read_in_the_history() -> None:
    from game.core.progress import bonus_reason_text

    state = PlayerState()
    entry = grant_teacher_bonus(state, 200, "Beach clean-up", NOW)
    assert bonus_reason_text(entry.reason or "") == "From your teacher: Beach clean-up"
    question = Question("scientific", "x", "?", ("a", "b"), 0, "because")
    quiz = reward(state, question, 0, NOW)
    assert quiz is not None and bonus_reason_text(quiz.reason or "") != quiz.reason


def test_a_class_cap_stays_within_its_bounds(mini_content: Content) -> None:
    action = mini_content.actions[BIKE]
    low, high = cap_bounds(action)
    assert 0 < low < action.daily_cap_g < high
    assert ClassSettings().with_cap(action, high).cap_of(action) == high
    for bad in (low - 1, high + 1):
        with pytest.raises(RuleError):
            ClassSettings().with_cap(action, bad)


def test_a_cap_back_at_the_decks_own_is_no_class_cap(mini_content: Content) -> None:
    action = mini_content.actions[BIKE]
    lowered = ClassSettings().with_cap(action, action.daily_cap_g - cap_step(action))
    assert lowered.caps
    assert lowered.with_cap(action, action.daily_cap_g).caps == {}


def test_settings_problem_names_a_cap_out_of_bounds(mini_content: Content) -> None:
    action = mini_content.actions[BIKE]
    _, high = cap_bounds(action)
    assert settings_problem(mini_content, ClassSettings(caps={BIKE: high})) is None
    assert settings_problem(mini_content, ClassSettings(caps={BIKE: high + 1})) is not None


def test_goal_name_is_tidied_and_bounded() -> None:
    assert ClassSettings().with_goal_name("  our   class forest ").goal_name == "our class forest"
    with pytest.raises(RuleError):
        ClassSettings().with_goal_name("x" * (MAX_GOAL_NAME + 1))
    with pytest.raises(ValueError):
        ClassSettings.from_dict({"goal_name": "bad\x00name"})


def test_a_changed_cap_does_not_set_aside_what_was_earned_under_the_old_one(
    mini_content: Content,
) -> None:
    bike = mini_content.actions[BIKE]
    before = ClassSettings()
    state = PlayerState()
    morning = NOW.replace(hour=8)
    capped = record_action(state, bike, 50, day=NOW.date(), now=morning, settings=before)
    after = before.with_cap(bike, bike.daily_cap_g // 2).after(before, NOW.replace(hour=9))
    later = NOW.replace(hour=11)
    tomorrow = later + dt.timedelta(days=1)
    record_action(state, bike, 50, day=tomorrow.date(), now=tomorrow, settings=after)
    assert capped.amount_g > after.cap_of(bike)
    # judged by today's rules alone, the morning's entry would break them
    assert not verify_ledger(state.entries, mini_content, now=tomorrow, rules=after.rules()).ok
    verdict = verify_ledger(state.entries, mini_content, now=tomorrow, rules_at=after.rules_at)
    assert verdict.ok and verdict.state.earned_total == state.earned_total


def test_an_action_turned_off_keeps_its_earlier_entries(mini_content: Content) -> None:
    before = ClassSettings()
    state = PlayerState()
    record_action(state, mini_content.actions[BIKE], 1, day=NOW.date(), now=NOW, settings=before)
    others = frozenset(a for a in mini_content.actions if a != BIKE)
    after = before.changed(allowed_actions=others).after(before, NOW + dt.timedelta(hours=1))
    later = NOW + dt.timedelta(days=1)
    assert verify_ledger(state.entries, mini_content, now=later, rules_at=after.rules_at).ok


def test_only_a_change_to_the_economy_is_kept_in_the_history() -> None:
    base = ClassSettings()
    renamed = base.changed(goal_name="forest", approval=True).after(base, NOW)
    assert renamed.past_rules == ()
    capped = renamed.changed(caps={BIKE: 300}).after(renamed, NOW)
    assert len(capped.past_rules) == 1 and capped.past_rules[0].until == NOW
    assert ClassSettings.from_dict(capped.to_dict()) == capped
    assert capped.rules_at(NOW - dt.timedelta(seconds=1)).caps is None
    assert capped.rules_at(NOW).caps == {BIKE: 300}
