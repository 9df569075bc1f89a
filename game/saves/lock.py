"""One writer per profile: a second copy of the game opening the same profile is refused.

The lock is the operating system's (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows),
held on ``<profile>/lock`` for as long as the profile is open. The system drops it when the
process ends in any way, so a game that crashed or was killed never leaves a stale lock behind.
The file also records the holder's process id, for a teacher looking into it.

The file is opened without following links (``O_NOFOLLOW``) and used only when it is a regular
file with no other name: a link planted in its place (to a teacher's document, say) is refused,
never truncated and written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import IO

from game.core.messages import Message
from game.saves.migrations import SaveError

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
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a pipe in its place must not block the open
_OPEN_FLAGS = (
    os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | _NONBLOCK | getattr(os, "O_BINARY", 0)
)
# What opening a link, a folder or a device without following links gives on each system.
_NOT_A_FILE = {errno.ELOOP, errno.EMLINK, errno.EISDIR, errno.ENXIO, errno.ENODEV}


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
        fh = self._open()
        try:
            _lock(fh)
        except OSError as exc:
            fh.close()
            if exc.errno in _BUSY:
                raise ProfileBusy(
                    Message(
                        "This player is open in another copy of EcoCards. Close it "
                        "there first, or choose another player."
                    )
                ) from exc
            raise
        with contextlib.suppress(OSError):  # the id is a courtesy; the lock is what counts
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n".encode())
            fh.flush()
        self._fh = fh

    def _open(self) -> IO[bytes]:
        """The lock file, opened without following a link; SaveError for anything but a plain
        file of ours."""
        try:
            fd = os.open(self.path, _OPEN_FLAGS, 0o644)
        except OSError as exc:
            if exc.errno in _NOT_A_FILE or self.path.is_symlink():
                raise self._refused() from exc
            raise
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
                raise self._refused()
            if _NONBLOCK:
                os.set_blocking(fd, True)
        except BaseException:
            os.close(fd)
            raise
        return os.fdopen(fd, "r+b")

    def _refused(self) -> SaveError:
        return SaveError(
            Message(
                "The lock file of this player ({file}) is a link or a special file, so EcoCards "
                "left it alone. Ask your teacher to delete it, then try again.",
                file=str(self.path),
            )
        )

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
