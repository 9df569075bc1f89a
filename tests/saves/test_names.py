"""Player names stay unique when several games add players to one saves folder at once."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections import Counter
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from game.saves.names import NAMES_DIR, STALE_SECONDS
from game.saves.profiles import SaveError, SaveStore

from .conftest import NOW

GAMES = 4
ROUNDS = 8


def create_in_rounds(root: str, barrier: Barrier, rounds: int) -> None:
    store = SaveStore(Path(root))
    for index in range(rounds):
        barrier.wait(30)  # every game clicks "Start playing" at the same moment
        with contextlib.suppress(SaveError):
            store.create(f"Round {index}", NOW)


def import_at_once(root: str, barrier: Barrier, export: str) -> None:
    store = SaveStore(Path(root))
    barrier.wait(30)
    store.import_profile(Path(export), NOW)


def run_games(target: object, *args: object) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(GAMES)
    games = [
        context.Process(target=target, args=(*args[:1], barrier, *args[1:])) for _ in range(GAMES)
    ]
    for game in games:
        game.start()
    for game in games:
        game.join(120)
        assert game.exitcode == 0


def test_the_same_name_created_at_the_same_moment_gives_one_player(store: SaveStore) -> None:
    run_games(create_in_rounds, str(store.root), ROUNDS)

    names = Counter(p.name for p in store.list_profiles())
    assert names == Counter(f"Round {index}" for index in range(ROUNDS))


def test_the_same_player_imported_at_the_same_moment_gets_distinct_names(
    store: SaveStore, tmp_path: Path
) -> None:
    mia = store.create("Mia", NOW)
    export = tmp_path / "mia.json"
    store.export_profile(mia.id, export, NOW)

    run_games(import_at_once, str(store.root), str(export))

    names = sorted(p.name for p in store.list_profiles())
    assert len(names) == GAMES + 1
    assert len({name.casefold() for name in names}) == len(names)


def test_a_name_left_reserved_by_a_game_that_stopped_is_free_again(store: SaveStore) -> None:
    mia = store.create("Mia", NOW)
    (store.profiles_dir / mia.id / "profile.json").unlink()
    os.rename(store.profiles_dir / mia.id, store.profiles_dir / ".gone")  # deleted by hand
    reservation = next((store.profiles_dir / NAMES_DIR).iterdir())
    with pytest.raises(SaveError, match="already a player"):
        store.create("mia", NOW)  # a moment ago: it may be a game still creating it
    old = time.time() - STALE_SECONDS - 1
    os.utime(reservation, (old, old))

    assert store.create("Mia", NOW).name == "Mia"
