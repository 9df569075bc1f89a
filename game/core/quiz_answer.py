"""One answered quiz question, as a student's ``quiz.json`` keeps it for the class report.

Apart from the quiz itself (game.core.quiz, which needs the decks), so that a player's save can
be read before the decks are loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One answered question, as saved for the report."""

    at: dt.datetime
    species_id: str
    kind: str
    correct: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "species_id": self.species_id,
            "kind": self.kind,
            "correct": self.correct,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        return cls(
            at=dt.datetime.fromisoformat(str(data["at"])),
            species_id=str(data["species_id"]),
            kind=str(data["kind"]),
            correct=bool(data["correct"]),
        )
