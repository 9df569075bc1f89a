"""Reveals: published odds, no duplicates, editions with dates, rarity from the IUCN category."""

from __future__ import annotations

import datetime as dt
import math
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core import rarity
from game.core.content import Content
from game.core.economy import RuleError, grant_bonus
from game.core.ledger import LedgerEntry, PlayerState
from game.core.reveals import (
    Odds,
    availability,
    first_odds,
    odds,
    pick,
    progress,
    reveal,
    status,
)
from game.core.vocab import CATEGORIES

NOW = dt.datetime(2026, 11, 23, 16, 0)
TODAY = NOW.date()


def rich(amount: int = 100_000) -> PlayerState:
    state = PlayerState()
    grant_bonus(state, amount, "test", NOW)
    return state


def edition_ids(content: Content) -> list[str]:
    return [e for e in content.editions if content.species_in(e)]


def test_odds_cover_every_unowned_species_and_sum_to_one(mini_content: Content) -> None:
    for edition_id in edition_ids(mini_content):
        o = first_odds(mini_content, edition_id)
        assert set(o.species) == {s.id for s in mini_content.species_in(edition_id)}
        assert math.isclose(sum(o.species.values()), 1.0)
        assert math.isclose(sum(o.tiers.values()), 1.0)


def test_tier_odds_are_the_sum_of_their_species(mini_content: Content) -> None:
    for edition_id in edition_ids(mini_content):
        o = first_odds(mini_content, edition_id)
        for tier in rarity.TIERS:
            members = [
                sid
                for sid in o.species
                if rarity.tier_of(mini_content.species[sid].iucn.category) is tier
            ]
            assert math.isclose(o.tiers[tier.id], sum(o.species[s] for s in members))


def test_more_threatened_species_are_rarer(mini_content: Content) -> None:
    for edition_id in edition_ids(mini_content):
        o = first_odds(mini_content, edition_id)
        ranked = sorted(
            o.species, key=lambda s: CATEGORIES.index(mini_content.species[s].iucn.category)
        )
        chances = [o.species[s] for s in ranked]
        assert chances == sorted(chances)


def test_every_iucn_category_has_exactly_one_tier() -> None:
    mapped = [c for tier in rarity.TIERS for c in tier.categories]
    assert sorted(mapped) == sorted(CATEGORIES)


def test_the_documented_rarity_table_matches_the_code() -> None:
    doc = rarity.__doc__ or ""
    for tier in rarity.TIERS:
        row = re.search(rf"^{re.escape(tier.id)}\s+(.+?)\s{{2,}}(\S+)\s", doc, re.MULTILINE)
        assert row, f"tier {tier.id} is missing from the rarity table"
        assert tuple(c.strip() for c in row.group(1).split(",")) == tier.categories
        assert float(row.group(2)) == tier.weight


def test_owned_species_drop_out_of_the_odds(mini_content: Content) -> None:
    edition_id = edition_ids(mini_content)[0]
    state = rich()
    entry = reveal(state, mini_content, edition_id, random.Random(1), NOW)
    assert entry.reveal is not None
    after = odds(mini_content, edition_id, state)
    assert entry.reveal.species_id not in after.species
    assert math.isclose(sum(after.species.values()), 1.0)


def test_a_reveal_records_its_seed_and_the_odds_of_that_moment(mini_content: Content) -> None:
    edition_id = edition_ids(mini_content)[0]
    state = rich()
    before = odds(mini_content, edition_id, state)
    entry = reveal(state, mini_content, edition_id, random.Random(7), NOW)
    info = entry.reveal
    assert info is not None
    assert info.species_odds == before.species
    assert info.tier_odds == before.tiers
    assert info.chance == before.species[info.species_id]
    assert info.candidates == len(before.species)
    assert pick(before, info.seed) == info.species_id


def test_a_reveal_pays_and_gives_the_card_in_one_entry(mini_content: Content) -> None:
    edition_id = edition_ids(mini_content)[0]
    cost = mini_content.editions[edition_id].reveal_cost
    state = rich(cost)
    entry = reveal(state, mini_content, edition_id, random.Random(1), NOW)
    assert entry.amount_g == -cost and entry.reveal is not None
    assert state.balance == 0 and state.owned[entry.reveal.species_id] is entry


def test_too_little_energy_changes_nothing(mini_content: Content) -> None:
    edition_id = edition_ids(mini_content)[0]
    state = rich(mini_content.editions[edition_id].reveal_cost - 1)
    with pytest.raises(RuleError, match="more energy"):
        reveal(state, mini_content, edition_id, random.Random(1), NOW)
    assert len(state.entries) == 1 and not state.owned


def test_a_complete_edition_cannot_be_revealed_further(mini_content: Content) -> None:
    edition_id = edition_ids(mini_content)[0]
    state = rich()
    rng = random.Random(3)
    for _ in mini_content.species_in(edition_id):
        reveal(state, mini_content, edition_id, rng, NOW)
    assert progress(mini_content, edition_id, state).complete
    with pytest.raises(RuleError, match="every species"):
        reveal(state, mini_content, edition_id, rng, NOW)


def test_an_unknown_edition_is_refused(mini_content: Content) -> None:
    with pytest.raises(RuleError):
        reveal(rich(), mini_content, "no-such-edition", random.Random(1), NOW)


def test_the_full_cost_is_known_in_advance(mini_content: Content) -> None:
    for edition_id in edition_ids(mini_content):
        p = progress(mini_content, edition_id, PlayerState())
        k = len(mini_content.species_in(edition_id))
        assert p.cost_left == p.full_cost == k * p.edition.reveal_cost
        assert p.reveals_left == k and not p.complete


def dated(content: Content, edition_id: str, **dates: dt.date) -> Content:
    editions = dict(content.editions)
    editions[edition_id] = editions[edition_id].model_copy(update=dates)
    return Content(editions=editions, species=content.species, actions=content.actions)


def test_an_edition_that_has_not_started_cannot_be_revealed_yet(mini_content: Content) -> None:
    edition_id = edition_ids(mini_content)[0]
    content = dated(mini_content, edition_id, starts=TODAY + dt.timedelta(days=3))
    assert status(content.editions[edition_id], TODAY) == "upcoming"
    with pytest.raises(RuleError, match="opens"):
        reveal(rich(), content, edition_id, random.Random(1), NOW)


def test_an_ended_edition_stays_visible_and_completable(mini_content: Content) -> None:
    edition_id = edition_ids(mini_content)[0]
    content = dated(
        mini_content,
        edition_id,
        starts=TODAY - dt.timedelta(days=60),
        ends=TODAY - dt.timedelta(days=30),
    )
    edition = content.editions[edition_id]
    assert status(edition, TODAY) == "ended"
    assert availability(edition, TODAY) is None
    state = rich()
    rng = random.Random(5)
    for _ in content.species_in(edition_id):
        reveal(state, content, edition_id, rng, NOW)
    assert progress(content, edition_id, state).complete


def test_an_edition_with_no_cards_says_so(mini_content: Content) -> None:
    edition = next(iter(mini_content.editions.values())).model_copy(update={"id": "empty"})
    content = Content(
        editions={**mini_content.editions, "empty": edition},
        species=mini_content.species,
        actions=mini_content.actions,
    )
    with pytest.raises(RuleError, match="no cards"):
        reveal(rich(), content, "empty", random.Random(1), NOW)
    assert not progress(content, "empty", PlayerState()).complete


@given(seed=st.integers(0, 2**64 - 1))
def test_pick_is_a_pure_function_of_odds_and_seed(seed: int) -> None:
    o = Odds(species={"a": 0.5, "b": 0.3, "c": 0.2}, tiers={})
    assert pick(o, seed) == pick(o, seed) in o.species


def test_pick_refuses_empty_odds() -> None:
    with pytest.raises(ValueError):
        pick(Odds(species={}, tiers={}), 1)


def test_the_same_seed_gives_the_same_collection(mini_content: Content) -> None:
    def play(seed: int) -> list[str]:
        state, rng = rich(), random.Random(seed)
        return [
            reveal(state, mini_content, e, rng, NOW).reveal.species_id  # type: ignore[union-attr]
            for e in edition_ids(mini_content)
            for _ in mini_content.species_in(e)
        ]

    assert play(42) == play(42)


def test_reveal_records_round_trip_through_a_save(mini_content: Content) -> None:
    state = rich()
    entry = reveal(state, mini_content, edition_ids(mini_content)[0], random.Random(9), NOW)
    assert LedgerEntry.from_dict(entry.to_dict()) == entry


def test_an_old_reveal_without_species_odds_still_loads(mini_content: Content) -> None:
    state = rich()
    data = reveal(
        state, mini_content, edition_ids(mini_content)[0], random.Random(9), NOW
    ).to_dict()
    del data["reveal"]["species_odds"]
    loaded = LedgerEntry.from_dict(data)
    assert loaded.reveal is not None and loaded.reveal.species_odds is None


def test_each_card_of_a_rarer_tier_is_less_likely_than_one_of_a_commoner_tier(
    mini_content,  # type: ignore[no-untyped-def]
) -> None:
    from game.core.ledger import PlayerState
    from game.core.reveals import tier_chances

    for edition_id in mini_content.editions:
        chances = [c for c in tier_chances(mini_content, edition_id, PlayerState()) if c.cards]
        assert chances
        eaches = [c.each for c in chances]  # commonest tier first
        assert eaches == sorted(eaches, reverse=True) and len(set(eaches)) == len(eaches)
        assert abs(sum(c.total for c in chances) - 1.0) < 1e-9
        assert all(abs(c.total - c.cards * c.each) < 1e-9 for c in chances)
