"""Buttons and other small interactive pieces that scenes own and lay out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.ui import draw, theme
from game.ui.theme import Colour

#: After a click, the buttons ignore clicks and hotkeys for this long (seconds of game time):
#: one click is one action, however fast a child clicks or however long a key is held.
HOLD = 0.4
_PRESSES = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.KEYDOWN)


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
    # After a click, how long every button of its row ignores presses (0 for steppers and
    # choices, where each click is meant to count)
    hold: float = HOLD
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
            pygame.draw.rect(
                surface,
                theme.mix(colour, theme.SHADOW, 0.35),
                rect.move(0, 4),
                border_radius=rect.height // 3,
            )
        pygame.draw.rect(surface, colour, rect, border_radius=rect.height // 3)
        text_colour = (
            self.text_colour if self.enabled else theme.mix(self.text_colour, colour, 0.35)
        )
        if self.sublabel and self.sub_font:
            draw.text(
                surface,
                self.label,
                self.font,
                text_colour,
                (rect.centerx, rect.centery + 4),
                "midbottom",
            )
            draw.text(
                surface,
                self.sublabel,
                self.sub_font,
                text_colour,
                (rect.centerx, rect.centery),
                "midtop",
            )
        else:
            draw.text(surface, self.label, self.font, text_colour, rect.center, "center")


class ButtonRow:
    """A set of buttons handled and drawn together."""

    def __init__(self) -> None:
        self.buttons: list[Button] = []
        self.hold = 0.0  # seconds left during which presses are swallowed
        self.held: Button | None = None  # only presses on this button; None: on every button

    def update(self, dt: float) -> None:
        self.hold = max(0.0, self.hold - dt)

    def busy(self, seconds: float = HOLD, button: Button | None = None) -> None:
        """Swallow presses for ``seconds`` (the action just started is still running): on
        ``button`` (where a second click of a double click lands), or on every button."""
        if seconds <= 0:
            return
        self.held = button if self.hold <= 0 or self.held is button else None
        self.hold = max(self.hold, seconds)

    def _swallows(self, event: pygame.event.Event) -> bool:
        if self.hold <= 0 or event.type not in _PRESSES:
            return False
        if event.type == pygame.KEYDOWN:
            held = [self.held] if self.held else self.buttons
            return any(b.hotkey == event.key for b in held)  # Esc and other keys still work
        if self.held is None:
            return True
        return bool(self.held.rect.collidepoint(event.pos))

    def add(self, button: Button) -> Button:
        self.buttons.append(button)
        return button

    def clear(self) -> None:
        self.buttons.clear()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self._swallows(event):
            for button in self.buttons:
                button.pressed = False
            return True
        consumed = False
        for button in self.buttons:
            if button.handle_event(event):
                consumed = True
                if event.type == pygame.MOUSEBUTTONUP or event.type == pygame.KEYDOWN:
                    self.busy(button.hold, button)
                if event.type != pygame.MOUSEMOTION:
                    break
        return consumed

    def draw(self, surface: pygame.Surface) -> None:
        for button in self.buttons:
            button.draw(surface)
