"""A class on disk: the roster and the teacher's settings beside the player folders.

Layout, inside the saves folder (beside ``profiles/``)::

    class/roster.json     group and archived flag by profile id (the names are the profiles')
    class/settings.json   the teacher's settings (game.core.classroom.ClassSettings)
    class/pin.json        the teacher's PIN, hashed (game.saves.teacher)
    class/lock            held for a moment while a PC changes roster.json or settings.json

Every student is a player profile (game.saves.profiles), so names stay unique across every PC
sharing the folder (the profiles' name reservations). Both files are written atomically, and
re-read when they change on disk (another PC changed them): :class:`ClassStore` compares the
file's bytes with those it last parsed on each read. A change is read, modified and written under
``class/lock``, so two PCs changing the roster at once both keep their change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from game.core.class_totals import name_order
from game.core.classroom import (
    ClassSettings,
    RosterError,
    Student,
    group_problem,
    parse_roster_csv,
)
from game.core.messages import Message
from game.saves.atomic import CorruptFile, dump_json, quarantine, read_bounded, write_atomic
from game.saves.class_errors import ClassFileDamaged, roster_damaged, settings_damaged
from game.saves.lock import ProfileBusy, ProfileLock
from game.saves.migrations import SaveError
from game.saves.profiles import SaveStore

CLASS_DIR = "class"
ROSTER_FILE = "roster.json"
SETTINGS_FILE = "settings.json"
CLASS_VERSION = 1
MAX_ROSTER_BYTES = 1024 * 1024
LOCK_WAIT_SECONDS = 10.0

T = TypeVar("T")


class ClassStore:
    """The class of one saves folder: its students, settings, and the files behind them."""

    def __init__(self, store: SaveStore) -> None:
        self.store = store
        self.folder = store.root / CLASS_DIR
        self._cache: dict[str, tuple[bytes, Any]] = {}

    # -- reading, re-read when another PC changed the file -----------------------------------

    def _read(self, name: str, parse: Callable[[Any, Path], T], empty: T) -> T:
        """The parsed file; ClassFileDamaged (plain words for the teacher, the reason logged
        once per damaged content) when it cannot be read or is not what it should be."""
        damaged = settings_damaged if name == SETTINGS_FILE else roster_damaged
        path = self.folder / name
        try:
            raw = read_bounded(path, MAX_ROSTER_BYTES)
        except FileNotFoundError:
            self._cache.pop(name, None)
            return empty
        except (CorruptFile, OSError) as exc:
            raise damaged(path, getattr(exc, "reason", None) or str(exc)) from exc
        # The files are small: comparing their bytes is cheap, and unlike a modification time
        # it cannot miss a change made within the same tick (or the 2 s of a FAT or SMB share).
        cached = self._cache.get(name)
        if cached is not None and cached[0] == raw:
            if isinstance(cached[1], ClassFileDamaged):
                raise cached[1]
            value: T = cached[1]
            return value
        try:
            value = self._parse(raw, path, parse)
        except CorruptFile as exc:
            problem = damaged(path, exc.reason)
            self._cache[name] = (raw, problem)
            raise problem from exc
        self._cache[name] = (raw, value)
        return value

    @staticmethod
    def _parse(raw: bytes, path: Path, parse: Callable[[Any, Path], T]) -> T:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise CorruptFile(path, f"not valid JSON ({exc})") from exc
        if not isinstance(data, dict) or data.get("schema_version") != CLASS_VERSION:
            raise CorruptFile(path, f"not a class file in format {CLASS_VERSION}")
        return parse(data, path)

    def _write(self, name: str, body: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / name
        if name == SETTINGS_FILE:  # the new settings replace a damaged file, kept aside
            with contextlib.suppress(OSError):
                try:
                    self.settings()
                except ClassFileDamaged:
                    quarantine(path, dt.datetime.now(), "damaged")
        write_atomic(self.folder / name, dump_json({"schema_version": CLASS_VERSION, **body}))
        self._cache.pop(name, None)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold ``class/lock`` (waiting a little for another PC that holds it)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = ProfileLock(self.folder)
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                lock.acquire()
                break
            except ProfileBusy:
                if time.monotonic() > deadline:
                    raise SaveError(
                        Message("Another computer is changing the class. Try again in a moment.")
                    ) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            lock.release()

    def _roster(self) -> dict[str, dict[str, Any]]:
        def parse(data: Any, path: Path) -> dict[str, dict[str, Any]]:
            students = data.get("students", {})
            if not isinstance(students, dict) or not all(
                isinstance(v, dict) for v in students.values()
            ):
                raise CorruptFile(path, "the roster is not in the expected shape")
            return students

        return self._read(ROSTER_FILE, parse, {})

    def settings(self) -> ClassSettings:
        """The teacher's settings (the game's defaults when none were saved)."""

        def parse(data: Any, path: Path) -> ClassSettings:
            try:
                return ClassSettings.from_dict(data.get("settings", {}))
            except (KeyError, TypeError, ValueError) as exc:
                raise CorruptFile(path, f"the class settings are not valid ({exc})") from exc

        return self._read(SETTINGS_FILE, parse, ClassSettings())

    def students(self, *, archived: bool = True) -> list[Student]:
        """Every student (each player profile of the folder), by name."""
        roster = self._roster()
        found = []
        for meta in self.store.list_profiles():
            extra = roster.get(meta.id, {})
            student = Student(
                profile_id=meta.id,
                name=meta.name,
                group=extra.get("group") or None,
                archived=bool(extra.get("archived", False)),
            )
            if archived or not student.archived:
                found.append(student)
        return sorted(found, key=lambda s: (name_order(s.name), s.profile_id))

    def student(self, profile_id: str) -> Student:
        for student in self.students():
            if student.profile_id == profile_id:
                return student
        raise SaveError(Message("There is no player with the id {id}.", id=repr(profile_id)))

    # -- changing ----------------------------------------------------------------------------

    def save_settings(self, settings: ClassSettings, now: dt.datetime | None = None) -> None:
        """Save the teacher's settings. A change to the economy's rules keeps the rules before
        it (from ``now``, the moment of the change) for the entries written under them."""
        settings.check()
        with self._locked():
            try:
                before = self.settings()
            except ClassFileDamaged:
                before = ClassSettings()
            settings = settings.after(before, now or dt.datetime.now())
            self._write(SETTINGS_FILE, {"settings": settings.to_dict()})

    def _update_roster(self, change: Callable[[dict[str, dict[str, Any]]], None]) -> None:
        with self._locked():
            self._cache.pop(ROSTER_FILE, None)
            roster = {k: dict(v) for k, v in self._roster().items()}
            change(roster)
            known = {p.id for p in self.store.list_profiles()}
            roster = {k: v for k, v in roster.items() if k in known and v}
            self._write(ROSTER_FILE, {"students": roster})

    def add_student(self, name: str, now: dt.datetime, group: str | None = None) -> Student:
        """A new student (a new player profile); SaveError when the name is taken."""
        problem = group_problem(" ".join((group or "").split()))
        if problem is not None:
            raise SaveError(problem)
        meta = self.store.create(name, now)
        if group:
            self.set_group(meta.id, group)
        return self.student(meta.id)

    def set_group(self, profile_id: str, group: str | None) -> None:
        """Put a student in ``group`` (None or blank: in none); SaveError for a name too long."""
        group = " ".join((group or "").split()) or None
        problem = group_problem(group or "")
        if problem is not None:
            raise SaveError(problem)
        self.student(profile_id)  # SaveError for a student who is not (or no longer) there

        def change(roster: dict[str, dict[str, Any]]) -> None:
            entry = roster.setdefault(profile_id, {})
            if group:
                entry["group"] = " ".join(group.split())
            else:
                entry.pop("group", None)

        self._update_roster(change)

    def set_archived(self, profile_id: str, archived: bool) -> None:
        """Archive a student (off the player list, kept in the reports) or bring them back."""

        def change(roster: dict[str, dict[str, Any]]) -> None:
            entry = roster.setdefault(profile_id, {})
            if archived:
                entry["archived"] = True
            else:
                entry.pop("archived", None)

        self._update_roster(change)

    def rename_student(self, profile_id: str, name: str, now: dt.datetime) -> Student:
        """Give a student another name; SaveError when another player has it, ProfileBusy when
        the student is playing right now."""
        old = self.student(profile_id)
        meta = self.store.rename(profile_id, name, now)
        return replace(old, name=meta.name)

    def import_roster(self, path: Path, now: dt.datetime) -> list[Student]:
        """Add every student of a roster CSV, or none: RosterError lists every problem."""
        try:
            data = read_bounded(path, MAX_ROSTER_BYTES)
        except (OSError, CorruptFile) as exc:
            raise RosterError([f"{path}:1: cannot be read ({exc})"]) from exc
        rows = parse_roster_csv(data, str(path))
        taken = {s.name.casefold() for s in self.students()}
        clashes = [
            f"{path}:{row.line}: {row.name!r} is already in the class"
            for row in rows
            if row.name.casefold() in taken
        ]
        if clashes:
            raise RosterError(clashes)
        created: list[str] = []
        try:
            for row in rows:
                try:
                    created.append(self.store.create(row.name, now).id)
                except SaveError as exc:
                    raise RosterError([f"{path}:{row.line}: {exc}"]) from exc
            groups = {pid: row.group for pid, row in zip(created, rows, strict=True)}

            def change(roster: dict[str, dict[str, Any]]) -> None:
                for pid, group in groups.items():
                    if group:
                        roster[pid] = {"group": group}

            self._update_roster(change)
        except BaseException:
            for pid in created:  # nothing half-imported
                with contextlib.suppress(SaveError, OSError):
                    self.store.delete(pid)
            raise
        return [self.student(pid) for pid in created]

    def delete_student(self, profile_id: str) -> None:
        """Delete a student and every file of theirs (ProfileBusy while they play)."""
        self.store.delete(profile_id)

        def change(roster: dict[str, dict[str, Any]]) -> None:
            roster.pop(profile_id, None)

        self._update_roster(change)

    def reset_student(self, profile_id: str, now: dt.datetime) -> Student:
        """Start a student again from nothing: their files are deleted, name and group kept."""
        old = self.student(profile_id)
        self.delete_student(profile_id)
        fresh = self.add_student(old.name, now, old.group)
        if old.archived:
            self.set_archived(fresh.profile_id, True)
        return self.student(fresh.profile_id)

    def delete_all(self) -> None:
        """Delete all class data: every player's folder, the roster, settings, PIN and the
        crash logs (they may name a child).

        ProfileBusy (and nothing deleted) while any student is playing."""
        for meta in self.store.list_profiles():
            lock = ProfileLock(self.store.folder(meta.id))
            lock.acquire()
            lock.release()
        for meta in self.store.list_profiles():
            self.store.delete(meta.id)
        shutil.rmtree(self.store.profiles_dir, ignore_errors=True)
        shutil.rmtree(self.folder, ignore_errors=True)
        shutil.rmtree(self.store.root / "logs", ignore_errors=True)
        self._cache.clear()
