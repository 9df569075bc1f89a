"""Shared set-up for the save tests: a saves folder and entries made without any content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from game.core.ledger import LedgerEntry, PlayerState, RevealInfo
from game.saves.player import PlayerSave
from game.saves.profiles import SaveStore

NOW = dt.datetime(2025, 3, 14, 9, 30)


def earned(
    state: PlayerState, at: dt.datetime = NOW, amount: int = 120, action_id: str = "bike_commute"
) -> LedgerEntry:
    """Apply and return an action entry, as the economy rules would."""
    entry = LedgerEntry(
        seq=state.next_seq,
        kind="earned",
        amount_g=amount,
        at=at,
        day=at.date(),
        action_id=action_id,
        quantity=1.0,
    )
    state.apply(entry)
    return entry


def spent(
    state: PlayerState, species_id: str, at: dt.datetime = NOW, cost: int = 100
) -> LedgerEntry:
    """Apply and return a reveal entry for ``species_id``, as the reveal rules would."""
    reveal = RevealInfo(
        species_id=species_id,
        edition_id="ocean",
        seed=7,
        tier="common",
        chance=0.5,
        tier_odds={"common": 1.0},
        candidates=2,
        species_odds={species_id: 0.5, "other_species": 0.5},
    )
    entry = LedgerEntry(
        seq=state.next_seq, kind="spent", amount_g=-cost, at=at, day=at.date(), reveal=reveal
    )
    state.apply(entry)
    return entry


def log(save: PlayerSave, count: int, start: dt.datetime = NOW) -> list[LedgerEntry]:
    """Record ``count`` actions an hour apart."""
    entries = []
    for index in range(count):
        entry = earned(save.state, start + dt.timedelta(hours=index))
        save.record(entry)
        entries.append(entry)
    return entries


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    store = SaveStore(tmp_path / "saves")
    store.ensure()
    return store


@pytest.fixture
def played(store: SaveStore) -> Callable[..., str]:
    """Make a player with some actions and a card, closed cleanly; returns its id."""

    def make(name: str = "Mia", actions: int = 5) -> str:
        meta = store.create(name, NOW)
        save = store.open(meta.id, NOW)
        log(save, actions)
        save.record(spent(save.state, "dugong", NOW + dt.timedelta(hours=actions)))
        save.close()
        return meta.id

    return make
