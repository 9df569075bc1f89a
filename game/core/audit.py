"""The auditable history: every reveal with its seed and odds, and a check of the whole ledger.

China's 2016 rules on random rewards in games ask publishers to publish the probabilities and
keep a record of the draws; a teacher or parent should be able to read that record and check it.
:func:`reveal_history` lists every reveal with the odds it was drawn with and its seed, and says
whether repeating the draw with :func:`game.core.reveals.pick` gives the same card.
:func:`game.core.verify.verify_ledger` checks the whole ledger against the rules (a save edited
by hand, or a bug, shows up there).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from game.core.content import Content
from game.core.ledger import PlayerState
from game.core.messages import N_
from game.core.rarity import TIER_BY_ID
from game.core.reveals import Odds, odds, pick

OddsSource = Literal["recorded", "recomputed", "unknown"]
_CLOSE = 1e-9
_CHECKS = {
    True: (N_("the seed reproduces this card"), " ✓"),
    False: (N_("the seed does NOT reproduce this card"), " ✗"),
    None: (N_("cannot check (the full odds of that moment are not known)"), ""),
}


class Words(Protocol):
    """What the history needs of a translator (:class:`game.i18n.Translator`)."""

    lang: str

    def __call__(self, text: str, /, **values: Any) -> str: ...
    def plural(self, count: float, one: str, other: str, /, **values: Any) -> str: ...
    def percent(self, fraction: float, digits: int = 0) -> str: ...
    def join(self, items: Iterable[str]) -> str: ...


@dataclass(frozen=True)
class RevealRecord:
    """One reveal as a teacher reads it."""

    seq: int
    at: dt.datetime
    edition_id: str
    species_id: str
    tier: str
    chance: float  # the probability the revealed species had
    tier_odds: dict[str, float]
    candidates: int  # species still to be found before this reveal
    seed: int
    species_odds: dict[str, float] | None  # every candidate's probability, if known
    odds_source: OddsSource  # recorded in the save, recomputed from the content, or unknown
    reproduces: bool | None  # does pick(species_odds, seed) give this species? None: cannot tell

    def describe(self, tr: Words, content: Content | None = None) -> str:
        """One line of plain text in the translator's language."""
        edition, species = self.edition_id, self.species_id
        if content is not None:
            if self.edition_id in content.editions:
                edition = content.editions[self.edition_id].title.get(tr.lang)
            if self.species_id in content.species:
                species = content.species[self.species_id].name.get(tr.lang)
        # Values are worked out before the calls that use them: gettext's extractor loses a
        # string whose call has ``tr`` nested inside another call.
        shares = [(_tier_name(t, tr), tr.percent(p, 1)) for t, p in self.tier_odds.items() if p > 0]
        tiers = tr.join(tr("{tier} {chance}", tier=name, chance=share) for name, share in shares)
        verdict, mark = _CHECKS[self.reproduces]  # the marks stay out of the catalog: the
        check = tr(verdict) + mark  # game's font has no glyph for them, a terminal has
        tier, chance = _tier_name(self.tier, tr), tr.percent(self.chance, 1)
        when = f"{self.at:%Y-%m-%d %H:%M}"  # ISO, as a record to compare with others
        return tr.plural(
            self.candidates,
            "#{seq} {when} {edition}: {species} ({tier}, chance {chance}) out of {count} card "
            "still to find; tier odds: {tiers}; seed {seed}; {check}",
            "#{seq} {when} {edition}: {species} ({tier}, chance {chance}) out of {count} cards "
            "still to find; tier odds: {tiers}; seed {seed}; {check}",
            seq=str(self.seq),
            when=when,
            edition=edition,
            species=species,
            tier=tier,
            chance=chance,
            tiers=tiers,
            seed=str(self.seed),
            check=check,
        )


def _tier_name(tier_id: str, tr: Words) -> str:
    tier = TIER_BY_ID.get(tier_id)
    return tr(tier.name) if tier else tier_id


def reveal_history(state: PlayerState, content: Content | None = None) -> list[RevealRecord]:
    """Every reveal in the ledger, oldest first, each checked against its seed.

    Reveals recorded with every candidate's probability are checked with exactly those odds.
    Older ones are checked with odds recomputed from ``content`` and the cards owned at the
    time, but only if those agree with the tier odds recorded then (an IUCN re-assessment since
    would change them); otherwise ``reproduces`` is None.
    """
    records: list[RevealRecord] = []
    before = PlayerState()
    for entry in sorted(state.entries, key=lambda e: e.seq):
        info = entry.reveal
        if entry.kind == "spent" and info is not None:
            source: OddsSource = "unknown"
            species_odds = info.species_odds
            if species_odds is not None:
                source = "recorded"
            elif content is not None and info.edition_id in content.editions:
                again = odds(content, info.edition_id, before)
                if (
                    _same_odds(again.tiers, info.tier_odds)
                    and len(again.species) == info.candidates
                ):
                    species_odds, source = dict(again.species), "recomputed"
            reproduces = None
            if species_odds:
                chance = species_odds.get(info.species_id, 0.0)
                reproduces = pick(
                    Odds(species=species_odds, tiers=info.tier_odds), info.seed
                ) == info.species_id and math.isclose(chance, info.chance, abs_tol=_CLOSE)
            records.append(
                RevealRecord(
                    seq=entry.seq,
                    at=entry.at,
                    edition_id=info.edition_id,
                    species_id=info.species_id,
                    tier=info.tier,
                    chance=info.chance,
                    tier_odds=dict(info.tier_odds),
                    candidates=info.candidates,
                    seed=info.seed,
                    species_odds=species_odds,
                    odds_source=source,
                    reproduces=reproduces,
                )
            )
        before.apply(entry)
    return records


def _same_odds(a: dict[str, float], b: dict[str, float]) -> bool:
    keys = set(a) | set(b)
    return all(math.isclose(a.get(k, 0.0), b.get(k, 0.0), abs_tol=1e-6) for k in keys)


def history_text(state: PlayerState, tr: Words, content: Content | None = None) -> list[str]:
    """The reveal history as lines of text, for printing or a teacher's report."""
    return [record.describe(tr, content) for record in reveal_history(state, content)]
