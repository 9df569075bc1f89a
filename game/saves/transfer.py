"""One profile as one portable file: for a backup on a USB stick or a move to another computer.

The file holds the profile's metadata document and its whole ledger as one ledger document, each
with its own ``schema_version``, plus a checksum of the ledger; and, when the player has answered
quiz questions, their answers (``quiz.json``, for the class report) with a checksum of their own.
A file without answers (from before they travelled) imports as a player who answered none.
Importing checks everything a hand-edited or damaged file could get wrong before anything is
written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.core.ledger import LedgerEntry, PlayerState
from game.core.messages import Message
from game.core.quiz_answer import Answer
from game.saves.atomic import CorruptFile, dump_json, read_json
from game.saves.ledger_files import ENTRIES, parse_part
from game.saves.meta import ProfileMeta, parse_meta
from game.saves.migrations import (
    EXPORT_MIGRATIONS,
    EXPORT_VERSION,
    LEDGER_VERSION,
    OutdatedFormat,
    Renames,
    SaveError,
    migrate,
)
from game.saves.quiz_file import parse_answers, quiz_document

EXPORT_FORMAT = "ecocards-profile"
MAX_IMPORT_BYTES = 64 * 1024 * 1024
# No entry can be older than the game, nor dated more than a year after the computer's clock
# (another computer's clock may be a little ahead, never years).
EARLIEST_ENTRY = dt.datetime(2000, 1, 1)
LATEST_AHEAD = dt.timedelta(days=366)


@dataclass(frozen=True)
class ImportedProfile:
    meta: ProfileMeta
    entries: list[LedgerEntry]
    answers: list[Answer] = field(default_factory=list)  # the quiz answers (quiz.json)


def _sha256(document: Any) -> str:
    return hashlib.sha256(dump_json(document)).hexdigest()


def export_document(
    meta: ProfileMeta,
    entries: list[LedgerEntry],
    now: dt.datetime,
    answers: list[Answer] | None = None,
) -> bytes:
    ledger = {
        "schema_version": LEDGER_VERSION,
        ENTRIES: {str(index): entry.to_dict() for index, entry in enumerate(entries, 1)},
    }
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "schema_version": EXPORT_VERSION,
        "exported": now.isoformat(),
        "profile": meta.to_dict(),
        "ledger": ledger,
        "ledger_sha256": _sha256(ledger),
    }
    if answers:
        quiz = quiz_document(answers)
        document["quiz"] = quiz
        document["quiz_sha256"] = _sha256(quiz)
    return dump_json(document)


def read_export(path: Path, renames: Renames, now: dt.datetime | None = None) -> ImportedProfile:
    """The profile in an export file, validated. Raises SaveError (or NewerSave) saying why not.

    ``now`` (the computer's time) bounds the dates of the entries."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise SaveError(
                Message("{file} is too large to be an EcoCards profile.", file=path.name)
            )
        data = read_json(path, MAX_IMPORT_BYTES)
    except CorruptFile as exc:
        raise SaveError(
            Message(
                "{file} is not an EcoCards profile file ({reason}).",
                file=path.name,
                reason=exc.reason,
            )
        ) from exc
    except OSError as exc:
        raise SaveError(
            Message(
                "Could not read {file}: {reason}.", file=path.name, reason=str(exc.strerror or exc)
            )
        ) from exc
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise SaveError(Message("{file} is not an EcoCards profile file.", file=path.name))
    try:
        data = migrate(
            dict(data), data.get("schema_version"), EXPORT_VERSION, EXPORT_MIGRATIONS, path.name
        )
        ledger = data["ledger"]
        if _sha256(ledger) != data.get("ledger_sha256"):
            raise CorruptFile(path, "its ledger was changed or damaged after it was exported")
        meta = parse_meta(data["profile"], path)
        _, entries = parse_part(ledger, path, renames)
        _check_ledger(entries, path, now or dt.datetime.now())
        answers = _answers(data, path)
    except OutdatedFormat as exc:
        raise SaveError(
            Message("{file} cannot be imported: {reason}.", file=path.name, reason=str(exc))
        ) from exc
    except CorruptFile as exc:
        raise SaveError(
            Message("{file} cannot be imported: {reason}.", file=path.name, reason=exc.reason)
        ) from exc
    except (KeyError, TypeError) as exc:
        raise SaveError(
            Message(
                "{file} cannot be imported: a part is missing ({reason}).",
                file=path.name,
                reason=str(exc),
            )
        ) from exc
    return ImportedProfile(meta, entries, answers)


def _answers(data: dict[str, Any], path: Path) -> list[Answer]:
    """The quiz answers of an export (none in a file from before they travelled)."""
    if "quiz" not in data and "quiz_sha256" not in data:
        return []
    quiz = data.get("quiz")
    if _sha256(quiz) != data.get("quiz_sha256"):
        raise CorruptFile(path, "its quiz answers were changed or damaged after it was exported")
    try:
        return parse_answers(quiz)
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptFile(path, f"its quiz answers are not valid ({exc})") from exc


def _check_ledger(entries: list[LedgerEntry], path: Path, now: dt.datetime) -> None:
    """The checks a ledger written by the game always passes."""
    seqs = [entry.seq for entry in entries]
    if len(set(seqs)) != len(seqs) or any(seq < 1 for seq in seqs):
        raise CorruptFile(path, "its ledger entries are not numbered one by one")
    latest = now.replace(tzinfo=None) + LATEST_AHEAD
    for entry in entries:
        at = entry.at.replace(tzinfo=None)
        day = dt.datetime.combine(entry.day, dt.time())
        if not (EARLIEST_ENTRY <= at <= latest and EARLIEST_ENTRY <= day <= latest):
            raise CorruptFile(
                path,
                f"entry {entry.seq} is dated {entry.at.isoformat()} "
                f"(for {entry.day.isoformat()}), which cannot be right",
            )
    state = PlayerState()
    for entry in sorted(entries, key=lambda e: e.seq):
        if entry.kind == "undone":
            original = state.by_seq.get(entry.undoes) if entry.undoes is not None else None
            if original is None or original.kind != "earned":
                raise CorruptFile(path, f"entry {entry.seq} takes back an entry that is not there")
        if entry.kind == "spent" and entry.reveal is None:
            raise CorruptFile(path, f"entry {entry.seq} spends energy without a card")
        state.apply(entry)
        if state.balance < 0:
            raise CorruptFile(path, f"entry {entry.seq} spends more energy than there was")
