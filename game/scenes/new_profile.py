"""Make a new profile: type a name (any language; the IME works), press Enter."""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.saves.profiles import MAX_NAME
from game.scenes.screen import WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.widgets import Button


class NewProfileScene(ScreenScene):
    text_entry = True
    title = N_("New player")

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.name = ""
        self.composing = ""  # text the input method is still composing (e.g. pinyin)
        self.caret_time = 0.0
        self.box = pygame.Rect(WIDTH // 2 - 300, 300, 600, 72)

    def start(self) -> None:
        super().start()
        self._typing(True)

    def resume(self) -> None:
        super().resume()
        self._typing(True)

    def pause(self) -> None:
        self._typing(False)

    def stop(self) -> None:
        self._typing(False)

    def _typing(self, on: bool) -> None:
        if on:
            pygame.key.start_text_input()
            pygame.key.set_text_input_rect(self.box)
        else:
            pygame.key.stop_text_input()

    def layout(self) -> None:
        super().layout()
        self.start_button = self.buttons.add(
            Button(
                pygame.Rect(WIDTH // 2 - 140, 420, 280, 64),
                self.tr("Start playing"),
                self.create,
                self.ctx.res.font(26, bold=True),
                colour=theme.ENERGY_DARK,
            )
        )

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            if len(self.name) + len(event.text) <= MAX_NAME:
                self.name += event.text
            self.composing = ""
            return True
        if event.type == pygame.TEXTEDITING:
            self.composing = event.text
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.name = self.name[:-1]
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.create()
                return True
        return super().handle_event(event)

    def create(self) -> None:
        self.ctx.nav.create_profile(self.name)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.caret_time = (self.caret_time + dt) % 1.0
        self.start_button.enabled = bool(self.name.strip())

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        draw.text(
            surface,
            self.tr("What is your name?"),
            res.font(36, bold=True),
            theme.WHITE,
            (WIDTH // 2, 200),
            "midtop",
        )
        draw.text(
            surface,
            self.tr("Your first name or a nickname is enough."),
            res.font(20),
            theme.PANEL_DIM,
            (WIDTH // 2, 252),
            "midtop",
        )
        draw.panel(surface, self.box, border=theme.ENERGY)
        font = res.font(32)
        shown = self.name + self.composing
        rect = draw.text(
            surface, shown, font, theme.INK, (self.box.left + 24, self.box.centery), "midleft"
        )
        if self.composing:
            start = font.size(self.name)[0] + self.box.left + 24
            pygame.draw.line(
                surface, theme.INK_SOFT, (start, rect.bottom), (rect.right, rect.bottom), 2
            )
        if self.caret_time < 0.5:
            x = rect.right + 3 if shown else self.box.left + 24
            pygame.draw.line(
                surface, theme.INK, (x, self.box.top + 16), (x, self.box.bottom - 16), 3
            )
