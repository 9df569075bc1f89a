"""Teacher mode, the students: add, rename, archive, reset or delete one, import a roster CSV."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pygame

from game.core.classroom import Student
from game.scenes.screen import HEIGHT, WIDTH
from game.scenes.teacher_base import BODY_TOP, LIST_TOP, REFUSALS, TeacherPage
from game.ui import draw, theme

ROW_H, ROWS = 60, 7


class TeacherRosterScene(TeacherPage):
    tab = "students"

    def __init__(self, ctx, teacher) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, teacher)
        self.page = 0
        self.students: list[Student] = []

    def layout(self) -> None:
        self.students = self._read()
        pages = max(1, (len(self.students) + ROWS - 1) // ROWS)
        self.page = min(self.page, pages - 1)
        super().layout()
        top = pygame.Rect(24, BODY_TOP, 230, 50)
        self.small(
            top, self.tr("+ Add a student"), self.add, colour=theme.ACCENT, text_colour=theme.INK
        )
        self.small(top.move(250, 0), self.tr("Import a roster CSV"), self.import_csv)
        for slot, student in enumerate(self.students[self.page * ROWS : (self.page + 1) * ROWS]):
            y = LIST_TOP + slot * ROW_H
            x = WIDTH - 24 - 5 * 136
            actions = [
                (self.tr("Bonus"), self.bonus, theme.ACCENT),
                (self.tr("Rename"), self.rename, theme.ENERGY_DARK),
                (
                    self.tr("Restore") if student.archived else self.tr("Archive"),
                    self.archive,
                    theme.INK_SOFT,
                ),
                (self.tr("Reset"), self.reset, theme.DANGER),
                (self.tr("Delete"), self.delete, theme.DANGER),
            ]
            for i, (label, action, colour) in enumerate(actions):
                self.small(
                    pygame.Rect(x + i * 136, y + 6, 126, ROW_H - 12),
                    label,
                    partial(action, student),
                    colour=colour,
                    text_colour=theme.INK if colour == theme.ACCENT else theme.WHITE,
                )
        if pages > 1:
            bottom = pygame.Rect(WIDTH - 24 - 160, HEIGHT - 62, 160, 48)
            self.small(bottom, self.tr("Next page"), partial(self.turn, 1), hold=0.0).enabled = (
                self.page < pages - 1
            )
            self.small(
                bottom.move(-176, 0), self.tr("Previous page"), partial(self.turn, -1), hold=0.0
            ).enabled = self.page > 0

    def _read(self) -> list[Student]:
        try:
            return self.teacher.students()
        except REFUSALS as exc:  # a damaged roster file: say so, show none
            self.ctx.toast(self.tr.error(exc), error=True, seconds=6)
            return []

    def turn(self, step: int) -> None:
        self.page += step
        self.layout()

    # -- the actions ---------------------------------------------------------------------------

    def add(self) -> None:
        self.ctx.nav.ask(self.tr("The new student's first name or nickname:"), self._add)

    def _add(self, name: str) -> None:
        self.attempt(
            lambda: self.teacher.add_student(name), self.tr("{name} is on the roster.", name=name)
        )

    def import_csv(self) -> None:
        self.ctx.nav.ask(
            self.tr(
                "The path of the roster file (CSV with a 'name' column, and 'group' if you like):"
            ),
            self._import,
        )

    def _import(self, path: str) -> None:
        added: list[Student] = []
        if self.attempt(lambda: added.extend(self.teacher.import_roster(Path(path).expanduser()))):
            self.ctx.toast(
                self.tr.plural(
                    len(added), "{count} student imported.", "{count} students imported."
                ),
                seconds=6,
            )

    def rename(self, student: Student) -> None:
        self.ctx.nav.ask(
            self.tr("A new name for {name}:", name=student.name),
            lambda name: self.attempt(
                lambda: self.teacher.rename_student(student.profile_id, name)
            ),
            initial=student.name,
        )

    def bonus(self, student: Student) -> None:
        self.give_bonus(student.name, [student.profile_id])

    def archive(self, student: Student) -> None:
        self.attempt(lambda: self.teacher.set_archived(student.profile_id, not student.archived))

    def reset(self, student: Student) -> None:
        self.ctx.nav.confirm(
            self.tr(
                "Start {name} again from nothing? Their energy, actions and cards are deleted; "
                "their name stays on the roster.",
                name=student.name,
            ),
            lambda: self.attempt(
                lambda: self.teacher.reset_student(student.profile_id),
                self.tr("{name} starts again from nothing.", name=student.name),
            ),
        )

    def delete(self, student: Student) -> None:
        self.ctx.nav.confirm(
            self.tr("Delete {name} and all their files? This cannot be undone.", name=student.name),
            lambda: self.attempt(
                lambda: self.teacher.delete_student(student.profile_id),
                self.tr("{name} was deleted.", name=student.name),
            ),
        )

    # -- drawing -------------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        self.draw_list_heading(
            surface,
            self.tr.plural(len(self.students), "{count} student", "{count} students"),
            None if self.students else self.tr("No student yet: add one, or import a roster."),
        )
        for slot, student in enumerate(self.students[self.page * ROWS : (self.page + 1) * ROWS]):
            row = pygame.Rect(24, LIST_TOP + slot * ROW_H, WIDTH - 48, ROW_H - 6)
            draw.panel(surface, row)
            extra = [student.group or ""]
            if student.archived:
                extra.append(self.tr("archived"))
            name_font = res.fitting_font(22, student.name, 300, bold=True)
            label = draw.clip(student.name, name_font, 300)
            rect = draw.text(
                surface, label, name_font, theme.INK, (row.left + 16, row.centery), "midleft"
            )
            detail = " · ".join(e for e in extra if e)
            if detail:
                draw.text(
                    surface,
                    draw.clip(detail, res.font(18), 180),
                    res.font(18),
                    theme.INK_SOFT,
                    (rect.right + 16, row.centery),
                    "midleft",
                )
