"""An open profile: its state in memory, repaired from backups on opening, written through."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from game.core.ledger import LedgerEntry, PlayerState
from game.core.messages import Message
from game.saves import backups
from game.saves.atomic import (
    CorruptFile,
    disk_message,
    dump_json,
    quarantine,
    remove_temp_files,
    write_atomic,
)
from game.saves.backups import BACKUP_DIR
from game.saves.ledger_files import (
    LedgerWriter,
    Tables,
    ledger_files,
    load_part,
    parse_part_name,
    part_covers,
)
from game.saves.lock import ProfileLock
from game.saves.meta import PROFILE_FILE, ProfileMeta, load_meta, stand_in
from game.saves.migrations import RENAMES, Renames, SaveError
from game.saves.quiz_file import read_answers
from game.saves.retention import finish_retention
from game.saves.transfer import export_document
from game.saves.views import Views

T = TypeVar("T")
A = TypeVar("A")


def _month_words(path: Path) -> str:
    month = path.name.split("-", 1)[1][:7]
    try:
        return f"{dt.date.fromisoformat(month + '-01'):%Y-%m}"
    except ValueError:
        return path.name


def _when(path: Path) -> str:
    return f"{dt.datetime.fromtimestamp(path.stat().st_mtime):%Y-%m-%d %H:%M}"


class PlayerSave:
    """An open profile: its state in memory, and every new ledger entry written through.

    ``recovery_notes`` lists, in plain sentences, what was repaired while opening it (empty when
    everything was in order); show them to the player.
    """

    def __init__(
        self,
        folder: Path,
        lock: ProfileLock,
        now: dt.datetime,
        *,
        renames: Renames = RENAMES,
        touch: bool = True,
    ) -> None:
        self.folder = folder
        self._lock: ProfileLock | None = lock
        self.recovery_notes: list[str] = []
        finish_retention(folder)  # a data retention a crash interrupted, before anything is read
        for temp_folder in (folder, folder / BACKUP_DIR):
            with contextlib.suppress(OSError):
                remove_temp_files(temp_folder)
        meta_path = folder / PROFILE_FILE
        # Read everything before repairing anything: a file from a newer game stops the load
        # here, with every file still untouched.
        meta = self._try(load_meta, meta_path, folder.name)
        loaded = {path: self._try(load_part, path, renames) for path in ledger_files(folder)}
        # A part that is gone but has backups was lost: it comes back before anything is
        # written, or new entries would take its sequence numbers and rotate its copies away.
        for path in backups.missing_files(folder, lambda name: parse_part_name(name) is not None):
            loaded[path] = CorruptFile(path, "the file is missing")
        self._writer = LedgerWriter(folder)
        if isinstance(meta, CorruptFile):
            meta = self._repair_meta(meta_path, meta, now)
        self.meta = meta
        entries: dict[int, LedgerEntry] = {}
        for path, part in loaded.items():
            if isinstance(part, CorruptFile):
                repaired = self._repair_part(path, part, renames, now)
                if repaired is None:
                    continue
                part = repaired
            tables, part_entries = part
            self._writer.add_loaded(path, tables)
            for entry in part_entries:
                entries.setdefault(entry.seq, entry)
        self.state = PlayerState.from_entries(entries.values())
        missing = self.meta.entries - len(self.state.entries)
        if missing > 0:
            self.recovery_notes.append(
                Message(
                    "1 earlier entry (an action logged or a card found) could not be recovered."
                )
                if missing == 1
                else Message(
                    "{count} earlier entries (actions logged or cards found) could not be "
                    "recovered.",
                    count=missing,
                )
            )
        self.views = Views.load(folder, self.state)
        self.meta = self._updated_meta(now if touch else self.meta.last_played)
        if touch or self.recovery_notes:
            # Not fsynced: the ledger is the truth and the totals a summary of it, and what
            # cannot be rebuilt from the ledger (name, creation date) has backups.
            with contextlib.suppress(OSError):  # a read-only folder shows at the first record
                self._write_meta(durable=False)
        for path in [meta_path, *ledger_files(folder)]:
            self._snapshot(path)

    @staticmethod
    def _try(load: Callable[[Path, A], T], path: Path, arg: A) -> T | CorruptFile:
        try:
            return load(path, arg)
        except FileNotFoundError:
            return CorruptFile(path, "the file is missing")
        except CorruptFile as exc:
            return exc

    @staticmethod
    def _what(path: Path, problem: CorruptFile | None = None) -> Message:
        """How the repair notes say what was wrong with ``path``."""
        if not os.path.lexists(path):
            return Message("was missing")
        if problem is not None and problem.unreadable:
            return Message("could not be read")
        return Message("was damaged")

    # -- repairs ---------------------------------------------------------------------------

    @staticmethod
    def _set_aside(path: Path, now: dt.datetime) -> str:
        """Move a damaged file out of the way (never deleted: a teacher may repair it)."""
        if not os.path.lexists(path):
            return ""
        return Message(" It was kept aside as {file}.", file=quarantine(path, now).name)

    def _repair_meta(self, path: Path, problem: CorruptFile, now: dt.datetime) -> ProfileMeta:
        what = self._what(path, problem)
        aside = self._set_aside(path, now)
        restored = backups.restore(path, lambda b: load_meta(b, self.folder.name))
        if restored is not None:
            backup, meta = restored
            self.recovery_notes.append(
                Message(
                    "Your player details file {what}.{aside} The copy saved on {when} was put "
                    "back.",
                    what=what,
                    aside=aside,
                    when=_when(backup),
                )
            )
            return meta
        meta = stand_in(self.folder)
        self.recovery_notes.append(
            Message(
                "Your player details file {what} and no backup of it could be read.{aside} Your "
                'name is now "{name}"; your energy and cards come from your saved actions.',
                what=what,
                aside=aside,
                name=meta.name,
            )
        )
        return meta

    def _repair_part(
        self, path: Path, problem: CorruptFile, renames: Renames, now: dt.datetime
    ) -> tuple[Tables, list[LedgerEntry]] | None:
        month = _month_words(path)
        what = self._what(path, problem)
        aside = self._set_aside(path, now)
        restored = backups.restore(path, lambda b: load_part(b, renames))
        if restored is not None:
            backup, part = restored
            self.recovery_notes.append(
                Message(
                    "Part of your saved actions and cards ({month}) {what}.{aside} The copy saved "
                    "on {when} was put back.",
                    month=month,
                    what=what,
                    aside=aside,
                    when=_when(backup),
                )
            )
            return part
        self.recovery_notes.append(
            Message(
                "Part of your saved actions and cards ({month}) {what} and no backup of it could "
                "be read.{aside} What was saved in it is missing for now; a teacher may be able to "
                "repair that file.",
                month=month,
                what=what,
                aside=aside,
            )
        )
        return None

    def adopt(self, state: PlayerState) -> None:
        """Play on with ``state`` (the ledger as verified by game.core.verify: entries that
        break a rule are in ``state.set_aside``) and keep the player list's totals in step."""
        self.state = state
        self.meta = self._updated_meta(self.meta.last_played)
        with contextlib.suppress(OSError):
            self._write_meta(durable=False)

    @staticmethod
    def _snapshot(path: Path) -> None:
        """Best effort: a backup that cannot be taken now is taken at the next open or close."""
        covers = part_covers if parse_part_name(path.name) is not None else None
        with contextlib.suppress(OSError, CorruptFile):
            backups.snapshot(path, covers=covers)

    # -- writing ---------------------------------------------------------------------------

    def record(self, entry: LedgerEntry) -> None:
        """Persist an entry the rules just applied to ``self.state``.

        On failure the entry is taken back out of the state, so what the player sees is exactly
        what is on disk, and :class:`SaveError` explains what happened; recording again later
        (once there is space, for instance) works.
        """
        try:
            self._writer.append(entry)
        except (OSError, CorruptFile) as exc:
            aside = self.state.set_aside
            self.state = PlayerState.from_entries(e for e in self.state.entries if e is not entry)
            self.state.set_aside.extend(aside)
            if isinstance(exc, CorruptFile):
                raise SaveError(
                    Message(
                        "Could not save: {problem}. Your collection so far is safe; close and "
                        "reopen your player to repair it.",
                        problem=str(exc),
                    )
                ) from exc
            raise SaveError(disk_message(exc, Message("Could not save"), lost_change=True)) from exc
        self.meta = self._updated_meta(entry.at)
        with contextlib.suppress(OSError):  # the ledger is the truth; totals are a summary
            self._write_meta(durable=False)

    def _updated_meta(self, now: dt.datetime) -> ProfileMeta:
        return replace(
            self.meta,
            last_played=max(now, self.meta.last_played),
            balance=self.state.balance,
            earned_total=self.state.earned_total,
            cards=len(self.state.owned),
            entries=len(self.state.entries) + len(self.state.set_aside),
            problem=None,
        )

    def _write_meta(self, *, durable: bool = True) -> None:
        write_atomic(self.folder / PROFILE_FILE, dump_json(self.meta.to_dict()), durable=durable)

    def rename(self, name: str) -> None:
        """Write the player's new name (already checked and reserved by the store);
        raises OSError when it cannot be written, and the old name stays."""
        renamed = replace(self.meta, name=name)
        write_atomic(self.folder / PROFILE_FILE, dump_json(renamed.to_dict()))
        self.meta = renamed
        self._snapshot(self.folder / PROFILE_FILE)

    def export(self, path: Path, now: dt.datetime | None = None) -> None:
        """Write this profile to ``path`` as one portable file; SaveError when that fails."""
        # entries set aside by the verifier travel too: kept aside, never deleted
        entries = sorted([*self.state.entries, *self.state.set_aside], key=lambda e: e.seq)
        data = export_document(
            self.meta, entries, now or dt.datetime.now(), read_answers(self.folder)
        )
        with contextlib.suppress(OSError):  # what an export that was killed left behind
            remove_temp_files(path.parent, path.name)
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise SaveError(
                disk_message(exc, Message("Could not write {file}", file=path.name))
            ) from exc

    def close(self) -> None:
        if self._lock is None:
            return
        if self._writer.written:
            with contextlib.suppress(OSError):
                self._write_meta()
            for path in [self.folder / PROFILE_FILE, *sorted(self._writer.written)]:
                self._snapshot(path)
        self._writer.close()
        self._lock.release()
        self._lock = None
