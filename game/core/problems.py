"""Problems found in content files, reported as ``path:line:col: severity: message``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(summary(self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def display_path(path: Path) -> str:
    """A path as an editor wants to see it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` when a close candidate exists, else an empty string."""
    pool = list(candidates)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in pool}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
    return f" (did you mean '{close[0]}'?)" if close else ""


# Neighbouring keys on a QWERTY keyboard, for the typos a short code gets (EM for EN).
_QWERTY = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (row, col) for row, keys in enumerate(_QWERTY) for col, ch in enumerate(keys)}


def _adjacent(a: str, b: str) -> bool:
    pa, pb = _KEY_AT.get(a.lower()), _KEY_AT.get(b.lower())
    return pa is not None and pb is not None and max(abs(pa[0] - pb[0]), abs(pa[1] - pb[1])) == 1


def nearest_code(word: str, codes: Iterable[str]) -> str:
    """``" (did you mean 'EN'?)"`` for a short code one letter away from a known one.

    ``difflib`` gives no hint for two-letter codes (EM and EN share only half their letters).
    One wrong letter is the common typo; when several codes are one letter away, the one whose
    letter sits next to the typed one on the keyboard is meant (EM: N is beside M, W and X are
    not). Returns an empty string when no code is clearly nearest."""
    typed = word.strip().upper()
    if not typed:
        return ""
    near: list[tuple[str, bool]] = []
    for code in codes:
        if len(code) != len(typed) or code.upper() == typed:
            continue
        diffs = [(a, b) for a, b in zip(typed, code.upper(), strict=True) if a != b]
        if len(diffs) == 1:
            near.append((code, _adjacent(*diffs[0])))
    beside = [code for code, adjacent in near if adjacent]
    if len(beside) == 1:
        return f" (did you mean '{beside[0]}'?)"
    if len(near) == 1:
        return f" (did you mean '{near[0][0]}'?)"
    return ""


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, so a message never echoes a huge
    value back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(problems: Iterable[Problem]) -> str:
    items = list(problems)
    errors = sum(1 for p in items if p.severity is Severity.ERROR)
    warnings = len(items) - errors
    files = len({p.path for p in items})

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if not items:
        return "no problems found"
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"
