"""Teacher mode, the class rules: the approval queue, which actions count, how far back a day
may be logged, and which editions are on. Each press saves the class's settings at once."""

from __future__ import annotations

from functools import partial

import pygame

from game.core.classroom import ClassSettings
from game.scenes.teacher_base import BODY_TOP, REFUSALS, TeacherPage
from game.ui import draw, theme
from game.ui.resources import MIN_TEXT
from game.ui.widgets import label_height

ACTION_W, ACTION_H, ACTION_COLUMNS = 240, 44, 5
ACTIONS_TOP = BODY_TOP + 250
MAX_BACKDATE = 14
GOAL_LEFT = 952
GOAL_STEP_G = 50_000  # the class goal goes up and down by 50 kg


class TeacherRulesScene(TeacherPage):
    tab = "rules"

    def layout(self) -> None:
        super().layout()
        try:
            settings = self.teacher.settings()
        except REFUSALS as exc:  # a damaged settings file: say so, change nothing
            self.ctx.toast(self.tr.error(exc), error=True, seconds=6)
            return
        content = self.teacher.content
        on, off = theme.ENERGY_DARK, theme.mix(theme.INK_SOFT, theme.PANEL_DIM, 0.3)
        row = pygame.Rect(440, BODY_TOP + 6, 300, 48)
        self.small(
            row,
            self.tr("On: actions wait for you")
            if settings.approval
            else self.tr("Off: actions count at once"),
            partial(self.change, approval=not settings.approval),
            colour=on if settings.approval else off,
        )
        back = pygame.Rect(440, BODY_TOP + 66, 60, 48)
        self.small(
            back, "-", partial(self.change, backdate_days=settings.backdate_days - 1), hold=0.0
        ).enabled = settings.backdate_days > 0
        self.small(
            back.move(200, 0),
            "+",
            partial(self.change, backdate_days=settings.backdate_days + 1),
            hold=0.0,
        ).enabled = settings.backdate_days < MAX_BACKDATE
        goal = pygame.Rect(GOAL_LEFT, BODY_TOP + 6, 60, 48)
        self.small(
            goal, "-", partial(self.change, goal_g=settings.goal_g - GOAL_STEP_G), hold=0.0
        ).enabled = settings.goal_g > GOAL_STEP_G
        self.small(
            goal.move(240, 0),
            "+",
            partial(self.change, goal_g=settings.goal_g + GOAL_STEP_G),
            hold=0.0,
        )
        for i, edition in enumerate(content.editions.values()):
            chosen = settings.edition_on(edition.id)
            label = edition.title.get(self.ctx.lang)
            self.small(
                pygame.Rect(440 + i * 260, BODY_TOP + 126, 248, 48),
                self.tr("{edition}: on", edition=label)
                if chosen
                else self.tr("{edition}: off", edition=label),
                partial(self.toggle_edition, edition.id),
                colour=on if chosen else off,
            )
        allowed = settings.rules().allows
        smallest = self.ctx.res.font_px(MIN_TEXT, bold=True)
        lang = self.ctx.lang
        # as tall as the longest name needs at the smallest size: every name shows whole
        height = max(
            [ACTION_H]
            + [label_height(smallest, a.name.get(lang), ACTION_W) for a in content.actions.values()]
        )
        for i, action in enumerate(content.actions.values()):
            row_i, col = divmod(i, ACTION_COLUMNS)
            rect = pygame.Rect(
                24 + col * (ACTION_W + 8), ACTIONS_TOP + row_i * (height + 8), ACTION_W, height
            )
            button = self.small(
                rect,
                action.name.get(lang),
                partial(self.toggle_action, action.id),
                colour=on if allowed(action) else off,
            )
            button.hold = 0.0

    def change(self, **values: object) -> None:
        self.attempt(lambda: self.teacher.save_settings(self.teacher.settings().changed(**values)))

    def toggle_edition(self, edition_id: str) -> None:
        off = set(self.teacher.settings().editions_off)
        off.symmetric_difference_update({edition_id})
        self.change(editions_off=frozenset(off))

    def toggle_action(self, action_id: str) -> None:
        settings: ClassSettings = self.teacher.settings()
        every = set(self.teacher.content.actions)
        allowed = set(every if settings.allowed_actions is None else settings.allowed_actions)
        allowed.symmetric_difference_update({action_id})
        if not allowed & every:
            self.ctx.toast(self.tr("At least one action must stay on."), error=True)
            return
        self.change(allowed_actions=None if every <= allowed else frozenset(allowed))

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        font = res.font(22, bold=True)
        labels = (
            (BODY_TOP + 30, self.tr("Approval queue")),
            (BODY_TOP + 90, self.tr("Days back a child may log")),
            (BODY_TOP + 150, self.tr("Editions")),
            (
                ACTIONS_TOP - 30,
                self.tr("Actions the class can log (press one to turn it on or off)"),
            ),
        )
        for y, label in labels:
            draw.text(surface, label, font, theme.WHITE, (24, y), "midleft")
        try:
            settings = self.teacher.settings()
        except REFUSALS:  # told once, in layout
            return
        days = settings.backdate_days
        draw.text(
            surface,
            self.tr("Class goal"),
            font,
            theme.WHITE,
            (GOAL_LEFT - 16, BODY_TOP + 30),
            "midright",
        )
        goal_box = pygame.Rect(GOAL_LEFT + 68, BODY_TOP + 6, 164, 48)
        draw.panel(surface, goal_box)
        draw.text(
            surface,
            self.tr("{amount} kg", amount=self.tr.number(settings.goal_g / 1000)),
            res.font_within(24, goal_box.height, bold=True),
            theme.INK,
            goal_box.center,
            "center",
        )
        box = pygame.Rect(508, BODY_TOP + 66, 124, 48)
        draw.panel(surface, box)
        draw.text(
            surface,
            self.tr.number(days),
            res.font_within(26, box.height, bold=True),
            theme.INK,
            box.center,
            "center",
        )
