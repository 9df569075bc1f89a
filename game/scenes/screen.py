"""A full screen with a title bar, the player's energy and a back button."""

from __future__ import annotations

import pygame

from game.config import LOGICAL_SIZE
from game.context import GameContext
from game.core.messages import N_
from game.i18n import Translator
from game.scenes.base import Scene
from game.ui import draw, gfx, theme
from game.ui.widgets import Button, ButtonRow

WIDTH, HEIGHT = LOGICAL_SIZE
HEADER = 84
ARROW_KEYS = (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN)


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
            label = self.tr(self.back_label)
            font = self.ctx.res.font(22, bold=True)
            width = max(120, font.size(label)[0] + 40)
            height = min(HEADER - 16, max(48, font.get_linesize() + 12))
            self.buttons.add(
                Button(
                    pygame.Rect(24, (HEADER - height) // 2, width, height),
                    label,
                    self.back,
                    font,
                    colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
                )
            )

    def back(self) -> None:
        self.ctx.nav.back()

    def controls(self) -> list[pygame.Rect]:
        return [button.rect for button in self.buttons.buttons]

    def first_focus(self) -> Button | None:
        """Where an arrow puts the focus ring when nothing has it: the screen's first choice
        below the header (the header's own buttons when there is none)."""
        enabled = [b for b in self.buttons.buttons if b.enabled]
        return next((b for b in enabled if b.rect.top >= HEADER), enabled[0] if enabled else None)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.buttons.handle_event(event):
            return True
        if (
            event.type == pygame.KEYDOWN
            and event.key in ARROW_KEYS
            and self.buttons.focused is None
        ):  # nothing has the ring yet: an arrow puts it where the screen's choices start
            self.buttons.focused = self.first_focus()
            return self.buttons.focused is not None
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

    def title_box(self) -> pygame.Rect:
        """Where the title goes: between the back button and the energy chip."""
        left = 32
        if self.show_back and self.buttons.buttons:
            left = self.buttons.buttons[0].rect.right + 24
        right = self.energy_chip_rect().left - 16 if self.ctx.save is not None else WIDTH - 32
        return pygame.Rect(left, 4, max(1, right - left), HEADER - 8)

    def draw_header(self, surface: pygame.Surface) -> None:
        box = self.title_box()
        title = self.tr(self.title)
        font = self.ctx.res.fitting_font(34, title, box.width, bold=True)
        lines = draw.wrap(title, font, box.width)
        y = box.centery - len(lines) * font.get_linesize() // 2
        for line in lines:
            draw.text(surface, line, font, theme.WHITE, (box.left, y), box=box)
            y += font.get_linesize()
        if self.ctx.save is not None:
            self.draw_energy_chip(surface, self.energy_chip_rect())

    def _chip_fonts(self) -> tuple[pygame.font.Font, pygame.font.Font]:
        return self.ctx.res.font(30, bold=True), self.ctx.res.font(18)

    def _balance(self) -> int:
        return self.ctx.save.state.balance if self.ctx.save is not None else 0

    def _shown_energy(self) -> int:
        if self.shown_energy is not None:
            return round(self.shown_energy)
        return self.ctx.save.state.balance if self.ctx.save is not None else 0

    def energy_chip_rect(self) -> pygame.Rect:
        """The energy chip, at the right of the header, as wide as its words need."""
        number, words = self._chip_fonts()
        height = 52
        width = (
            height
            + number.size(self.tr.number(max(99_999, self._shown_energy(), self._balance())))[0]
            + words.size(self.tr("green energy"))[0]
            + 40
        )
        return pygame.Rect(WIDTH - 24 - max(306, width), 16, max(306, width), height)

    def draw_energy_chip(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        number, words = self._chip_fonts()
        gfx.rect(
            surface,
            theme.mix(theme.BG_TOP, theme.SHADOW, 0.3),
            rect,
            border_radius=rect.height // 2,
        )
        leaf = pygame.Rect(0, 0, rect.height - 12, rect.height - 12)
        leaf.midleft = (rect.left + 6, rect.centery)
        gfx.ellipse(surface, theme.ENERGY, leaf)
        draw.leaf(surface, leaf.inflate(-14, -14), theme.ENERGY_DARK)
        shown = self._shown_energy()
        draw.text(
            surface,
            self.tr.number(shown),
            number,
            theme.ENERGY,
            (leaf.right + 12, rect.centery),
            "midleft",
        )
        draw.text(
            surface,
            self.tr("green energy"),
            words,
            theme.PANEL_DIM,
            (rect.right - 18, rect.centery),
            "midright",
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        pass
