"""A damaged file is set aside, never overwritten, and the newest good backup comes back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.saves.backups import backup_path, backups_of
from game.saves.profiles import SaveStore

from .conftest import NOW, log

GARBAGE = bytes(range(256)) * 4


def truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def empty(raw: bytes) -> bytes:
    return b""


def binary_garbage(raw: bytes) -> bytes:
    return GARBAGE


def wrong_shape_list(raw: bytes) -> bytes:
    return b"[1, 2, 3]"


def wrong_shape_fields(raw: bytes) -> bytes:
    data = json.loads(raw)
    if "entries" in data:  # a ledger whose entries lost their fields
        data["entries"] = {key: {"kind": "earned"} for key in data["entries"]}
    else:  # profile details without a name
        del data["name"]
    return json.dumps(data).encode()


DAMAGE = [truncated, empty, binary_garbage, wrong_shape_list, wrong_shape_fields]


def ledger_path(store: SaveStore, profile_id: str) -> Path:
    return store.profiles_dir / profile_id / "ledger-2025-03.json"


def meta_path(store: SaveStore, profile_id: str) -> Path:
    return store.profiles_dir / profile_id / "profile.json"


def corrupt_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.corrupt-*"))


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_ledger_is_restored_from_its_backup(
    store: SaveStore, played: Callable[..., str], damage: Callable[[bytes], bytes]
) -> None:
    profile_id = played()
    before = store.open(profile_id, NOW)
    expected = [entry.to_dict() for entry in before.state.entries]
    before.close()
    path = ledger_path(store, profile_id)
    bad = damage(path.read_bytes())
    path.write_bytes(bad)

    save = store.open(profile_id, NOW)

    assert [entry.to_dict() for entry in save.state.entries] == expected
    assert len(save.recovery_notes) == 1 and "was put back" in save.recovery_notes[0]
    [kept] = corrupt_copies(path.parent)
    assert kept.read_bytes() == bad
    assert kept.name in save.recovery_notes[0]
    save.close()


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_profile_details_are_restored_from_their_backup(
    store: SaveStore, played: Callable[..., str], damage: Callable[[bytes], bytes]
) -> None:
    profile_id = played(name="Noor")
    path = meta_path(store, profile_id)
    bad = damage(path.read_bytes())
    path.write_bytes(bad)

    save = store.open(profile_id, NOW)

    assert save.meta.name == "Noor"
    assert "dugong" in save.state.owned
    assert "player details" in save.recovery_notes[0]
    [kept] = corrupt_copies(path.parent)
    assert kept.read_bytes() == bad
    save.close()


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_ledger_without_backup_is_kept_aside_and_reported(
    store: SaveStore, played: Callable[..., str], damage: Callable[[bytes], bytes]
) -> None:
    profile_id = played()
    path = ledger_path(store, profile_id)
    for backup in backups_of(path):
        backup.unlink()
    bad = damage(path.read_bytes())
    path.write_bytes(bad)

    save = store.open(profile_id, NOW)

    assert save.state.entries == []
    assert any("no backup" in note for note in save.recovery_notes)
    assert any("could not be recovered" in note for note in save.recovery_notes)
    [kept] = corrupt_copies(path.parent)
    assert kept.read_bytes() == bad
    save.close()


def test_damaged_profile_details_without_backup_keep_the_collection(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played()
    path = meta_path(store, profile_id)
    for backup in backups_of(path):
        backup.unlink()
    path.write_bytes(b"")

    save = store.open(profile_id, NOW)

    assert "dugong" in save.state.owned
    assert save.meta.name.startswith("Player ")
    assert "no backup" in save.recovery_notes[0]
    save.close()
    assert store.list_profiles()[0].name == save.meta.name


def test_a_bad_newest_backup_falls_back_to_an_older_one(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played()
    path = ledger_path(store, profile_id)
    good = path.read_bytes()
    save = store.open(profile_id, NOW)
    log(save, 2, NOW.replace(day=20))
    save.close()
    assert backup_path(path, 2).read_bytes() == good
    backup_path(path, 1).write_bytes(b"{")
    path.write_bytes(b"")

    save = store.open(profile_id, NOW)

    assert [e.to_dict() for e in save.state.entries] == [
        e["entries"][key] for e in [json.loads(good)] for key in e["entries"]
    ]
    assert any("2 earlier entries" in note for note in save.recovery_notes)
    save.close()


def test_a_corrupt_copy_is_never_overwritten(store: SaveStore, played: Callable[..., str]) -> None:
    profile_id = played()
    path = ledger_path(store, profile_id)
    path.write_bytes(b"first damage")
    store.open(profile_id, NOW).close()
    path.write_bytes(b"second damage")
    store.open(profile_id, NOW).close()

    kept = corrupt_copies(path.parent)
    assert sorted(p.read_bytes() for p in kept) == [b"first damage", b"second damage"]


def test_damaged_profile_stays_in_the_list_with_a_problem(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played(name="Ana")
    meta_path(store, profile_id).write_bytes(GARBAGE)

    [listed] = store.list_profiles()

    assert (listed.id, listed.name) == (profile_id, "Ana")
    assert listed.problem is not None and "damaged" in listed.problem
    assert meta_path(store, profile_id).read_bytes() == GARBAGE  # listing repairs nothing


def test_a_clean_open_has_no_recovery_notes(store: SaveStore, played: Callable[..., str]) -> None:
    save = store.open(played(), NOW)
    assert save.recovery_notes == []
    assert corrupt_copies(save.folder) == []
    save.close()


def test_a_deleted_ledger_part_is_restored_from_its_backup(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played()
    before = store.open(profile_id, NOW)
    expected = list(before.state.entries)
    before.close()
    ledger_path(store, profile_id).unlink()

    save = store.open(profile_id, NOW)

    assert save.state.entries == expected
    assert len(save.recovery_notes) == 1
    assert "was missing" in save.recovery_notes[0] and "put back" in save.recovery_notes[0]
    assert "could not be recovered" not in " ".join(save.recovery_notes)
    new = log(save, 1)[0]
    assert new.seq == expected[-1].seq + 1  # no sequence number is taken twice
    save.close()


def test_rotation_keeps_the_last_copy_of_entries_no_live_file_holds(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played(actions=3)
    live = ledger_path(store, profile_id)
    original = json.loads(live.read_bytes())
    # Another part is put in its place (copied from another player, say): what the backups
    # hold is in no live file now.
    other = played("Noor", actions=1)
    live.write_bytes(ledger_path(store, other).read_bytes())
    for session in range(5):
        save = store.open(profile_id, NOW)
        log(save, 1, NOW + dt.timedelta(days=1, hours=session))
        save.close()

    kept = [json.loads(p.read_bytes()) for p in (live.parent / "backups").glob("*.kept-*")]
    copies = [json.loads(p.read_bytes()) for p in backups_of(live)] + kept
    assert any(copy["entries"] == original["entries"] for copy in copies)
    assert kept, "the oldest copy was rotated away"
