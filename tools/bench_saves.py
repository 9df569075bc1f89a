"""How long does logging one action take, for a short and for a long player history?

Builds a saves folder with 40 other players, then a player with 100 ledger entries and one with
10,000, and times ``PlayerSave.record`` (the durable write of one action, fsync included) for
each. Prints p50 and p95 in milliseconds and the 10,000/100 ratio. The target (issue 5): p50 at
most 5 ms at 10,000 entries and a ratio of at most 2. The files go to a temporary folder on the
disk given by ``--dir`` (by default the system's temporary folder): measure on the disk the
saves really live on.

Usage::

    python tools/bench_saves.py [--dir DIR] [--samples N] [--others N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from game.core.ledger import LedgerEntry, RevealInfo
from game.saves.ledger_files import write_ledger
from game.saves.profiles import SaveStore

NOW = dt.datetime(2025, 6, 18, 10, 0)
HISTORIES = (100, 10_000)
SESSION = 20  # actions logged between opening and closing the player
ACTIONS = ("bike_commute", "meatless_meal", "line_dry_laundry", "refill_bottle")


def history(count: int, rng: random.Random) -> list[LedgerEntry]:
    """``count`` entries spread evenly over the year before NOW, one reveal in ten."""
    entries = []
    span = dt.timedelta(days=365)
    balance = 0
    for seq in range(1, count + 1):
        at = NOW - span + span * (seq / (count + 1))
        if seq % 10 == 0 and balance >= 100:
            reveal = RevealInfo(
                species_id=f"species_{seq}",
                edition_id="ocean",
                seed=seq,
                tier="common",
                chance=0.1,
                tier_odds={"common": 1.0},
                candidates=10,
            )
            entry = LedgerEntry(
                seq=seq, kind="spent", amount_g=-100, at=at, day=at.date(), reveal=reveal
            )
        else:
            entry = LedgerEntry(
                seq=seq,
                kind="earned",
                amount_g=rng.randint(20, 400),
                at=at,
                day=at.date(),
                action_id=rng.choice(ACTIONS),
                quantity=1.0,
            )
        balance += entry.amount_g
        entries.append(entry)
    return entries


def add_player(store: SaveStore, name: str, entries: int, rng: random.Random) -> str:
    meta = store.create(name, NOW - dt.timedelta(days=366))
    write_ledger(store.profiles_dir / meta.id, history(entries, rng))
    store.open(meta.id, NOW).close()  # brings the totals up to date, as playing would
    return meta.id


def log_session(
    store: SaveStore, profile_id: str, actions: int, rng: random.Random, timings: list[float]
) -> None:
    """Open the player, log ``actions`` actions (timing each), close it: one class period."""
    save = store.open(profile_id, NOW)
    for _ in range(actions):
        state = save.state
        at = NOW + dt.timedelta(minutes=state.next_seq)
        entry = LedgerEntry(
            seq=state.next_seq,
            kind="earned",
            amount_g=rng.randint(20, 400),
            at=at,
            day=at.date(),
            action_id=rng.choice(ACTIONS),
            quantity=1.0,
        )
        start = time.perf_counter()
        state.apply(entry)
        save.record(entry)
        timings.append((time.perf_counter() - start) * 1000)
    save.close()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dir", type=Path, default=None, help="where to make the temporary saves folder"
    )
    parser.add_argument(
        "--samples",
        type=int,
        default=400,
        help="actions logged per history (default: four full ledger parts)",
    )
    parser.add_argument("--others", type=int, default=40, help="other players in the folder")
    parser.add_argument(
        "--other-entries", type=int, default=1_000, help="ledger entries of each other player"
    )
    args = parser.parse_args(argv)
    if args.samples < 1 or args.others < 0:
        parser.error("--samples must be at least 1 and --others at least 0")
    rng = random.Random(5)
    work = Path(tempfile.mkdtemp(prefix="ecocards-bench-", dir=args.dir))
    try:
        store = SaveStore(work / "saves")
        store.ensure()
        for index in range(args.others):
            add_player(store, f"Player {index + 1:02d}", args.other_entries, rng)
        measured = {count: add_player(store, f"History {count}", count, rng) for count in HISTORIES}
        print(f"saves folder: {work} ({len(store.list_profiles())} players)")
        print(f"{'history':>8}  {'p50 ms':>7}  {'p95 ms':>7}  samples")
        # Sessions of the two players alternate, so that whatever else the disk is doing at
        # the time weighs on both alike.
        timings: dict[int, list[float]] = {count: [] for count in HISTORIES}
        while len(timings[HISTORIES[0]]) < args.samples:
            actions = min(SESSION, args.samples - len(timings[HISTORIES[0]]))
            for count, profile_id in measured.items():
                log_session(store, profile_id, actions, rng, timings[count])
        p50 = {}
        for count, values in timings.items():
            p50[count] = statistics.median(values)
            print(
                f"{count:>8}  {p50[count]:>7.2f}  {percentile(values, 0.95):>7.2f}  {len(values)}"
            )
        low, high = HISTORIES
        print(
            f"ratio p50 {high}/{low}: {p50[high] / p50[low]:.2f} (target: at most 2; "
            f"p50 at {high}: at most 5 ms)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
