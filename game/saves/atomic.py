"""Atomic file writes and a TinyDB storage built on them.

TinyDB's own ``JSONStorage`` rewrites the live file in place, so a crash between its write and its
truncate leaves invalid JSON. Here every write goes to a temporary file in the same folder, is
flushed and fsynced, and then replaces the old file with ``os.replace``: a reader sees the old
file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
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


def dump_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicJSONStorage(Storage):  # type: ignore[misc]
    """A TinyDB storage that writes atomically and keeps the last state in memory.

    The profile lock guarantees that only this process writes the file, so the copy in memory is
    the truth and ``read`` needs no disk access; a failed write forgets it, so the next read goes
    back to what is really on disk.
    """

    def __init__(self, path: str | os.PathLike[str], *, durable: bool = True) -> None:
        self.path = Path(path)
        self.durable = durable
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            if not self.path.exists():
                return None
            data = read_json(self.path)
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise CorruptFile(self.path, "the data is not in the expected shape")
            self._data = data
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        try:
            write_atomic(self.path, dump_json(data), durable=self.durable)
        except BaseException:
            self._data = None
            raise
        self._data = data

    def close(self) -> None:
        self._data = None
