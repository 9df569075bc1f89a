"""Fair reveals: no duplicates, published odds, and an auditable record of every draw.

Each reveal gives a species the player does not own yet, so an edition of K species is complete
after exactly K reveals and costs exactly K × ``reveal_cost``. Which species comes next is drawn
with the rarity weights of :mod:`game.core.rarity` over the species not yet owned; the exact odds
are available before every reveal, and each reveal records its seed and the odds it was drawn with
(per tier and per species), so :mod:`game.core.audit` can repeat every draw with :func:`pick`.
Editions may have ``starts``/``ends`` dates: one that has not started cannot be revealed in yet;
one that has ended stays visible and completable for good (:func:`status` only labels it).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Literal

from game.core.content import Content
from game.core.economy import RuleError
from game.core.ledger import LedgerEntry, PlayerState, RevealInfo
from game.core.messages import Message
from game.core.models import Edition, Species
from game.core.rarity import TIERS, tier_of


@dataclass(frozen=True)
class Odds:
    species: dict[str, float]  # species id -> probability of being the next reveal
    tiers: dict[str, float]  # tier id -> probability (tiers with nothing left have 0.0)

    @property
    def empty(self) -> bool:
        return not self.species


@dataclass(frozen=True)
class EditionProgress:
    edition: Edition
    owned: int
    total: int
    cost_left: int  # energy still needed to complete the edition (known in advance)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.owned >= self.total

    @property
    def reveals_left(self) -> int:
        return self.total - self.owned

    @property
    def full_cost(self) -> int:
        """What the whole edition costs from scratch: exactly ``total × reveal_cost``."""
        return self.total * self.edition.reveal_cost


EditionStatus = Literal["upcoming", "open", "ended"]


def candidates(content: Content, edition_id: str, state: PlayerState) -> list[Species]:
    return [s for s in content.species_in(edition_id) if s.id not in state.owned]


def odds(content: Content, edition_id: str, state: PlayerState) -> Odds:
    pool = candidates(content, edition_id, state)
    weights = {s.id: tier_of(s.iucn.category).weight for s in pool}
    total = sum(weights.values())
    species = {sid: w / total for sid, w in weights.items()} if total else {}
    tiers = {t.id: 0.0 for t in TIERS}
    for s in pool:
        tiers[tier_of(s.iucn.category).id] += species[s.id]
    return Odds(species=species, tiers=tiers)


@dataclass(frozen=True)
class TierChance:
    """The odds of one tier, as a child should read them."""

    tier: str
    cards: int  # cards of this tier still to find
    each: float  # the chance that one given card of this tier comes next
    total: float  # the chance that the next card is of this tier (``cards × each``)


def tier_chances(content: Content, edition_id: str, state: PlayerState) -> list[TierChance]:
    """Every tier, commonest first, with the chance of each of its cards and of the whole tier.

    The chance of each card follows the tier weights, so a rarer tier's cards are always less
    likely than a commoner tier's, whatever the tier totals say (five Very rare cards together
    can be likelier than one Common card).
    """
    current = odds(content, edition_id, state)
    found: dict[str, list[float]] = {t.id: [] for t in TIERS}
    for sid, p in current.species.items():
        found[tier_of(content.species[sid].iucn.category).id].append(p)
    return [
        TierChance(t.id, len(found[t.id]), max(found[t.id], default=0.0), sum(found[t.id]))
        for t in TIERS
    ]


def progress(content: Content, edition_id: str, state: PlayerState) -> EditionProgress:
    edition = content.editions[edition_id]
    members = content.species_in(edition_id)
    owned = sum(1 for s in members if s.id in state.owned)
    return EditionProgress(
        edition, owned, len(members), (len(members) - owned) * edition.reveal_cost
    )


def first_odds(content: Content, edition_id: str) -> Odds:
    """The published odds of a new player's first reveal in an edition."""
    return odds(content, edition_id, PlayerState())


def availability(edition: Edition, today: dt.date) -> Message | None:
    """Why an edition cannot be revealed in yet, or None. Ended editions stay open for good."""
    if edition.starts and today < edition.starts:
        return Message("This edition opens on {date}.", date=edition.starts)
    return None


def status(edition: Edition, today: dt.date) -> EditionStatus:
    """A label for the edition list. "ended" only means no new players are invited: an ended
    edition stays visible and can still be completed, so nothing is ever lost by waiting."""
    if edition.starts and today < edition.starts:
        return "upcoming"
    if edition.ends and today > edition.ends:
        return "ended"
    return "open"


def pick(odds_: Odds, seed: int) -> str:
    """The species a seed picks from the odds: anyone can repeat a recorded draw with this.

    The seed starts its own ``random.Random``; its first ``random()`` falls in one species'
    slice of [0, 1), the slices laid out in species-id order, each as wide as its probability.
    """
    if odds_.empty:
        raise ValueError("there is nothing left to pick from")
    roll = random.Random(seed).random()
    running = 0.0
    ordered = sorted(odds_.species.items())
    for sid, p in ordered:
        running += p
        if roll < running:
            return sid
    return ordered[-1][0]


def reveal(
    state: PlayerState,
    content: Content,
    edition_id: str,
    rng: random.Random,
    now: dt.datetime,
) -> LedgerEntry:
    """Spend ``reveal_cost`` and receive a new species, as one ledger entry."""
    edition = content.editions.get(edition_id)
    if edition is None:
        raise RuleError(Message("That edition does not exist."))
    closed = availability(edition, now.date())
    if closed:
        raise RuleError(closed)
    current = odds(content, edition_id, state)
    if current.empty:
        if not content.species_in(edition_id):
            raise RuleError(Message("This edition has no cards yet."))
        raise RuleError(Message("You have found every species in this edition!"))
    if state.balance < edition.reveal_cost:
        raise RuleError(
            Message("You need {amount} g more energy.", amount=edition.reveal_cost - state.balance)
        )
    seed = rng.getrandbits(64)
    species_id = pick(current, seed)
    tier = tier_of(content.species[species_id].iucn.category).id
    info = RevealInfo(
        species_id=species_id,
        edition_id=edition_id,
        seed=seed,
        tier=tier,
        chance=current.species[species_id],
        tier_odds=dict(current.tiers),
        candidates=len(current.species),
        species_odds=dict(current.species),
    )
    entry = LedgerEntry(
        seq=state.next_seq,
        kind="spent",
        amount_g=-edition.reveal_cost,
        at=now,
        day=now.date(),
        reveal=info,
    )
    state.apply(entry)
    return entry
