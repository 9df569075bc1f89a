"""Rarity follows the IUCN category: the more threatened a species, the rarer its card.

This table is the one place the mapping lives; the game shows it to players and teachers, and the
reveal odds are computed from it (see :mod:`game.core.reveals`).

==========  =================  ======  ==============================================
tier        IUCN categories    weight  why
==========  =================  ======  ==============================================
common      LC, DD, NE         12      Least Concern, or not known well enough to rank
uncommon    NT                 8       Near Threatened
rare        VU                 5       Vulnerable
very-rare   EN                 3       Endangered
legendary   CR                 2       Critically Endangered
lost        EW, EX             1       gone from the wild, or gone for good
==========  =================  ======  ==============================================

A weight is relative: before each reveal, every species not yet owned gets the probability
``weight / (sum of the weights of all species not yet owned)``. So a Least Concern species is
six times as likely to come next as a Critically Endangered one, but nothing is ever
unobtainable: reveals never repeat a card, so the rarest card always arrives, at the latest as
the edition's last reveal.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.messages import N_


@dataclass(frozen=True)
class Tier:
    id: str
    name: str  # English, translated where it is shown
    categories: tuple[str, ...]
    weight: float  # relative chance of one species of this tier, against the other unowned ones


TIERS: tuple[Tier, ...] = (
    Tier("common", N_("Common"), ("LC", "DD", "NE"), 12.0),
    Tier("uncommon", N_("Uncommon"), ("NT",), 8.0),
    Tier("rare", N_("Rare"), ("VU",), 5.0),
    Tier("very-rare", N_("Very rare"), ("EN",), 3.0),
    Tier("legendary", N_("Legendary"), ("CR",), 2.0),
    Tier("lost", N_("Lost"), ("EW", "EX"), 1.0),
)
TIER_BY_ID = {t.id: t for t in TIERS}
TIER_BY_CATEGORY = {c: t for t in TIERS for c in t.categories}


def tier_of(category: str) -> Tier:
    return TIER_BY_CATEGORY[category]
