"""Buttons and other small interactive pieces that scenes own and lay out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.ui import draw, theme
from game.ui.theme import Colour


@dataclass
class Button:
    rect: pygame.Rect
    label: str
    on_click: Callable[[], None]
    font: pygame.font.Font
    colour: Colour = theme.ENERGY_DARK
    text_colour: Colour = theme.WHITE
    enabled: bool = True
    hotkey: int | None = None
    sublabel: str | None = None
    sub_font: pygame.font.Font | None = None
    hovered: bool = field(default=False, init=False)
    pressed: bool = field(default=False, init=False)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return False
        if not self.enabled:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.rect.collidepoint(event.pos):
                self.pressed = True
                return True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            was_pressed, self.pressed = self.pressed, False
            if was_pressed and self.rect.collidepoint(event.pos):
                self.on_click()
                return True
        elif event.type == pygame.KEYDOWN and self.hotkey is not None and event.key == self.hotkey:
            self.on_click()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        colour = self.colour if self.enabled else theme.mix(self.colour, (150, 150, 150), 0.7)
        if self.enabled and self.hovered:
            colour = theme.mix(colour, theme.WHITE, 0.15)
        rect = self.rect.move(0, 2) if self.pressed else self.rect
        if not self.pressed:
            pygame.draw.rect(surface, theme.mix(colour, theme.SHADOW, 0.35), rect.move(0, 4),
                             border_radius=rect.height // 3)
        pygame.draw.rect(surface, colour, rect, border_radius=rect.height // 3)
        text_colour = self.text_colour if self.enabled else theme.mix(self.text_colour,
                                                                       colour, 0.35)
        if self.sublabel and self.sub_font:
            draw.text(surface, self.label, self.font, text_colour,
                      (rect.centerx, rect.centery + 4), "midbottom")
            draw.text(surface, self.sublabel, self.sub_font, text_colour,
                      (rect.centerx, rect.centery), "midtop")
        else:
            draw.text(surface, self.label, self.font, text_colour, rect.center, "center")


class ButtonRow:
    """A set of buttons handled and drawn together."""

    def __init__(self) -> None:
        self.buttons: list[Button] = []

    def add(self, button: Button) -> Button:
        self.buttons.append(button)
        return button

    def clear(self) -> None:
        self.buttons.clear()

    def handle_event(self, event: pygame.event.Event) -> bool:
        consumed = False
        for button in self.buttons:
            if button.handle_event(event):
                consumed = True
                if event.type != pygame.MOUSEMOTION:
                    break
        return consumed

    def draw(self, surface: pygame.Surface) -> None:
        for button in self.buttons:
            button.draw(surface)
