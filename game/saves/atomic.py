"""Atomic file writes and a TinyDB storage built on them.

TinyDB's own ``JSONStorage`` rewrites the live file in place, so a crash between its write and its
truncate leaves invalid JSON. Here every write goes to a temporary file in the same folder, is
flushed and fsynced, and then replaces the old file with ``os.replace``: a reader sees the old
file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from game.core.files import NotAFile, TooLarge, read_regular
from game.core.messages import Message

# The largest save file the game reads: a ledger part holds at most 100 entries, each a few
# kilobytes at most (a reveal keeps the odds of every candidate species).
MAX_SAVE_BYTES = 64 * 1024 * 1024


class CorruptFile(Exception):
    """A save file exists but cannot be read as what it should be.

    ``unreadable`` tells a file the game may not read (its permissions, a folder or a special
    file in its place) from one whose contents are damaged.
    """

    def __init__(self, path: Path, reason: str, *, unreadable: bool = False) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        self.unreadable = unreadable


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory to fsync it; os.replace is durable there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_dir(path.parent)


def read_bounded(path: Path, limit: int = MAX_SAVE_BYTES) -> bytes:
    """The bytes of the save file ``path``.

    Raises :class:`CorruptFile` when it is not a regular file, is too large, or may not be
    read; FileNotFoundError when it is not there, and OSError for a failing disk.
    """
    try:
        return read_regular(path, limit)
    except (NotAFile, TooLarge) as exc:
        raise CorruptFile(path, exc.strerror or str(exc), unreadable=True) from exc
    except (PermissionError, IsADirectoryError) as exc:
        raise CorruptFile(
            path, f"it cannot be read ({exc.strerror or exc})", unreadable=True
        ) from exc


def read_json(path: Path, limit: int = MAX_SAVE_BYTES) -> Any:
    """Parsed JSON of ``path``; raises :class:`CorruptFile` when it is not valid JSON (or not
    a readable regular file of at most ``limit`` bytes)."""
    raw = read_bounded(path, limit)
    if not raw.strip():
        raise CorruptFile(path, "the file is empty")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptFile(path, f"not valid JSON ({exc})") from exc
    except RecursionError as exc:
        raise CorruptFile(path, "not valid JSON (nested too deeply)") from exc


def dump_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def quarantine(path: Path, when: dt.datetime, label: str = "corrupt") -> Path:
    """Move an unreadable file aside as ``<name>.<label>-<timestamp>``, never over another."""
    stamp = f"{when:%Y%m%d-%H%M%S}"
    for attempt in range(1, 1000):
        target = path.with_name(
            f"{path.name}.{label}-{stamp}" + (f"-{attempt}" if attempt > 1 else "")
        )
        if target.exists():
            continue
        try:
            os.link(path, target)  # unlike a rename on POSIX, never replaces an existing file
        except FileExistsError:
            continue
        except OSError:  # no hard links here (FAT, some network shares): the name was free
            os.rename(path, target)
        else:
            os.unlink(path)
        return target
    raise OSError(f"too many damaged copies of {path.name} are already set aside")


def remove_temp_files(folder: Path, name: str = "*") -> None:
    """Delete the temporary files :func:`write_atomic` left in ``folder`` when it was
    interrupted (the live file is intact); ``name`` limits it to those of one file."""
    for tmp in folder.glob(f".{glob.escape(name) if name != '*' else name}.*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.is_file():
                tmp.unlink()


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically, versions its file and keeps the data in memory.

    On disk the file is ``{"schema_version": N, "<table>": {...}, ...}``. The profile lock
    guarantees that only this process writes the file, so the copy in memory is the truth and
    ``read`` needs no disk access. TinyDB builds the new tables in the dictionary ``read`` returns,
    so ``read`` hands out a shallow copy: when a write fails, the data in memory stays exactly
    what the file on disk still holds.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        schema_version: int,
        tables: dict[str, dict[str, Any]] | None = None,
        durable: bool = True,
    ) -> None:
        self.path = Path(path)
        self.schema_version = schema_version
        self.durable = durable
        self._data = tables

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            if not self.path.exists():
                return None
            self._data = read_tables(self.path, self.schema_version)
        return dict(self._data)

    def write(self, data: dict[str, Any]) -> None:
        document = {"schema_version": self.schema_version, **data}
        write_atomic(self.path, dump_json(document), durable=self.durable)
        self._data = data

    def close(self) -> None:
        pass


def read_tables(path: Path, schema_version: int) -> dict[str, dict[str, Any]]:
    """The TinyDB tables of a file written by :class:`AtomicJSONStorage` in this version."""
    data = read_json(path)
    if not isinstance(data, dict) or data.get("schema_version") != schema_version:
        raise CorruptFile(path, f"not a save file in format {schema_version}")
    tables = {key: value for key, value in data.items() if key != "schema_version"}
    if not all(isinstance(table, dict) for table in tables.values()):
        raise CorruptFile(path, "the data is not in the expected shape")
    return tables


def disk_message(exc: OSError, doing: Message, *, lost_change: bool = False) -> Message:
    """Sentences for the player about a failed write, which lost nothing saved before."""
    reason: str
    if exc.errno == errno.ENOSPC:
        reason = Message("the disk is full")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = Message("the saves folder is read-only")
    else:
        reason = exc.strerror or str(exc)  # the system's own words
    if lost_change:
        return Message(
            "{doing} ({reason}). Everything saved before is safe. This last change was not "
            "kept. Free some space or ask your teacher, then try again.",
            doing=doing,
            reason=reason,
        )
    return Message(
        "{doing} ({reason}). Everything saved before is safe. Free some space or ask your "
        "teacher, then try again.",
        doing=doing,
        reason=reason,
    )
