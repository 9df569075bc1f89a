"""A short notice over the current screen: what happened, in plain sentences, and an OK button.

Used when opening a player repaired a damaged save, so the player (or teacher) knows what was
put back instead of finding a collection silently changed.
"""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.scenes.screen import HEIGHT, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.widgets import Button

BOX = pygame.Rect(WIDTH // 2 - 420, 120, 840, 440)


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
                pygame.Rect(WIDTH // 2 - 120, HEIGHT - 130, 240, 64),
                self.tr("OK"),
                self.back,
                self.ctx.res.font(26, bold=True),
                colour=theme.ENERGY_DARK,
                hotkey=pygame.K_RETURN,
            )
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        draw.panel(surface, BOX)
        draw.text(
            surface,
            self.heading,
            res.font(28, bold=True),
            theme.INK,
            (BOX.centerx, BOX.top + 36),
            "midtop",
        )
        y = BOX.top + 100
        for line in self.lines:
            room = BOX.bottom - 24 - y
            if room < 30:
                break
            y += 14 + draw.paragraph(
                surface,
                f"• {self.tr(line)}",
                res.font(19),
                theme.INK_SOFT,
                pygame.Rect(BOX.left + 48, y, BOX.width - 96, room),
                max_lines=max(1, room // 30),
            )
