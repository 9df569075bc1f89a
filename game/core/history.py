"""What a species' Red List history says: rules only, no drawing.

Older assessments used other codes (the 1994 "Lower Risk" ones, and before them E, V, R...).
They are kept as published; for colour and for comparing risk they count as today's nearest
category.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

# Today's category nearest to each code of the older systems.
MODERN = {
    "LR/cd": "NT",
    "LR/nt": "NT",
    "LR/lc": "LC",
    "E": "EN",
    "V": "VU",
    "Ex": "EX",
    "R": "DD",
    "I": "DD",
    "K": "DD",
    "T": "DD",
}
# Most at risk first; DD and NE say nothing about risk, so they never count as a change.
RISK_ORDER = ("EX", "EW", "CR", "EN", "VU", "NT", "LC")


def modern(code: str) -> str:
    """``code`` as today's category (``E`` is ``EN``; today's codes are themselves)."""
    return MODERN.get(code, code)


def last_change(timeline: Sequence[tuple[int, str]]) -> tuple[str, str, int] | None:
    """(from, to, year) of the most recent change of risk between two assessments, in today's
    codes; None when the risk never changed (or cannot be compared)."""
    ranked = [(year, modern(code)) for year, code in timeline if modern(code) in RISK_ORDER]
    for (_, before), (year, after) in reversed(list(itertools.pairwise(ranked))):
        if before != after:
            return before, after, year
    return None


def improved(change: tuple[str, str, int]) -> bool:
    """True when the change moved the species to a category of lower risk."""
    before, after, _ = change
    return RISK_ORDER.index(after) > RISK_ORDER.index(before)
