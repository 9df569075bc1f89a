"""What text was drawn where: a record that tests read to check that every text fits.

Every text drawing helper (game.ui.draw, fitted text, buttons) reports each text it draws while
a test records with :func:`recording`; outside a recording nothing is kept and reporting costs
one lookup. Each report says which surface the text went on, the box it had to stay in and its
font size, so a test can check boxes, overlaps and the smallest size on any screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class PlacedText:
    """One drawn text: where its pixels went, and the box it had to stay inside."""

    text: str
    drawn: pygame.Rect
    box: pygame.Rect
    size: int = 0  # the font's size in canvas pixels (0: not known)
    surface: int = 0  # id() of the surface drawn on (0: not known)
    cut: bool = False  # shortened with an ellipsis: some of it is not shown
    panel: bool = False  # not a text: a panel (texts that start on it must stay on it)


Probe = list[PlacedText]
_active: ContextVar[Probe | None] = ContextVar("text_probe", default=None)


@contextmanager
def recording() -> Iterator[Probe]:
    """Collect every text drawn inside the ``with`` block."""
    probe: Probe = []
    token = _active.set(probe)
    try:
        yield probe
    finally:
        _active.reset(token)


def font_size(font: object) -> int:
    """The size a font was opened at (pygame fonts and SizedFont both say it)."""
    points = getattr(font, "points", None) or getattr(font, "point_size", None)
    return int(points) if isinstance(points, int) else 0


def report(
    surface: pygame.Surface,
    text: str,
    drawn: pygame.Rect,
    box: pygame.Rect | None = None,
    size: int = 0,
    *,
    cut: bool = False,
) -> None:
    """Tell the recording (if any) that ``text`` was drawn at ``drawn`` and had to stay in
    ``box`` (the whole surface when there is no box of its own)."""
    probe = _active.get()
    if probe is None or not text.strip():
        return
    outer = pygame.Rect(box) if box is not None else surface.get_rect()
    shown = surface.get_clip()  # a scrolled list shows only what is inside its clip
    if not shown.colliderect(drawn):
        return
    if shown != surface.get_rect():
        # a list scrolls up and down: a line half out at its top or foot is fine, a text cut
        # at the side is not
        top, bottom = max(drawn.top, shown.top), min(drawn.bottom, shown.bottom)
        drawn = pygame.Rect(drawn.left, top, drawn.width, bottom - top)
        outer = outer.clip(shown)
    probe.append(PlacedText(text, pygame.Rect(drawn), outer, size, id(surface), cut))


def report_cut(text: str) -> None:
    """Tell the recording (if any) that ``text`` was too long for its room and was shortened."""
    probe = _active.get()
    if probe is not None:
        probe.append(PlacedText(text, pygame.Rect(0, 0, 0, 0), pygame.Rect(0, 0, 0, 0), cut=True))


def report_panel(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """Tell the recording (if any) that a panel was drawn at ``rect``."""
    probe = _active.get()
    if probe is not None:
        box = pygame.Rect(rect)
        probe.append(PlacedText("", box, box, surface=id(surface), panel=True))
