"""Earning green energy: logging eco-actions within daily caps, back-dating and undo."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from game.core.ledger import LedgerEntry, PlayerState
from game.core.models import Action


class RuleError(Exception):
    """An action the rules do not allow; the message is shown to the player as it is."""


@dataclass(frozen=True)
class Rules:
    backdate_days: int = 7
    undo_window: dt.timedelta = dt.timedelta(minutes=10)
    max_quantity: float = 100.0


def cap_left(state: PlayerState, action: Action, day: dt.date) -> int:
    """How much more energy this action can still earn on ``day``."""
    return max(0, action.daily_cap_g - state.earned_on(day, action.id))


def energy_for(action: Action, quantity: float) -> int:
    """Energy for ``quantity`` units before the daily cap (rounded down to whole grams)."""
    return math.floor(action.energy_g * quantity + 1e-9)


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

    The energy is ``energy_g × quantity``, cut to what is left of the action's daily cap.
    """
    if not math.isfinite(quantity) or quantity <= 0:
        raise RuleError("The amount must be more than zero.")
    if quantity > rules.max_quantity:
        raise RuleError(f"That is more than {rules.max_quantity:g} {action.unit} at once.")
    today = now.date()
    if day > today:
        raise RuleError("Actions cannot be logged for a day that has not happened yet.")
    if (today - day).days > rules.backdate_days:
        raise RuleError(f"Actions can be logged up to {rules.backdate_days} days back.")
    left = cap_left(state, action, day)
    if left <= 0:
        raise RuleError("You have reached today's limit for this action. Try another one!")
    amount = min(energy_for(action, quantity), left)
    if amount <= 0:
        raise RuleError("That amount is too small to earn energy.")
    entry = LedgerEntry(seq=state.next_seq, kind="earned", amount_g=amount, at=now, day=day,
                        action_id=action.id, quantity=quantity)
    state.apply(entry)
    return entry


def undoable(state: PlayerState, now: dt.datetime, rules: Rules = Rules()) -> LedgerEntry | None:
    """The most recent logged action, if it can still be undone."""
    for entry in reversed(state.entries):
        if entry.kind == "earned":
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
        raise RuleError("There is no recent action to undo.")
    entry = LedgerEntry(seq=state.next_seq, kind="undone", amount_g=-target.amount_g, at=now,
                        day=target.day, undoes=target.seq)
    state.apply(entry)
    return entry


def grant_bonus(state: PlayerState, amount_g: int, reason: str, now: dt.datetime) -> LedgerEntry:
    if amount_g <= 0:
        raise RuleError("A bonus must be positive.")
    entry = LedgerEntry(seq=state.next_seq, kind="bonus", amount_g=amount_g, at=now,
                        day=now.date(), reason=reason)
    state.apply(entry)
    return entry
