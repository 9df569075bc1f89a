"""Shown after an unexpected error: a plain message, where the details are, and a way out."""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.scenes.screen import HEIGHT, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.widgets import Button


class CrashScene(ScreenScene):
    title = N_("Something went wrong")
    show_back = False

    def __init__(self, ctx: GameContext, log_path: str) -> None:
        super().__init__(ctx)
        self.log_path = log_path

    def layout(self) -> None:
        super().layout()
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH // 2 - 120, HEIGHT - 150, 240, 64),
                self.tr("Close EcoCards"),
                self.close,
                self.ctx.res.font(24, bold=True),
                colour=theme.DANGER,
                hotkey=pygame.K_RETURN,
            )
        )

    def close(self) -> None:
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    def draw_header(self, surface: pygame.Surface) -> None:
        super().draw_header(surface)

    def draw_body(self, surface: pygame.Surface) -> None:
        box = pygame.Rect(WIDTH // 2 - 420, 140, 840, 380)
        draw.panel(surface, box)
        res = self.ctx.res
        draw.text(
            surface,
            self.tr("EcoCards hit a problem it did not expect."),
            res.font(28, bold=True),
            theme.INK,
            (box.centerx, box.top + 40),
            "midtop",
        )
        message = self.tr(
            "Your cards and energy are safe: everything up to your last action was saved. "
            "Please close the game and start it again. If it happens again, show this screen "
            "to your teacher."
        )
        draw.paragraph(
            surface,
            message,
            res.font(22),
            theme.INK_SOFT,
            box.inflate(-100, 0).move(0, 110).clip(box.inflate(-100, -140)),
        )
        draw.text(
            surface,
            self.tr("Details for grown-ups:"),
            res.font(18, bold=True),
            theme.INK_SOFT,
            (box.left + 50, box.bottom - 90),
        )
        draw.paragraph(
            surface,
            self.log_path,
            res.font(18),
            theme.INK,
            pygame.Rect(box.left + 50, box.bottom - 62, box.width - 100, 60),
        )
