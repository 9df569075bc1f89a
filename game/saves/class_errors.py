"""What a teacher reads when a class file is damaged: plain words, never the file's insides.

The roster, the class settings and the PIN file are small JSON files a person may open and edit,
or a file server may damage. Each is refused with :class:`ClassFileDamaged`, whose message says
what it means for the class and what to do, in the teacher's language (game.core.messages); the
technical reason goes to the log, for the school's IT person.
"""

from __future__ import annotations

import logging
from pathlib import Path

from game.core.messages import Message
from game.saves.migrations import SaveError

log = logging.getLogger(__name__)


class ClassFileDamaged(SaveError):
    """A class file (the settings, the roster, the teacher's PIN) that cannot be read."""

    def __init__(self, path: Path, reason: str, message: Message) -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason


def settings_damaged(path: Path, reason: str) -> ClassFileDamaged:
    log.warning("class settings %s cannot be read: %s", path, reason)
    return ClassFileDamaged(
        path,
        reason,
        Message(
            "The class rules file is damaged, so the game's own rules apply for now. Set the "
            "class rules again to replace it (the damaged file is kept aside), or ask your IT "
            "person to restore {file} from a backup.",
            file=str(path),
        ),
    )


def roster_damaged(path: Path, reason: str) -> ClassFileDamaged:
    log.warning("class roster %s cannot be read: %s", path, reason)
    return ClassFileDamaged(
        path,
        reason,
        Message(
            "The class list file is damaged, so the students' groups cannot be read. The "
            "children's games are safe. Ask your IT person to restore {file} from a backup, "
            "or to move it away to start the groups again.",
            file=str(path),
        ),
    )


def pin_damaged(path: Path, reason: str) -> ClassFileDamaged:
    log.warning("teacher PIN file %s cannot be read: %s", path, reason)
    return ClassFileDamaged(
        path,
        reason,
        Message(
            "The teacher PIN file is damaged, so teacher mode cannot open. Your IT person can "
            "reset the PIN as the README says (delete {file}); the children's games are not "
            "affected.",
            file=str(path),
        ),
    )
