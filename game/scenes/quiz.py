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
from game.ui.widgets import Button

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

    def choice_rect(self, i: int) -> pygame.Rect:
        return pygame.Rect(
            LEFT, CHOICES_TOP + i * (CHOICE_H + CHOICE_GAP), WIDTH - LEFT - 32, CHOICE_H
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
            self.buttons.add(
                Button(
                    pygame.Rect(WIDTH - 32 - 280, HEIGHT - 80, 280, 60),
                    self.tr("See how I did") if last else self.tr("Next question"),
                    self.next,
                    res.font(24, bold=True),
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
        res, tr = self.ctx.res, self.tr
        question = self.question
        content = self.ctx.content
        assert content is not None
        species = content.species[question.species_id]
        card = self.ctx.cards.front(
            species, content.editions[species.edition], CARD_W, self.ctx.lang
        )
        surface.blit(card, (32, HEADER + 20))
        draw.text(
            surface,
            tr("Question {n} of {count}", n=self.index + 1, count=len(self.questions)),
            res.font(20, bold=True),
            theme.PANEL_DIM,
            (LEFT, HEADER + 14),
        )
        draw.paragraph(
            surface,
            question.prompt,
            res.font(28, bold=True),
            theme.WHITE,
            pygame.Rect(LEFT, HEADER + 44, WIDTH - LEFT - 32, 80),
            max_lines=2,
        )
        if self.chosen is not None:
            self.draw_explanation(surface)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if self.finished:
            return
        font = self.ctx.res.font(21, bold=True)
        for i, text in enumerate(self.question.choices):
            rect = self.choice_rect(i)
            on_colour = self.chosen is not None and i in (self.chosen, self.question.answer)
            if self.chosen is not None:
                gfx.rect(surface, self.choice_colour(i), rect, border_radius=rect.height // 3)
            colour = theme.WHITE if on_colour else theme.INK
            draw.text(surface, f"{i + 1}", font, colour, (rect.left + 24, rect.centery), "midleft")
            lines = min(2, len(draw.wrap(text, font, rect.width - 80)))
            height = lines * font.get_linesize()
            draw.paragraph(
                surface,
                text,
                font,
                colour,
                pygame.Rect(rect.left + 60, rect.centery - height // 2, rect.width - 80, height),
                line_gap=0,
                max_lines=2,
            )

    def draw_explanation(self, surface: pygame.Surface) -> None:
        res, tr = self.ctx.res, self.tr
        top = self.choice_rect(len(self.question.choices) - 1).bottom + 18
        good = self.chosen == self.question.answer
        verdict = (
            tr("Right!")
            if good
            else tr("Not quite. The right answer is: {answer}", answer=self.question.right)
        )
        if self.bonus is not None:
            verdict += " " + tr("+{amount} g of green energy!", amount=self.bonus.amount_g)
        draw.paragraph(
            surface,
            verdict,
            res.font(24, bold=True),
            theme.ENERGY if good else theme.ACCENT,
            pygame.Rect(LEFT, top, WIDTH - LEFT - 32, 64),
            max_lines=2,
        )
        draw.paragraph(
            surface,
            self.question.explanation,
            res.font(20),
            theme.WHITE,
            pygame.Rect(LEFT, top + 40, WIDTH - LEFT - 340, HEIGHT - top - 50),
            max_lines=3,
        )

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
