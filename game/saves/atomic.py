"""Atomic file writes and a TinyDB storage built on them.

TinyDB's own ``JSONStorage`` rewrites the live file in place, so a crash between its write and its
truncate leaves invalid JSON. Here every write goes to a temporary file in the same folder, is
flushed and fsynced, and then replaces the old file with ``os.replace``: a reader sees the old
file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage


class CorruptFile(Exception):
    """A save file exists but cannot be read as what it should be."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


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


def read_json(path: Path) -> Any:
    """Parsed JSON of ``path``; raises :class:`CorruptFile` when it is not valid JSON."""
    raw = path.read_bytes()
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


def quarantine(path: Path, when: dt.datetime) -> Path:
    """Move an unreadable file aside as ``<name>.corrupt-<timestamp>``, never over another."""
    stamp = f"{when:%Y%m%d-%H%M%S}"
    for attempt in range(1, 1000):
        target = path.with_name(
            f"{path.name}.corrupt-{stamp}" + (f"-{attempt}" if attempt > 1 else "")
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


def remove_temp_files(folder: Path) -> None:
    """Delete temporary files left by a write that was interrupted (the live file is intact)."""
    for tmp in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
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
