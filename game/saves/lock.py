"""One writer per profile: a second copy of the game opening the same profile is refused.

The lock is the operating system's (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows),
held on ``<profile>/lock`` for as long as the profile is open. The system drops it when the
process ends in any way, so a game that crashed or was killed never leaves a stale lock behind.
The file also records the holder's process id, for a teacher looking into it.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import IO

from game.core.messages import Message

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]

LOCK_FILE = "lock"
# Windows locks a byte range, and a locked range cannot be written even by other handles of
# the holder: lock a byte well past the process id instead of the id itself.
_WINDOWS_LOCK_OFFSET = 4096
_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}


class ProfileBusy(Exception):
    """Another running game has this profile open."""


class ProfileLock:
    """An OS-level lock on ``<profile>/lock``; released by the OS if the process dies."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock; ProfileBusy when another game holds it, OSError when it cannot be made."""
        if self._fh is not None:
            return
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        try:
            _lock(fh)
        except OSError as exc:
            fh.close()
            if exc.errno in _BUSY:
                raise ProfileBusy(Message(
                    "This player is open in another copy of EcoCards. Close it "
                    "there first, or choose another player."
                )) from exc
            raise
        with contextlib.suppress(OSError):  # the id is a courtesy; the lock is what counts
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n".encode())
            fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        with contextlib.suppress(OSError):
            _unlock(self._fh)
        self._fh.close()
        self._fh = None


def _lock(fh: IO[bytes]) -> None:
    if fcntl is not None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    elif msvcrt is not None:  # pragma: no cover - Windows
        fh.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)


def _unlock(fh: IO[bytes]) -> None:
    if fcntl is not None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    elif msvcrt is not None:  # pragma: no cover - Windows
        fh.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
