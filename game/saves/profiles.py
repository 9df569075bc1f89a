"""Profiles on disk: one folder per player, a small metadata file and a partitioned ledger.

Layout of a saves folder::

    profiles/<id>/profile.json            name, dates and totals (read by the profile picker)
    profiles/<id>/ledger-YYYY-MM[.N].json the ledger entries recorded that month (TinyDB parts)
    profiles/<id>/backups/<file>.1 .2 .3  rotated copies of each file, newest first
    profiles/<id>/<file>.corrupt-<time>   a damaged file, kept aside for a teacher to look at
    profiles/<id>/lock                    held while a game has the profile open
    profiles/.names/<key>                 one file per name in use (see names.py)
    logs/                                 crash logs
    cache/                                validated content cache

The ledger is the truth; ``profile.json`` is a summary that can always be rebuilt from it, except
for the name and the creation date, which its backups keep.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from game.core.messages import Message
from game.saves import backups
from game.saves.atomic import CorruptFile, disk_message, dump_json, fsync_dir, write_atomic
from game.saves.ledger_files import ledger_files
from game.saves.lock import ProfileBusy, ProfileLock
from game.saves.meta import (
    MAX_NAME,
    PROFILE_FILE,
    PROFILE_ID,
    ProfileMeta,
    clean_name,
    load_meta,
    stand_in,
)
from game.saves.migrations import RENAMES, NewerSave, Renames, SaveError
from game.saves.names import NameBook

if TYPE_CHECKING:
    # A player's own modules (its ledger, exports) are imported when one is opened or
    # imported: the player list, the game's first frame, needs only the summaries.
    from game.saves.player import PlayerSave

STALE_IMPORT_SECONDS = 3600


class SaveStore:
    """All the profiles in one saves folder."""

    def __init__(self, root: Path, *, renames: Renames = RENAMES) -> None:
        self.root = root
        self.profiles_dir = root / "profiles"
        self.renames = renames
        self.names = NameBook(self.profiles_dir, self._has_profile)

    def _has_profile(self, profile_id: str) -> bool:
        return bool(PROFILE_ID.fullmatch(profile_id)) and (self.profiles_dir / profile_id).is_dir()

    def ensure(self) -> None:
        self.profiles_dir.mkdir(parents=True, exist_ok=True)
        self._purge_leftovers()

    def _purge_leftovers(self) -> None:
        """Finish deletions and drop imports that a crash interrupted."""
        for folder in self.profiles_dir.glob(".*-*"):
            with contextlib.suppress(OSError):
                stale = time.time() - folder.stat().st_mtime > STALE_IMPORT_SECONDS
                if folder.name.startswith(".deleting-") or (
                    folder.name.startswith(".import-") and stale
                ):
                    shutil.rmtree(folder, ignore_errors=True)

    def folder(self, profile_id: str) -> Path:
        """The folder of ``profile_id``; SaveError for an id that cannot be one."""
        if not PROFILE_ID.fullmatch(profile_id):
            raise SaveError(Message("There is no player with the id {id}.", id=repr(profile_id)))
        return self.profiles_dir / profile_id

    def _exists(self, folder: Path) -> bool:
        return folder.is_dir() and (
            (folder / PROFILE_FILE).is_file()
            or bool(backups.backups_of(folder / PROFILE_FILE))
            or bool(ledger_files(folder))
        )

    def list_profiles(self) -> list[ProfileMeta]:
        """Every profile, most recently played first.

        A profile whose metadata cannot be read right now is still listed (from its newest
        backup, or under a stand-in name) with ``problem`` saying why, so that no player
        disappears from the picker; opening it repairs it.
        """
        if not self.profiles_dir.is_dir():
            return []
        found = []
        for folder in self.profiles_dir.iterdir():
            if PROFILE_ID.fullmatch(folder.name) and self._exists(folder):
                found.append(self._peek(folder))
        return sorted(found, key=lambda m: m.last_played, reverse=True)

    def _peek(self, folder: Path) -> ProfileMeta:
        meta_path = folder / PROFILE_FILE
        try:
            return load_meta(meta_path, folder.name)
        except NewerSave as exc:
            problem = str(exc)
        except (CorruptFile, OSError):
            problem = (
                "Some saved files of this player are damaged. Open the player to repair "
                "them from the backups."
            )
        for backup in backups.backups_of(meta_path):
            with contextlib.suppress(CorruptFile, SaveError, OSError):
                return replace(load_meta(backup, folder.name), problem=problem)
        return replace(stand_in(folder), problem=problem)

    def create(self, name: str, now: dt.datetime) -> ProfileMeta:
        name = clean_name(name)
        taken = SaveError(Message("There is already a player called {name}.", name=name))
        if any(p.name.casefold() == name.casefold() for p in self.list_profiles()):
            raise taken
        meta = ProfileMeta(id=self._new_id(), name=name, created=now, last_played=now)
        folder = self.profiles_dir / meta.id
        try:
            self.ensure()
            if not self.names.reserve(name, meta.id):  # another game took it a moment ago
                raise taken
            folder.mkdir()
            write_atomic(folder / PROFILE_FILE, dump_json(meta.to_dict()))
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            self.names.release(name, meta.id)
            raise SaveError(disk_message(exc, Message("Could not create the player"))) from exc
        return meta

    def rename(
        self, profile_id: str, name: str, now: dt.datetime, *, save: PlayerSave | None = None
    ) -> ProfileMeta:
        """Give ``profile_id`` a new name (``save`` when the game has that player open).

        Raises SaveError when the name is not allowed, another player has it, or it cannot be
        written; the old name stays then. Raises ProfileBusy when another game has it open."""
        name = clean_name(name)
        taken = SaveError(Message("There is already a player called {name}.", name=name))
        if any(
            p.name.casefold() == name.casefold() and p.id != profile_id
            for p in self.list_profiles()
        ):
            raise taken
        own = save if save is not None else self._open(profile_id, now, touch=False)
        try:
            old = own.meta.name
            if old == name:
                return own.meta
            new_key = old.casefold() != name.casefold()  # not only a change of capitals
            try:
                if new_key and not self.names.reserve(name, profile_id):
                    raise taken
                own.rename(name)
            except OSError as exc:
                if new_key:
                    self.names.release(name, profile_id)
                raise SaveError(disk_message(exc, Message("Could not rename the player"))) from exc
            if new_key:
                self.names.release(old, profile_id)
            return own.meta
        finally:
            if save is None:
                own.close()

    def _new_id(self) -> str:
        while True:
            profile_id = f"p-{secrets.token_hex(4)}"
            if not (self.profiles_dir / profile_id).exists():
                return profile_id

    def open(self, profile_id: str, now: dt.datetime) -> PlayerSave:
        """Open a profile for play: locked, loaded, and repaired from backups if need be.

        Raises ProfileBusy when another game has it open, NewerSave when a newer game wrote
        one of its files, and SaveError for anything else that stops it from opening.
        """
        return self._open(profile_id, now, touch=True)

    def _open(self, profile_id: str, now: dt.datetime, *, touch: bool) -> PlayerSave:
        from game.saves.player import PlayerSave

        folder = self.folder(profile_id)
        if not self._exists(folder):
            raise SaveError(Message("That profile no longer exists."))
        lock = ProfileLock(folder)
        try:
            lock.acquire()
        except OSError as exc:
            raise SaveError(disk_message(exc, Message("Could not open the player"))) from exc
        try:
            return PlayerSave(folder, lock, now, renames=self.renames, touch=touch)
        except OSError as exc:
            lock.release()
            raise SaveError(disk_message(exc, Message("Could not open the player"))) from exc
        except BaseException:
            lock.release()
            raise

    def delete(self, profile_id: str) -> None:
        """Remove a profile and everything it holds (a player's or teacher's privacy request).

        Raises ProfileBusy when a game has it open, SaveError when it cannot be removed.
        """
        folder = self.folder(profile_id)
        if not folder.is_dir():
            return
        name = self._peek(folder).name
        lock = ProfileLock(folder)
        try:
            lock.acquire()
            lock.release()  # Windows cannot move a folder holding an open file
            trash = self.profiles_dir / f".deleting-{profile_id}-{secrets.token_hex(4)}"
            os.rename(folder, trash)  # from here on, no game can find or open it
        except OSError as exc:
            raise SaveError(disk_message(exc, Message("Could not delete the player"))) from exc
        self.names.release(name, profile_id)
        shutil.rmtree(trash, ignore_errors=True)
        if trash.exists():
            raise SaveError(
                Message(
                    "The player was removed from the list, but some of its files could "
                    "not be deleted yet; they are in {folder} and will be deleted the "
                    "next time the game starts.",
                    folder=str(trash),
                )
            )

    def export_profile(self, profile_id: str, path: Path, now: dt.datetime | None = None) -> None:
        """Write one profile to ``path`` as a single portable file.

        Raises ProfileBusy when a game has it open (that game can use PlayerSave.export),
        SaveError when it cannot be read or written.
        """
        save = self._open(profile_id, now or dt.datetime.now(), touch=False)
        try:
            save.export(path, now)
        finally:
            save.close()

    def import_profile(self, path: Path, now: dt.datetime) -> ProfileMeta:
        """Add the profile exported in ``path`` as a new player of this saves folder.

        It keeps its id unless one is taken here, and gets " (2)" after its name when a player
        here has that name. Raises SaveError (NewerSave for a newer game's file) saying why the
        file was refused; nothing is written then.
        """
        from game.core.ledger import PlayerState
        from game.saves.ledger_files import write_ledger
        from game.saves.quiz_file import write_answers
        from game.saves.transfer import read_export

        imported = read_export(path, self.renames, now)
        try:
            self.ensure()
        except OSError as exc:
            raise SaveError(disk_message(exc, Message("Could not import the player"))) from exc
        profile_id = imported.meta.id
        if not PROFILE_ID.fullmatch(profile_id) or (self.profiles_dir / profile_id).exists():
            profile_id = self._new_id()
        state = PlayerState.from_entries(imported.entries)
        meta = replace(
            imported.meta,
            id=profile_id,
            last_played=max(imported.meta.last_played, imported.meta.created),
            balance=state.balance,
            earned_total=state.earned_total,
            cards=len(state.owned),
            entries=len(state.entries),
            problem=None,
        )
        staging = self.profiles_dir / f".import-{secrets.token_hex(4)}"
        name = None
        try:
            staging.mkdir()
            write_ledger(staging, imported.entries)
            if imported.answers:
                write_answers(staging, imported.answers)
            # The name is reserved last, just before the player appears: a reservation whose
            # player never appears is taken back after a minute.
            name = self._claim_name(imported.meta.name, profile_id)
            meta = replace(meta, name=name)
            write_atomic(staging / PROFILE_FILE, dump_json(meta.to_dict()))
            os.rename(staging, self.profiles_dir / profile_id)
            fsync_dir(self.profiles_dir)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if name is not None:
                self.names.release(name, profile_id)
            raise SaveError(disk_message(exc, Message("Could not import the player"))) from exc
        return meta

    def _claim_name(self, name: str, profile_id: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``…: the first one no player holds, reserved
        for ``profile_id``."""
        taken = {p.name.casefold() for p in self.list_profiles()}
        candidate = name
        for number in range(2, 10_000):
            if candidate.casefold() not in taken and self.names.reserve(candidate, profile_id):
                return candidate
            suffix = f" ({number})"
            candidate = name[: MAX_NAME - len(suffix)].rstrip() + suffix
        raise OSError(f"no free name like {name!r}")


__all__ = [
    "MAX_NAME",
    "NewerSave",
    "ProfileBusy",
    "ProfileMeta",
    "SaveError",
    "SaveStore",
]
