"""The small metadata file of a profile: what the profile picker shows without opening a ledger."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.messages import Message
from game.saves.atomic import CorruptFile, read_json
from game.saves.migrations import (
    PROFILE_MIGRATIONS,
    PROFILE_VERSION,
    OutdatedFormat,
    SaveError,
    migrate,
)

PROFILE_FILE = "profile.json"
MAX_NAME = 24
PROFILE_ID = re.compile(r"p-[0-9a-f]{8}")


@dataclass(frozen=True)
class ProfileMeta:
    id: str
    name: str
    created: dt.datetime
    last_played: dt.datetime
    balance: int = 0
    earned_total: int = 0
    cards: int = 0
    entries: int = 0  # ledger entries, so a later load can tell when some went missing (0: unknown)
    # Set by SaveStore.list_profiles when the profile needs attention before it can be played
    # (a damaged file to repair, a newer save format); never saved.
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": PROFILE_VERSION,
            "id": self.id,
            "name": self.name,
            "created": self.created.isoformat(),
            "last_played": self.last_played.isoformat(),
            "totals": {
                "balance": self.balance,
                "earned_total": self.earned_total,
                "cards": self.cards,
                "entries": self.entries,
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProfileMeta:
        """Rebuild from a current-version document; raises KeyError, TypeError or ValueError."""
        totals = data.get("totals", {})
        if not isinstance(totals, dict):
            raise TypeError("totals is not an object")
        return cls(
            id=str(data["id"]),
            name=clean_name(str(data["name"])),
            created=dt.datetime.fromisoformat(data["created"]),
            last_played=dt.datetime.fromisoformat(data["last_played"]),
            balance=int(totals.get("balance", 0)),
            earned_total=int(totals.get("earned_total", 0)),
            cards=int(totals.get("cards", 0)),
            entries=int(totals.get("entries", 0)),
        )


def load_meta(path: Path, profile_id: str) -> ProfileMeta:
    """The metadata of profile ``profile_id`` in ``path``, migrated.

    Raises CorruptFile when it cannot be read, NewerSave when a newer game wrote it, OSError.
    """
    meta = parse_meta(read_json(path), path)
    if meta.id != profile_id:
        raise CorruptFile(path, f"it belongs to profile {meta.id}, not {profile_id}")
    return meta


def parse_meta(data: Any, path: Path) -> ProfileMeta:
    """The metadata in the parsed document ``data`` read from ``path``, migrated."""
    if not isinstance(data, dict):
        raise CorruptFile(path, "the data is not in the expected shape")
    try:
        migrated = migrate(
            dict(data),
            data.get("schema_version", 1),
            PROFILE_VERSION,
            PROFILE_MIGRATIONS,
            path.name,
        )
        meta = ProfileMeta.from_dict(migrated)
    except OutdatedFormat as exc:
        raise CorruptFile(path, str(exc)) from exc
    except SaveError as exc:
        if type(exc) is SaveError:  # clean_name refused the name
            raise CorruptFile(path, f"the name is not valid ({exc})") from exc
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CorruptFile(path, f"the profile details are malformed ({exc!r})") from exc
    return meta


def clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    if not name:
        raise SaveError(Message("Please type a name."))
    if len(name) > MAX_NAME:
        raise SaveError(Message("Names can be at most {count} characters.", count=MAX_NAME))
    if any(not ch.isprintable() for ch in name):
        raise SaveError(Message("Names cannot contain control characters."))
    return name


def stand_in(folder: Path) -> ProfileMeta:
    try:
        since = dt.datetime.fromtimestamp(folder.stat().st_mtime)
    except OSError:
        since = dt.datetime(2000, 1, 1)
    return ProfileMeta(
        id=folder.name, name=f"Player {folder.name[2:]}", created=since, last_played=since
    )
