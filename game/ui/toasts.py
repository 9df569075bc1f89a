"""Toasts: short messages stacked in the middle of the screen, never over a control.

They go as low as they can (the newest lowest) where they cover none of the screen's controls;
when no place is free, where they cover the least. A toast must never hide the button a child
is about to press (Undo, Reveal, Open album...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.ui import draw, theme
from game.ui.resources import Resources

WRAP = 760  # a toast's longest line, in pixels
GAP = 10  # between two toasts
STEP = 8  # the places tried, from the bottom up


@dataclass
class Placed:
    rect: pygame.Rect
    lines: list[str]
    error: bool


def place(
    messages: Sequence[tuple[str, bool]],
    res: Resources,
    screen: pygame.Rect,
    controls: Sequence[pygame.Rect],
    bottom: int,
) -> list[Placed]:
    """Each of ``messages`` (text, is an error) with its box, oldest first, laid out above
    ``bottom`` and clear of ``controls`` where possible."""
    font = _font(res)
    placed = []
    for text, error in messages:
        lines = draw.wrap(text, font, WRAP)
        width = max(font.size(line)[0] for line in lines) + 40
        height = len(lines) * font.get_linesize() + 20
        placed.append(Placed(pygame.Rect(0, 0, width, height), lines, error))
    if not placed:
        return placed
    size = (
        max(p.rect.width for p in placed),
        sum(p.rect.height for p in placed) + GAP * (len(placed) - 1),
    )
    top = _free_top(size, screen, [c.inflate(8, 8) for c in controls], bottom)
    for p in placed:
        p.rect.midtop = (screen.centerx, top)
        top = p.rect.bottom + GAP
    return placed


def draw_toasts(surface: pygame.Surface, res: Resources, placed: Sequence[Placed]) -> None:
    font = _font(res)
    for p in placed:
        draw.panel(surface, p.rect, theme.DANGER if p.error else theme.INK, radius=14, shadow=4)
        for i, line in enumerate(p.lines):
            top = p.rect.top + 10 + i * font.get_linesize()
            draw.text(surface, line, font, theme.WHITE, (p.rect.centerx, top), "midtop")


def _font(res: Resources) -> pygame.font.Font:
    return res.font(20, bold=True)


def _free_top(
    size: tuple[int, int], screen: pygame.Rect, controls: list[pygame.Rect], bottom: int
) -> int:
    best: tuple[int, int] | None = None
    for y in range(bottom - size[1], screen.top + 7, -STEP):
        rect = pygame.Rect(0, y, *size)
        rect.centerx = screen.centerx
        covered = sum(rect.clip(c).width * rect.clip(c).height for c in controls)
        if covered == 0:
            return y
        if best is None or covered < best[0]:
            best = (covered, y)
    return best[1] if best is not None else bottom - size[1]
