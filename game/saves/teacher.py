"""The teacher's PIN: set on first use, kept only as a salted PBKDF2-HMAC-SHA256 hash.

``class/pin.json`` holds the salt, the iteration count, the hash, and the wrong attempts so
far with the moment the next attempt is allowed. The delay after wrong attempts doubles (none
for the first three, then 2 s, 4 s, 8 s... up to 15 minutes) and is stored on disk, so closing
and restarting the game does not reset it. The PIN itself is never stored, shown or logged.

Reset (for the school's IT person, see the README): delete ``class/pin.json`` in the saves
folder; the next teacher to open teacher mode sets a new PIN. The children's files are untouched.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.messages import Message
from game.saves.atomic import CorruptFile, dump_json, read_json, write_atomic
from game.saves.class_errors import pin_damaged
from game.saves.migrations import SaveError

PIN_FILE = "pin.json"
PIN_VERSION = 1
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
MIN_PIN, MAX_PIN = 4, 12
FREE_ATTEMPTS = 3
MAX_DELAY = dt.timedelta(minutes=15)


class PinWait(SaveError):
    """Too many wrong attempts: ``seconds`` to wait before the next one."""

    def __init__(self, seconds: int) -> None:
        super().__init__(
            Message("Too many wrong PINs. Try again in {count} seconds.", count=seconds)
        )
        self.seconds = seconds


@dataclass(frozen=True)
class _Record:
    salt: bytes
    iterations: int
    digest: bytes
    failures: int = 0
    next_try: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": PIN_VERSION,
            "algorithm": "pbkdf2-hmac-sha256",
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "iterations": self.iterations,
            "hash": base64.b64encode(self.digest).decode("ascii"),
            "failures": self.failures,
            "next_try": None if self.next_try is None else self.next_try.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> _Record:
        if data.get("algorithm") != "pbkdf2-hmac-sha256":
            raise ValueError("unknown algorithm")
        next_try = data.get("next_try")
        return cls(
            salt=base64.b64decode(data["salt"]),
            iterations=int(data["iterations"]),
            digest=base64.b64decode(data["hash"]),
            failures=int(data.get("failures", 0)),
            next_try=None if next_try is None else dt.datetime.fromisoformat(next_try),
        )


def _hash(pin: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)


def delay_after(failures: int) -> dt.timedelta:
    """How long to wait after ``failures`` wrong attempts in a row."""
    if failures < FREE_ATTEMPTS:
        return dt.timedelta(0)
    return min(MAX_DELAY, dt.timedelta(seconds=2 ** (failures - FREE_ATTEMPTS + 1)))


class TeacherPin:
    """The PIN of the class in ``class_dir``; ``iterations`` is lowered only by tests."""

    def __init__(self, class_dir: Path, *, iterations: int = ITERATIONS) -> None:
        self.path = class_dir / PIN_FILE
        self.iterations = iterations

    def is_set(self) -> bool:
        return self.path.is_file()

    def _load(self) -> _Record:
        """The PIN record; ClassFileDamaged (plain words for the teacher) when it cannot be read."""
        try:
            data = read_json(self.path, 4096)
            if not isinstance(data, dict) or data.get("schema_version") != PIN_VERSION:
                raise CorruptFile(self.path, "not a PIN file")
            return _Record.from_dict(data)
        except CorruptFile as exc:
            raise pin_damaged(self.path, exc.reason) from exc
        except (KeyError, TypeError, ValueError, OSError) as exc:
            raise pin_damaged(self.path, f"{type(exc).__name__}: {exc}") from exc

    def _save(self, record: _Record) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, dump_json(record.to_dict()))

    def set_first(self, pin: str) -> None:
        """Set the PIN on first use; SaveError when one is set already or it is not valid."""
        if self.is_set():
            raise SaveError(Message("A teacher PIN is already set."))
        self._store_new(pin)

    def change(self, old: str, new: str, now: dt.datetime) -> None:
        if not self.check(old, now):
            raise SaveError(Message("That PIN is not right."))
        self._store_new(new)

    def _store_new(self, pin: str) -> None:
        if not (pin.isdigit() and pin.isascii() and MIN_PIN <= len(pin) <= MAX_PIN):
            raise SaveError(Message("A PIN is {low} to {high} digits.", low=MIN_PIN, high=MAX_PIN))
        salt = secrets.token_bytes(16)
        self._save(_Record(salt, self.iterations, _hash(pin, salt, self.iterations)))

    def wait(self, now: dt.datetime) -> int:
        """Seconds before the next attempt is allowed (0: now)."""
        if not self.is_set():
            return 0
        next_try = self._load().next_try
        if next_try is None or now >= next_try:
            return 0
        return max(1, int((next_try - now).total_seconds() + 0.999))

    def check(self, pin: str, now: dt.datetime) -> bool:
        """Whether ``pin`` is the teacher's PIN. PinWait while the delay after wrong attempts
        runs (that attempt is not counted); SaveError when no PIN is set."""
        if not self.is_set():
            raise SaveError(Message("No teacher PIN is set yet."))
        record = self._load()
        if record.next_try is not None and now < record.next_try:
            raise PinWait(max(1, int((record.next_try - now).total_seconds() + 0.999)))
        right = hmac.compare_digest(_hash(pin, record.salt, record.iterations), record.digest)
        if right:
            if record.failures:
                self._save(_Record(record.salt, record.iterations, record.digest))
            return True
        failures = record.failures + 1
        wait = delay_after(failures)
        self._save(
            _Record(
                record.salt,
                record.iterations,
                record.digest,
                failures,
                now + wait if wait else None,
            )
        )
        return False
