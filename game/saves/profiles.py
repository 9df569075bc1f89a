"""Profiles on disk: one folder per player, a small metadata file and a monthly ledger.

Layout of a saves folder::

    profiles/<id>/profile.json        name, dates and totals (read by the profile picker)
    profiles/<id>/ledger-YYYY-MM.json  the ledger entries recorded that month (TinyDB)
    profiles/<id>/lock                 held while a game has the profile open
    logs/                              crash logs
    cache/                             validated content cache

The ledger is partitioned by month so that logging an action rewrites one small file, whatever the
player's history: the cost stays flat as the history grows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from game.core.ledger import LedgerEntry, PlayerState
from game.saves.atomic import AtomicJSONStorage, CorruptFile, dump_json, read_json, write_atomic
from game.saves.lock import ProfileBusy, ProfileLock

SCHEMA_VERSION = 1
PROFILE_FILE = "profile.json"
LEDGER_GLOB = "ledger-*.json"
MAX_NAME = 24

# {from_version: function taking the old document and returning the next version's}
Migration = Callable[[dict[str, Any]], dict[str, Any]]
PROFILE_MIGRATIONS: dict[int, Migration] = {}
LEDGER_MIGRATIONS: dict[int, Migration] = {}


class SaveError(Exception):
    """A save problem explained for the player; nothing already saved was lost."""


class NewerSave(SaveError):
    """A file written by a newer version of the game: refused and left untouched."""


@dataclass(frozen=True)
class ProfileMeta:
    id: str
    name: str
    created: dt.datetime
    last_played: dt.datetime
    balance: int = 0
    earned_total: int = 0
    cards: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION, "id": self.id, "name": self.name,
            "created": self.created.isoformat(), "last_played": self.last_played.isoformat(),
            "totals": {"balance": self.balance, "earned_total": self.earned_total,
                       "cards": self.cards},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProfileMeta:
        totals = data.get("totals", {})
        return cls(
            id=str(data["id"]), name=str(data["name"]),
            created=dt.datetime.fromisoformat(data["created"]),
            last_played=dt.datetime.fromisoformat(data["last_played"]),
            balance=int(totals.get("balance", 0)),
            earned_total=int(totals.get("earned_total", 0)),
            cards=int(totals.get("cards", 0)),
        )


def migrate(data: dict[str, Any], steps: dict[int, Migration], what: Path) -> dict[str, Any]:
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or version < 1:
        raise CorruptFile(what, f"schema_version {version!r} is not a version number")
    if version > SCHEMA_VERSION:
        raise NewerSave(f"{what.name} was saved by a newer version of EcoCards (save format "
                        f"{version}; this version reads up to {SCHEMA_VERSION}). Update the "
                        "game to open it; the file was left untouched.")
    while version < SCHEMA_VERSION:
        data = steps[version](data)
        version += 1
        data["schema_version"] = version
    return data


def clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    if not name:
        raise SaveError("Please type a name.")
    if len(name) > MAX_NAME:
        raise SaveError(f"Names can be at most {MAX_NAME} characters.")
    if any(not ch.isprintable() for ch in name):
        raise SaveError("Names cannot contain control characters.")
    return name


class SaveStore:
    """All the profiles in one saves folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.profiles_dir = root / "profiles"

    def ensure(self) -> None:
        self.profiles_dir.mkdir(parents=True, exist_ok=True)

    def list_profiles(self) -> list[ProfileMeta]:
        """Every readable profile, most recently played first."""
        found = []
        if not self.profiles_dir.is_dir():
            return []
        for folder in self.profiles_dir.iterdir():
            meta_path = folder / PROFILE_FILE
            if not meta_path.is_file():
                continue
            try:
                data = read_json(meta_path)
                found.append(ProfileMeta.from_dict(migrate(data, PROFILE_MIGRATIONS, meta_path)))
            except (CorruptFile, SaveError, KeyError, TypeError, ValueError, OSError):
                continue
        return sorted(found, key=lambda m: m.last_played, reverse=True)

    def create(self, name: str, now: dt.datetime) -> ProfileMeta:
        name = clean_name(name)
        if any(p.name.casefold() == name.casefold() for p in self.list_profiles()):
            raise SaveError(f"There is already a player called {name}.")
        self.ensure()
        profile_id = f"p-{secrets.token_hex(4)}"
        folder = self.profiles_dir / profile_id
        meta = ProfileMeta(id=profile_id, name=name, created=now, last_played=now)
        try:
            folder.mkdir()
            write_atomic(folder / PROFILE_FILE, dump_json(meta.to_dict()))
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise SaveError(f"Could not create the profile: {exc.strerror or exc}") from exc
        return meta

    def open(self, profile_id: str, now: dt.datetime) -> PlayerSave:
        folder = self.profiles_dir / profile_id
        if not (folder / PROFILE_FILE).is_file():
            raise SaveError("That profile no longer exists.")
        lock = ProfileLock(folder)
        lock.acquire()
        try:
            return PlayerSave(folder, lock, now)
        except BaseException:
            lock.release()
            raise

    def delete(self, profile_id: str) -> None:
        """Remove a profile and everything it holds (a player's or teacher's privacy request)."""
        folder = self.profiles_dir / profile_id
        if not folder.is_dir():
            return
        lock = ProfileLock(folder)
        lock.acquire()
        lock.release()
        shutil.rmtree(folder)


class PlayerSave:
    """An open profile: its state in memory, and every new ledger entry written through."""

    def __init__(self, folder: Path, lock: ProfileLock, now: dt.datetime) -> None:
        self.folder = folder
        self._lock = lock
        meta_path = folder / PROFILE_FILE
        self.meta = ProfileMeta.from_dict(migrate(read_json(meta_path), PROFILE_MIGRATIONS,
                                                  meta_path))
        entries: list[LedgerEntry] = []
        for path in sorted(folder.glob(LEDGER_GLOB)):
            entries.extend(self._read_ledger(path))
        self.state = PlayerState.from_entries(entries)
        self._dbs: dict[str, TinyDB] = {}
        self.meta = self._updated_meta(now)
        self._write_meta()

    # -- reading ---------------------------------------------------------------------------

    @staticmethod
    def _read_ledger(path: Path) -> list[LedgerEntry]:
        data = read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("entries", {}), dict):
            raise CorruptFile(path, "the data is not in the expected shape")
        meta_table = data.get("meta", {})
        version = next(iter(meta_table.values()), {}).get("schema_version", 1)
        migrated = migrate({"schema_version": version, **data}, LEDGER_MIGRATIONS, path)
        try:
            return [LedgerEntry.from_dict(raw) for raw in migrated.get("entries", {}).values()]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CorruptFile(path, f"a ledger entry is malformed ({exc})") from exc

    # -- writing ---------------------------------------------------------------------------

    def _db_for(self, when: dt.datetime) -> TinyDB:
        month = f"{when:%Y-%m}"
        db = self._dbs.get(month)
        if db is None:
            path = self.folder / f"ledger-{month}.json"
            db = TinyDB(path, storage=AtomicJSONStorage)
            if not path.exists():
                db.table("meta").insert({"schema_version": SCHEMA_VERSION})
            self._dbs[month] = db
        return db

    def record(self, entry: LedgerEntry) -> None:
        """Persist an entry the rules just applied to ``self.state``.

        On failure the entry is taken back out of the state, so what the player sees is exactly
        what is on disk, and :class:`SaveError` explains what happened.
        """
        try:
            self._db_for(entry.at).table("entries").insert(entry.to_dict())
        except OSError as exc:
            self.state = PlayerState.from_entries(e for e in self.state.entries if e is not entry)
            raise SaveError(_disk_message(exc)) from exc
        self.meta = self._updated_meta(entry.at)
        with contextlib.suppress(OSError):  # the ledger is the truth; totals are a summary
            self._write_meta(durable=False)

    def _updated_meta(self, now: dt.datetime) -> ProfileMeta:
        return ProfileMeta(id=self.meta.id, name=self.meta.name, created=self.meta.created,
                           last_played=max(now, self.meta.last_played),
                           balance=self.state.balance, earned_total=self.state.earned_total,
                           cards=len(self.state.owned))

    def _write_meta(self, *, durable: bool = True) -> None:
        write_atomic(self.folder / PROFILE_FILE, dump_json(self.meta.to_dict()), durable=durable)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._write_meta()
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
        self._lock.release()


def _disk_message(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "the saves folder is read-only"
    else:
        reason = exc.strerror or str(exc)
    return (f"Could not save ({reason}). Your collection so far is safe; this last change was "
            "not kept. Free some space or ask your teacher, then try again.")


__all__ = ["NewerSave", "PlayerSave", "ProfileBusy", "ProfileMeta", "SaveError", "SaveStore"]
