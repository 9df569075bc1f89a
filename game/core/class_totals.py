"""What the whole class has done together: the class goal, the class album, the report rows.

The goal adds up the CO2e every child's actions avoided; the album holds every species anyone
in the class has found. Both count only the ledger entries the rules accept
(:func:`game.core.verify.verify_ledger`, under the class's own rules), so a ledger edited by
hand cannot grow the class forest; ``left_out`` says how many entries were not counted.
Neither ranks one child against another: rows are kept in name order, for the teacher's report
only.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core.classroom import ClassSettings, Student
from game.core.content import Content
from game.core.ledger import PlayerState
from game.core.quiz_answer import Answer
from game.core.vocab import ACTION_CATEGORIES


@dataclass(frozen=True)
class PlayerSummary:
    """What the class totals need of one player, small enough to cache between openings."""

    balance: int
    earned_total: int
    earned_by_action: dict[str, int]  # CO2e by action id
    owned: dict[str, str]  # species id -> edition id
    pending: int
    left_out: int = 0  # entries that break the rules, not counted

    @classmethod
    def of(cls, state: PlayerState) -> PlayerSummary:
        """The summary of a state folded from entries that passed the verifier (the entries it
        set aside, ``state.set_aside``, are counted as left out)."""
        by_action: Counter[str] = Counter()
        for (_, action_id), grams in state.earned_by_day_action.items():
            by_action[action_id] += grams
        carried = state.earned_total - sum(by_action.values())
        if carried:
            by_action[""] += carried  # CO2e of entries deleted by data retention
        return cls(
            balance=state.balance,
            earned_total=state.earned_total,
            earned_by_action=dict(by_action),
            owned={
                sid: e.reveal.edition_id for sid, e in state.owned.items() if e.reveal is not None
            },
            pending=len(state.pending),
            left_out=len(state.set_aside),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "balance": self.balance,
            "earned_total": self.earned_total,
            "earned_by_action": self.earned_by_action,
            "owned": self.owned,
            "pending": self.pending,
            "left_out": self.left_out,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlayerSummary:
        """Raises KeyError, TypeError or ValueError for a malformed one."""
        return cls(
            balance=int(data["balance"]),
            earned_total=int(data["earned_total"]),
            earned_by_action={str(k): int(v) for k, v in data["earned_by_action"].items()},
            owned={str(k): str(v) for k, v in data["owned"].items()},
            pending=int(data["pending"]),
            left_out=int(data["left_out"]),
        )


@dataclass(frozen=True)
class StudentRow:
    """One student's line in the teacher's report."""

    student: Student
    energy_g: int  # energy to spend now
    co2e_g: int  # CO2e avoided by their actions (the class goal counts this)
    by_category: dict[str, int]  # CO2e by action category
    species_by_edition: dict[str, int]
    pending: int  # actions waiting for approval
    quiz_right: int
    quiz_asked: int
    left_out: int = 0  # their ledger entries that break the rules (not counted)


@dataclass(frozen=True)
class ClassTotals:
    goal_g: int
    co2e_g: int
    by_category: dict[str, int]
    album: frozenset[str]  # every species anyone in the class has found
    album_by_edition: dict[str, int]
    rows: list[StudentRow] = field(default_factory=list)
    left_out: int = 0  # ledger entries that break the rules, in every folder: not counted

    @property
    def goal_fraction(self) -> float:
        return min(1.0, self.co2e_g / self.goal_g) if self.goal_g else 0.0


def name_order(name: str) -> str:
    """Sort key for names: Léa beside Lea, not after Lucas."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def student_row(
    student: Student, summary: PlayerSummary, content: Content, answers: Iterable[Answer] = ()
) -> StudentRow:
    by_category: Counter[str] = Counter()
    for action_id, grams in summary.earned_by_action.items():
        action = content.actions.get(action_id)
        by_category[action.category if action is not None else "other"] += grams
    species: Counter[str] = Counter(summary.owned.values())
    answered = list(answers)
    return StudentRow(
        student=student,
        energy_g=summary.balance,
        co2e_g=summary.earned_total,
        by_category={c: by_category.get(c, 0) for c in (*ACTION_CATEGORIES, "other")},
        species_by_edition={e: species.get(e, 0) for e in content.editions},
        pending=summary.pending,
        quiz_right=sum(a.correct for a in answered),
        quiz_asked=len(answered),
        left_out=summary.left_out,
    )


def class_totals(
    students: Iterable[Student],
    summaries: Mapping[str, PlayerSummary],
    content: Content,
    settings: ClassSettings,
    answers: Mapping[str, Iterable[Answer]] | None = None,
) -> ClassTotals:
    """The class's totals over every student (archived ones too: their actions counted)."""
    empty = PlayerSummary.of(PlayerState())
    rows = [
        student_row(
            s,
            summaries.get(s.profile_id, empty),
            content,
            (answers or {}).get(s.profile_id, ()),
        )
        for s in students
    ]
    rows.sort(key=lambda r: (name_order(r.student.name), r.student.profile_id))
    album = frozenset(sp for s in summaries.values() for sp in s.owned)
    by_category: Counter[str] = Counter()
    for row in rows:
        by_category.update(row.by_category)
    by_edition: Counter[str] = Counter(
        content.species[sp].edition for sp in album if sp in content.species
    )
    return ClassTotals(
        goal_g=settings.goal_g,
        co2e_g=sum(r.co2e_g for r in rows),
        by_category=dict(by_category),
        album=album,
        album_by_edition={e: by_edition.get(e, 0) for e in content.editions},
        rows=rows,
        left_out=sum(r.left_out for r in rows),
    )
