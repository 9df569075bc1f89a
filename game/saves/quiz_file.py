"""A student's quiz answers, ``quiz.json`` in their player folder, kept for the class report.

The file travels with the player: :mod:`game.saves.transfer` puts it in an export (with its own
checksum) and an import writes it back; deleting the player deletes it with their folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.core.quiz_answer import Answer
from game.saves.atomic import CorruptFile, dump_json, read_json, write_atomic

QUIZ_FILE = "quiz.json"
QUIZ_VERSION = 1
MAX_ANSWERS = 20_000  # the oldest answers go first beyond this


def quiz_document(answers: list[Answer]) -> dict[str, Any]:
    return {"schema_version": QUIZ_VERSION, "answers": [a.to_dict() for a in answers]}


def parse_answers(data: Any) -> list[Answer]:
    """The answers of a quiz document; ValueError, KeyError or TypeError when it is not one."""
    if not isinstance(data, dict) or data.get("schema_version") != QUIZ_VERSION:
        raise ValueError(f"not a quiz file in format {QUIZ_VERSION}")
    raw = data["answers"]
    if not isinstance(raw, list):
        raise TypeError("the answers are not a list")
    return [Answer.from_dict(item) for item in raw][-MAX_ANSWERS:]


def read_answers(folder: Path) -> list[Answer]:
    """A player's saved answers, oldest first (none when the file is missing or damaged)."""
    try:
        return parse_answers(read_json(folder / QUIZ_FILE))
    except (FileNotFoundError, CorruptFile, KeyError, TypeError, ValueError):
        return []


def write_answers(folder: Path, answers: list[Answer]) -> None:
    """Replace the player's saved answers (OSError when the folder cannot be written)."""
    write_atomic(folder / QUIZ_FILE, dump_json(quiz_document(answers[-MAX_ANSWERS:])))
