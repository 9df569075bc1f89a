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
from dataclasses import dataclass
from typing import Literal

from game.core.content import Content
from game.core.ledger import PlayerState
from game.core.rarity import TIER_BY_ID
from game.core.reveals import Odds, odds, pick

OddsSource = Literal["recorded", "recomputed", "unknown"]
_CLOSE = 1e-9


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

    def describe(self, lang: str = "en", content: Content | None = None) -> str:
        """One line of plain text, in English or Simplified Chinese."""
        zh = lang == "zh-Hans"
        edition, species = self.edition_id, self.species_id
        if content is not None:
            if self.edition_id in content.editions:
                edition = content.editions[self.edition_id].title.get(lang)
            if self.species_id in content.species:
                species = content.species[self.species_id].name.get(lang)
        tiers = ("、" if zh else ", ").join(
            f"{_tier_name(t, lang)} {p:.1%}" for t, p in self.tier_odds.items() if p > 0
        )
        when = f"{self.at:%Y-%m-%d %H:%M}"
        tier = _tier_name(self.tier, lang)
        if zh:
            check = {
                True: "种子可复现此卡 ✓",
                False: "种子无法复现此卡 ✗",
                None: "无法核对（没有当时的完整概率）",
            }[self.reproduces]
            return (
                f"#{self.seq} {when} {edition}：{species}（{tier}，概率 {self.chance:.1%}）"
                f"，剩余 {self.candidates} 张；各等级概率：{tiers}；种子 {self.seed}；{check}"
            )
        check = {
            True: "the seed reproduces this card ✓",
            False: "the seed does NOT reproduce this card ✗",
            None: "cannot check (the full odds of that moment are not known)",
        }[self.reproduces]
        left = "1 card" if self.candidates == 1 else f"{self.candidates} cards"
        return (
            f"#{self.seq} {when} {edition}: {species} ({tier}, chance {self.chance:.1%}) "
            f"out of {left} still to find; tier odds: {tiers}; seed {self.seed}; {check}"
        )


def _tier_name(tier_id: str, lang: str) -> str:
    tier = TIER_BY_ID.get(tier_id)
    return tier.name.get(lang, tier.name["en"]) if tier else tier_id


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


def history_text(state: PlayerState, content: Content | None = None, lang: str = "en") -> list[str]:
    """The reveal history as lines of text, for printing or a teacher's report."""
    return [record.describe(lang, content) for record in reveal_history(state, content)]
