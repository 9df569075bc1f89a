"""Shown after an unexpected error: a plain message, where the details are, and a way out."""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
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
        font = self.ctx.res.font(24, bold=True)
        label = self.tr("Close EcoCards")
        width = max(280, font.size(label)[0] + 48)
        height = max(64, font.get_linesize() + 12)
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH // 2 - width // 2, HEIGHT - 24 - height, width, height),
                label,
                self.close,
                font,
                colour=theme.DANGER,
                hotkey=pygame.K_RETURN,
            )
        )

    def close(self) -> None:
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        close = self.buttons.buttons[0].rect
        box = pygame.Rect(WIDTH // 2 - 440, HEADER + 8, 880, close.top - 16 - HEADER - 8)
        draw.panel(surface, box)
        inner = box.inflate(-80, -48)
        y = inner.top

        def put(words: str, font: pygame.font.Font, colour: theme.Colour, gap: int) -> None:
            nonlocal y
            area = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
            y += draw.paragraph(surface, words, font, colour, area, line_gap=0) + gap

        put(
            self.tr("EcoCards hit a problem it did not expect."),
            res.font(28, bold=True),
            theme.INK,
            16,
        )
        put(
            self.tr(
                "Your cards and energy are safe: everything up to your last action was saved. "
                "Please close the game and start it again. If it happens again, show this screen "
                "to your teacher."
            ),
            res.font(22),
            theme.INK_SOFT,
            16,
        )
        put(self.tr("Details for grown-ups:"), res.font(18, bold=True), theme.INK_SOFT, 4)
        # a path has no spaces to wrap at: it is cut into lines anywhere, and kept as it is
        font, line = res.font(18), ""
        for ch in self.log_path:
            if line and font.size(line + ch)[0] > inner.width:
                draw.text(surface, line, font, theme.INK, (inner.left, y), box=inner)
                y, line = y + font.get_linesize(), ""
            line += ch
        draw.text(surface, line, font, theme.INK, (inner.left, y), box=inner)
