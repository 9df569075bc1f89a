"""Wrapping: lines break at spaces, between CJK characters, and after a hyphen inside a word."""

from __future__ import annotations

from game.ui.draw import wrap


class Monospace:
    """Every character 10 pixels wide: line widths are easy to reason about."""

    def size(self, text: str) -> tuple[int, int]:
        return 10 * len(text), 20


def test_a_hyphenated_name_breaks_after_its_hyphen() -> None:
    assert wrap("Maximilian-Alexander", Monospace(), 120) == ["Maximilian-", "Alexander"]


def test_a_leading_hyphen_stays_with_its_word() -> None:
    assert wrap("-5 degrees", Monospace(), 40) == ["-5", "degrees"]
