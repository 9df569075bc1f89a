"""Kill a writer at random moments, hundreds of times: no acknowledged entry is ever lost.

The writer is a separate process logging actions and reveals on three profiles; it acknowledges
each entry only after ``record`` returned. After every kill this process opens every profile
and checks that each acknowledged entry is there, that the ledger has no gaps, and that nothing
needed repairing. Where the platform can fork, the writer starts as a fork of this process, so
a kill cycle costs milliseconds instead of a fresh interpreter.
"""

from __future__ import annotations

import multiprocessing
import random
import time
from multiprocessing.connection import Connection
from pathlib import Path

from game.saves.profiles import SaveStore
from tests.saves.crash_writer import START, run

KILLS = 200
PROFILES = ("Mia", "Noor", "Sam")


def start_writer(
    root: Path, seed: int, profile_ids: list[str]
) -> tuple[multiprocessing.process.BaseProcess, Connection]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=run, args=(root, seed, profile_ids, writer), daemon=True)
    process.start()
    writer.close()  # the writer process holds the only sending end now
    return process, reader


def drain(reader: Connection) -> list[str]:
    """Every message the killed writer managed to send."""
    messages = []
    while True:
        try:
            messages.append(reader.recv_bytes().decode())
        except EOFError:
            return messages


def check_profiles(store: SaveStore, acked: dict[str, dict[int, tuple[str, int]]]) -> None:
    for profile_id, entries in acked.items():
        save = store.open(profile_id, START)
        try:
            assert save.recovery_notes == []
            seqs = [entry.seq for entry in save.state.entries]
            assert seqs == list(range(1, len(seqs) + 1)), "the ledger has a gap"
            found = {e.seq: (e.kind, e.amount_g) for e in save.state.entries}
            lost = {seq: e for seq, e in entries.items() if found.get(seq) != e}
            assert not lost, f"{profile_id} lost acknowledged entries {sorted(lost)}"
            assert save.state.balance == sum(amount for _, amount in found.values())
        finally:
            save.close()
        assert not list(save.folder.glob("*.corrupt-*"))


def test_killed_writers_never_lose_an_acknowledged_entry(tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    store.ensure()
    profile_ids = [store.create(name, START).id for name in PROFILES]
    acked: dict[str, dict[int, tuple[str, int]]] = {profile_id: {} for profile_id in profile_ids}
    rng = random.Random(20250314)

    for kill in range(KILLS):
        process, reader = start_writer(store.root, kill, profile_ids)
        if rng.random() < 0.2:  # now and then, kill it while it is still opening the profiles
            time.sleep(rng.uniform(0, 0.01))
        else:
            assert reader.poll(30), "the writer did not start"
            time.sleep(rng.uniform(0, 0.03))
        process.kill()
        process.join(30)
        for message in drain(reader):
            if message != "ready":
                profile_id, seq, kind, amount = message.split()
                acked[profile_id][int(seq)] = (kind, int(amount))
        reader.close()
        check_profiles(store, acked)

    assert all(len(entries) > 0 for entries in acked.values())
