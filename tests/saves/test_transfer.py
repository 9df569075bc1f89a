"""Export one profile as one file, import it elsewhere, and delete a profile completely."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.saves.profiles import NewerSave, SaveError, SaveStore

from .conftest import NOW


@pytest.fixture
def other(tmp_path: Path) -> SaveStore:
    """The saves folder of another computer."""
    store = SaveStore(tmp_path / "other")
    store.ensure()
    return store


def exported(store: SaveStore, played: Callable[..., str], tmp_path: Path) -> Path:
    path = tmp_path / "mia.ecocards.json"
    store.export_profile(played(), path, NOW)
    return path


def test_a_profile_moves_to_another_computer_whole(
    store: SaveStore, other: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    profile_id = played()
    path = tmp_path / "mia.ecocards.json"
    store.export_profile(profile_id, path, NOW)

    meta = other.import_profile(path, NOW)

    original, moved = store.open(profile_id, NOW), other.open(meta.id, NOW)
    assert [e.to_dict() for e in moved.state.entries] == [
        e.to_dict() for e in original.state.entries
    ]
    assert (meta.id, meta.name, meta.cards) == (profile_id, "Mia", 1)
    original.close()
    moved.close()


def test_an_open_profile_exports_itself(
    store: SaveStore, other: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    save = store.open(played(), NOW)
    save.export(tmp_path / "open.json", NOW)
    save.close()

    assert other.import_profile(tmp_path / "open.json", NOW).name == "Mia"


def test_importing_next_to_a_namesake_adds_a_number(
    store: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    path = exported(store, played, tmp_path)

    meta = store.import_profile(path, NOW)

    assert meta.name == "Mia (2)"
    assert sorted(p.name for p in store.list_profiles()) == ["Mia", "Mia (2)"]
    assert len({p.id for p in store.list_profiles()}) == 2


def edit(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def set_balance_cheat(data: dict) -> None:
    first = next(iter(data["ledger"]["entries"].values()))
    first["amount_g"] = 999_999


def drop_ledger(data: dict) -> None:
    del data["ledger"]


def spend_too_much(data: dict) -> None:
    import hashlib

    for entry in data["ledger"]["entries"].values():
        if entry["kind"] == "spent":
            entry["amount_g"] = -999_999
    raw = json.dumps(data["ledger"], ensure_ascii=False, separators=(",", ":")).encode()
    data["ledger_sha256"] = hashlib.sha256(raw).hexdigest()


def not_a_profile(data: dict) -> None:
    data["format"] = "something-else"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (set_balance_cheat, "changed or damaged"),
        (drop_ledger, "missing"),
        (spend_too_much, "more energy than there was"),
        (not_a_profile, "not an EcoCards profile"),
    ],
)
def test_an_invalid_file_is_refused_and_nothing_is_written(
    store: SaveStore,
    other: SaveStore,
    played: Callable[..., str],
    tmp_path: Path,
    change: Callable[[dict], None],
    reason: str,
) -> None:
    path = exported(store, played, tmp_path)
    edit(path, change)

    with pytest.raises(SaveError, match=reason):
        other.import_profile(path, NOW)

    assert other.list_profiles() == []
    assert list(other.profiles_dir.iterdir()) == []


@pytest.mark.parametrize("raw", [b"", b"\x00\x01garbage", b"[]", b'{"format": "ecocards-profile"'])
def test_an_unreadable_file_is_refused(other: SaveStore, tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(raw)

    with pytest.raises(SaveError, match=r"broken\.json"):
        other.import_profile(path, NOW)


def test_a_newer_games_export_is_refused(
    store: SaveStore, other: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    path = exported(store, played, tmp_path)
    edit(path, lambda data: data.update(schema_version=99))

    with pytest.raises(NewerSave):
        other.import_profile(path, NOW)


def test_an_export_from_before_quiz_answers_travelled_still_imports(
    store: SaveStore, other: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    path = exported(store, played, tmp_path)
    edit(path, lambda data: data.update(schema_version=1))  # version 1: no quiz answers

    assert other.import_profile(path, NOW).name == "Mia"


def test_delete_removes_every_file_of_the_profile(
    store: SaveStore, played: Callable[..., str]
) -> None:
    keep, gone = played("Keep"), played("Gone")
    folder = store.profiles_dir / gone
    (folder / "ledger-2025-03.json").write_bytes(b"damaged")
    store.open(gone, NOW).close()  # leaves a corrupt copy and backups behind
    assert list(folder.glob("*.corrupt-*")) and (folder / "backups").is_dir()

    store.delete(gone)

    assert not folder.exists()
    assert [p.id for p in store.list_profiles()] == [keep]
    assert [p.name for p in store.profiles_dir.iterdir() if p.name != ".names"] == [keep]
    holders = [p.read_text() for p in (store.profiles_dir / ".names").iterdir()]
    assert holders == [keep]  # the name "Gone" is free again


def test_an_unknown_id_is_refused_without_touching_the_disk(store: SaveStore) -> None:
    with pytest.raises(SaveError, match="no player"):
        store.open("../../etc", NOW)
    with pytest.raises(SaveError, match="no player"):
        store.delete("../profiles")


def dated_999(data: dict) -> None:
    import hashlib

    first = next(iter(data["ledger"]["entries"].values()))
    first["at"] = "0999-03-14T09:30:00"
    first["day"] = "0999-03-14"
    raw = json.dumps(data["ledger"], ensure_ascii=False, separators=(",", ":")).encode()
    data["ledger_sha256"] = hashlib.sha256(raw).hexdigest()


def test_an_entry_with_an_impossible_date_is_refused_and_nothing_is_written(
    store: SaveStore, other: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    path = exported(store, played, tmp_path)
    edit(path, dated_999)

    with pytest.raises(SaveError, match="cannot be right"):
        other.import_profile(path, NOW)

    assert other.list_profiles() == []
    assert [p.name for p in other.profiles_dir.iterdir() if p.name != ".names"] == []


def test_a_pipe_is_refused_as_an_import_without_waiting(other: SaveStore, tmp_path: Path) -> None:
    import os

    if os.name != "posix":
        pytest.skip("named pipes are POSIX")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)

    with pytest.raises(SaveError, match=r"pipe\.json is not an EcoCards profile"):
        other.import_profile(path, NOW)
