"""A full disk or a read-only folder: a clear message, nothing saved is lost, retrying works."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.saves import atomic
from game.saves.profiles import SaveError, SaveStore

from .conftest import NOW, earned, spent


class Disk:
    """Switches simulated write failures on and off."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch

    def fill(self) -> None:
        """Writes fail when the data reaches the disk, as on a full disk."""

        def no_space(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        self.monkeypatch.setattr(os, "fsync", no_space)

    def make_read_only(self) -> None:
        """No file can be created, as in a read-only folder."""

        def denied(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        self.monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)

    def restore(self) -> None:
        self.monkeypatch.undo()


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    yield Disk(monkeypatch)


def leftover_temp_files(folder: Path) -> list[Path]:
    return list(folder.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("break_disk", "reason"), [("fill", "the disk is full"), ("make_read_only", "read-only")]
)
def test_a_failed_record_explains_and_keeps_the_state_as_on_disk(
    store: SaveStore, played: Callable[..., str], disk: Disk, break_disk: str, reason: str
) -> None:
    save = store.open(played(), NOW)
    balance = save.state.balance
    entries = list(save.state.entries)
    getattr(disk, break_disk)()

    with pytest.raises(SaveError, match=reason):
        save.record(earned(save.state, NOW + dt.timedelta(days=1)))

    assert save.state.balance == balance and save.state.entries == entries
    assert leftover_temp_files(save.folder) == []
    disk.restore()
    save.close()


@pytest.mark.parametrize("break_disk", ["fill", "make_read_only"])
def test_nothing_saved_before_a_failure_is_lost(
    store: SaveStore, played: Callable[..., str], disk: Disk, break_disk: str
) -> None:
    profile_id = played()
    save = store.open(profile_id, NOW)
    saved = [e.to_dict() for e in save.state.entries]
    getattr(disk, break_disk)()
    for hours in range(3):
        with pytest.raises(SaveError):
            save.record(spent(save.state, f"species_{hours}", NOW + dt.timedelta(hours=hours)))
    save.close()  # closing on a broken disk is quiet
    disk.restore()

    again = store.open(profile_id, NOW)

    assert [e.to_dict() for e in again.state.entries] == saved
    assert again.recovery_notes == []
    again.close()


@pytest.mark.parametrize("break_disk", ["fill", "make_read_only"])
def test_recording_again_after_the_disk_recovers_works(
    store: SaveStore, played: Callable[..., str], disk: Disk, break_disk: str
) -> None:
    profile_id = played()
    save = store.open(profile_id, NOW)
    getattr(disk, break_disk)()
    with pytest.raises(SaveError):
        save.record(earned(save.state, NOW + dt.timedelta(days=1)))
    disk.restore()

    retried = earned(save.state, NOW + dt.timedelta(days=1))
    save.record(retried)
    save.close()

    again = store.open(profile_id, NOW)
    assert again.state.entries[-1].to_dict() == retried.to_dict()
    again.close()


@pytest.mark.parametrize("break_disk", ["fill", "make_read_only"])
def test_a_profile_still_opens_on_a_broken_disk(
    store: SaveStore, played: Callable[..., str], disk: Disk, break_disk: str
) -> None:
    profile_id = played()
    getattr(disk, break_disk)()

    save = store.open(profile_id, NOW)

    assert "dugong" in save.state.owned
    save.close()


@pytest.mark.parametrize("break_disk", ["fill", "make_read_only"])
def test_creating_a_player_on_a_broken_disk_explains(
    store: SaveStore, disk: Disk, break_disk: str
) -> None:
    getattr(disk, break_disk)()

    with pytest.raises(SaveError, match="Could not create the player"):
        store.create("Sam", NOW)

    disk.restore()
    assert store.list_profiles() == []


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, disk: Disk) -> None:
    path = tmp_path / "file.json"
    atomic.write_atomic(path, b'{"old": true}')
    disk.fill()

    with pytest.raises(OSError):
        atomic.write_atomic(path, b'{"new": true}')

    assert path.read_bytes() == b'{"old": true}'
    assert leftover_temp_files(tmp_path) == []
