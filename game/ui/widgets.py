"""Buttons and other small interactive pieces that scenes own and lay out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.ui import draw, gfx, probe, theme
from game.ui.resources import MIN_TEXT, Resources
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
    colour: Colour | None = None  # None: theme.ENERGY_DARK of the palette in use
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
        base = self.colour or theme.ENERGY_DARK
        colour = base if self.enabled else theme.mix(base, (150, 150, 150), 0.7)
        if self.enabled and self.hovered:
            colour = theme.mix(colour, theme.WHITE, 0.15)
        rect = self.rect.move(0, 2) if self.pressed else self.rect
        if not self.pressed:
            gfx.rect(
                surface,
                theme.mix(colour, theme.SHADOW, 0.35),
                rect.move(0, 4),
                border_radius=rect.height // 3,
            )
        gfx.rect(surface, colour, rect, border_radius=rect.height // 3)
        probe.report_panel(surface, rect)  # what a scene draws on a button stays on it
        text_colour = (
            self.text_colour if self.enabled else theme.mix(self.text_colour, colour, 0.35)
        )
        lines = [(line, self.font) for line in draw.wrap(self.label, self.font, rect.width - PAD)]
        if self.sublabel and self.sub_font:
            lines += [
                (line, self.sub_font)
                for line in draw.wrap(self.sublabel, self.sub_font, rect.width - PAD)
            ]
        y = rect.centery - sum(font.get_linesize() for _, font in lines) // 2
        for line, font in lines:
            draw.text(surface, line, font, text_colour, (rect.centerx, y), "midtop", box=rect)
            y += font.get_linesize()


#: Room left and right of a button's label
PAD = 16


def word_font(res: Resources, size: int, labels: list[str], width: int) -> pygame.font.Font:
    """The largest bold font (``size`` at most) in which each of ``labels`` fits on a button
    ``width`` pixels wide: on one line when a slightly smaller font allows it, else wrapped
    between words (never inside one)."""
    full = res.font(size, bold=True).get_height()
    fonts = []
    for label in labels or [""]:
        whole = res.fitting_font(size, label, width - PAD, bold=True)
        if whole.get_height() >= full * 0.75:
            fonts.append(whole)
            continue
        words = draw.latin(label).split() or [""]
        fonts += [res.fitting_font(size, word, width - PAD, bold=True) for word in words]
    return min(fonts, key=lambda font: font.get_height())


def fit_font(res: Resources, size: int, label: str, rect: pygame.Rect) -> pygame.font.Font:
    """The largest bold font (``size`` at most, MIN_TEXT at least) in which ``label``, wrapped
    between words, fits on a button of ``rect``'s size (for buttons whose size is fixed)."""
    px = max(MIN_TEXT, round(size * res.text_scale))
    while True:
        font = res.font_px(px, bold=True)
        words = draw.latin(label).split() or [""]
        fits = all(font.size(word)[0] <= rect.width - PAD for word in words)
        if px <= MIN_TEXT or (fits and label_height(font, label, rect.width) - 8 <= rect.height):
            return font
        px = max(MIN_TEXT, min(px - 1, round(px * 0.92)))


def label_height(
    font: pygame.font.Font, label: str, width: int, sub: tuple[pygame.font.Font, str] | None = None
) -> int:
    """How tall a button ``width`` pixels wide must be to show all of ``label`` (and the smaller
    second line ``sub``), wrapped, with some room above and below."""
    lines = len(draw.wrap(label, font, width - PAD)) * font.get_linesize()
    if sub is not None:
        lines += len(draw.wrap(sub[1], sub[0], width - PAD)) * sub[0].get_linesize()
    return lines + 12


_ARROWS = {
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
}


class ButtonRow:
    """A set of buttons handled and drawn together, reachable with the keyboard as well.

    Tab and Shift+Tab move a focus ring through the enabled buttons in order; once the ring is
    shown, the arrow keys move it to the nearest button in their direction (an arrow with no
    button that way is left to the scene, which may scroll); Enter or Space presses the button
    with the ring. The ring stays on the same button when the scene lays its buttons out again.
    """

    def __init__(self) -> None:
        self.buttons: list[Button] = []
        self.hold = 0.0  # seconds left during which presses are swallowed
        self.held: Button | None = None  # only presses on this button; None: on every button
        self.focused: Button | None = None  # the button with the focus ring, once keys are used
        self._refocus: tuple[str, tuple[int, int]] | None = None

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
        if self._refocus is not None and self._refocus == _identity(button):
            self.focused, self._refocus = button, None
        return button

    def clear(self) -> None:
        if self.focused is not None:
            self._refocus = _identity(self.focused)
        self.focused = None
        self.buttons.clear()

    def _focusable(self) -> list[Button]:
        return [b for b in self.buttons if b.enabled]

    def move_focus(self, step: int) -> bool:
        """Tab order: the next (or previous) enabled button, round the end."""
        order = self._focusable()
        if not order:
            return False
        if self.focused in order:
            index = (order.index(self.focused) + step) % len(order)
        else:
            index = 0 if step > 0 else len(order) - 1
        self.focused = order[index]
        return True

    def _move_towards(self, dx: int, dy: int) -> bool:
        """The nearest enabled button whose centre lies in the direction (dx, dy)."""
        if self.focused is None:
            return False
        here = self.focused.rect.center
        best: tuple[float, Button] | None = None
        for button in self._focusable():
            if button is self.focused:
                continue
            x, y = button.rect.centerx - here[0], button.rect.centery - here[1]
            along = x * dx + y * dy
            if along <= 0:
                continue
            across = abs(x * dy) + abs(y * dx)
            score = along + 2 * across  # straight ahead beats a little nearer but far aside
            if best is None or score < best[0]:
                best = (score, button)
        if best is None:
            return False
        self.focused = best[1]
        return True

    def _handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_TAB:
            return self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        if event.key in _ARROWS and self.focused is not None:
            return self._move_towards(*_ARROWS[event.key])
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            button = self.focused
            if button is not None and button.enabled and button in self.buttons:
                button.on_click()
                self.busy(button.hold, button)
                return True
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self._swallows(event):
            for button in self.buttons:
                button.pressed = False
            return True
        if event.type == pygame.KEYDOWN and self._handle_key(event):
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
        if self.focused is not None and self.focused in self.buttons:
            draw_focus_ring(surface, self.focused.rect)


def _identity(button: Button) -> tuple[str, tuple[int, int]]:
    return button.label, button.rect.topleft


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A ring that shows on any background: dark outside, bright inside."""
    outer = rect.inflate(12, 12)
    radius = outer.height // 3
    gfx.rect(surface, theme.INK, outer, 5, border_radius=radius)
    gfx.rect(surface, theme.FOCUS, outer.inflate(-4, -4), 3, border_radius=radius)
