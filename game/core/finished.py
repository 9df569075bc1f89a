"""What finishing an edition took and what it means: the energy spent on its cards, in trees
and in kilometres not driven.

The energy is the green energy the player spent revealing the edition's cards; each gram of it
was earned by an action that kept a gram of CO2e out of the air. Trees use the content's own
equivalent (``tree_equivalent:`` in ``data/actions.yaml``). Kilometres not driven use the car
figure every "instead of a car" action in ``data/actions.yaml`` cites.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from game.core import impact
from game.core.content import Content
from game.core.ledger import PlayerState
from game.core.models import Equivalent

# UK Government GHG Conversion Factors 2025 (DESNZ): an average car (unknown fuel) emits about
# 0.167 kg CO2e per km. The walk, cycle, bus and train actions in data/actions.yaml cite it.
CAR_G_PER_KM = 167


@dataclass(frozen=True)
class FinishedEdition:
    edition_id: str
    species: int  # cards in the edition
    owned: int  # cards the player has (all of them once it is finished)
    energy_g: int  # green energy spent on the edition's cards
    finished_on: dt.date | None  # the day of the last card, None while cards are missing
    trees: float | None  # None when the content has no tree equivalent
    tree_equivalent: Equivalent | None
    km_not_driven: float

    @property
    def complete(self) -> bool:
        return self.finished_on is not None


def finished_edition(content: Content, state: PlayerState, edition_id: str) -> FinishedEdition:
    members = content.species_in(edition_id)
    reveals = [state.owned[sp.id] for sp in members if sp.id in state.owned]
    energy = sum(-entry.amount_g for entry in reveals)
    complete = bool(members) and len(reveals) == len(members)
    return FinishedEdition(
        edition_id=edition_id,
        species=len(members),
        owned=len(reveals),
        energy_g=energy,
        finished_on=max(entry.day for entry in reveals) if complete else None,
        trees=impact.trees(energy, content.tree_equivalent),
        tree_equivalent=content.tree_equivalent,
        km_not_driven=energy / CAR_G_PER_KM,
    )
