"""Replacing a whole ledger (data retention) so that a crash at any moment loses nothing.

Retention deletes old entries and numbers the rest again, so every part of the ledger changes.
It runs in two phases, each safe to interrupt:

1. **Stage**: the new ledger is written into ``.retention/`` beside the live parts, then
   ``.retention/manifest.json`` (atomically, last) names its parts and its totals. Until the
   manifest exists nothing live has changed: a crash leaves the old ledger, and the staging
   folder is thrown away the next time.
2. **Apply**: each staged part replaces its live part (``os.replace``, atomic per part), the
   backups of the old parts go (they hold the deleted entries, and a part with backups but no
   live file would be put back on opening), the old parts the new ledger does not have go, the
   profile's totals are brought up to date, and the staging folder goes, manifest last.

Once the manifest exists the new ledger is complete on disk, part by part in ``.retention/`` or
already in place: :func:`finish_retention` (run when a player opens) completes an interrupted
apply, and :func:`ledger_paths` lets a reader that takes no lock (the class screen) read the new
ledger whole in the meantime, never a mix of old and new parts.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from game.core.ledger import LedgerEntry, PlayerState
from game.saves import backups
from game.saves.atomic import dump_json, fsync_dir, read_bounded, write_atomic
from game.saves.backups import BACKUP_DIR
from game.saves.ledger_files import ledger_files, parse_part_name, write_ledger
from game.saves.meta import PROFILE_FILE, load_meta

STAGING = ".retention"
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
TOTALS = ("balance", "earned_total", "cards", "entries")

# looked up when used, so a test can fail or kill the process between two parts
_replace: Callable[[Path, Path], None] = os.replace


def stage(folder: Path, entries: list[LedgerEntry]) -> None:
    """Phase 1: the new ledger and its manifest in ``folder/.retention`` (nothing live touched)."""
    staging = folder / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    write_ledger(staging, entries)
    parts = sorted(p.name for p in ledger_files(staging))
    state = PlayerState.from_entries(entries)
    manifest = {
        "schema_version": MANIFEST_VERSION,
        "parts": parts,
        "balance": state.balance,
        "earned_total": state.earned_total,
        "cards": len(state.owned),
        "entries": len(entries),
    }
    fsync_dir(staging)
    write_atomic(staging / MANIFEST, dump_json(manifest))


@dataclass(frozen=True)
class Manifest:
    parts: list[str]  # the new ledger's part names
    totals: dict[str, int]  # the profile's new balance, earned_total, cards and entries


def _manifest(folder: Path) -> Manifest | None:
    """The staged ledger's manifest, or None when no complete one is staged."""
    try:
        data = json.loads(read_bounded(folder / STAGING / MANIFEST, 1024 * 1024))
        parts = data["parts"]
        if data["schema_version"] != MANIFEST_VERSION or not all(
            isinstance(n, str) and parse_part_name(n) for n in parts
        ):
            return None
        return Manifest(list(parts), {key: int(data[key]) for key in TOTALS})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def apply(folder: Path) -> None:
    """Phase 2, also the completion of an interrupted one (each step may run again)."""
    manifest = _manifest(folder)
    staging = folder / STAGING
    if manifest is None:  # staging never finished: the live ledger is the old one, untouched
        shutil.rmtree(staging, ignore_errors=True)
        return
    names = manifest.parts
    for name in names:
        staged = staging / name
        if staged.exists():
            _replace(staged, folder / name)
    fsync_dir(folder)
    for old in (folder / BACKUP_DIR).glob("ledger-*"):
        if parse_part_name(old.name.rsplit(".", 1)[0]) is not None:
            old.unlink()
    for old in ledger_files(folder):
        if old.name not in names:
            old.unlink()
    fsync_dir(folder)
    meta_path = folder / PROFILE_FILE
    with contextlib.suppress(FileNotFoundError):
        meta = load_meta(meta_path, folder.name)
        totals = manifest.totals
        meta = replace(
            meta,
            balance=totals["balance"],
            earned_total=totals["earned_total"],
            cards=totals["cards"],
            entries=totals["entries"],
        )
        write_atomic(meta_path, dump_json(meta.to_dict()))
    for old in backups.backups_of(meta_path):
        old.unlink()  # an older copy would count the deleted entries as missing
    (staging / MANIFEST).unlink(missing_ok=True)  # from here on, nothing to finish
    shutil.rmtree(staging, ignore_errors=True)


def replace_ledger(folder: Path, entries: list[LedgerEntry]) -> None:
    """Replace the player's whole ledger with ``entries`` (hold the player's lock)."""
    stage(folder, entries)
    apply(folder)


def finish_retention(folder: Path) -> None:
    """Complete a retention a crash interrupted, or throw away one that never got staged (run
    under the player's lock, before the ledger is read)."""
    if (folder / STAGING).exists():
        apply(folder)


def ledger_paths(folder: Path) -> Iterable[list[Path]]:
    """The ledger's parts for a reader that takes no lock: each yielded list is one candidate
    for every part, the first that can be read being the one to use (a staged part may move
    into place while it is read). The new ledger while a retention is being applied, else the
    live parts."""
    manifest = _manifest(folder)
    if manifest is None:
        return [[path] for path in ledger_files(folder)]
    return [[folder / STAGING / name, folder / name] for name in manifest.parts]
