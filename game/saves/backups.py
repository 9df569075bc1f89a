"""Rotated backups of each save file, and restoring the newest one that still reads.

``<profile>/backups/<file>.1`` is the newest copy, ``.2`` and ``.3`` older ones. A copy is taken
when a profile is opened (for every file changed since its newest backup) and when it is closed,
so a file damaged between two games comes back complete, and one damaged during a game that then
crashed comes back as it was when that game started. A live file that went missing comes back
from its backups too (:func:`missing_files`), and rotation never drops the oldest copy while it
holds something the new copy lacks: that copy is kept aside as ``<file>.kept-<time>`` instead.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from game.saves.atomic import CorruptFile, quarantine, read_bounded, write_atomic
from game.saves.migrations import SaveError

KEEP = 3
BACKUP_DIR = "backups"

T = TypeVar("T")


def backup_path(live: Path, generation: int) -> Path:
    return live.parent / BACKUP_DIR / f"{live.name}.{generation}"


def backups_of(live: Path) -> list[Path]:
    """The existing backups of ``live``, newest first."""
    return [path for gen in range(1, KEEP + 1) if (path := backup_path(live, gen)).is_file()]


def missing_files(folder: Path, wanted: Callable[[str], bool]) -> list[Path]:
    """Live files of ``folder`` that have backups but are not there any more, for the names
    ``wanted`` accepts."""
    generation = re.compile(rf"(.+)\.[1-{KEEP}]")
    names: set[str] = set()
    try:
        backup_names = [p.name for p in (folder / BACKUP_DIR).iterdir()]
    except OSError:
        return []
    for name in backup_names:
        match = generation.fullmatch(name)
        if match and wanted(match.group(1)):
            names.add(match.group(1))
    return [folder / name for name in sorted(names) if not os.path.lexists(folder / name)]


Covers = Callable[[bytes, bytes], bool]


def snapshot(live: Path, data: bytes | None = None, *, covers: Covers | None = None) -> bool:
    """Keep a copy of ``live`` as its newest backup, unless that backup is already this file.

    ``data`` saves reading the file again when the caller already holds its bytes. With
    ``covers(old, new)``, the oldest backup is only dropped when ``new`` holds all it holds;
    otherwise it is kept aside. Returns whether a copy was taken. Raises OSError (for instance
    when the disk is full).
    """
    stat = live.stat()
    newest = backup_path(live, 1)
    try:
        known = newest.stat()
    except FileNotFoundError:
        pass
    else:
        if known.st_mtime_ns == stat.st_mtime_ns and known.st_size == stat.st_size:
            return False
    if data is None:
        data = read_bounded(live)
    newest.parent.mkdir(exist_ok=True)
    oldest = backup_path(live, KEEP)
    if covers is not None and oldest.is_file() and not _covered(oldest, data, covers):
        quarantine(oldest, dt.datetime.now(), label="kept")
    for gen in range(KEEP, 1, -1):
        older = backup_path(live, gen - 1)
        if older.exists():
            os.replace(older, backup_path(live, gen))
    # Not fsynced: restoring checks every backup, and a power cut costs one generation at most.
    write_atomic(newest, data, durable=False)
    os.utime(newest, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return True


def _covered(old: Path, new: bytes, covers: Covers) -> bool:
    try:
        return covers(read_bounded(old), new)
    except CorruptFile:  # nothing in it could be used anyway
        return True


def restore(live: Path, load: Callable[[Path], T]) -> tuple[Path, T] | None:
    """Put the newest backup that ``load`` accepts back in place of ``live``.

    ``load`` raises CorruptFile, SaveError or OSError for a backup it cannot use. Returns the
    backup used and what ``load`` made of it, or None when no backup is usable (``live`` is then
    left alone).
    """
    for backup in backups_of(live):
        try:
            loaded = load(backup)
        except (CorruptFile, SaveError, OSError):  # skip it: an older one may still be good
            continue
        stat = backup.stat()
        write_atomic(live, read_bounded(backup))
        os.utime(live, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # it is that backup again
        return backup, loaded
    return None
