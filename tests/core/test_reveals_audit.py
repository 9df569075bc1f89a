"""The auditable history of reveals, and the ledger check a teacher (or a test) can run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from game.config import LOCALE_DIR
from game.core.audit import history_text, reveal_history
from game.core.content import Content
from game.core.economy import grant_bonus
from game.core.ledger import PlayerState
from game.core.reveals import reveal
from game.i18n import Translator

NOW = dt.datetime(2026, 11, 23, 16, 0)
TODAY = NOW.date()


@pytest.fixture
def collected(mini_content: Content) -> PlayerState:
    """A player who has completed every fixture edition."""
    state = PlayerState()
    grant_bonus(state, 100_000, "test", NOW)
    rng = random.Random(11)
    for edition_id in mini_content.editions:
        for _ in mini_content.species_in(edition_id):
            reveal(state, mini_content, edition_id, rng, NOW)
    return state


def strip_species_odds(state: PlayerState) -> PlayerState:
    """The same ledger as a save written before reveals recorded every species' odds."""
    old = []
    for e in state.entries:
        if e.reveal is not None:
            e = dataclasses.replace(e, reveal=dataclasses.replace(e.reveal, species_odds=None))
        old.append(e)
    return PlayerState.from_entries(old)


def test_history_lists_every_reveal_in_order(mini_content: Content, collected: PlayerState) -> None:
    history = reveal_history(collected, mini_content)
    assert [r.species_id for r in history] == [
        e.reveal.species_id for e in collected.entries if e.reveal is not None
    ]
    assert [r.seq for r in history] == sorted(r.seq for r in history)


def test_every_recorded_seed_reproduces_its_card(
    mini_content: Content, collected: PlayerState
) -> None:
    history = reveal_history(collected)
    assert history and all(r.reproduces is True and r.odds_source == "recorded" for r in history)


def test_a_tampered_seed_is_caught(mini_content: Content, collected: PlayerState) -> None:
    entries = list(collected.entries)
    # Find a seed that picks some other species for the first reveal, and record it instead.
    first = next(i for i, e in enumerate(entries) if e.reveal is not None)
    info = entries[first].reveal
    assert info is not None and info.species_odds is not None
    if len(info.species_odds) < 2:
        pytest.skip("the first reveal had a single candidate")
    from game.core.reveals import Odds, pick

    odds = Odds(info.species_odds, info.tier_odds)
    other = next(s for s in range(10_000) if pick(odds, s) != info.species_id)
    entries[first] = dataclasses.replace(
        entries[first], reveal=dataclasses.replace(info, seed=other)
    )
    history = reveal_history(PlayerState.from_entries(entries))
    assert history[0].reproduces is False
    assert all(r.reproduces for r in history[1:])


def test_old_reveals_are_checked_with_recomputed_odds(
    mini_content: Content, collected: PlayerState
) -> None:
    history = reveal_history(strip_species_odds(collected), mini_content)
    assert all(r.odds_source == "recomputed" and r.reproduces is True for r in history)


def test_old_reveals_cannot_be_checked_without_content(collected: PlayerState) -> None:
    history = reveal_history(strip_species_odds(collected))
    assert all(r.odds_source == "unknown" and r.reproduces is None for r in history)


def test_history_reads_as_text_in_both_languages(
    mini_content: Content, collected: PlayerState
) -> None:
    for lang in ("en", "zh-Hans"):
        lines = history_text(collected, Translator.load(lang, LOCALE_DIR), mini_content)
        assert len(lines) == len(collected.owned)
        first = reveal_history(collected)[0]
        assert str(first.seed) in lines[0]
        assert mini_content.species[first.species_id].name.get(lang) in lines[0]
    assert "✓" in history_text(collected, Translator(), mini_content)[0]
