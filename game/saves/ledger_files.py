"""The ledger on disk: small TinyDB files, one or more per month.

``ledger-2025-03.json`` holds the first entries recorded in March 2025, ``ledger-2025-03.2.json``
the next ones, and so on: a part holds at most :data:`PART_SIZE` entries. Logging an action
rewrites one part of bounded size, so it costs the same after ten years of play as on the first
day, however the history is spread over the months.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from game.saves.atomic import AtomicJSONStorage, CorruptFile, dump_json, read_json, write_atomic
from game.saves.migrations import (
    LEDGER_MIGRATIONS,
    LEDGER_VERSION,
    OutdatedFormat,
    Renames,
    ledger_version,
    migrate,
)

# The entries' class is imported with the first part read: listing the players (the game's
# first frame) needs none.
if TYPE_CHECKING:
    from game.core.ledger import LedgerEntry

PART_SIZE = 100
LEDGER_GLOB = "ledger-*.json"
ENTRIES = "entries"
_PART_NAME = re.compile(r"ledger-(\d{4}-\d{2})(?:\.(\d+))?\.json")

Tables = dict[str, dict[str, Any]]


def month_of(entry: LedgerEntry) -> str:
    """The month whose parts hold ``entry``, always with four digits for the year."""
    return f"{entry.at.year:04d}-{entry.at.month:02d}"


def part_name(month: str, part: int) -> str:
    return f"ledger-{month}.json" if part == 1 else f"ledger-{month}.{part}.json"


def parse_part_name(name: str) -> tuple[str, int] | None:
    """``(month, part)`` for a ledger file name, None for any other name."""
    match = _PART_NAME.fullmatch(name)
    if match is None:
        return None
    return match.group(1), int(match.group(2) or 1)


def ledger_files(folder: Path) -> list[Path]:
    """The ledger parts in ``folder``, in month and part order."""
    found = [
        (parsed, path)
        for path in folder.glob(LEDGER_GLOB)
        if (parsed := parse_part_name(path.name)) is not None
    ]
    return [path for _, path in sorted(found)]


def load_part(path: Path, renames: Renames) -> tuple[Tables, list[LedgerEntry]]:
    """The tables of one part as stored (migrated) and its entries with renamed ids applied.

    Raises CorruptFile when it cannot be read, NewerSave when a newer game wrote it, OSError.
    """
    return parse_part(read_json(path), path, renames)


def parse_part(data: Any, path: Path, renames: Renames) -> tuple[Tables, list[LedgerEntry]]:
    """:func:`load_part` for the parsed document ``data`` read from ``path``."""
    from game.core.ledger import LedgerEntry

    if not isinstance(data, dict):
        raise CorruptFile(path, "the data is not in the expected shape")
    try:
        migrated = migrate(
            dict(data), ledger_version(data), LEDGER_VERSION, LEDGER_MIGRATIONS, path.name
        )
    except OutdatedFormat as exc:
        raise CorruptFile(path, str(exc)) from exc
    tables = {key: value for key, value in migrated.items() if key != "schema_version"}
    if set(tables) - {ENTRIES} or not isinstance(tables.get(ENTRIES, {}), dict):
        raise CorruptFile(path, "the data is not in the expected shape")
    try:
        entries = [
            renames.apply(LedgerEntry.from_dict(raw)) for raw in tables.get(ENTRIES, {}).values()
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CorruptFile(path, f"a ledger entry is malformed ({exc!r})") from exc
    return tables, entries


def part_covers(old: bytes, new: bytes) -> bool:
    """Whether the part ``new`` holds every entry of the part ``old`` (a part only grows, so
    a newer copy of it always does; one that does not was replaced by other entries)."""

    def entries(raw: bytes) -> list[Any] | None:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            return None
        table = data.get(ENTRIES) if isinstance(data, dict) else None
        return list(table.values()) if isinstance(table, dict) else None

    kept = entries(old)
    if not kept:
        return True  # nothing usable in the old copy
    have = entries(new)
    if have is None:
        return False
    held = {json.dumps(entry, sort_keys=True) for entry in have}
    return all(json.dumps(entry, sort_keys=True) in held for entry in kept)


class LedgerWriter:
    """Appends entries to the right part, opening each part's TinyDB once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._hot: dict[str, tuple[int, int]] = {}  # month -> (newest part, entries in it)
        self._tables: dict[Path, Tables] = {}
        self._dbs: dict[Path, TinyDB] = {}
        self.written: set[Path] = set()  # parts changed since the profile was opened

    def add_loaded(self, path: Path, tables: Tables) -> None:
        """Register a part read from disk, so writing to it needs no second read."""
        parsed = parse_part_name(path.name)
        if parsed is None:
            return
        month, part = parsed
        if part >= self._hot.get(month, (0, 0))[0]:
            self._hot[month] = (part, len(tables.get(ENTRIES, {})))
        self._tables[path] = tables

    def append(self, entry: LedgerEntry) -> Path:
        """Write ``entry`` durably; returns the part it went to.

        Raises OSError, or CorruptFile when a part appeared on disk that cannot be read.
        """
        month = month_of(entry)
        part, count = self._hot.get(month, (1, 0))
        if count >= PART_SIZE:
            part, count = part + 1, 0
        path = self.folder / part_name(month, part)
        db = self._dbs.get(path)
        if db is None:
            # A part that was not loaded is new, unless something created it meanwhile: then the
            # storage reads it rather than write over it.
            known = self._tables.pop(path, None)
            if known is None and not path.exists():
                known = {}
            db = TinyDB(
                path, storage=AtomicJSONStorage, schema_version=LEDGER_VERSION, tables=known
            )
            self._dbs[path] = db
        db.table(ENTRIES, cache_size=0).insert(entry.to_dict())
        self._hot[month] = (part, count + 1)
        self.written.add(path)
        return path

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
        self._tables.clear()


def write_ledger(folder: Path, entries: Iterable[LedgerEntry]) -> None:
    """Write a whole ledger into an empty ``folder`` (an imported profile)."""
    parts: dict[Path, dict[str, Any]] = {}
    hot: dict[str, tuple[int, int]] = {}
    for entry in sorted(entries, key=lambda e: e.seq):
        month = month_of(entry)
        part, count = hot.get(month, (1, 0))
        if count >= PART_SIZE:
            part, count = part + 1, 0
        hot[month] = (part, count + 1)
        table = parts.setdefault(folder / part_name(month, part), {})
        table[str(count + 1)] = entry.to_dict()
    for path, table in parts.items():
        write_atomic(path, dump_json({"schema_version": LEDGER_VERSION, ENTRIES: table}))
