"""The teacher's PIN: set on first use (typed twice), then asked for to open teacher mode.

Digits come from the keyboard or the keypad on the screen; the PIN shows as dots and is never
drawn, logged or kept after the check. After several wrong PINs the screen says how long to
wait (the wait is kept on disk by game.saves.teacher) and refuses tries until it has passed.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.saves.atomic import CorruptFile
from game.saves.migrations import SaveError
from game.saves.teacher import MAX_PIN, MIN_PIN, PinWait
from game.saves.teacher_mode import TeacherMode
from game.scenes.screen import WIDTH, ScreenScene
from game.scenes.teacher_base import refusal_text
from game.ui import draw, gfx, theme
from game.ui.widgets import Button, fit_font

KEY = 86  # a keypad key's side
PAD_TOP = 300
DOTS_Y = 230


class TeacherPinScene(ScreenScene):
    title = N_("Teacher mode")
    text_entry = True

    def __init__(self, ctx: GameContext, teacher: TeacherMode) -> None:
        super().__init__(ctx)
        self.teacher = teacher
        self.setting = not teacher.pin_is_set()
        self.first: str | None = None  # the new PIN typed once, while setting it
        self.pin = ""
        self.problem = ""
        self.wait = 0.0  # seconds before the next try is allowed

    def start(self) -> None:
        if not self.setting:
            try:
                self.wait = float(self.teacher.wait_seconds())
            except (
                SaveError,
                CorruptFile,
                OSError,
            ) as exc:  # a damaged PIN file: the README says how
                self.problem = refusal_text(self.tr, exc)
        super().start()

    @property
    def prompt(self) -> str:
        if not self.setting:
            return self.tr("Type the teacher's PIN")
        if self.first is None:
            return self.tr("Choose a PIN of {low} to {high} digits", low=MIN_PIN, high=MAX_PIN)
        return self.tr("Type the same PIN again")

    def layout(self) -> None:
        super().layout()
        font = self.ctx.res.font(32, bold=True)
        left = WIDTH // 2 - (3 * KEY + 2 * 14) // 2
        labels = [*"123456789", "erase", "0", "ok"]
        for i, label in enumerate(labels):
            row, col = divmod(i, 3)
            rect = pygame.Rect(
                left + col * (KEY + 14), PAD_TOP + row * (KEY - 10 + 12), KEY, KEY - 10
            )
            if label == "erase":
                button = Button(
                    rect,
                    self.tr("Erase"),
                    self.erase,
                    fit_font(self.ctx.res, 20, self.tr("Erase"), rect),
                    colour=theme.INK_SOFT,
                    hold=0.0,
                )
            elif label == "ok":
                button = Button(
                    rect,
                    self.tr("OK"),
                    self.ok,
                    fit_font(self.ctx.res, 24, self.tr("OK"), rect),
                    colour=theme.ENERGY_DARK,
                )
                button.enabled = self.wait <= 0
            else:
                button = Button(
                    rect,
                    label,
                    partial(self.digit, label),
                    font,
                    colour=theme.PANEL,
                    text_colour=theme.INK,
                    hold=0.0,
                )
            self.buttons.add(button)

    # -- input ---------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            for ch in event.text:
                if ch in "0123456789":
                    self.digit(ch)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.erase()
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.buttons.focused is None:
                self.ok()
                return True
        return super().handle_event(event)

    def digit(self, ch: str) -> None:
        if len(self.pin) < MAX_PIN:
            self.pin += ch
            self.problem = ""

    def erase(self) -> None:
        self.pin = self.pin[:-1]

    def ok(self) -> None:
        pin, self.pin = self.pin, ""
        if self.wait > 0:
            return
        if len(pin) < MIN_PIN:
            self.problem = self.tr("A PIN has at least {count} digits.", count=MIN_PIN)
        elif self.setting:
            self._set(pin)
        else:
            self._unlock(pin)
        self.layout()

    def _set(self, pin: str) -> None:
        if self.first is None:
            self.first = pin
            return
        if pin != self.first:
            self.first = None
            self.problem = self.tr("The two PINs were not the same. Choose a PIN again.")
            return
        try:
            self.teacher.set_first_pin(pin)
        except SaveError as exc:
            self.problem = refusal_text(self.tr, exc)
            self.first = None
            return
        self.ctx.toast(self.tr("The PIN is set. Keep it to yourself."))
        self.ctx.nav.teacher_inside(self.teacher)

    def _unlock(self, pin: str) -> None:
        try:
            right = self.teacher.unlock(pin)
        except PinWait as exc:
            self.wait = float(exc.seconds)
            return
        except (SaveError, CorruptFile, OSError) as exc:
            self.problem = refusal_text(self.tr, exc)
            return
        if right:
            self.ctx.nav.teacher_inside(self.teacher)
            return
        self.problem = self.tr("That is not the PIN.")
        try:
            self.wait = float(self.teacher.wait_seconds())
        except (SaveError, CorruptFile, OSError) as exc:
            self.problem = refusal_text(self.tr, exc)

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.wait > 0:
            self.wait = max(0.0, self.wait - dt)
            if self.wait == 0:
                self.layout()

    # -- drawing -------------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        draw.text(
            surface, self.prompt, res.font(30, bold=True), theme.WHITE, (WIDTH // 2, 130), "midtop"
        )
        box = pygame.Rect(0, 0, 520, 70)
        box.center = (WIDTH // 2, DOTS_Y)
        draw.panel(surface, box, border=theme.ENERGY)
        step = 40
        first = WIDTH // 2 - (len(self.pin) - 1) * step // 2
        for i in range(len(self.pin)):
            gfx.circle(surface, theme.INK, (first + i * step, DOTS_Y), 12)
        if self.wait > 0:
            line = self.tr.plural(
                max(1, round(self.wait + 0.49)),
                "Too many wrong PINs. Wait {count} second.",
                "Too many wrong PINs. Wait {count} seconds.",
            )
        else:
            line = self.problem
        if line:
            draw.text(
                surface,
                line,
                res.font(22, bold=True),
                theme.ACCENT,
                (WIDTH // 2, box.bottom + 10),
                "midtop",
            )
