"""The append-only energy ledger and the player state folded from it.

Every change of energy is an entry: ``earned`` (an eco-action), ``undone`` (takes an earlier
``earned`` entry back), ``spent`` (a reveal, which also carries the card it gave) and ``bonus``
(with a reason). In a class with an approval queue, a child's action is first ``pending`` (it
counts for nothing), then either approved by an ``earned`` entry naming it (``approves``) or
``declined``. The ledger is the single source of truth: the balance, the collection and the
daily caps are all folded from it, so paying for a card and receiving it are one entry, written
together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

EntryKind = Literal["earned", "undone", "spent", "bonus", "pending", "declined"]
ENTRY_KINDS: tuple[str, ...] = ("earned", "undone", "spent", "bonus", "pending", "declined")
#: The bonus that stands for the entries a class's data retention deleted: its amount is their
#: net energy and its quantity the CO2e (grams) they had earned.
CARRIED = "carried"

#: The rules an entry was written under, so a save stays valid when the rules change:
#: 1 before the pace rules (back-dating up to a week, no day total, streaks from back-dated days
#: too, reveals at the costs of that time); 2 the pace rules of game.core.economy.Rules.
RULES_VERSION = 2
LEGACY_RULES_VERSION = 1


@dataclass(frozen=True)
class RevealInfo:
    species_id: str
    edition_id: str
    seed: int
    tier: str
    chance: float  # probability this species had at the moment of the reveal
    tier_odds: dict[str, float]
    candidates: int  # how many species were still to be found
    # The probability of every candidate at that moment (older saves lack it): with it, anyone
    # can repeat the draw with reveals.pick(seed) even after the content has changed.
    species_odds: dict[str, float] | None = None


@dataclass(frozen=True)
class LedgerEntry:
    seq: int
    kind: EntryKind
    amount_g: int  # signed change of the balance
    at: dt.datetime  # when it was recorded
    day: dt.date  # the day it counts for (an action may be back-dated)
    action_id: str | None = None
    quantity: float | None = None
    reason: str | None = None
    undoes: int | None = None
    reveal: RevealInfo | None = None
    rules: int = RULES_VERSION  # the rules it was written under (older saves: 1)
    approves: int | None = None  # an ``earned`` entry approving a ``pending`` one

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "seq": self.seq,
            "kind": self.kind,
            "amount_g": self.amount_g,
            "at": self.at.isoformat(),
            "day": self.day.isoformat(),
            "rules": self.rules,
        }
        for name in ("action_id", "quantity", "reason", "undoes", "approves"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.reveal is not None:
            r = self.reveal
            data["reveal"] = {
                "species_id": r.species_id,
                "edition_id": r.edition_id,
                "seed": r.seed,
                "tier": r.tier,
                "chance": r.chance,
                "tier_odds": dict(r.tier_odds),
                "candidates": r.candidates,
            }
            if r.species_odds is not None:
                data["reveal"]["species_odds"] = dict(r.species_odds)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LedgerEntry:
        """Rebuild an entry; raises KeyError, TypeError or ValueError on a malformed one."""
        kind = data["kind"]
        if kind not in ENTRY_KINDS:
            raise ValueError(f"unknown entry kind {kind!r}")
        reveal = data.get("reveal")
        return cls(
            seq=int(data["seq"]),
            kind=kind,
            amount_g=int(data["amount_g"]),
            at=dt.datetime.fromisoformat(data["at"]),
            day=dt.date.fromisoformat(data["day"]),
            action_id=data.get("action_id"),
            quantity=data.get("quantity"),
            reason=data.get("reason"),
            undoes=data.get("undoes"),
            approves=data.get("approves"),
            rules=int(data.get("rules", LEGACY_RULES_VERSION)),
            reveal=None
            if reveal is None
            else RevealInfo(
                species_id=str(reveal["species_id"]),
                edition_id=str(reveal["edition_id"]),
                seed=int(reveal["seed"]),
                tier=str(reveal["tier"]),
                chance=float(reveal["chance"]),
                tier_odds={str(k): float(v) for k, v in reveal["tier_odds"].items()},
                candidates=int(reveal["candidates"]),
                species_odds=_odds_or_none(reveal.get("species_odds")),
            ),
        )


def _odds_or_none(raw: Any) -> dict[str, float] | None:
    if raw is None:
        return None
    return {str(k): float(v) for k, v in raw.items()}


@dataclass
class PlayerState:
    """Everything the rules need about one player, folded from the ledger."""

    entries: list[LedgerEntry] = field(default_factory=list)
    balance: int = 0
    earned_total: int = 0  # energy earned by actions, net of undos (the CO2e avoided)
    earned_by_day_action: dict[tuple[dt.date, str], int] = field(default_factory=dict)
    earned_by_day: dict[dt.date, int] = field(default_factory=dict)  # the same, by day only
    owned: dict[str, LedgerEntry] = field(default_factory=dict)  # species id -> its reveal
    undone: set[int] = field(default_factory=set)
    by_seq: dict[int, LedgerEntry] = field(default_factory=dict)
    bonus_reasons: set[str] = field(default_factory=set)  # reasons of every bonus granted
    # how many bonus reasons share each stem (a reason without its last "-part": a day's quiz
    # bonuses "quiz-2026-11-23-1", "-2"... count under "quiz-2026-11-23")
    bonus_stems: dict[str, int] = field(default_factory=dict)
    pending: dict[int, LedgerEntry] = field(default_factory=dict)  # waiting for the teacher
    # Entries that broke a rule when the ledger was verified (game.core.verify): kept in the
    # save, never deleted, but not counted in anything above.
    set_aside: list[LedgerEntry] = field(default_factory=list)

    @classmethod
    def from_entries(cls, entries: Iterable[LedgerEntry]) -> PlayerState:
        state = cls()
        for entry in sorted(entries, key=lambda e: e.seq):
            state.apply(entry)
        return state

    @property
    def next_seq(self) -> int:
        """The next sequence number, after every entry in the save (set-aside ones too)."""
        last = max((e.seq for e in (*self.entries[-1:], *self.set_aside)), default=0)
        return last + 1

    def apply(self, entry: LedgerEntry) -> None:
        self.entries.append(entry)
        self.by_seq[entry.seq] = entry
        self.balance += entry.amount_g
        if entry.kind == "earned" and entry.action_id:
            key = (entry.day, entry.action_id)
            self.earned_by_day_action[key] = self.earned_by_day_action.get(key, 0) + entry.amount_g
            self.earned_by_day[entry.day] = self.earned_by_day.get(entry.day, 0) + entry.amount_g
            self.earned_total += entry.amount_g
        elif entry.kind == "undone" and entry.undoes is not None:
            self.undone.add(entry.undoes)
            original = self.by_seq.get(entry.undoes)
            if original is not None and original.action_id:
                key = (original.day, original.action_id)
                self.earned_by_day_action[key] = (
                    self.earned_by_day_action.get(key, 0) + entry.amount_g
                )
                self.earned_by_day[original.day] = (
                    self.earned_by_day.get(original.day, 0) + entry.amount_g
                )
                self.earned_total += entry.amount_g
        elif entry.kind == "spent" and entry.reveal is not None:
            self.owned[entry.reveal.species_id] = entry
        elif entry.kind == "bonus" and entry.reason:
            self.bonus_reasons.add(entry.reason)
            stem = entry.reason.rsplit("-", 1)[0]
            self.bonus_stems[stem] = self.bonus_stems.get(stem, 0) + 1
            if entry.reason.split("-", 1)[0] == CARRIED and entry.quantity:
                self.earned_total += int(entry.quantity)
        elif entry.kind == "pending":
            self.pending[entry.seq] = entry
        elif entry.kind == "declined" and entry.undoes is not None:
            self.pending.pop(entry.undoes, None)
        if entry.approves is not None:
            self.pending.pop(entry.approves, None)

    def earned_on(self, day: dt.date, action_id: str) -> int:
        return self.earned_by_day_action.get((day, action_id), 0)

    def earned_day_total(self, day: dt.date) -> int:
        """Energy earned by every action for ``day`` (net of undos); kept by day as entries are
        applied, since verifying a year's ledger asks for it at every entry."""
        return self.earned_by_day.get(day, 0)
