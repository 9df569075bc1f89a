"""Save formats, their stepwise migrations and the table of renamed ids.

Each kind of file has its own ``schema_version``. Loading a file older than this game applies the
steps ``{from_version: function}`` one after another; a file newer than this game is refused and
left untouched. Ids are permanent, but when one has to change, the old id goes into
:class:`Renames` and every collection is read through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from game.core.messages import Message

if TYPE_CHECKING:
    from game.core.ledger import LedgerEntry

PROFILE_VERSION = 2
LEDGER_VERSION = 3
EXPORT_VERSION = 2

Migration = Callable[[dict[str, Any]], dict[str, Any]]


class SaveError(Exception):
    """A save problem explained for the player; nothing already saved was lost."""


class NewerSave(SaveError):
    """A file written by a newer version of the game: refused and left untouched."""


class OutdatedFormat(Exception):
    """A file claims a version no migration starts from (broken, not merely old)."""


def _profile_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 2 counts the ledger entries, so a later load can tell when some went missing.
    # A version 1 file never counted them: 0 means "unknown".
    totals = dict(data.get("totals") or {})
    totals.setdefault("entries", 0)
    return {**data, "totals": totals}


def _ledger_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 kept its version inside a TinyDB "meta" table; version 2 keeps it at the top of
    # the file, so any tool can read it without knowing the table layout.
    return {key: value for key, value in data.items() if key != "meta"}


def _ledger_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    # Version 3 adds the classroom's entries ("pending", "declined", and "approves" on an
    # approved action). Older entries are valid as they are; the new number makes an older game
    # refuse a file holding them (a newer save) rather than set it aside as damaged.
    return dict(data)


def _export_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 2 may carry the player's quiz answers ("quiz", "quiz_sha256"); a version 1 file
    # has none. The new number makes an older game refuse a file with answers (a newer save)
    # rather than import it and drop them unseen.
    return dict(data)


PROFILE_MIGRATIONS: dict[int, Migration] = {1: _profile_1_to_2}
LEDGER_MIGRATIONS: dict[int, Migration] = {1: _ledger_1_to_2, 2: _ledger_2_to_3}
EXPORT_MIGRATIONS: dict[int, Migration] = {1: _export_1_to_2}


def ledger_version(data: dict[str, Any]) -> Any:
    """The version a ledger file claims: at the top (2+) or in its TinyDB meta table (1)."""
    if "schema_version" in data:
        return data["schema_version"]
    meta = data.get("meta")
    if isinstance(meta, dict):
        for doc in meta.values():
            if isinstance(doc, dict) and "schema_version" in doc:
                return doc["schema_version"]
    return 1


def migrate(
    data: dict[str, Any], version: Any, current: int, steps: Mapping[int, Migration], name: str
) -> dict[str, Any]:
    """``data`` (claiming ``version``) brought up to ``current``.

    Raises :class:`NewerSave` for a file from a newer game and :class:`OutdatedFormat` for a
    version that is not a number or that no step starts from.
    """
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise OutdatedFormat(f"schema_version {version!r} is not a version number")
    if version > current:
        raise NewerSave(
            Message(
                "{file} was saved by a newer version of EcoCards (save format {version}; this "
                "version reads up to {current}). Update the game to open it; the file was left "
                "untouched.",
                file=name,
                version=version,
                current=current,
            )
        )
    while version < current:
        step = steps.get(version)
        if step is None:
            raise OutdatedFormat(f"no migration from save format {version}")
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data


def _resolve(table: Mapping[str, str], old: str) -> str:
    seen = {old}
    new = old
    while new in table:
        new = table[new]
        if new in seen:  # a loop in the table: keep the id rather than spin
            return old
        seen.add(new)
    return new


@dataclass(frozen=True)
class Renames:
    """Old id -> new id, for species and eco-actions. Chains (a -> b -> c) are followed."""

    species: Mapping[str, str] = field(default_factory=dict)
    actions: Mapping[str, str] = field(default_factory=dict)

    def apply(self, entry: LedgerEntry) -> LedgerEntry:
        """``entry`` with every renamed id replaced (the same object when nothing changed)."""
        changes: dict[str, Any] = {}
        if entry.action_id is not None and entry.action_id in self.actions:
            changes["action_id"] = _resolve(self.actions, entry.action_id)
        reveal = entry.reveal
        if reveal is not None and self.species:
            species_id = _resolve(self.species, reveal.species_id)
            odds = reveal.species_odds
            if odds is not None and any(key in self.species for key in odds):
                odds = {_resolve(self.species, key): chance for key, chance in odds.items()}
            if species_id != reveal.species_id or odds is not reveal.species_odds:
                changes["reveal"] = replace(reveal, species_id=species_id, species_odds=odds)
        return replace(entry, **changes) if changes else entry


# Every id that was ever renamed, oldest first. Ids are permanent: add a line here only when an
# id really has to change, and never remove one.
RENAMES = Renames(species={}, actions={})
