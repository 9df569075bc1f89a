"""Data retention stopped at any moment loses nothing: each part is old or new, and the ledger
read afterwards (by the class screen, or by the player opening) is the old one or the new one
whole, follows every rule, and keeps every entry retention keeps.

The failure is simulated between every two parts (an error from ``os.replace``), during the
staging, and with a real SIGKILL of a process running retention.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.classroom import apply_retention, retention_cutoff
from game.core.content import Content
from game.core.economy import log_action
from game.core.ledger import LedgerEntry
from game.core.verify import verify_ledger
from game.saves import retention
from game.saves.class_data import delete_old_entries, read_entries
from game.saves.ledger_files import ledger_files
from game.saves.migrations import SaveError
from game.saves.profiles import SaveStore

ROOT = Path(__file__).resolve().parents[2]
START = dt.datetime(2025, 9, 1, 8)
TODAY = (START + dt.timedelta(days=200)).date()
MONTHS = 2
BIKE = "cycle-instead-of-car"


def played(store: SaveStore, content: Content) -> str:
    """A player who logged an action every other day for 200 days (parts in seven months)."""
    profile_id = store.create("Mia", START).id
    for n in range(0, 200, 2):
        now = START + dt.timedelta(days=n)
        save = store.open(profile_id, now)
        try:
            save.record(log_action(save.state, content.actions[BIKE], 2, day=now.date(), now=now))
        finally:
            save.close()
    return profile_id


def expected(entries: list[LedgerEntry]) -> list[LedgerEntry]:
    kept, deleted = apply_retention(entries, retention_cutoff(TODAY, MONTHS))
    assert deleted > 0
    return kept


def replaces_needed(store: SaveStore, profile_id: str) -> int:
    return len({p.name for p in ledger_files(store.folder(profile_id))})


def check_after_crash(
    store: SaveStore, profile_id: str, content: Content, old: list[LedgerEntry], *, done: bool
) -> None:
    """The ledger read without the lock, then opened, is the old one or the new one whole."""
    new = expected(old)
    want = new if done else old
    assert read_entries(store, profile_id) == want  # the class screen, while nothing finished it
    now = dt.datetime.combine(TODAY, dt.time(9))
    save = store.open(profile_id, now)  # finishes (or throws away) the interrupted retention
    try:
        assert save.recovery_notes == []
        assert save.state.entries == want
        assert verify_ledger(save.state.entries, content, now=now).ok
    finally:
        save.close()
    folder = store.folder(profile_id)
    assert not (folder / retention.STAGING).exists()
    assert read_entries(store, profile_id) == want
    if done:
        raw = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
        assert b'"2025-09-03' not in raw  # the deleted entries are gone, backups included


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves")


def test_a_failure_between_any_two_parts_leaves_the_new_ledger_whole(
    store: SaveStore, mini_content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile_id = played(store, mini_content)
    old = read_entries(store, profile_id)
    for fail_at in range(100):  # until no failure is left to make: every part moved
        folder = store.folder(profile_id)
        # start again from the old ledger each time
        snapshot = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        calls = []

        def failing(src: Path, dst: Path, fail_at: int = fail_at, calls: list[int] = calls) -> None:
            if len(calls) == fail_at:
                raise OSError(5, "Input/output error")
            calls.append(1)
            os.replace(src, dst)

        monkeypatch.setattr(retention, "_replace", failing)
        try:
            delete_old_entries(store, profile_id, MONTHS, TODAY)
            finished = True
        except SaveError:
            finished = False
        monkeypatch.setattr(retention, "_replace", os.replace)
        check_after_crash(store, profile_id, mini_content, old, done=True)
        if finished:
            break
        for path in [p for p in folder.rglob("*") if p.is_file()]:
            path.unlink()
        for path, data in snapshot.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    assert fail_at > 1  # the failure did fall between parts


def test_a_failure_while_staging_leaves_the_old_ledger(
    store: SaveStore, mini_content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile_id = played(store, mini_content)
    old = read_entries(store, profile_id)

    def no_manifest(path: Path, data: bytes, **_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(retention, "write_atomic", no_manifest)
    with pytest.raises(SaveError):
        delete_old_entries(store, profile_id, MONTHS, TODAY)
    monkeypatch.undo()
    assert (store.folder(profile_id) / retention.STAGING).exists()  # staged parts, no manifest
    check_after_crash(store, profile_id, mini_content, old, done=False)


KILLER = """
import os, signal, sys, datetime as dt
from pathlib import Path
from game.saves import retention
from game.saves.class_data import delete_old_entries
from game.saves.profiles import SaveStore

kill_at = int(sys.argv[3])
calls = []
def replace(src, dst):
    if len(calls) == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    calls.append(1)
    os.replace(src, dst)
retention._replace = replace
months, today = int(sys.argv[4]), dt.date.fromisoformat(sys.argv[5])
delete_old_entries(SaveStore(Path(sys.argv[1])), sys.argv[2], months, today)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
@pytest.mark.parametrize("kill_at", [0, 1, 3])
def test_a_process_killed_mid_retention_loses_nothing(
    store: SaveStore, mini_content: Content, kill_at: int
) -> None:
    profile_id = played(store, mini_content)
    old = read_entries(store, profile_id)
    assert replaces_needed(store, profile_id) > kill_at
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLER,
            str(store.root),
            profile_id,
            str(kill_at),
            str(MONTHS),
            TODAY.isoformat(),
        ],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    check_after_crash(store, profile_id, mini_content, old, done=True)
