"""Text that always fits its box: it shrinks, then wraps, and never runs past the box.

Every call can report what it drew to a probe (a list), so a test can check that each text of a
card lies inside the box it was given, in every language and at every size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import pygame

from game.ui import gfx
from game.ui import probe as text_probe
from game.ui.draw import latin, wrap
from game.ui.probe import PlacedText, Probe
from game.ui.theme import Colour

__all__ = ["PlacedText", "Probe", "draw_fitted", "fit"]

MIN_SIZE = 6  # below this no font is legible; a box this small is a layout mistake
LINE_GAP = 0.08  # extra space between wrapped lines, as a share of the font size


FontMaker = Callable[[int], "TextFont"]


class TextFont(Protocol):
    """What fitted text needs of a font (``pygame.font.Font`` and ``SizedFont`` both have it)."""

    def set_italic(self, italic: bool, /) -> None: ...
    def get_height(self) -> int: ...
    def size(self, text: str, /) -> tuple[int, int]: ...
    def render(self, text: str, antialias: bool, colour: Colour, /) -> pygame.Surface: ...


def _smaller(size: int) -> int:
    """The next size to try: steps of about 8%, so that few font sizes are ever opened."""
    return max(MIN_SIZE, min(size - 1, round(size * 0.92)))


def _block(font: TextFont, lines: list[str]) -> tuple[int, int, int]:
    """Width, height and line step of ``lines`` set in ``font``."""
    step = font.get_height() + round(font.get_height() * LINE_GAP)
    width = max((font.size(line)[0] for line in lines), default=0)
    return width, step * (len(lines) - 1) + font.get_height(), step


def _break_words(lines: list[str], font: TextFont, width: int) -> list[str]:
    """``lines`` with any line still wider than ``width`` cut between characters."""
    out: list[str] = []
    for line in lines:
        while font.size(line)[0] > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and font.size(line[:cut])[0] > width:
                cut -= 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


def fit(
    content: str,
    make_font: FontMaker,
    box: tuple[int, int],
    size: int,
    *,
    max_lines: int = 1,
    italic: bool = False,
) -> tuple[TextFont, list[str]]:
    """The largest font (``size`` at most) and the lines that set ``content`` inside ``box``.

    The text shrinks and wraps at spaces (or between CJK characters) down to ``MIN_SIZE``; only
    a text that cannot fit even then (one very long word, or a tiny box) is cut between
    characters and set smaller still, so that it never leaves its box."""
    width, height = box
    size = max(1, size)
    while True:
        font = make_font(size)
        font.set_italic(italic)
        try:
            lines = wrap(content, font, width) if max_lines > 1 else [latin(content)]
            if size <= MIN_SIZE and max_lines > 1:
                lines = _break_words(lines, font, width)
            w, h, _ = _block(font, lines)
            if (len(lines) <= max_lines and w <= width and h <= height) or size == 1:
                return font, lines
            if len(lines) == 1 and h <= height and size > MIN_SIZE:
                # one line, only too wide: scale straight down
                size = max(MIN_SIZE, min(_smaller(size), size * width // max(1, w)))
            else:
                size = _smaller(size) if size > MIN_SIZE else size - 1
        finally:
            font.set_italic(False)


def draw_fitted(
    surface: pygame.Surface,
    content: str,
    make_font: FontMaker,
    box: pygame.Rect,
    colour: Colour,
    size: int,
    *,
    max_lines: int = 1,
    align: str = "center",
    valign: str = "center",
    italic: bool = False,
    probe: Probe | None = None,
) -> pygame.Rect:
    """Draw ``content`` inside ``box`` (shrunk and wrapped as needed); returns the drawn area."""
    font, lines = fit(content, make_font, box.size, size, max_lines=max_lines, italic=italic)
    width, height, step = _block(font, lines)
    block = gfx.surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    font.set_italic(italic)
    try:
        for i, line in enumerate(lines):
            rendered = font.render(line, True, colour)
            rect = rendered.get_rect(top=i * step)
            if align == "left":
                rect.left = 0
            elif align == "right":
                rect.right = width
            else:
                rect.centerx = width // 2
            block.blit(rendered, rect)
    finally:
        font.set_italic(False)
    if width > box.width or height > box.height:  # not even the smallest font fits: scale
        scale = min(box.width / max(1, width), box.height / max(1, height))
        block = gfx.smoothscale(block, (max(1, int(width * scale)), max(1, int(height * scale))))
    drawn = block.get_rect()
    drawn.top = {"top": box.top, "bottom": box.bottom - drawn.height}.get(
        valign, box.centery - drawn.height // 2
    )
    if align == "left":
        drawn.left = box.left
    elif align == "right":
        drawn.right = box.right
    else:
        drawn.centerx = box.centerx
    surface.blit(block, drawn)
    size = text_probe.font_size(font)
    if width > box.width or height > box.height:
        size = round(size * min(box.width / max(1, width), box.height / max(1, height)))
    if probe is not None:
        probe.append(PlacedText(content, drawn, pygame.Rect(box), size, id(surface)))
    text_probe.report(surface, content, drawn, box, size)
    return drawn
