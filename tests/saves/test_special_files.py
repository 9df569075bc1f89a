"""Whatever sits where a save file should be (a pipe, a device, a folder, a file the game may
not read, a planted link), the game neither hangs nor runs out of memory nor writes through it:
the thing is set aside, the backup comes back, and the player is told what was wrong."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

import game.core.files
from game.core.messages import Message
from game.saves.profiles import SaveError, SaveStore

from .conftest import NOW

T = TypeVar("T")
posix_only = pytest.mark.skipif(os.name != "posix", reason="pipes and devices are POSIX")


def finishes(call: Callable[[], T], seconds: float = 20.0) -> T:
    """``call()``'s result; fails (instead of hanging the test run) when it blocks."""
    result: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "it blocked"
    if errors:
        raise errors[0]
    return result[0]


def fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def dev_zero(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("a teacher's note")


SPECIAL = [
    pytest.param(fifo, id="fifo", marks=posix_only),
    pytest.param(dev_zero, id="dev-zero", marks=posix_only),
    pytest.param(folder, id="folder"),
]


@pytest.mark.parametrize("replace", SPECIAL)
@pytest.mark.parametrize("file_name", ["profile.json", "ledger-2025-03.json"])
def test_a_special_file_in_place_of_a_save_is_set_aside_and_restored(
    store: SaveStore, played: Callable[..., str], replace: Callable[[Path], None], file_name: str
) -> None:
    profile_id = played()
    folder_path = store.profiles_dir / profile_id
    before = store.open(profile_id, NOW)
    expected = list(before.state.entries)
    before.close()
    replace(folder_path / file_name)

    listed = finishes(store.list_profiles)
    save = finishes(lambda: store.open(profile_id, NOW))

    assert [p.id for p in listed] == [profile_id]
    assert save.state.entries == expected
    assert len(save.recovery_notes) == 1
    assert "could not be read" in save.recovery_notes[0]
    assert "was put back" in save.recovery_notes[0]
    assert (folder_path / file_name).is_file()
    assert list(folder_path.glob(f"{file_name}.corrupt-*"))
    save.close()


@posix_only
def test_a_special_file_in_place_of_the_content_cache_is_ignored(tmp_path: Path) -> None:
    from game.core.content import load_content

    mini = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
    cache = tmp_path / "cache"
    first = load_content(mini, mini.parent.parent.parent / "assets", cache_dir=cache)
    for cached in cache.glob("content-*.jsonl"):
        dev_zero(cached)

    again = finishes(
        lambda: load_content(mini, mini.parent.parent.parent / "assets", cache_dir=cache)
    )

    assert again.species.keys() == first.species.keys()


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make a file unreadable: its permissions, and (for root, who reads anything) the
    system's answer to opening it."""
    refused: set[str] = set()
    real_open = game.core.files.os.open

    def guarded_open(path: os.PathLike[str] | str, flags: int, *args: int) -> int:
        if os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(game.core.files.os, "open", guarded_open)

    def make(path: Path) -> None:
        path.chmod(0)
        refused.add(os.fspath(path))

    return make


@pytest.mark.parametrize("file_name", ["profile.json", "ledger-2025-03.json"])
def test_an_unreadable_save_file_says_so_and_is_restored_from_its_backup(
    store: SaveStore,
    played: Callable[..., str],
    unreadable: Callable[[Path], None],
    file_name: str,
) -> None:
    profile_id = played()
    unreadable(store.profiles_dir / profile_id / file_name)

    save = store.open(profile_id, NOW)

    note = save.recovery_notes[0]
    assert isinstance(note, Message) and note.values["what"] == "could not be read"
    assert "read-only" not in note and "space" not in note
    assert save.state.balance > 0 and save.state.owned
    save.close()


def test_a_planted_lock_link_is_refused_and_its_target_untouched(
    store: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    profile_id = played()
    target = tmp_path / "report.txt"
    target.write_text("a teacher's report")
    lock = store.profiles_dir / profile_id / "lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(target)

    with pytest.raises(SaveError, match="lock file") as refused:
        store.export_profile(profile_id, tmp_path / "export.json", NOW)

    assert target.read_text() == "a teacher's report"
    assert isinstance(refused.value.args[0], Message)
    assert not (tmp_path / "export.json").exists()


def test_a_lock_hard_linked_to_another_file_is_refused(
    store: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    profile_id = played()
    target = tmp_path / "report.txt"
    target.write_text("a teacher's report")
    lock = store.profiles_dir / profile_id / "lock"
    lock.unlink(missing_ok=True)
    os.link(target, lock)

    with pytest.raises(SaveError, match="lock file"):
        store.open(profile_id, NOW)

    assert target.read_text() == "a teacher's report"
