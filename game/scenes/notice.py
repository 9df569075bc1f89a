"""A short notice over the current screen: what happened, in plain sentences, and an OK button.

Used when opening a player repaired a damaged save, so the player (or teacher) knows what was
put back instead of finding a collection silently changed.
"""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.widgets import Button

BOX_W = 840
OK_H = 64
# (heading, lines) sizes tried in turn until everything fits: smaller only when it must be
SIZES = ((28, 19), (26, 18), (22, 18))


class NoticeScene(ScreenScene):
    show_back = False

    def __init__(self, ctx: GameContext, heading: str, lines: list[str]) -> None:
        super().__init__(ctx)
        self.heading = heading
        self.lines = lines

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.ctx.save.meta.name if self.ctx.save else ""

    def layout(self) -> None:
        super().layout()
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH // 2 - 120, HEIGHT - 24 - OK_H, 240, OK_H),
                self.tr("OK"),
                self.back,
                self.ctx.res.font(26, bold=True),
                colour=theme.ENERGY_DARK,
                hotkey=pygame.K_RETURN,
            )
        )

    def box(self) -> pygame.Rect:
        return pygame.Rect(
            WIDTH // 2 - BOX_W // 2, HEADER + 8, BOX_W, HEIGHT - 24 - OK_H - 16 - HEADER - 8
        )

    def _height(self, heading: pygame.font.Font, body: pygame.font.Font, width: int) -> int:
        return (
            draw.paragraph_height(self.heading, heading, width, 0)
            + 20
            + sum(
                draw.paragraph_height(f"• {self.tr(line)}", body, width) + 14 for line in self.lines
            )
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        res, box = self.ctx.res, self.box()
        draw.panel(surface, box)
        inner = box.inflate(-96, -56)
        for heading_size, body_size in SIZES:
            heading, body = res.font(heading_size, bold=True), res.font(body_size)
            if self._height(heading, body, inner.width) <= inner.height:
                break
        y = inner.top
        y += draw.paragraph(surface, self.heading, heading, theme.INK, inner, line_gap=0) + 20
        for line in self.lines:
            room = inner.bottom - y
            lines = (room + 4) // (body.get_linesize() + 4)
            if lines < 1:
                break
            y += 14 + draw.paragraph(
                surface,
                f"• {self.tr(line)}",
                body,
                theme.INK_SOFT,
                pygame.Rect(inner.left, y, inner.width, room),
                max_lines=lines,
            )
