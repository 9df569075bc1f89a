"""Drawing helpers: text that wraps in any language, panels, gradients."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Protocol

import pygame

from game.ui import gfx, probe, theme
from game.ui.theme import Colour

# The bundled CJK font draws these as full-width glyphs (and has no subscript two), which
# looks wrong in Latin text; text without any CJK character gets the ASCII look-alikes.
_LATIN_LOOKALIKES = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "₂": "2", "–": "-"}
)


def _has_cjk(content: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in content)


@lru_cache(maxsize=4096)  # the same labels are drawn every frame
def latin(content: str) -> str:
    """``content`` with full-width punctuation swapped for ASCII, unless it is CJK text."""
    return content if _has_cjk(content) else content.translate(_LATIN_LOOKALIKES)


def text(
    surface: pygame.Surface,
    content: str,
    font: pygame.font.Font,
    colour: Colour,
    pos: tuple[int, int],
    anchor: str = "topleft",
    *,
    box: pygame.Rect | None = None,
) -> pygame.Rect:
    """Draw one line of ``content`` with its ``anchor`` point at ``pos``; ``box`` is the room it
    has (for the text probe: the whole surface when not given)."""
    rendered = font.render(latin(content), True, colour)
    rect = rendered.get_rect(**{anchor: pos})
    surface.blit(rendered, rect)
    probe.report(surface, content, rect, box, probe.font_size(font))
    return rect


def clip(content: str, font: pygame.font.Font, width: int) -> str:
    """``content`` shortened with an ellipsis so that it fits in ``width`` pixels."""
    content = latin(content)
    if font.size(content)[0] <= width:
        return content
    probe.report_cut(content)
    dots = "…" if _has_cjk(content) else "..."
    while content and font.size(content + dots)[0] > width:
        content = content[:-1]
    return content.rstrip() + dots


def tail(content: str, font: pygame.font.Font, width: int) -> str:
    """The end of ``content`` that fits in ``width`` pixels (a typed line, scrolled to its end)."""
    content = latin(content)
    while content and font.size(content)[0] > width:
        content = content[1:]
    return content


class Measures(Protocol):
    """A font as far as wrapping needs it: it measures text."""

    def size(self, text: str, /) -> tuple[int, int]: ...


_WRAPPED: dict[tuple[object, ...], tuple[Measures, list[str]]] = {}


def _style(font: Measures) -> object:
    """What else changes how wide a font sets text: italics and bold switched on it."""
    italic, bold = getattr(font, "get_italic", None), getattr(font, "get_bold", None)
    return (
        getattr(font, "style", None),
        italic() if callable(italic) else None,
        bold() if callable(bold) else None,
    )


def wrap(content: str, font: Measures, width: int) -> list[str]:
    """Lines of at most ``width`` pixels; breaks at spaces, or between any two CJK characters.

    Kept once worked out (for that font, width and window scale): screens wrap the same texts
    every frame, and measuring each word took a millisecond and more of a 1920x1080 frame."""
    key = (content, id(font), _style(font), width, gfx.current_scale())
    kept = _WRAPPED.get(key)
    if kept is not None and kept[0] is font:  # (an id can be reused once a font is gone)
        return list(kept[1])
    lines = _wrap(content, font, width)
    if len(_WRAPPED) >= 4096:
        _WRAPPED.clear()
    _WRAPPED[key] = (font, lines)
    return list(lines)


def _wrap(content: str, font: Measures, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in latin(content).split("\n"):
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if line and font.size(candidate.rstrip())[0] > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
            # a web address wider than the line is broken after a "/" or "." (a word is not:
            # text fitted to a box shrinks until its longest word fits)
            while "/" in line and len(line) > 1 and font.size(line.rstrip())[0] > width:
                cut = _longest_start(line, font, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def _longest_start(word: str, font: Measures, width: int) -> int:
    """How many characters of ``word`` fit in ``width`` (one at least), ending after a "/" or
    a "." when there is one in the second half of them."""
    fits = 1
    while fits < len(word) and font.size(word[: fits + 1])[0] <= width:
        fits += 1
    for mark in "/.":
        at = word.rfind(mark, fits // 2, fits)
        if at > 0:
            return at + 1
    return fits


def _tokens(paragraph: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for ch in paragraph:
        if ord(ch) >= 0x2E80 and not _closing(ch):  # CJK: a break is allowed before each char
            if word:
                tokens.append(word)
            word = ch
        elif ch == " ":
            tokens.append(word + " ")
            word = ""
        elif ch == "-" and word:  # a long hyphenated name may break after its hyphen
            tokens.append(word + "-")
            word = ""
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


def _closing(ch: str) -> bool:
    return ch in "，。、；：？！）》」』】…"


def paragraph(
    surface: pygame.Surface,
    content: str,
    font: pygame.font.Font,
    colour: Colour,
    rect: pygame.Rect,
    *,
    line_gap: int = 4,
    max_lines: int | None = None,
) -> int:
    """Draw wrapped text inside ``rect``; returns the height used."""
    y = rect.top
    lines = wrap(content, font, rect.width)
    if max_lines is not None and len(lines) > max_lines:
        probe.report_cut(content)
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".。") + ("…" if _has_cjk(content) else "...")
    drawn: pygame.Rect | None = None
    for line in lines:
        rendered = font.render(line, True, colour)
        placed = rendered.get_rect(topleft=(rect.left, y))
        surface.blit(rendered, placed)
        drawn = placed if drawn is None else drawn.union(placed)
        y += font.get_linesize() + line_gap
    if drawn is not None:
        probe.report(surface, content, drawn, rect, probe.font_size(font))
    return y - rect.top


def paragraph_height(content: str, font: pygame.font.Font, width: int, line_gap: int = 4) -> int:
    """The height :func:`paragraph` takes to draw all of ``content`` in ``width`` pixels."""
    lines = wrap(content, font, width)
    return len(lines) * font.get_linesize() + (len(lines) - 1) * line_gap


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    colour: Colour = theme.PANEL,
    *,
    radius: int = theme.RADIUS,
    shadow: int = 6,
    border: Colour | None = None,
) -> None:
    if shadow:
        shade = gfx.surface((rect.width + shadow * 2, rect.height + shadow * 2), pygame.SRCALPHA)
        gfx.rect(
            shade,
            (0, 0, 0, 60),
            shade.get_rect().inflate(-shadow, -shadow).move(0, shadow // 2),
            border_radius=radius + shadow // 2,
        )
        surface.blit(shade, (rect.left - shadow, rect.top - shadow + 2))
    gfx.rect(surface, colour, rect, border_radius=radius)
    if border:
        gfx.rect(surface, border, rect, width=2, border_radius=radius)
    probe.report_panel(surface, rect)


@lru_cache(maxsize=32)
def _gradient_column(
    height: int, top: Colour, bottom: Colour, bits: int, masks: tuple[int, ...]
) -> pygame.Surface:
    column = pygame.Surface((1, height), 0, bits, masks)  # pixels, not layout units
    for y in range(height):
        column.set_at((0, y), theme.mix(top, bottom, y / max(1, height - 1)))
    return column


def gradient(surface: pygame.Surface, rect: pygame.Rect, top: Colour, bottom: Colour) -> None:
    """A vertical gradient: a cached one-pixel column, stretched straight onto ``surface`` (a
    cached picture of the whole rectangle would hold 8 MB for the screen's background), in the
    surface's own pixels so that it stays smooth at any window size."""
    if rect.width <= 0 or rect.height <= 0:
        return
    bits, masks = surface.get_bitsize(), tuple(surface.get_masks())
    gfx.vertical_gradient(
        surface, rect, lambda height: _gradient_column(height, top, bottom, bits, masks)
    )


def background(surface: pygame.Surface) -> None:
    gradient(surface, surface.get_rect(), theme.BG_TOP, theme.BG_BOTTOM)


def progress_bar(
    surface: pygame.Surface,
    rect: pygame.Rect,
    fraction: float,
    colour: Colour,
    track: Colour = theme.PANEL_DIM,
) -> None:
    gfx.rect(surface, track, rect, border_radius=rect.height // 2)
    fraction = max(0.0, min(1.0, fraction))
    if fraction > 0:
        filled = rect.copy()
        filled.width = max(rect.height, round(rect.width * fraction))
        gfx.rect(surface, colour, filled, border_radius=rect.height // 2)


def leaf(surface: pygame.Surface, rect: pygame.Rect, colour: Colour) -> None:
    """A small leaf, the game's sign for green energy."""
    w, h = rect.size
    points = []
    for i in range(13):  # two arcs meeting at the tips, from bottom-left to top-right
        t = i / 12
        points.append((rect.left + t * w, rect.bottom - t * h - math.sin(t * math.pi) * h * 0.35))
    for i in range(12, -1, -1):
        t = i / 12
        points.append((rect.left + t * w, rect.bottom - t * h + math.sin(t * math.pi) * h * 0.35))
    gfx.polygon(surface, colour, points)
    gfx.aalines(surface, colour, True, points)
    vein = theme.mix(colour, theme.WHITE, 0.5)
    gfx.line(
        surface,
        vein,
        (rect.left + 2, rect.bottom - 2),
        (rect.right - w * 0.25, rect.top + h * 0.25),
        2,
    )
