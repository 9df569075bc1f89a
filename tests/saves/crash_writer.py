"""The writer the crash test kills: logs actions and reveals in a loop, acknowledging each one.

It runs in its own process and sends ``ready`` once its profiles are open, then
``<profile id> <seq> <kind> <amount>`` after every durable record; it never stops on its own.
"""

from __future__ import annotations

import datetime as dt
import random
from multiprocessing.connection import Connection
from pathlib import Path

from game.core.ledger import LedgerEntry, RevealInfo
from game.saves.player import PlayerSave
from game.saves.profiles import SaveStore

START = dt.datetime(2025, 1, 1, 8)
REVEAL_COST = 150


def next_entry(save: PlayerSave, rng: random.Random) -> LedgerEntry:
    state = save.state
    seq = state.next_seq
    at = START + dt.timedelta(hours=2 * seq)  # a new month every 360 entries or so
    if state.balance >= REVEAL_COST and rng.random() < 0.3:
        reveal = RevealInfo(
            species_id=f"species_{seq}",
            edition_id="ocean",
            seed=seq,
            tier="common",
            chance=0.5,
            tier_odds={"common": 1.0},
            candidates=2,
        )
        return LedgerEntry(
            seq=seq, kind="spent", amount_g=-REVEAL_COST, at=at, day=at.date(), reveal=reveal
        )
    return LedgerEntry(
        seq=seq,
        kind="earned",
        amount_g=rng.randint(10, 200),
        at=at,
        day=at.date(),
        action_id="bike_commute",
        quantity=1.0,
    )


def run(root: Path, seed: int, profile_ids: list[str], acks: Connection) -> None:
    rng = random.Random(seed)
    store = SaveStore(root)
    saves = {profile_id: store.open(profile_id, START) for profile_id in profile_ids}
    acks.send_bytes(b"ready")
    while True:
        profile_id = rng.choice(profile_ids)
        if rng.random() < 0.03:  # close and reopen now and then: backups are taken then
            saves[profile_id].close()
            saves[profile_id] = store.open(profile_id, START)
        save = saves[profile_id]
        entry = next_entry(save, rng)
        save.state.apply(entry)
        save.record(entry)
        acks.send_bytes(f"{profile_id} {entry.seq} {entry.kind} {entry.amount_g}".encode())
