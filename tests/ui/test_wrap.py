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


def test_a_web_address_wider_than_the_line_is_broken_after_a_slash() -> None:
    address = "https://www.iucnredlist.org/species/22690733/152593137"
    lines = wrap(f"Source: {address}", Monospace(), 200)
    assert lines[0] == "Source:"
    assert "".join(lines[1:]) == address  # every character kept, none added
    assert all(len(line) <= 20 for line in lines)
    assert all(line.endswith(("/", ".")) for line in lines[1:-1])
