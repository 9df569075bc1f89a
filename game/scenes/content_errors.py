"""Shown when the species decks have errors: every problem, where it is, and what to do."""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.core.problems import Problem, Severity
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, theme


class ContentErrorScene(ScreenScene):
    title = N_("The species decks need fixing")

    def __init__(self, ctx: GameContext, problems: list[Problem], *, startup: bool) -> None:
        super().__init__(ctx)
        self.problems = [p for p in problems if p.severity is Severity.ERROR] + [
            p for p in problems if p.severity is not Severity.ERROR
        ]
        self.startup = startup
        self.show_back = not startup
        self.scroll = 0

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, min(len(self.problems) - 1, self.scroll - event.y * 3))
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_DOWN, pygame.K_UP):
            self.scroll = max(
                0,
                min(
                    len(self.problems) - 1, self.scroll + (1 if event.key == pygame.K_DOWN else -1)
                ),
            )
            return True
        return super().handle_event(event)

    def summary(self) -> str:
        """How many errors and warnings in how many files, in the player's language (the
        terminal and the validator say it in English: game.core.problems.summary)."""
        errors = sum(1 for p in self.problems if p.severity is Severity.ERROR)
        files = len({p.path for p in self.problems})
        plural = self.tr.plural
        return self.tr(
            "{errors}, {warnings} in {files}",
            errors=plural(errors, "{count} error", "{count} errors"),
            warnings=plural(len(self.problems) - errors, "{count} warning", "{count} warnings"),
            files=plural(files, "{count} file", "{count} files"),
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        box = pygame.Rect(32, HEADER + 8, WIDTH - 64, HEIGHT - HEADER - 40)
        draw.panel(surface, box)
        if self.startup:
            intro = self.tr(
                "EcoCards cannot start until these problems in the content files "
                "are fixed. Fix them, save the files, then press F5 to try again."
            )
        else:
            intro = self.tr(
                "The decks were not reloaded: the game keeps the decks it had. Fix "
                "these problems, save, and press F5 again."
            )
        inner = pygame.Rect(box.left + 24, box.top + 18, box.width - 48, box.height - 30)
        y = inner.top
        y += draw.paragraph(surface, intro, res.font(20), theme.INK, inner, line_gap=0) + 6
        head = res.font(20, bold=True)
        draw.text(surface, self.summary(), head, theme.DANGER, (inner.left, y))
        y += head.get_linesize() + 10
        where_font, font = res.font(18, bold=True), res.font(18)
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(box.left, y, box.width, box.bottom - y - 12))
        for problem in self.problems[self.scroll :]:
            colour = theme.DANGER if problem.severity is Severity.ERROR else theme.INK_SOFT
            where = f"{problem.path}:{problem.line}:{problem.col}"
            draw.text(surface, where, where_font, colour, (inner.left, y))
            y += where_font.get_linesize()
            y += draw.paragraph(
                surface,
                f"{problem.severity.value}: {problem.message}",
                font,
                theme.INK,
                pygame.Rect(inner.left + 20, y, inner.width - 20, box.bottom - y),
                line_gap=2,
            )
            y += 10
            if y > box.bottom:
                break
        surface.set_clip(clip)
