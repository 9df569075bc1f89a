"""Player names are unique in a saves folder, even when two computers add one at the same time.

Every name a player holds has a reservation file ``profiles/.names/<key>`` that holds the
player's id. It is created with ``O_CREAT | O_EXCL``: when two games add the same name at the
same moment, exactly one of them creates the file, on a local disk and on a network share
alike (a lock would have to be held by both games' systems). Players made before reservations
existed keep their names through the list of players, which is checked as well.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from game.core.files import NotAFile, TooLarge, read_regular

NAMES_DIR = ".names"
# A reservation whose player does not exist this long after it was made was left by a game
# that stopped between the two steps, or its player was deleted by hand: it is free again.
STALE_SECONDS = 60
_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


class NameBook:
    """The reservations of one saves folder's ``profiles`` folder."""

    def __init__(self, profiles_dir: Path, has_profile: Callable[[str], bool]) -> None:
        self.folder = profiles_dir / NAMES_DIR
        self._has_profile = has_profile

    def _path(self, name: str) -> Path:
        return self.folder / hashlib.sha256(name.casefold().encode("utf-8")).hexdigest()[:32]

    def reserve(self, name: str, profile_id: str) -> bool:
        """Reserve ``name`` for ``profile_id``; False when another player holds it.

        Raises OSError when the reservation cannot be written."""
        self.folder.mkdir(exist_ok=True)
        path = self._path(name)
        for _ in range(2):
            try:
                fd = os.open(path, _CREATE_FLAGS, 0o644)
            except FileExistsError:
                if not self._stale(path):
                    return False
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            with os.fdopen(fd, "wb") as fh:
                fh.write(profile_id.encode("ascii"))
            return True
        return False

    def _stale(self, path: Path) -> bool:
        try:
            holder = read_regular(path, 64).decode("ascii", "replace").strip()
            age = time.time() - path.lstat().st_mtime
        except (NotAFile, TooLarge):
            return True  # not a reservation this game made
        except FileNotFoundError:
            return True  # released meanwhile
        except OSError:
            return False
        return age > STALE_SECONDS and not self._has_profile(holder)

    def release(self, name: str, profile_id: str) -> None:
        """Free ``name`` if ``profile_id`` holds it (best effort)."""
        path = self._path(name)
        with contextlib.suppress(OSError):
            if read_regular(path, 64).decode("ascii", "replace").strip() == profile_id:
                path.unlink()
