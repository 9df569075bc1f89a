"""The ledger is split into small parts, so logging costs the same whatever the history."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from game.saves.atomic import AtomicJSONStorage
from game.saves.ledger_files import PART_SIZE, ledger_files, parse_part_name
from game.saves.profiles import SaveStore

from .conftest import NOW, log


def test_no_part_grows_past_its_size(store: SaveStore) -> None:
    meta = store.create("Mia", NOW)
    save = store.open(meta.id, NOW)
    log(save, PART_SIZE * 2 + 3, NOW.replace(day=1))  # all in one month
    save.close()

    sizes = [len(json.loads(p.read_text())["entries"]) for p in ledger_files(save.folder)]
    assert max(sizes) == PART_SIZE and sum(sizes) == PART_SIZE * 2 + 3


def test_months_get_their_own_parts(store: SaveStore) -> None:
    meta = store.create("Mia", NOW)
    save = store.open(meta.id, NOW)
    for month in (1, 2, 5):
        log(save, 2, dt.datetime(2025, month, 3))
    save.close()

    months = {
        parsed[0]
        for p in ledger_files(save.folder)
        if (parsed := parse_part_name(p.name)) is not None
    }
    assert months == {"2025-01", "2025-02", "2025-05"}


def test_every_entry_comes_back_in_order_after_reopening(store: SaveStore) -> None:
    meta = store.create("Mia", NOW)
    save = store.open(meta.id, NOW)
    written = log(save, PART_SIZE + 10, dt.datetime(2025, 1, 20))
    save.close()
    save = store.open(meta.id, NOW)
    written += log(save, 5, dt.datetime(2025, 3, 1))  # continues the newest part
    save.close()

    again = store.open(meta.id, NOW)
    assert [e.to_dict() for e in again.state.entries] == [e.to_dict() for e in written]
    again.close()


def test_part_names_are_recognised_and_others_ignored() -> None:
    assert parse_part_name("ledger-2025-03.json") == ("2025-03", 1)
    assert parse_part_name("ledger-2025-03.4.json") == ("2025-03", 4)
    assert parse_part_name("ledger-2025-03.json.corrupt-20250314-093000") is None
    assert parse_part_name(".ledger-2025-03.json.abc.tmp") is None


def test_profile_details_hold_the_totals_for_the_picker(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played(actions=4)

    [listed] = store.list_profiles()

    assert listed.id == profile_id
    assert (listed.cards, listed.entries, listed.balance) == (1, 5, 4 * 120 - 100)


def test_the_storage_never_reads_back_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path, schema_version=2, tables={})
    storage.write({"entries": {"1": {"a": 1}}})
    path.write_bytes(b"changed behind its back")

    assert storage.read() == {"entries": {"1": {"a": 1}}}


def test_opening_clears_what_an_interrupted_write_left(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played()
    leftover = store.profiles_dir / profile_id / ".ledger-2025-03.json.x1y2.tmp"
    leftover.write_bytes(b"half a file")

    store.open(profile_id, NOW).close()

    assert not leftover.exists()


def test_an_interrupted_delete_is_finished_on_the_next_start(store: SaveStore) -> None:
    trash = store.profiles_dir / ".deleting-p-0000abcd-12345678"
    trash.mkdir()
    (trash / "profile.json").write_text("{}")

    store.ensure()

    assert not trash.exists()


def test_opening_clears_what_an_interrupted_backup_left(
    store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played()
    leftover = store.profiles_dir / profile_id / "backups" / ".profile.json.1.k3j4l5m6.tmp"
    leftover.write_bytes(b"half a backup")

    store.open(profile_id, NOW).close()

    assert not leftover.exists()


def test_exporting_again_clears_what_an_interrupted_export_left(
    store: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    profile_id = played()
    leftover = tmp_path / ".mia.json.a1b2c3d4.tmp"
    leftover.write_bytes(b"half an export")
    unrelated = tmp_path / ".notes.txt.a1b2c3d4.tmp"
    unrelated.write_bytes(b"not ours")

    store.export_profile(profile_id, tmp_path / "mia.json", NOW)

    assert not leftover.exists()
    assert unrelated.exists()
    assert (tmp_path / "mia.json").is_file()
