"""Reading files that could be anything: only regular files, and never more than a bound.

A save or cache file replaced by a named pipe would block ``open`` forever, and a link to
``/dev/zero`` would be read until memory runs out. These readers open without waiting
(``O_NONBLOCK``), look at what was opened (``fstat``, so a link swapped in between cannot fool
them) and read at most ``limit`` bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 16


class NotAFile(OSError):
    """The path is a folder, a pipe, a device or a socket, not a regular file."""


class TooLarge(OSError):
    """The file is larger than its reader allows."""


def open_regular(path: Path, limit: int) -> BinaryIO:
    """``path`` opened for reading, when it is a regular file of at most ``limit`` bytes.

    Raises NotAFile, TooLarge, or the OSError of opening it (FileNotFoundError, …).
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe, device or socket"
            raise NotAFile(errno.EINVAL, f"it is {kind}, not a regular file", str(path))
        if info.st_size > limit:
            raise TooLarge(errno.EFBIG, f"it is larger than {limit} bytes", str(path))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes (see open_regular).

    Reads in chunks, so a file that grows while it is read stops at the bound too."""
    with open_regular(path, limit) as fh:
        expected = os.fstat(fh.fileno()).st_size
        parts: list[bytes] = []
        total = 0
        while total <= limit:
            # Never ask for more than is left of the file (+1 to see its end): read(n)
            # reserves n bytes before reading anything.
            chunk = fh.read(min(max(expected + 1 - total, _CHUNK), limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    if total > limit:
        raise TooLarge(errno.EFBIG, f"it is larger than {limit} bytes", str(path))
    return b"".join(parts)
