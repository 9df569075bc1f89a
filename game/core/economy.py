"""Earning green energy: logging eco-actions within daily caps, back-dating and undo.

The rules, all enforced here and checked by property tests:

- an action earns ``energy_g × quantity`` grams, cut to what is left of its ``daily_cap_g`` for
  the day it counts for, and to what is left of that day's total (:attr:`Rules.daily_total_g`);
- an action may count for today or up to :attr:`Rules.backdate_days` days back (yesterday), never
  for a day that has not happened yet;
- the last logged action can be undone within :attr:`Rules.undo_window`, unless its energy has
  already been spent on a card (a card once received is never taken back);
- every change is a new ledger entry, so the balance is always the sum of the ledger and can
  never go below zero;
- a class may narrow the rules (:attr:`Rules.allowed`, :attr:`Rules.caps`, see
  :mod:`game.core.classroom`), and with an approval queue an action is first ``pending``
  (:func:`log_pending`) and earns only once the teacher approves it (:func:`approve`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from game.core.ledger import EntryKind, LedgerEntry, PlayerState
from game.core.messages import Message
from game.core.models import Action


class RuleError(Exception):
    """An action the rules do not allow; the message is shown to the player as it is."""


@dataclass(frozen=True)
class Rules:
    # Pace: a child who logs every action at its cap, yesterday included, still needs two weeks
    # for an edition (tools/simulate.py --strategy greedy), while honest logging fills a day's
    # total only on a very green day.
    backdate_days: int = 1  # how many days back an action may still be logged
    daily_total_g: int = 900  # the most energy one day can give, over every action
    undo_window: dt.timedelta = dt.timedelta(minutes=10)
    max_quantity: float = 100.0  # the most units one log entry may hold (a typo guard)
    # A class's own rules: the actions its children may log (None: every action) and daily caps
    # by action id that replace the deck's.
    allowed: frozenset[str] | None = None
    caps: Mapping[str, int] | None = None

    def cap_of(self, action: Action) -> int:
        if self.caps is not None and action.id in self.caps:
            return self.caps[action.id]
        return action.daily_cap_g

    def allows(self, action: Action) -> bool:
        return self.allowed is None or action.id in self.allowed

    def __post_init__(self) -> None:
        if self.backdate_days < 0:
            raise ValueError("backdate_days must be 0 or more")
        if self.daily_total_g <= 0:
            raise ValueError("daily_total_g must be more than zero")
        if self.undo_window < dt.timedelta(0):
            raise ValueError("undo_window must not be negative")
        if not self.max_quantity > 0:
            raise ValueError("max_quantity must be more than zero")


def cap_left(state: PlayerState, action: Action, day: dt.date, rules: Rules | None = None) -> int:
    """How much more energy this action can still earn on ``day``."""
    cap = action.daily_cap_g if rules is None else rules.cap_of(action)
    return max(0, cap - state.earned_on(day, action.id))


def day_left(state: PlayerState, day: dt.date, rules: Rules = Rules()) -> int:
    """How much more energy ``day`` can still give, over every action (its daily total)."""
    return max(0, rules.daily_total_g - state.earned_day_total(day))


def caps_left(
    state: PlayerState, actions: Iterable[Action], day: dt.date, rules: Rules | None = None
) -> dict[str, int]:
    """What is left of each action's daily cap on ``day``, by action id (for the action list)."""
    return {action.id: cap_left(state, action, day, rules) for action in actions}


def loggable_days(now: dt.datetime, rules: Rules = Rules()) -> tuple[dt.date, dt.date]:
    """The first and last day an action can be logged for (for the date picker), inclusive."""
    today = now.date()
    return today - dt.timedelta(days=rules.backdate_days), today


def energy_for(action: Action, quantity: float) -> int:
    """Energy for ``quantity`` units before the daily cap (rounded down to whole grams)."""
    return math.floor(action.energy_g * quantity + 1e-9)


def preview(
    state: PlayerState, action: Action, quantity: float, day: dt.date, rules: Rules = Rules()
) -> int:
    """The energy logging ``quantity`` would earn on ``day`` now, after the caps (0 if none)."""
    if not math.isfinite(quantity) or quantity <= 0:
        return 0
    left = min(cap_left(state, action, day, rules), day_left(state, day, rules))
    return max(0, min(energy_for(action, quantity), left))


def earn_amount(
    state: PlayerState,
    action: Action,
    quantity: float,
    *,
    day: dt.date,
    now: dt.datetime,
    rules: Rules = Rules(),
) -> int:
    """The energy logging ``quantity`` of ``action`` for ``day`` earns at ``now``; RuleError with
    words for the player when the rules refuse it. Used to log, and to verify a ledger."""
    check_claim(action, quantity, day=day, now=now, rules=rules)
    if day_left(state, day, rules) <= 0:
        raise RuleError(
            Message(
                "That day has given all its green energy ({total} g). Well done! Come back "
                "tomorrow for more.",
                total=rules.daily_total_g,
            )
        )
    if cap_left(state, action, day, rules) <= 0:
        raise RuleError(Message("You have reached today's limit for this action. Try another one!"))
    left = min(cap_left(state, action, day, rules), day_left(state, day, rules))
    amount = min(energy_for(action, quantity), left)
    if amount <= 0:
        raise RuleError(Message("That amount is too small to earn energy."))
    return amount


def check_claim(
    action: Action, quantity: float, *, day: dt.date, now: dt.datetime, rules: Rules = Rules()
) -> None:
    """RuleError when logging ``quantity`` of ``action`` for ``day`` at ``now`` is refused
    whatever the caps: the action, the amount and the day."""
    if not rules.allows(action):
        raise RuleError(Message("Your class does not log this action."))
    if not math.isfinite(quantity) or quantity <= 0:
        raise RuleError(Message("The amount must be more than zero."))
    if quantity > rules.max_quantity:
        raise RuleError(
            Message(
                "That is more than {count} {unit} at once.",
                count=rules.max_quantity,
                unit=Message(action.unit),
            )
        )
    today = now.date()
    if day > today:
        raise RuleError(Message("Actions cannot be logged for a day that has not happened yet."))
    if (today - day).days > rules.backdate_days:
        raise RuleError(
            Message("You can log what you did today or yesterday, not earlier.")
            if rules.backdate_days == 1
            else Message(
                "Actions can be logged up to {count} days back.", count=rules.backdate_days
            )
        )


def log_action(
    state: PlayerState,
    action: Action,
    quantity: float,
    *,
    day: dt.date,
    now: dt.datetime,
    rules: Rules = Rules(),
) -> LedgerEntry:
    """Record an eco-action and return its ledger entry (already applied to ``state``).

    The energy is ``energy_g × quantity``, cut to what is left of the action's daily cap and of
    the day's total (:func:`earn_amount`).
    """
    amount = earn_amount(state, action, quantity, day=day, now=now, rules=rules)
    return _record_action(state, "earned", amount, action, quantity, day=day, now=now)


def _record_action(
    state: PlayerState,
    kind: EntryKind,
    amount_g: int,
    action: Action,
    quantity: float,
    *,
    day: dt.date,
    now: dt.datetime,
) -> LedgerEntry:
    """The ledger entry of a logged action, applied to ``state``."""
    entry = LedgerEntry(
        seq=state.next_seq,
        kind=kind,
        amount_g=amount_g,
        at=now,
        day=day,
        action_id=action.id,
        quantity=quantity,
    )
    state.apply(entry)
    return entry


def undoable(state: PlayerState, now: dt.datetime, rules: Rules = Rules()) -> LedgerEntry | None:
    """The most recent logged action, if it can still be undone."""
    for entry in reversed(state.entries):
        if entry.kind in ("pending", "declined"):
            continue
        if entry.kind == "earned":
            if entry.approves is not None:
                return None  # the teacher's approval is not the child's to take back
            if entry.seq in state.undone or now - entry.at > rules.undo_window:
                return None
            if state.balance < entry.amount_g:
                return None
            return entry
        if entry.kind == "spent":
            return None  # energy already used for a card stays used
    return None


def undo_last(state: PlayerState, now: dt.datetime, rules: Rules = Rules()) -> LedgerEntry:
    target = undoable(state, now, rules)
    if target is None:
        raise RuleError(Message("There is no recent action to undo."))
    entry = LedgerEntry(
        seq=state.next_seq,
        kind="undone",
        amount_g=-target.amount_g,
        at=now,
        day=target.day,
        undoes=target.seq,
    )
    state.apply(entry)
    return entry


def grant_bonus(state: PlayerState, amount_g: int, reason: str, now: dt.datetime) -> LedgerEntry:
    """Add a bonus with its reason (shown in the history). See :func:`grant_bonus_once`."""
    if amount_g <= 0:
        raise RuleError(Message("A bonus must be positive."))
    if not reason:
        raise RuleError(Message("A bonus needs a reason."))
    entry = LedgerEntry(
        seq=state.next_seq, kind="bonus", amount_g=amount_g, at=now, day=now.date(), reason=reason
    )
    state.apply(entry)
    return entry


def grant_bonus_once(
    state: PlayerState, amount_g: int, reason: str, now: dt.datetime
) -> LedgerEntry | None:
    """Grant a bonus unless one with the same reason is already in the ledger.

    The ledger is the memory: calling this again, after a restart or on another machine with the
    same save, grants nothing more, so a reward can never be collected twice.
    """
    if reason in state.bonus_reasons:
        return None
    return grant_bonus(state, amount_g, reason, now)


def log_pending(
    state: PlayerState,
    action: Action,
    quantity: float,
    *,
    day: dt.date,
    now: dt.datetime,
    rules: Rules = Rules(),
) -> LedgerEntry:
    """Record an action that waits for the teacher's approval (it earns nothing yet)."""
    check_claim(action, quantity, day=day, now=now, rules=rules)
    return _record_action(state, "pending", 0, action, quantity, day=day, now=now)


def approval_amount(
    state: PlayerState, action: Action, pending: LedgerEntry, rules: Rules = Rules()
) -> int:
    """What approving ``pending`` earns now: its day's caps as they stand, the back-dating
    judged when the child logged it."""
    return earn_amount(
        state, action, float(pending.quantity or 0), day=pending.day, now=pending.at, rules=rules
    )


def approve(
    state: PlayerState, action: Action, pending_seq: int, now: dt.datetime, rules: Rules = Rules()
) -> LedgerEntry:
    """Approve a pending action: an ``earned`` entry naming it. RuleError when it is not
    waiting, or when its day's caps are already used up (decline it then)."""
    pending = state.pending.get(pending_seq)
    if pending is None or pending.action_id != action.id:
        raise RuleError(Message("That action is not waiting for approval."))
    amount = approval_amount(state, action, pending, rules)
    entry = LedgerEntry(
        seq=state.next_seq,
        kind="earned",
        amount_g=amount,
        at=now,
        day=pending.day,
        action_id=action.id,
        quantity=pending.quantity,
        approves=pending_seq,
    )
    state.apply(entry)
    return entry


def decline(state: PlayerState, pending_seq: int, now: dt.datetime) -> LedgerEntry:
    """Decline a pending action: it stays in the history and never counts."""
    pending = state.pending.get(pending_seq)
    if pending is None:
        raise RuleError(Message("That action is not waiting for approval."))
    entry = LedgerEntry(
        seq=state.next_seq,
        kind="declined",
        amount_g=0,
        at=now,
        day=pending.day,
        action_id=pending.action_id,
        undoes=pending_seq,
    )
    state.apply(entry)
    return entry
