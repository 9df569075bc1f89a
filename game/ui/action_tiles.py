"""The parts of the log screen that show the class's actions: the grid of action tiles (a button
each, scrolled by rows) and the list of the child's actions waiting for the teacher.

The log screen (game.scenes.log_action) owns what is chosen and what logging does; these only lay
out and draw, from what they are given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import pygame

from game.core.ledger import LedgerEntry
from game.core.models import Action
from game.core.vocab import UNIT_AMOUNTS, UNIT_NAMES
from game.i18n import Translator
from game.ui import draw, gfx, icons, theme
from game.ui.resources import Resources
from game.ui.widgets import Button

COLUMNS = 3
TILE_W, TILE_H, GAP = 250, 92, 14

CATEGORY_COLOURS = {
    "transport": theme.hex_colour("#3c91e6"),
    "waste": theme.hex_colour("#f2a541"),
    "food": theme.hex_colour("#e5625e"),
    "energy": theme.hex_colour("#9b5de5"),
    "water": theme.hex_colour("#00a6a6"),
    "shopping": theme.hex_colour("#7cb518"),
}
WAITING_SHOWN = 5  # the newest actions waiting for the teacher that the list shows


class ActionGrid:
    """The actions as tiles in ``COLUMNS`` columns from ``(left, top)``, down to ``bottom``;
    ``scroll`` is the first row shown."""

    def __init__(self, actions: Sequence[Action], *, left: int, top: int, bottom: int) -> None:
        self.actions = list(actions)
        self.left, self.top, self.bottom = left, top, bottom
        self.scroll = 0

    def tile_rect(self, slot: int) -> pygame.Rect:
        row, col = divmod(slot, COLUMNS)
        return pygame.Rect(
            self.left + col * (TILE_W + GAP), self.top + row * (TILE_H + GAP), TILE_W, TILE_H
        )

    def visible_rows(self) -> int:
        return (self.bottom - self.top + 8 - 40) // (TILE_H + GAP)

    def shown(self) -> list[tuple[pygame.Rect, Action]]:
        """The tiles on screen with their actions, in deck order."""
        found = []
        for index, action in enumerate(self.actions):
            rect = self.tile_rect(index - self.scroll * COLUMNS)
            if rect.top < self.top - 8 or rect.bottom > self.bottom - 16:
                continue
            found.append((rect, action))
        return found

    def scroll_by(self, rows: int) -> None:
        """Scroll ``rows`` down (up when negative), never past the first or the last row."""
        total = (len(self.actions) + COLUMNS - 1) // COLUMNS
        self.scroll = max(0, min(max(0, total - self.visible_rows()), self.scroll + rows))

    def buttons(
        self, select: Callable[[Action], None], selected: Action | None, font: pygame.font.Font
    ) -> list[Button]:
        """A button for each tile shown (its drawing is the tile's: see :meth:`draw`)."""
        return [
            Button(
                rect,
                "",
                partial(select, action),
                font,
                colour=theme.ACCENT if action is selected else theme.PANEL,
                hold=0,
            )
            for rect, action in self.shown()
        ]

    def draw(
        self,
        surface: pygame.Surface,
        res: Resources,
        tr: Translator,
        lang: str,
        used_up: Callable[[Action], bool],
    ) -> None:
        """Each tile's picture, name and energy per unit, with a tick when ``used_up`` (nothing
        more to earn from it on the chosen day)."""
        for rect, action in self.shown():
            colour = CATEGORY_COLOURS.get(action.category, theme.ENERGY_DARK)
            badge = pygame.Rect(rect.left + 12, rect.centery - 28, 56, 56)
            gfx.circle(surface, colour, badge.center, 28)
            icons.draw_icon(surface, action.icon, badge.inflate(-18, -18), theme.WHITE)
            name_rect = pygame.Rect(rect.left + 80, rect.top + 10, rect.width - 90, 48)
            draw.paragraph(
                surface,
                action.name.get(lang),
                res.font(17, bold=True),
                theme.INK,
                name_rect,
                line_gap=0,
                max_lines=2,
            )
            per = tr(
                "{g} g per {unit}",
                g=action.energy_g,
                unit=tr(UNIT_NAMES.get(action.unit, action.unit)),
            )
            draw.text(
                surface, per, res.font(15), theme.INK_SOFT, (rect.left + 80, rect.bottom - 26)
            )
            if used_up(action):
                draw.text(
                    surface,
                    "✓",
                    res.font(22, bold=True),
                    theme.ENERGY_DARK,
                    (rect.right - 12, rect.top + 8),
                    "topright",
                )


def draw_waiting(
    surface: pygame.Surface,
    rect: pygame.Rect,
    res: Resources,
    tr: Translator,
    lang: str,
    heading: str,
    pending: Sequence[LedgerEntry],
    actions: dict[str, Action],
) -> None:
    """The child's actions waiting for the teacher (``pending``, oldest first) under
    ``heading``, the newest first."""
    if not pending:
        return
    draw.text(surface, heading, res.font(20, bold=True), theme.ENERGY_DARK, (rect.left, rect.top))
    font = res.font(17)
    for i, entry in enumerate(reversed(pending[-WAITING_SHOWN:])):
        action = actions.get(entry.action_id or "")
        if action is None:
            continue
        one, other = UNIT_AMOUNTS.get(action.unit, ("{count} " + action.unit,) * 2)
        line = tr(
            "{action}: {amount}, {day}",
            action=action.name.get(lang),
            amount=tr.plural(entry.quantity or 0, one, other),
            day=tr.date(entry.day),
        )
        draw.text(
            surface,
            draw.clip(line, font, rect.width),
            font,
            theme.INK_SOFT,
            (rect.left, rect.top + 34 + i * 26),
        )
