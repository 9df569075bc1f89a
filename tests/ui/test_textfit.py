"""Fitted text: whatever the text and the box, the drawn pixels stay inside the box."""

from __future__ import annotations

from pathlib import Path

import pygame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.resources import Resources
from game.ui.textfit import PlacedText, draw_fitted

ROOT = Path(__file__).resolve().parents[2]
pygame.font.init()
RES = Resources(ROOT / "assets")
WORDS = st.sampled_from(
    [
        "Sea",
        "turtle",
        "Critically",
        "Endangered",
        "极危",
        "大熊猫",
        "—",
        "Supercalifragilistic",
        "(EN)",
        "x",
        "长江江豚",
        "Rhincodon",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(WORDS, min_size=1, max_size=12),
    width=st.integers(8, 300),
    height=st.integers(6, 80),
    size=st.integers(6, 40),
    lines=st.integers(1, 3),
    italic=st.booleans(),
    align=st.sampled_from(["left", "center", "right"]),
)
def test_fitted_text_stays_in_its_box(
    words: list[str], width: int, height: int, size: int, lines: int, italic: bool, align: str
) -> None:
    surface = pygame.Surface((width + 40, height + 40), pygame.SRCALPHA)
    box = pygame.Rect(20, 20, width, height)
    probe: list[PlacedText] = []
    content = " ".join(words)
    draw_fitted(
        surface,
        content,
        lambda s: RES.sized_font(s),
        box,
        (0, 0, 0),
        size,
        max_lines=lines,
        italic=italic,
        align=align,
        probe=probe,
    )
    [placed] = probe
    assert placed.text == content
    assert box.contains(placed.drawn), f"{placed.drawn} outside {box}"


def test_text_that_fits_keeps_its_size() -> None:
    surface = pygame.Surface((400, 100), pygame.SRCALPHA)
    drawn = draw_fitted(
        surface, "Tiger", lambda s: RES.font(s), pygame.Rect(0, 0, 400, 100), (0, 0, 0), 20
    )
    assert drawn.height == RES.font(20).get_height()


def test_a_sized_font_renders_lines_exactly_as_tall_as_it_says() -> None:
    for size in (6, 11, 21, 60):
        font = RES.sized_font(size, bold=size % 2 == 0)
        for text in ("x", "Agy", "极危", "Égypte"):
            rendered = font.render(text, True, (0, 0, 0))
            assert rendered.get_height() == font.get_height()
            assert rendered.get_width() <= font.size(text)[0] + 1
