"""A quiz about the child's own cards: multiple choice, the card beside the question, and the
right answer explained from the card once a choice is made.

The questions are made before the screen opens (``ctx.nav.quiz``); answering is an explicit
action (``ctx.nav.quiz_answer``) that saves the answer for the teacher's report and, for a
right one, the bonus energy (a few a day). The screen only shows what happened.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.context import GameContext
from game.core.ledger import LedgerEntry
from game.core.messages import N_
from game.core.quiz import Question
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.widgets import Button, word_font

CARD_W = 250
LEFT = 32 + CARD_W + 40
CHOICE_H, CHOICE_GAP = 66, 12
CHOICES_TOP = HEADER + 130
RIGHT_COLOUR = theme.hex_colour("#2e9b3f")
KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4)


class QuizScene(ScreenScene):
    title = N_("Quiz")

    def __init__(self, ctx: GameContext, questions: list[Question]) -> None:
        super().__init__(ctx)
        self.questions = questions
        self.index = 0
        self.chosen: int | None = None  # the choice made for the question shown
        self.right = 0
        self.earned = 0
        self.bonus: LedgerEntry | None = None

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    def prompt_fonts(self) -> tuple[pygame.font.Font, pygame.font.Font]:
        return self.ctx.res.font(20, bold=True), self.ctx.res.font(28, bold=True)

    def choices_top(self) -> int:
        """Below the question, however many lines it takes."""
        if self.finished:
            return CHOICES_TOP
        counter, prompt = self.prompt_fonts()
        words = draw.paragraph_height(self.question.prompt, prompt, WIDTH - LEFT - 32, 0)
        return max(CHOICES_TOP, HEADER + 8 + counter.get_linesize() + 6 + words + 16)

    def choice_height(self) -> int:
        font = self.ctx.res.font(21, bold=True)
        return max(CHOICE_H, 2 * font.get_linesize() + 10)

    def shown_choices(self) -> list[int]:
        """The choices on screen: all of them, or once answered with large text (when the
        explanation would have no room under all four) the right one and the one chosen."""
        every = list(range(len(self.question.choices)))
        if self.chosen is None:
            return every
        res = self.ctx.res
        below = (
            HEIGHT - 16 - (self.choices_top() + len(every) * (self.choice_height() + CHOICE_GAP))
        )
        need = 2 * res.font(24, bold=True).get_linesize() + 3 * res.font(18).get_linesize()
        if below >= need:
            return every
        return sorted({self.question.answer, self.chosen})

    def choice_rect(self, i: int) -> pygame.Rect:
        height = self.choice_height()
        shown = self.shown_choices()
        slot = shown.index(i) if i in shown else i
        return pygame.Rect(
            LEFT, self.choices_top() + slot * (height + CHOICE_GAP), WIDTH - LEFT - 32, height
        )

    def layout(self) -> None:
        super().layout()
        res = self.ctx.res
        if self.finished:
            self.buttons.add(
                Button(
                    pygame.Rect(WIDTH // 2 - 130, HEIGHT - 140, 260, 64),
                    self.tr("Done"),
                    self.back,
                    res.font(26, bold=True),
                    hotkey=pygame.K_RETURN,
                )
            )
            return
        if self.chosen is None:  # once chosen, the choices are drawn as the answer's colours
            for i, _ in enumerate(self.question.choices):
                self.buttons.add(
                    Button(
                        self.choice_rect(i),
                        "",
                        partial(self.choose, i),
                        res.font(20),
                        colour=theme.PANEL,
                        hotkey=KEYS[i] if i < len(KEYS) else None,
                    )
                )
        else:
            last = self.index == len(self.questions) - 1
            label = self.tr("See how I did") if last else self.tr("Next question")
            font = res.font(24, bold=True)
            width = max(280, font.size(label)[0] + 48)
            height = max(60, font.get_linesize() + 16)
            self.buttons.add(
                Button(
                    pygame.Rect(WIDTH - 32 - width, HEIGHT - 20 - height, width, height),
                    label,
                    self.next,
                    font,
                    colour=theme.ACCENT,
                    text_colour=theme.INK,
                    hotkey=pygame.K_RETURN,
                )
            )

    def choice_colour(self, i: int) -> theme.Colour:
        if i == self.question.answer:
            return RIGHT_COLOUR
        if i == self.chosen:
            return theme.DANGER
        return theme.PANEL_DIM

    # -- actions -------------------------------------------------------------------------------

    def choose(self, i: int) -> None:
        if self.chosen is not None or self.finished:
            return
        self.chosen = i
        self.bonus = self.ctx.nav.quiz_answer(self.question, i)
        if i == self.question.answer:
            self.right += 1
            self.ctx.play("log")
        if self.bonus is not None:
            self.earned += self.bonus.amount_g
        self.layout()

    def next(self) -> None:
        self.index += 1
        self.chosen, self.bonus = None, None
        self.layout()

    # -- drawing -------------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.finished:
            self.draw_results(surface)
            return
        tr = self.tr
        question = self.question
        content = self.ctx.content
        assert content is not None
        species = content.species[question.species_id]
        card = self.ctx.cards.front(
            species, content.editions[species.edition], CARD_W, self.ctx.lang
        )
        surface.blit(card, (32, HEADER + 20))
        counter, prompt = self.prompt_fonts()
        draw.text(
            surface,
            tr("Question {n} of {count}", n=self.index + 1, count=len(self.questions)),
            counter,
            theme.PANEL_DIM,
            (LEFT, HEADER + 8),
        )
        top = HEADER + 8 + counter.get_linesize() + 6
        draw.paragraph(
            surface,
            question.prompt,
            prompt,
            theme.WHITE,
            pygame.Rect(LEFT, top, WIDTH - LEFT - 32, self.choices_top() - top),
            line_gap=0,
        )
        if self.chosen is not None:
            self.draw_explanation(surface)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if self.finished:
            return
        font = self.ctx.res.font(21, bold=True)
        for i in self.shown_choices():
            text = self.question.choices[i]
            rect = self.choice_rect(i)
            font = word_font(self.ctx.res, 21, [text], rect.width - 64)
            on_colour = self.chosen is not None and i in (self.chosen, self.question.answer)
            if self.chosen is not None:
                gfx.rect(surface, self.choice_colour(i), rect, border_radius=rect.height // 3)
            colour = theme.WHITE if on_colour else theme.INK
            draw.text(surface, f"{i + 1}", font, colour, (rect.left + 24, rect.centery), "midleft")
            lines = len(draw.wrap(text, font, rect.width - 80))
            height = lines * font.get_linesize()
            draw.paragraph(
                surface,
                text,
                font,
                colour,
                pygame.Rect(rect.left + 60, rect.centery - height // 2, rect.width - 80, height),
                line_gap=0,
            )

    def draw_explanation(self, surface: pygame.Surface) -> None:
        res, tr = self.ctx.res, self.tr
        top = self.choice_rect(self.shown_choices()[-1]).bottom + 18
        good = self.chosen == self.question.answer
        verdict = (
            tr("Right!")
            if good
            else tr("Not quite. The right answer is: {answer}", answer=self.question.right)
        )
        if self.bonus is not None:
            verdict += " " + tr("+{amount} g of green energy!", amount=self.bonus.amount_g)
        top += draw.paragraph(
            surface,
            verdict,
            res.font(24, bold=True),
            theme.ENERGY if good else theme.ACCENT,
            pygame.Rect(LEFT, top, WIDTH - LEFT - 32, HEIGHT - top),
            line_gap=0,
        )
        room = pygame.Rect(LEFT, top + 6, WIDTH - LEFT - 340, HEIGHT - 16 - top - 6)
        for size in (20, 18):  # the whole explanation, a little smaller if it must be
            font = res.font(size)
            if draw.paragraph_height(self.question.explanation, font, room.width, 0) <= room.height:
                break
        draw.paragraph(surface, self.question.explanation, font, theme.WHITE, room, line_gap=0)

    def draw_results(self, surface: pygame.Surface) -> None:
        res, tr = self.ctx.res, self.tr
        box = pygame.Rect(WIDTH // 2 - 400, HEADER + 60, 800, 360)
        draw.panel(surface, box)
        draw.text(
            surface,
            tr("Quiz done!"),
            res.font(40, bold=True),
            theme.INK,
            (box.centerx, box.top + 40),
            "midtop",
        )
        draw.text(
            surface,
            tr.plural(
                len(self.questions),
                "{right} of {count} answer right",
                "{right} of {count} answers right",
                right=self.right,
            ),
            res.font(32, bold=True),
            theme.ENERGY_DARK,
            (box.centerx, box.top + 130),
            "midtop",
        )
        if self.earned:
            line = tr("+{amount} g of green energy!", amount=self.earned)
        elif self.right:
            line = tr("Right answers earn energy a few times a day; come back tomorrow for more.")
        else:
            line = tr("Look at your cards again, then try another quiz!")
        draw.paragraph(
            surface,
            line,
            res.font(24),
            theme.INK_SOFT,
            pygame.Rect(box.left + 60, box.top + 210, box.width - 120, 120),
        )
