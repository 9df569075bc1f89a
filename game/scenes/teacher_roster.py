"""Teacher mode, the students: add, rename, put in a group, archive, reset or delete one, import
a roster CSV (whose optional ``group`` column fills the same field)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import NamedTuple

import pygame

from game.core.classroom import Student
from game.saves.meta import MAX_NAME
from game.scenes.screen import HEIGHT, WIDTH
from game.scenes.teacher_base import BODY_TOP, LIST_TOP, REFUSALS, TeacherPage
from game.ui import draw, theme
from game.ui.resources import MIN_TEXT
from game.ui.widgets import PAD

ROW_H, ROWS = 60, 7  # a row holds a name of two lines at MIN_TEXT
GAP = 10  # between the columns of a row
PAGER_TOP = HEIGHT - 62


class RosterColumns(NamedTuple):
    """Where a row's parts go, measured from the labels at the text size in use."""

    name: int  # the name's left edge (its width is ``group - GAP - name``)
    group: int
    group_w: int
    tag: int  # the "archived" word
    actions: int
    action_w: int

    @property
    def name_w(self) -> int:
        return self.group - GAP - self.name


class TeacherRosterScene(TeacherPage):
    tab = "students"

    def __init__(self, ctx, teacher) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, teacher)
        self.page = 0
        self.students: list[Student] = []
        self.columns = RosterColumns(36, 0, 0, 0, 0, 0)

    def shown(self) -> list[Student]:
        return self.students[self.page * ROWS : (self.page + 1) * ROWS]

    def action_labels(self, archived: bool) -> list[str]:
        archive = self.tr("Restore") if archived else self.tr("Archive")
        return [self.tr("Bonus"), self.tr("Rename"), archive, self.tr("Reset"), self.tr("Delete")]

    def group_label(self, group: str | None) -> str:
        if group:
            return self.tr("Group: {group}", group=group)
        return self.tr("+ Group")

    def measure(self) -> RosterColumns:
        """The row's columns: the five actions at the right, as wide as their longest label;
        the name as wide as the longest shown needs (and at least as wide as two lines of the
        longest name at MIN_TEXT need), then the group's button, as wide as its longest label,
        then the "archived" word."""
        res = self.ctx.res
        font = res.font(18, bold=True)
        labels = [*self.action_labels(False), self.tr("Restore")]
        action_w = max(96, max(font.size(label)[0] for label in labels) + PAD + 4)
        actions = WIDTH - 24 - 8 - 5 * action_w - 4 * 6
        tag_w = res.font(18).size(self.tr("archived"))[0]
        name = 24 + 12
        groups = [None, *(s.group for s in self.shown())]
        wanted = max(font.size(self.group_label(group))[0] for group in groups)
        smallest = res.font_px(MIN_TEXT, bold=True)
        words = [w for s in self.shown() for w in draw.wrap(s.name, smallest, 1)]  # unbreakable
        least = max(smallest.size(w)[0] for w in ["欧" * (MAX_NAME // 2), *words])
        room = actions - 3 * GAP - tag_w - name  # for the name and the group's button
        group_w = max(96, min(wanted + PAD + 4, room - least))
        # the name as wide as the longest shown needs, so that the group stands beside it
        name_font = res.font(22, bold=True)
        longest = max((name_font.size(draw.latin(s.name))[0] for s in self.shown()), default=0)
        name_w = min(room - group_w, max(least, longest))
        group = name + name_w + GAP
        return RosterColumns(name, group, group_w, group + group_w + GAP, actions, action_w)

    def layout(self) -> None:
        self.students = self._read()
        pages = max(1, (len(self.students) + ROWS - 1) // ROWS)
        self.page = min(self.page, pages - 1)
        super().layout()
        font = self.ctx.res.font(18, bold=True)
        add, csv = self.tr("+ Add a student"), self.tr("Import a roster CSV")
        top = pygame.Rect(24, BODY_TOP, max(230, font.size(add)[0] + PAD + 24), 50)
        self.small(top, add, self.add, colour=theme.ACCENT, text_colour=theme.INK)
        width = max(230, font.size(csv)[0] + PAD + 24)
        self.small(pygame.Rect(top.right + 20, BODY_TOP, width, 50), csv, self.import_csv)
        self.columns = cols = self.measure()
        for slot, student in enumerate(self.shown()):
            y = LIST_TOP + slot * ROW_H
            self.small(
                pygame.Rect(cols.group, y + 6, cols.group_w, ROW_H - 12),
                self.group_label(student.group),
                partial(self.group, student),
                colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15)
                if student.group
                else theme.mix(theme.INK_SOFT, theme.PANEL_DIM, 0.3),
            )
            actions = (self.bonus, self.rename, self.archive, self.reset, self.delete)
            colours = (theme.ACCENT, theme.ENERGY_DARK, theme.INK_SOFT, theme.DANGER, theme.DANGER)
            labels = self.action_labels(student.archived)
            for i, (label, action, colour) in enumerate(zip(labels, actions, colours, strict=True)):
                self.small(
                    pygame.Rect(cols.actions + i * (cols.action_w + 6), y + 6, cols.action_w, 48),
                    label,
                    partial(action, student),
                    colour=colour,
                    text_colour=theme.INK if colour == theme.ACCENT else theme.WHITE,
                )
        if pages > 1:
            nxt, prev = self.tr("Next page"), self.tr("Previous page")
            width = max(160, font.size(nxt)[0] + PAD + 24)
            bottom = pygame.Rect(WIDTH - 24 - width, PAGER_TOP, width, 48)
            self.small(bottom, nxt, partial(self.turn, 1), hold=0.0).enabled = self.page < pages - 1
            width = max(160, font.size(prev)[0] + PAD + 24)
            self.small(
                pygame.Rect(bottom.left - 16 - width, PAGER_TOP, width, 48),
                prev,
                partial(self.turn, -1),
                hold=0.0,
            ).enabled = self.page > 0

    def _read(self) -> list[Student]:
        try:
            return self.teacher.students()
        except REFUSALS as exc:  # a damaged roster file: say so, show none
            self.ctx.toast(self.refusal(exc), error=True, seconds=10)
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

    def group(self, student: Student) -> None:
        self.ctx.nav.ask(
            self.tr(
                "{name}'s group (leave it empty for no group):",
                name=student.name,
            ),
            lambda group: self.attempt(
                lambda: self.teacher.set_group(student.profile_id, group or None)
            ),
            initial=student.group or "",
            blank_ok=True,
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
        cols = self.columns
        for slot, student in enumerate(self.shown()):
            row = pygame.Rect(24, LIST_TOP + slot * ROW_H, WIDTH - 48, ROW_H - 6)
            draw.panel(surface, row)
            box = pygame.Rect(cols.name, row.top, cols.name_w, row.height)
            font = self.name_font(student.name, box)
            height = draw.paragraph_height(student.name, font, box.width, 0)
            room = pygame.Rect(box.left, box.centery - height // 2, box.width, height)
            draw.paragraph(surface, student.name, font, theme.INK, room, line_gap=0)
            if student.archived:
                draw.text(
                    surface,
                    self.tr("archived"),
                    res.font(18),
                    theme.INK_SOFT,
                    (cols.tag, row.centery),
                    "midleft",
                )

    def name_font(self, name: str, box: pygame.Rect) -> pygame.font.Font:
        """The largest font (22 times the text size at most, MIN_TEXT at least) in which a
        student's name shows whole in ``box``: on one line, or wrapped onto two."""
        res = self.ctx.res
        px = max(MIN_TEXT, round(22 * res.text_scale))
        while px > MIN_TEXT:
            font = res.font_px(px, bold=True)
            lines = draw.wrap(name, font, box.width)
            if len(lines) * font.get_linesize() <= box.height and all(
                font.size(line)[0] <= box.width for line in lines
            ):
                break
            px = max(MIN_TEXT, min(px - 1, round(px * 0.92)))
        return res.font_px(px, bold=True)
