"""Teacher mode, the approval queue: each action a child logged, to approve or decline."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from game.core.vocab import UNIT_AMOUNTS
from game.saves.teacher_mode import Waiting
from game.scenes.screen import HEIGHT, WIDTH
from game.scenes.teacher_base import BODY_TOP, LIST_TOP, REFUSALS, TeacherPage
from game.ui import draw, theme

ROW_H, ROWS = 60, 7


class TeacherQueueScene(TeacherPage):
    tab = "waiting"

    def __init__(self, ctx, teacher) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, teacher)
        self.waiting: list[Waiting] = []
        self.page = 0

    def layout(self) -> None:
        try:
            self.waiting = self.teacher.queue()
        except REFUSALS as exc:
            self.ctx.toast(self.refusal(exc), error=True, seconds=10)
            self.waiting = []
        pages = max(1, (len(self.waiting) + ROWS - 1) // ROWS)
        self.page = min(self.page, pages - 1)
        super().layout()
        if self.waiting:
            top = pygame.Rect(24, BODY_TOP, 220, 50)
            self.small(top, self.tr("Approve all"), self.approve_all, colour=theme.ENERGY_DARK)
            self.small(
                top.move(236, 0), self.tr("Decline all"), self.decline_all, colour=theme.DANGER
            )
        for slot, item in enumerate(self.shown):
            y = LIST_TOP + slot * ROW_H
            self.small(
                pygame.Rect(WIDTH - 24 - 2 * 156, y + 6, 146, ROW_H - 12),
                self.tr("Approve"),
                partial(self.approve, item),
                colour=theme.ENERGY_DARK,
            ).enabled = item.action is not None
            self.small(
                pygame.Rect(WIDTH - 24 - 156, y + 6, 146, ROW_H - 12),
                self.tr("Decline"),
                partial(self.decline, item),
                colour=theme.DANGER,
            )
        if pages > 1:
            bottom = pygame.Rect(WIDTH - 24 - 160, HEIGHT - 62, 160, 48)
            self.small(bottom, self.tr("Next page"), partial(self.turn, 1), hold=0.0).enabled = (
                self.page < pages - 1
            )
            self.small(
                bottom.move(-176, 0), self.tr("Previous page"), partial(self.turn, -1), hold=0.0
            ).enabled = self.page > 0

    @property
    def shown(self) -> list[Waiting]:
        return self.waiting[self.page * ROWS : (self.page + 1) * ROWS]

    def turn(self, step: int) -> None:
        self.page += step
        self.layout()

    def approve(self, item: Waiting) -> None:
        self.attempt(lambda: self.teacher.approve(item.student.profile_id, item.entry.seq))

    def decline(self, item: Waiting) -> None:
        self.attempt(lambda: self.teacher.decline(item.student.profile_id, item.entry.seq))

    def approve_all(self) -> None:
        self._all(lambda item: self.teacher.approve(item.student.profile_id, item.entry.seq))

    def decline_all(self) -> None:
        self._all(lambda item: self.teacher.decline(item.student.profile_id, item.entry.seq))

    def _all(self, act: Callable[[Waiting], object]) -> None:
        """Every waiting action; one that is refused (a cap used up, a child playing) stays."""
        done, refusals = 0, []
        for item in list(self.waiting):
            try:
                act(item)
                done += 1
            except REFUSALS as exc:
                refusals.append(self.refusal(exc))
        message = self.tr.plural(done, "{count} action done.", "{count} actions done.")
        if refusals:
            message += " " + self.tr.plural(
                len(refusals),
                "{count} stays waiting: {why}",
                "{count} stay waiting: {why}",
                why=refusals[0],
            )
        self.ctx.toast(message, error=bool(refusals), seconds=6)
        self.layout()

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        self.draw_list_heading(
            surface,
            self.tr.plural(len(self.waiting), "{count} action waiting", "{count} actions waiting"),
            None if self.waiting else self.tr("Nothing is waiting for you."),
        )
        for slot, item in enumerate(self.shown):
            row = pygame.Rect(24, LIST_TOP + slot * ROW_H, WIDTH - 48, ROW_H - 6)
            draw.panel(surface, row)
            name_font = res.fitting_font(22, item.student.name, 240, bold=True)
            rect = draw.text(
                surface,
                draw.clip(item.student.name, name_font, 240),
                name_font,
                theme.INK,
                (row.left + 16, row.centery),
                "midleft",
            )
            if item.action is None:
                what = self.tr("an action the decks no longer have")
            else:
                one, other = UNIT_AMOUNTS.get(item.action.unit, ("{count}", "{count}"))
                what = self.tr(
                    "{action}: {amount}, {day}",
                    action=item.action.name.get(self.ctx.lang),
                    amount=self.tr.plural(item.entry.quantity or 0, one, other),
                    day=self.tr.date(item.entry.day),
                )
            font = res.fitting_font(19, what, WIDTH - 2 * 156 - 80 - rect.right)
            draw.text(
                surface,
                draw.clip(what, font, WIDTH - 2 * 156 - 80 - rect.right),
                font,
                theme.INK_SOFT,
                (max(rect.right + 20, 290), row.centery),
                "midleft",
            )
