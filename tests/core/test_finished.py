"""What finishing an edition took, in energy, trees and kilometres not driven."""

from __future__ import annotations

import datetime as dt
import random

from game.core import reveals
from game.core.finished import CAR_G_PER_KM, finished_edition
from game.core.ledger import PlayerState


def _collect(content, state: PlayerState, edition_id: str, cards: int) -> None:  # type: ignore[no-untyped-def]
    edition = content.editions[edition_id]
    rng = random.Random(3)
    for n in range(cards):
        state.balance += edition.reveal_cost
        reveals.reveal(state, content, edition_id, rng, dt.datetime(2026, 11, 1 + n, 10, 0))


def test_a_finished_edition_took_what_its_cards_cost(mini_content) -> None:  # type: ignore[no-untyped-def]
    edition = next(iter(mini_content.editions.values()))
    count = len(mini_content.species_in(edition.id))
    state = PlayerState()
    _collect(mini_content, state, edition.id, count)
    summary = finished_edition(mini_content, state, edition.id)
    assert summary.complete and summary.owned == summary.species == count
    assert summary.energy_g == count * edition.reveal_cost
    assert summary.finished_on == dt.date(2026, 11, count)
    assert summary.km_not_driven == summary.energy_g / CAR_G_PER_KM


def test_an_edition_with_cards_missing_is_not_finished(mini_content) -> None:  # type: ignore[no-untyped-def]
    edition = next(iter(mini_content.editions.values()))
    state = PlayerState()
    _collect(mini_content, state, edition.id, len(mini_content.species_in(edition.id)) - 1)
    summary = finished_edition(mini_content, state, edition.id)
    assert not summary.complete and summary.finished_on is None


def test_trees_follow_the_contents_tree_equivalent(mini_content) -> None:  # type: ignore[no-untyped-def]
    edition = next(iter(mini_content.editions.values()))
    state = PlayerState()
    _collect(mini_content, state, edition.id, 1)
    summary = finished_edition(mini_content, state, edition.id)
    if mini_content.tree_equivalent is None:
        assert summary.trees is None
    else:
        assert summary.trees == summary.energy_g / mini_content.tree_equivalent.grams
