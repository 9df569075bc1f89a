"""A full screen with a title bar, the player's energy and a back button."""

from __future__ import annotations

import pygame

from game.config import LOGICAL_SIZE
from game.context import GameContext
from game.core.messages import N_
from game.i18n import Translator
from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.widgets import Button, ButtonRow

WIDTH, HEIGHT = LOGICAL_SIZE
HEADER = 84


class ScreenScene(Scene):
    title = ""
    back_label = N_("Back")
    show_back = True
    text_entry = False  # a screen where typing "?" types it rather than opening the keys page

    def __init__(self, ctx: GameContext) -> None:
        self.ctx = ctx
        self.buttons = ButtonRow()
        self.shown_energy: float | None = None

    @property
    def tr(self) -> Translator:
        """The words of the language in use now (it can change on the settings screen)."""
        return self.ctx.tr

    def start(self) -> None:
        self.layout()

    def resume(self) -> None:
        self.buttons.hold = 0.0  # time did not pass for it while covered
        self.layout()  # what the buttons show may have changed on the screen above

    def layout(self) -> None:
        """(Re)build the buttons; called on enter and whenever the state they show changes."""
        self.buttons.clear()
        if self.show_back:
            self.buttons.add(
                Button(
                    pygame.Rect(24, 18, 120, 48),
                    self.tr(self.back_label),
                    self.back,
                    self.ctx.res.font(20, bold=True),
                    colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
                )
            )

    def back(self) -> None:
        self.ctx.nav.back()

    def controls(self) -> list[pygame.Rect]:
        return [button.rect for button in self.buttons.buttons]

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.buttons.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and self.show_back:
            self.back()
            return True
        if event.type == pygame.KEYDOWN and event.unicode == "?" and not self.text_entry:
            self.ctx.nav.keys_help()
            return True
        return False

    def update(self, dt: float) -> None:
        self.buttons.update(dt)
        target = self.ctx.save.state.balance if self.ctx.save else 0
        if self.shown_energy is None or self.ctx.config.reduced_motion:
            self.shown_energy = float(target)
        else:  # the energy counter rolls towards its new value
            gap = target - self.shown_energy
            step = max(abs(gap) * min(1.0, dt * 6), 60 * dt)
            self.shown_energy = (
                target if abs(gap) <= step else self.shown_energy + step * (1 if gap > 0 else -1)
            )

    @property
    def animating(self) -> bool:
        target = self.ctx.save.state.balance if self.ctx.save else 0
        return self.shown_energy is not None and self.shown_energy != target

    def draw(self, surface: pygame.Surface) -> None:
        draw.background(surface)
        self.draw_header(surface)
        self.draw_body(surface)
        self.buttons.draw(surface)

    def draw_header(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        x = 168 if self.show_back else 32
        draw.text(
            surface,
            self.tr(self.title),
            res.font(34, bold=True),
            theme.WHITE,
            (x, HEADER // 2),
            "midleft",
        )
        if self.ctx.save is not None:
            self.draw_energy_chip(surface, pygame.Rect(WIDTH - 330, 16, 306, 52))

    def draw_energy_chip(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        res = self.ctx.res
        pygame.draw.rect(
            surface,
            theme.mix(theme.BG_TOP, theme.SHADOW, 0.3),
            rect,
            border_radius=rect.height // 2,
        )
        leaf = pygame.Rect(0, 0, rect.height - 12, rect.height - 12)
        leaf.midleft = (rect.left + 6, rect.centery)
        pygame.draw.ellipse(surface, theme.ENERGY, leaf)
        draw.leaf(surface, leaf.inflate(-14, -14), theme.ENERGY_DARK)
        shown = round(self.shown_energy if self.shown_energy is not None else 0)
        draw.text(
            surface,
            self.tr.number(shown),
            res.font(30, bold=True),
            theme.ENERGY,
            (leaf.right + 12, rect.centery),
            "midleft",
        )
        draw.text(
            surface,
            self.tr("green energy"),
            res.font(16),
            theme.PANEL_DIM,
            (rect.right - 18, rect.centery),
            "midright",
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        pass
