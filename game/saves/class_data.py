"""Reading every player of a class, data retention, and the quiz answers of each student.

The class totals read each player's ledger without taking the player's lock, so the class screen
and the reports work while children play on other PCs: every file is replaced atomically, so a
part is read whole, old or new. Retention rewrites a player's ledger, so it takes the lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from game.core.class_settings import ClassSettings
from game.core.class_totals import ClassTotals, PlayerSummary, class_totals
from game.core.classroom import apply_retention, retention_cutoff
from game.core.content import Content
from game.core.ledger import LedgerEntry, PlayerState
from game.core.messages import Message
from game.core.quiz_answer import Answer
from game.core.verify import verify_ledger
from game.saves.atomic import CorruptFile, disk_message, dump_json, read_json, write_atomic
from game.saves.classroom import ClassStore
from game.saves.ledger_files import ledger_files, load_part
from game.saves.lock import ProfileLock
from game.saves.migrations import SaveError
from game.saves.profiles import SaveStore
from game.saves.quiz_file import read_answers, write_answers
from game.saves.retention import finish_retention, ledger_paths, replace_ledger

SUMMARIES_FILE = "summaries.json"
SUMMARY_VERSION = 2  # 2: only the entries the rules accept are counted


def read_entries(store: SaveStore, profile_id: str) -> list[LedgerEntry]:
    """Every readable ledger entry of a player (a damaged part is skipped: opening the player
    repairs it). While a retention is being applied, the new ledger whole (never a mix)."""
    folder = store.folder(profile_id)
    entries: dict[int, LedgerEntry] = {}
    for candidates in ledger_paths(folder):
        for path in candidates:
            try:
                part = load_part(path, store.renames)[1]
            except (CorruptFile, OSError):
                continue
            for entry in part:
                entries.setdefault(entry.seq, entry)
            break
    return [entries[seq] for seq in sorted(entries)]


def class_states(store: SaveStore) -> dict[str, PlayerState]:
    """Every player's state folded from their ledger, by profile id."""
    return {
        meta.id: PlayerState.from_entries(read_entries(store, meta.id))
        for meta in store.list_profiles()
    }


def checked_state(
    entries: list[LedgerEntry], content: Content, settings: ClassSettings, now: dt.datetime
) -> PlayerState:
    """A player's state from the entries the class's rules accept (the rest in ``set_aside``),
    as the game counts them when the player opens."""
    return verify_ledger(entries, content, now=now, rules_at=settings.rules_at).state


def rules_key(content: Content, settings: ClassSettings) -> str:
    """What the verifier's answer depends on besides the ledger: the class's rules and the
    decks (actions, editions and species). A summary cached under another key is folded again."""
    rules = settings.rules()
    digest = hashlib.sha256()
    digest.update(
        json.dumps(
            {
                "backdate_days": rules.backdate_days,
                "daily_total_g": rules.daily_total_g,
                "allowed": None if rules.allowed is None else sorted(rules.allowed),
                "caps": dict(sorted((rules.caps or {}).items())),
                "past": [p.to_dict() for p in settings.past_rules],
            },
            sort_keys=True,
        ).encode()
    )
    for models in (content.actions, content.editions, content.species):
        for key in sorted(models):
            digest.update(models[key].model_dump_json().encode())
    return digest.hexdigest()[:32]


# -- data retention -------------------------------------------------------------------------


def delete_old_entries(store: SaveStore, profile_id: str, months: int, today: dt.date) -> int:
    """Delete a player's ledger entries older than ``months`` (and their backups): really
    deleted, with one carried entry keeping the balance and the CO2e total. Returns how many
    went. ProfileBusy while the player plays."""
    folder = store.folder(profile_id)
    lock = ProfileLock(folder)
    lock.acquire()
    try:
        finish_retention(folder)  # one a crash interrupted, before reading the ledger
        kept, deleted = apply_retention(
            read_entries(store, profile_id), retention_cutoff(today, months)
        )
        if deleted:
            replace_ledger(folder, kept)
    except OSError as exc:
        raise SaveError(disk_message(exc, Message("Could not delete old entries"))) from exc
    finally:
        lock.release()
    return deleted


def apply_class_retention(store: SaveStore, months: int, today: dt.date) -> dict[str, int]:
    """:func:`delete_old_entries` for every player not playing now; by profile id, how many
    entries went (players playing now are left for the next time)."""
    done: dict[str, int] = {}
    for meta in store.list_profiles():
        with contextlib.suppress(SaveError):
            done[meta.id] = delete_old_entries(store, meta.id, months, today)
    return done


# -- quiz answers ---------------------------------------------------------------------------


def load_answers(store: SaveStore, profile_id: str) -> list[Answer]:
    """A student's saved quiz answers, oldest first (none when the file is missing or bad)."""
    return read_answers(store.folder(profile_id))


def save_answers(store: SaveStore, profile_id: str, answers: list[Answer]) -> None:
    """Add ``answers`` to the student's saved ones. Call it while the student's profile is
    open (its lock makes this PC the only writer)."""
    try:
        write_answers(store.folder(profile_id), [*load_answers(store, profile_id), *answers])
    except OSError as exc:
        raise SaveError(disk_message(exc, Message("Could not save the quiz"))) from exc


def _signature(folder: Path) -> list[list[Any]]:
    """What changes whenever a player's ledger changes: each part's name, time and size."""
    found = []
    for path in ledger_files(folder):
        with contextlib.suppress(OSError):
            info = path.stat()
            found.append([path.name, info.st_mtime_ns, info.st_size])
    return found


def _read_summaries(path: Path) -> dict[str, Any]:
    try:
        data = read_json(path)
    except (FileNotFoundError, CorruptFile, OSError):
        return {}
    if not isinstance(data, dict) or data.get("schema_version") != SUMMARY_VERSION:
        return {}
    players = data.get("players")
    return players if isinstance(players, dict) else {}


def class_summaries(
    klass: ClassStore,
    profile_ids: list[str],
    content: Content,
    settings: ClassSettings,
    now: dt.datetime,
) -> dict[str, PlayerSummary]:
    """Every player's summary from the entries the rules accept, checked again only for players
    whose ledger (or the class's rules, or the decks) changed since the last time (the cache
    ``class/summaries.json`` is shared by the class's PCs; a stale or lost cache only costs
    time)."""
    cache_path = klass.folder / SUMMARIES_FILE
    cached = _read_summaries(cache_path)
    key = rules_key(content, settings)
    found: dict[str, PlayerSummary] = {}
    fresh: dict[str, Any] = {}
    changed = False
    for profile_id in profile_ids:
        signature = _signature(klass.store.folder(profile_id))
        known = cached.get(profile_id)
        summary = None
        if (
            isinstance(known, dict)
            and known.get("files") == signature
            and known.get("rules") == key
        ):
            with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
                summary = PlayerSummary.from_dict(known["summary"])
        if summary is None:
            changed = True
            entries = read_entries(klass.store, profile_id)
            summary = PlayerSummary.of(checked_state(entries, content, settings, now))
        found[profile_id] = summary
        fresh[profile_id] = {"files": signature, "rules": key, "summary": summary.to_dict()}
    if changed or set(cached) != set(fresh):
        with contextlib.suppress(OSError):  # a read-only share: no cache, same figures
            klass.folder.mkdir(parents=True, exist_ok=True)
            document = {"schema_version": SUMMARY_VERSION, "players": fresh}
            write_atomic(cache_path, dump_json(document), durable=False)
    return found


def read_class(klass: ClassStore, content: Content, now: dt.datetime | None = None) -> ClassTotals:
    """The class goal, album and report rows, read from every player folder: only the entries
    the class's rules accept count (``left_out`` says how many did not)."""
    students = klass.students()
    settings = klass.settings()
    summaries = class_summaries(
        klass,
        [s.profile_id for s in students],
        content,
        settings,
        now or dt.datetime.now(),
    )
    answers = {s.profile_id: load_answers(klass.store, s.profile_id) for s in students}
    return class_totals(students, summaries, content, settings, answers)
