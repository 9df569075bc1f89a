"""Two games on one saves folder: the second one to open a profile is told, never let in."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.saves.lock import ProfileBusy
from game.saves.profiles import SaveStore

from .conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import datetime as dt, sys
from pathlib import Path
from game.saves.profiles import SaveStore
save = SaveStore(Path(sys.argv[1])).open(sys.argv[2], dt.datetime(2025, 3, 14))
print("open", flush=True)
sys.stdin.readline()
save.close()
"""


@pytest.fixture
def holder(store: SaveStore) -> Iterator[Callable[[str], subprocess.Popen[str]]]:
    """Start another game process holding a profile open until its stdin closes."""
    started: list[subprocess.Popen[str]] = []

    def start(profile_id: str) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(store.root), profile_id],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        assert proc.stdout is not None and proc.stdout.readline() == "open\n"
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_a_second_process_is_refused_with_a_clear_message(
    store: SaveStore, played: Callable[..., str], holder: Callable[[str], subprocess.Popen[str]]
) -> None:
    profile_id = played()
    holder(profile_id)

    with pytest.raises(ProfileBusy, match="open in another copy of EcoCards"):
        store.open(profile_id, NOW)


def test_the_profile_opens_once_the_other_game_closes_it(
    store: SaveStore, played: Callable[..., str], holder: Callable[[str], subprocess.Popen[str]]
) -> None:
    profile_id = played()
    proc = holder(profile_id)
    assert proc.stdin is not None
    proc.stdin.close()
    assert proc.wait(timeout=30) == 0

    store.open(profile_id, NOW).close()


def test_a_killed_game_leaves_no_stale_lock(
    store: SaveStore, played: Callable[..., str], holder: Callable[[str], subprocess.Popen[str]]
) -> None:
    profile_id = played()
    proc = holder(profile_id)
    proc.kill()
    proc.wait(timeout=30)

    store.open(profile_id, NOW).close()


def test_other_profiles_stay_open_to_everyone(
    store: SaveStore, played: Callable[..., str], holder: Callable[[str], subprocess.Popen[str]]
) -> None:
    busy, free = played("Mia"), played("Noor")
    holder(busy)

    store.open(free, NOW).close()


def test_the_same_profile_twice_in_one_game_is_refused(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played()
    first = store.open(profile_id, NOW)

    with pytest.raises(ProfileBusy):
        store.open(profile_id, NOW)

    first.close()
    store.open(profile_id, NOW).close()


def test_an_open_profile_cannot_be_deleted(
    store: SaveStore, played: Callable[..., str], holder: Callable[[str], subprocess.Popen[str]]
) -> None:
    profile_id = played()
    holder(profile_id)

    with pytest.raises(ProfileBusy):
        store.delete(profile_id)

    assert [p.id for p in store.list_profiles()] == [profile_id]


def test_closing_twice_is_harmless(store: SaveStore, played: Callable[..., str]) -> None:
    save = store.open(played(), NOW)
    save.close()
    save.close()
