"""Two small dialogs over the current screen: a question with Yes/No, and a line to type.

Both are shown through ``ctx.nav``; the callback they are given runs in the explicit action of
the button (or the Enter key) after the dialog has left, so a callback may show the next dialog.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.context import GameContext
from game.scenes.screen import HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.widgets import Button, label_height

BOX_W = 880
PAD = 48
MAX_ANSWER = 200


class _Dialog(ScreenScene):
    """A panel as tall as its question, its field and its buttons need, in the middle."""

    overlay = True
    show_back = False
    question = ""
    question_size = 26

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.box = pygame.Rect(0, 0, BOX_W, 0)
        self.question_box = pygame.Rect(0, 0, BOX_W - 2 * PAD, 0)

    def question_font(self) -> pygame.font.Font:
        """The question's font: smaller (not under the smallest text) when it is very long."""
        res, size = self.ctx.res, self.question_size
        while True:
            font = res.font(size, bold=True)
            height = draw.paragraph_height(self.question, font, self.question_box.width)
            if height <= HEIGHT // 2 or font.get_height() <= res.font_px(18).get_height():
                return font
            size -= 2

    def middle_height(self) -> int:
        """The room between the question and the buttons (a text field, say)."""
        return 0

    def layout(self) -> None:
        super().layout()
        question = draw.paragraph_height(self.question, self.question_font(), BOX_W - 2 * PAD)
        buttons = self.button_height()
        middle = self.middle_height()
        self.box.height = 36 + question + 24 + (middle + 24 if middle else 0) + buttons + 32
        self.box.center = (WIDTH // 2, HEIGHT // 2)
        self.question_box = pygame.Rect(
            self.box.left + PAD, self.box.top + 36, BOX_W - 2 * PAD, question
        )

    def button_height(self) -> int:
        font = self.ctx.res.font(24, bold=True)
        return max(60, label_height(font, self.tr("Cancel"), 240))

    def draw(self, surface: pygame.Surface) -> None:
        shade = gfx.surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        draw.panel(surface, self.box, border=theme.ACCENT)
        self.draw_body(surface)
        self.buttons.draw(surface)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()
            return True
        return super().handle_event(event)

    def button(self, x: int, label: str, action: Callable[[], None], colour: theme.Colour) -> None:
        self.buttons.add(
            Button(
                pygame.Rect(
                    x, self.box.bottom - 28 - self.button_height(), 240, self.button_height()
                ),
                label,
                action,
                self.ctx.res.font(24, bold=True),
                colour=colour,
            )
        )


class ConfirmScene(_Dialog):
    """A destructive action asked about first: it runs only on "Yes"."""

    def __init__(self, ctx: GameContext, question: str, yes: Callable[[], object]) -> None:
        super().__init__(ctx)
        self.question = question
        self.yes_action = yes

    def layout(self) -> None:
        super().layout()
        self.button(self.box.centerx - 260, self.tr("Cancel"), self.back, theme.ENERGY_DARK)
        self.button(self.box.centerx + 20, self.tr("Yes"), self.yes, theme.DANGER)

    def yes(self) -> None:
        self.ctx.nav.back()
        self.yes_action()

    def draw_body(self, surface: pygame.Surface) -> None:
        draw.paragraph(surface, self.question, self.question_font(), theme.INK, self.question_box)


class AskScene(_Dialog):
    """One line of text (or digits only) typed in; ``answer`` gets it on OK or Enter (an empty
    line only when ``blank_ok``: clearing a field is then an answer)."""

    text_entry = True
    question_size = 24

    def __init__(
        self,
        ctx: GameContext,
        question: str,
        answer: Callable[[str], object],
        *,
        initial: str = "",
        digits: bool = False,
        blank_ok: bool = False,
    ) -> None:
        super().__init__(ctx)
        self.blank_ok = blank_ok
        self.question = question
        self.answer = answer
        self.text = initial
        self.digits = digits
        self.field = pygame.Rect(0, 0, BOX_W - 2 * PAD, 64)

    def middle_height(self) -> int:
        return max(64, self.ctx.res.font(28).get_linesize() + 16)

    def start(self) -> None:
        super().start()
        pygame.key.start_text_input()
        gfx.set_text_input_rect(self.field)

    def stop(self) -> None:
        pygame.key.stop_text_input()

    def layout(self) -> None:
        super().layout()
        self.field = pygame.Rect(
            self.box.left + PAD,
            self.question_box.bottom + 24,
            BOX_W - 2 * PAD,
            self.middle_height(),
        )
        gfx.set_text_input_rect(self.field)
        self.button(self.box.centerx - 260, self.tr("Cancel"), self.back, theme.INK_SOFT)
        self.button(self.box.centerx + 20, self.tr("OK"), self.ok, theme.ENERGY_DARK)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            typed = "".join(ch for ch in event.text if ch.isprintable())
            if self.digits:
                typed = "".join(ch for ch in typed if ch in "0123456789")
            self.text = (self.text + typed)[:MAX_ANSWER]
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.text = self.text[:-1]
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.buttons.focused is None:
                self.ok()
                return True
        return super().handle_event(event)

    def ok(self) -> None:
        if not self.text.strip() and not self.blank_ok:
            return
        self.ctx.nav.back()
        self.answer(self.text.strip())

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        draw.paragraph(surface, self.question, self.question_font(), theme.INK, self.question_box)
        gfx.rect(surface, theme.WHITE, self.field, border_radius=12)
        gfx.rect(surface, theme.ENERGY_DARK, self.field, 3, border_radius=12)
        font = res.font(28)
        shown = draw.tail(self.text, font, self.field.width - 40)  # the end, where the caret is
        rect = draw.text(
            surface, shown, font, theme.INK, (self.field.left + 18, self.field.centery), "midleft"
        )
        x = rect.right + 3 if shown else self.field.left + 18
        gfx.line(surface, theme.INK, (x, self.field.top + 14), (x, self.field.bottom - 14), 3)
