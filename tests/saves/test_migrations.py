"""Old save formats are migrated step by step; a newer game's files are refused untouched."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.core.ledger import PlayerState
from game.saves import migrations
from game.saves.migrations import NewerSave, Renames
from game.saves.profiles import SaveStore

from .conftest import NOW, earned, spent

V1_ENTRIES = {
    "1": {
        "seq": 1,
        "kind": "earned",
        "amount_g": 300,
        "at": "2024-11-02T10:00:00",
        "day": "2024-11-02",
        "action_id": "bike_commute",
        "quantity": 2.0,
    },
    "2": {
        "seq": 2,
        "kind": "spent",
        "amount_g": -200,
        "at": "2024-11-02T10:05:00",
        "day": "2024-11-02",
        "reveal": {
            "species_id": "dugong",
            "edition_id": "ocean",
            "seed": 42,
            "tier": "common",
            "chance": 0.25,
            "tier_odds": {"common": 1.0},
            "candidates": 4,
        },
    },
}


def write_v1_profile(store: SaveStore, profile_id: str = "p-0000abcd") -> Path:
    """A profile exactly as the first release of the game wrote it."""
    folder = store.profiles_dir / profile_id
    folder.mkdir(parents=True)
    (folder / "profile.json").write_text(
        json.dumps(
            {
                "schema_version": 1,
                "id": profile_id,
                "name": "Old Timer",
                "created": "2024-11-01T08:00:00",
                "last_played": "2024-11-02T10:05:00",
                "totals": {"balance": 100, "earned_total": 300, "cards": 1},
            }
        )
    )
    (folder / "ledger-2024-11.json").write_text(
        json.dumps({"meta": {"1": {"schema_version": 1}}, "entries": V1_ENTRIES})
    )
    return folder


def test_every_format_has_a_step_from_each_older_version() -> None:
    for current, steps in [
        (migrations.PROFILE_VERSION, migrations.PROFILE_MIGRATIONS),
        (migrations.LEDGER_VERSION, migrations.LEDGER_MIGRATIONS),
        (migrations.EXPORT_VERSION, migrations.EXPORT_MIGRATIONS),
    ]:
        assert set(steps) == set(range(1, current))


def test_version_1_profile_loads_with_its_whole_collection(store: SaveStore) -> None:
    write_v1_profile(store)

    save = store.open("p-0000abcd", NOW)

    assert save.meta.name == "Old Timer"
    assert save.state.balance == 100
    assert list(save.state.owned) == ["dugong"]
    assert save.recovery_notes == []
    save.close()


def test_version_1_files_are_written_back_in_the_current_format(store: SaveStore) -> None:
    folder = write_v1_profile(store)
    save = store.open("p-0000abcd", NOW)
    save.record(earned(save.state, dt.datetime(2024, 11, 3, 9)))
    save.close()

    ledger = json.loads((folder / "ledger-2024-11.json").read_text())
    profile = json.loads((folder / "profile.json").read_text())
    assert ledger["schema_version"] == migrations.LEDGER_VERSION and "meta" not in ledger
    assert list(ledger["entries"].values())[:2] == list(V1_ENTRIES.values())
    assert profile["schema_version"] == migrations.PROFILE_VERSION
    assert profile["totals"]["entries"] == 3


@pytest.mark.parametrize("file_name", ["profile.json", "ledger-2024-11.json"])
def test_a_newer_games_file_is_refused_and_left_untouched(store: SaveStore, file_name: str) -> None:
    folder = write_v1_profile(store)
    path = folder / file_name
    data = json.loads(path.read_text())
    data["schema_version"] = 99
    data.pop("meta", None)
    path.write_text(json.dumps(data))
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    with pytest.raises(NewerSave, match="newer version of EcoCards"):
        store.open("p-0000abcd", NOW)

    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != "lock"}
    assert after == {name: raw for name, raw in before.items() if name != "lock"}
    assert not list(folder.glob("*.corrupt-*"))


def test_a_newer_games_profile_is_listed_with_the_reason(store: SaveStore) -> None:
    folder = write_v1_profile(store)
    path = folder / "profile.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "schema_version": 99}))

    [listed] = store.list_profiles()

    assert listed.problem is not None and "newer version" in listed.problem


def test_a_refused_profile_is_not_left_locked(store: SaveStore) -> None:
    folder = write_v1_profile(store)
    original = (folder / "profile.json").read_text()
    newer = original.replace('"schema_version": 1', '"schema_version": 9')
    (folder / "profile.json").write_text(newer)
    with pytest.raises(NewerSave):
        store.open("p-0000abcd", NOW)
    (folder / "profile.json").write_text(original)

    store.open("p-0000abcd", NOW).close()


def test_renamed_species_are_renamed_in_the_collection(
    tmp_path: Path, played: Callable[..., str]
) -> None:
    profile_id = played()  # owns "dugong"
    renamed = SaveStore(tmp_path / "saves", renames=Renames(species={"dugong": "dugong_dugon"}))

    save = renamed.open(profile_id, NOW)

    assert "dugong_dugon" in save.state.owned and "dugong" not in save.state.owned
    reveal = save.state.owned["dugong_dugon"].reveal
    assert reveal is not None and reveal.species_odds is not None
    assert list(reveal.species_odds) == ["dugong_dugon", "other_species"]
    save.close()


def test_renamed_actions_are_renamed_in_the_ledger(
    tmp_path: Path, played: Callable[..., str]
) -> None:
    profile_id = played()
    renamed = SaveStore(tmp_path / "saves", renames=Renames(actions={"bike_commute": "cycle"}))

    save = renamed.open(profile_id, NOW)

    assert {e.action_id for e in save.state.entries if e.kind == "earned"} == {"cycle"}
    save.close()


def test_renames_follow_chains_and_survive_loops() -> None:
    renames = Renames(species={"a": "b", "b": "c", "x": "y", "y": "x"})
    state = PlayerState()
    chained = renames.apply(spent(state, "a"))
    looped = renames.apply(spent(state, "x"))

    assert chained.reveal is not None and chained.reveal.species_id == "c"
    assert looped.reveal is not None and looped.reveal.species_id == "x"


def test_an_entry_without_renamed_ids_is_kept_as_is() -> None:
    entry = spent(PlayerState(), "dugong")
    assert Renames(species={"manatee": "trichechus"}).apply(entry) is entry
