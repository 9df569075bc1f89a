"""One check of a whole ledger against the rules and the decks.

:func:`verify_ledger` replays the ledger entry by entry through the rules themselves, starting
from an empty player: each entry must be exactly what the rules would have written at that
moment, given the entries before it that passed. An entry that breaks a rule is set aside: it
stays in the save (a teacher can look at it; nothing is ever deleted) but counts for nothing, so
energy it claimed cannot be spent and cards bought with that energy do not count either.

What is checked, entry by entry:

- every entry: sequence numbers run without gaps or repeats; nothing is dated after it was
  written, and nothing was written in the future;
- ``earned``: a known action, a sensible quantity, a day the back-dating rule allowed, and
  exactly ``energy_g × quantity`` cut to the action's daily cap and the day's total;
- ``undone``: takes back exactly the action that could still be undone at that moment;
- ``spent``: a card of the edition it names, not owned yet, paid with the edition's cost out of
  energy the player had, with a seed that reproduces the card from the recorded odds;
- each entry against the rules it was written under (``LedgerEntry.rules``): saves from before
  the pace rules keep their week of back-dating, and their reveals the costs of their time;
- ``bonus``: granted by the one rule of its kind (:data:`BONUS_RULES`: the streak bonus, whose
  rule lives in :mod:`game.core.progress`; the teacher's bonus, the stand-in for entries deleted
  by data retention, both in :mod:`game.core.classroom`; the quiz bonus in
  :mod:`game.core.quiz`), with that rule's amount;
- ``pending``: an action the rules would accept apart from the caps (those apply when it is
  approved); an ``earned`` entry that ``approves`` it earns what the caps left at approval, its
  back-dating judged when the child logged it; ``declined`` resolves a pending action for 0 g.

The game runs this when a player opens, ``tools/profiles.py history`` prints its findings, and
property tests check that every ledger the rules produce passes. Checks use today's decks: a cap
lowered or a cost changed since would show up here too.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from game.core.classroom import (
    carried_bonus_problem,
    streak_bonus_after_retention,
    teacher_bonus_problem,
)
from game.core.content import Content
from game.core.economy import RuleError, Rules, approval_amount, check_claim, earn_amount, undoable
from game.core.ledger import RULES_VERSION, LedgerEntry, PlayerState
from game.core.models import Action
from game.core.quiz import quiz_bonus_problem
from game.core.reveals import Odds, availability, odds, pick

ViolationKind = Literal[
    "sequence", "date", "earned", "undone", "spent", "bonus", "pending", "declined"
]
# The rules entries written before the pace rules were checked against (LedgerEntry.rules 1):
# a week of back-dating and no day total. Their reveals paid the costs of that time, at least
# today's.
LEGACY_RULES = Rules(backdate_days=7, daily_total_g=10**9)
# How far ahead of "now" an entry may be written (two machines' clocks rarely agree exactly).
CLOCK_GRACE = dt.timedelta(minutes=10)
_CLOSE = 1e-6

#: A bonus rule: given the player before the bonus and the bonus entry, why the bonus is not one
#: this rule grants (None when it is). One rule per bonus kind, the kind being the reason's
#: first word ("streak-7" is a streak bonus).
BonusRule = Callable[[PlayerState, LedgerEntry], "str | None"]
BONUS_RULES: dict[str, BonusRule] = {
    "streak": streak_bonus_after_retention,
    "teacher": teacher_bonus_problem,
    "quiz": quiz_bonus_problem,
    "carried": carried_bonus_problem,
}


@dataclass(frozen=True)
class Violation:
    seq: int  # the entry (for a gap: the first missing number)
    kind: ViolationKind
    text: str  # plain English, for teachers and logs

    def __str__(self) -> str:
        return f"entry {self.seq}: {self.text}"


@dataclass(frozen=True)
class Verdict:
    state: PlayerState  # the entries that passed, folded; ``state.set_aside`` holds the rest
    violations: tuple[Violation, ...]

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def set_aside(self) -> list[LedgerEntry]:
        return self.state.set_aside


def bonus_kind(reason: str) -> str:
    return reason.split("-", 1)[0]


def verify_ledger(
    entries: Iterable[LedgerEntry],
    content: Content,
    *,
    now: dt.datetime,
    rules: Rules | None = None,
    rules_at: Callable[[dt.datetime], Rules] | None = None,
    bonus_rules: dict[str, BonusRule] | None = None,
) -> Verdict:
    """Check every entry against the rules; the entries that pass make the returned state.

    ``rules_at`` gives the rules in force when an entry was written (a class whose teacher
    changed a cap: game.core.class_settings.ClassSettings.rules_at); without it, ``rules``."""
    rules = rules or Rules()
    bonus_rules = BONUS_RULES if bonus_rules is None else bonus_rules
    state = PlayerState()
    violations: list[Violation] = []
    expected = 1
    seen: set[int] = set()
    for entry in sorted(entries, key=lambda e: e.seq):
        if entry.seq in seen:
            violations.append(Violation(entry.seq, "sequence", "the sequence number is used twice"))
            state.set_aside.append(entry)
            continue
        seen.add(entry.seq)
        if entry.seq > expected:
            missing = (
                f"entry {expected} is missing"
                if entry.seq == expected + 1
                else f"entries {expected} to {entry.seq - 1} are missing"
            )
            violations.append(Violation(expected, "sequence", missing))
        expected = entry.seq + 1
        if entry.rules < RULES_VERSION:
            in_force = LEGACY_RULES
        else:
            in_force = rules if rules_at is None else rules_at(entry.at)
        problem = _problem(state, entry, content, now, in_force, bonus_rules)
        if problem is None:
            state.apply(entry)
        else:
            violations.append(Violation(entry.seq, problem[0], problem[1]))
            state.set_aside.append(entry)
    return Verdict(state, tuple(violations))


def _problem(
    before: PlayerState,
    entry: LedgerEntry,
    content: Content,
    now: dt.datetime,
    rules: Rules,
    bonus_rules: dict[str, BonusRule],
) -> tuple[ViolationKind, str] | None:
    if entry.at > now + CLOCK_GRACE:
        return "date", f"written {entry.at:%Y-%m-%d %H:%M}, which is in the future"
    if entry.day > entry.at.date():
        return "date", f"counts for {entry.day}, after the day it was written ({entry.at.date()})"
    if entry.kind == "earned":
        found = _earned_problem(before, entry, content, rules)
        return None if found is None else ("earned", found)
    if entry.kind == "pending":
        found = _pending_problem(entry, content, rules)
        return None if found is None else ("pending", found)
    if entry.kind == "declined":
        if entry.undoes not in before.pending or entry.amount_g != 0:
            return "declined", f"declines entry {entry.undoes}, which was not waiting"
        return None
    if entry.kind == "undone":
        target = undoable(before, entry.at, rules)
        if target is None or target.seq != entry.undoes:
            return "undone", f"undoes entry {entry.undoes}, which could not be undone then"
        if entry.amount_g != -target.amount_g or entry.day != target.day:
            return "undone", (
                f"takes back {-entry.amount_g} g but entry {target.seq} earned {target.amount_g} g"
            )
        return None
    if entry.kind == "spent":
        found = _spent_problem(before, entry, content)
        return None if found is None else ("spent", found)
    return _bonus_problem(before, entry, bonus_rules)


def _claimed(entry: LedgerEntry, content: Content) -> tuple[Action, float] | str:
    """The action an entry claims and its quantity, or what is wrong with them."""
    action = content.actions.get(entry.action_id or "")
    if action is None:
        return f"names an action that does not exist: {entry.action_id!r}"
    quantity = entry.quantity
    if not isinstance(quantity, int | float) or isinstance(quantity, bool):
        return "has no quantity"
    return action, float(quantity)


def _earned_problem(
    before: PlayerState, entry: LedgerEntry, content: Content, rules: Rules
) -> str | None:
    claimed = _claimed(entry, content)
    if isinstance(claimed, str):
        return claimed
    action, quantity = claimed
    if entry.approves is not None:
        return _approval_problem(before, entry, action, rules)
    try:
        allowed = earn_amount(before, action, quantity, day=entry.day, now=entry.at, rules=rules)
    except RuleError as refused:
        return f"the rules refuse it: {refused}"
    if entry.amount_g != allowed:
        return (
            f"earned {entry.amount_g} g for {quantity:g} {action.unit} of '{action.id}', "
            f"but the rules give {allowed} g"
        )
    return None


def _pending_problem(entry: LedgerEntry, content: Content, rules: Rules) -> str | None:
    claimed = _claimed(entry, content)
    if isinstance(claimed, str):
        return claimed
    action, quantity = claimed
    if entry.amount_g != 0:
        return "a pending action earns nothing until it is approved"
    try:
        check_claim(action, quantity, day=entry.day, now=entry.at, rules=rules)
    except RuleError as refused:
        return f"the rules refuse it: {refused}"
    return None


def _approval_problem(
    before: PlayerState, entry: LedgerEntry, action: Action, rules: Rules
) -> str | None:
    target = before.pending.get(entry.approves or 0)
    if target is None:
        return f"approves entry {entry.approves}, which was not waiting for approval"
    if (target.action_id, target.quantity, target.day) != (
        entry.action_id,
        entry.quantity,
        entry.day,
    ):
        return f"approves entry {target.seq} but names another action, amount or day"
    try:
        allowed = approval_amount(before, action, target, rules)
    except RuleError as refused:
        return f"the rules refuse it: {refused}"
    if entry.amount_g != allowed:
        return f"earned {entry.amount_g} g on approval, but the rules give {allowed} g"
    return None


def _spent_problem(before: PlayerState, entry: LedgerEntry, content: Content) -> str | None:
    info = entry.reveal
    if info is None:
        return "spent energy without receiving a card"
    edition = content.editions.get(info.edition_id)
    species = content.species.get(info.species_id)
    if edition is None or species is None:
        return f"names a card or edition that does not exist: {info.species_id!r}"
    if species.edition != edition.id:
        return f"'{species.id}' belongs to '{species.edition}', not '{edition.id}'"
    if species.id in before.owned:
        return f"'{species.id}' was already revealed in entry {before.owned[species.id].seq}"
    paid, cost = -entry.amount_g, edition.reveal_cost
    # an older reveal paid the cost of its time, which may have been more than today's
    if paid < cost or (paid != cost and entry.rules >= RULES_VERSION):
        return f"paid {paid} g, but a card of '{edition.id}' costs {cost} g"
    if before.balance < paid:
        return f"paid {paid} g with only {before.balance} g to spend"
    if entry.day != entry.at.date():
        return "a reveal counts for the day it happens"
    if availability(edition, entry.day) is not None:
        return f"'{edition.id}' had not opened yet on {entry.day}"
    return _draw_problem(before, entry, content)


def _draw_problem(before: PlayerState, entry: LedgerEntry, content: Content) -> str | None:
    """Does the seed give this card from the odds of that moment?

    The recorded odds must cover only cards that could still be drawn (a deck may have grown
    since, never shrunk: ids are permanent) and add up to one. Reveals saved before odds were
    recorded are checked with odds recomputed from the decks when those still agree with the
    tier odds of that moment, and otherwise cannot be checked (which is not a violation).
    """
    info = entry.reveal
    assert info is not None
    now_odds = odds(content, info.edition_id, before)
    recorded = info.species_odds
    if recorded is None:
        same = all(
            math.isclose(now_odds.tiers.get(t, 0.0), info.tier_odds.get(t, 0.0), abs_tol=_CLOSE)
            for t in set(now_odds.tiers) | set(info.tier_odds)
        )
        if not same or len(now_odds.species) != info.candidates:
            return None
        recorded = now_odds.species
    strangers = sorted(set(recorded) - set(now_odds.species))
    if strangers:
        return f"the recorded odds include cards that could not be drawn: {', '.join(strangers)}"
    if not math.isclose(sum(recorded.values()), 1.0, abs_tol=_CLOSE) or any(
        p <= 0 for p in recorded.values()
    ):
        return "the recorded odds do not add up to 100%"
    if not math.isclose(recorded.get(info.species_id, 0.0), info.chance, abs_tol=_CLOSE):
        return f"the recorded chance {info.chance:.2%} is not the card's chance in the odds"
    if pick(Odds(species=recorded, tiers=info.tier_odds), info.seed) != info.species_id:
        return f"seed {info.seed} does not reproduce '{info.species_id}'"
    return None


def _bonus_problem(
    before: PlayerState, entry: LedgerEntry, bonus_rules: dict[str, BonusRule]
) -> tuple[ViolationKind, str] | None:
    reason = entry.reason or ""
    rule = bonus_rules.get(bonus_kind(reason))
    if rule is None:
        return "bonus", f"a bonus no rule grants: {reason!r}"
    if reason in before.bonus_reasons:
        return "bonus", f"the bonus {reason!r} was already granted"
    if entry.day != entry.at.date():
        return "bonus", "a bonus counts for the day it is granted"
    found = rule(before, entry)
    return None if found is None else ("bonus", found)
