"""Teacher mode, bonus energy and the class's data: a bonus with a reason to a student, a group
or everyone; data retention (entries older than N months deleted, asked about first); the class
report and certificates written into the saves folder's ``prints/``."""

from __future__ import annotations

from functools import partial

import pygame

from game.core.classroom import Student
from game.reports.class_files import write_class_files
from game.scenes.screen import WIDTH
from game.scenes.teacher_base import BODY_TOP, REFUSALS, TeacherPage
from game.ui import draw, theme

EVERYONE = ""
SECTION_H = 150
CHIP_W, CHIP_H = 190, 46


class TeacherDataScene(TeacherPage):
    tab = "data"

    def layout(self) -> None:
        super().layout()
        try:
            students = self.teacher.students(archived=False)
        except REFUSALS as exc:
            self.ctx.toast(self.refusal(exc), error=True, seconds=10)
            students = []
        groups = sorted({s.group for s in students if s.group}, key=str.casefold)
        targets: list[tuple[str, str | None]] = [(self.tr("Everyone"), None)]
        targets += [(self.tr("Group {group}", group=g), g) for g in groups]
        top = BODY_TOP + 46
        per_row = (WIDTH - 48 + 10) // (CHIP_W + 10)
        for i, (label, target) in enumerate(targets[: per_row * 2]):
            row, col = divmod(i, per_row)
            self.small(
                pygame.Rect(24 + col * (CHIP_W + 10), top + row * (CHIP_H + 10), CHIP_W, CHIP_H),
                label,
                partial(self.bonus, label, target, students),
                colour=theme.ENERGY_DARK,
            )
        y = BODY_TOP + SECTION_H + 70
        self.small(
            pygame.Rect(24, y, 420, 52),
            self.tr("Delete entries older than some months"),
            self.retention,
            colour=theme.DANGER,
        )
        self.small(
            pygame.Rect(24, y + SECTION_H, 420, 52),
            self.tr("Write the class report and certificates"),
            self.report,
            colour=theme.ACCENT,
            text_colour=theme.INK,
        )

    # -- bonus energy --------------------------------------------------------------------------

    def bonus(self, label: str, group: str | None, students: list[Student]) -> None:
        chosen = [s.profile_id for s in students if group is None or s.group == group]
        self.give_bonus(label, chosen)

    # -- data retention ------------------------------------------------------------------------

    def retention(self) -> None:
        self.ctx.nav.ask(
            self.tr("Delete every entry older than how many months?"),
            lambda months: self._confirm_retention(int(months)),
            digits=True,
        )

    def _confirm_retention(self, months: int) -> None:
        if months < 1:
            self.ctx.toast(self.tr("Choose 1 month or more."), error=True)
            return
        self.ctx.nav.confirm(
            self.tr.plural(
                months,
                "Delete every entry older than {count} month, for every student? The cards "
                "and energy stay; the entries are gone for good.",
                "Delete every entry older than {count} months, for every student? The cards "
                "and energy stay; the entries are gone for good.",
            ),
            partial(self._delete_old, months),
        )

    def _delete_old(self, months: int) -> None:
        done: list[dict[str, int]] = []
        if self.attempt(lambda: done.append(self.teacher.delete_old_entries(months))):
            self.ctx.toast(
                self.tr.plural(
                    sum(done[0].values()),
                    "{count} old entry deleted.",
                    "{count} old entries deleted.",
                ),
                seconds=6,
            )

    # -- the report ----------------------------------------------------------------------------

    def report(self) -> None:
        folder = self.ctx.config.saves_dir / "prints"
        written = []

        def write() -> None:
            written.extend(
                write_class_files(
                    self.teacher.klass, self.teacher.content, self.tr, folder, self.ctx.now().date()
                )
            )

        if self.attempt(write):
            self.ctx.toast(
                self.tr(
                    "Saved in {folder}: {files}",
                    folder=str(folder),
                    files=self.tr.join(p.name for p in written),
                ),
                seconds=10,
            )

    # -- drawing -------------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        head, note = res.font(24, bold=True), res.font(18)
        sections = (
            (
                BODY_TOP + 20,
                self.tr("Bonus energy"),
                self.tr("For everyone or a group; a bonus for one student is on their row."),
            ),
            (
                BODY_TOP + SECTION_H + 40,
                self.tr("Data retention"),
                self.tr("Old entries are deleted for good; the cards found stay."),
            ),
            (
                BODY_TOP + 2 * SECTION_H + 40,
                self.tr("Class report"),
                self.tr(
                    "A CSV and a page for any browser, and certificates to print, in the "
                    "saves folder's prints folder."
                ),
            ),
        )
        for i, (y, heading, line) in enumerate(sections):
            rect = draw.text(surface, heading, head, theme.WHITE, (24, y), "midleft")
            if i == 0:  # the group chips fill the row under it: one line beside the heading
                font = res.fitting_font(18, line, WIDTH - rect.right - 44)
                draw.text(surface, line, font, theme.PANEL_DIM, (rect.right + 20, y), "midleft")
                continue
            left = max(rect.right + 20, 24 + 420 + 24)  # right of the buttons under the heading
            width = WIDTH - left - 24
            height = draw.paragraph_height(line, note, width, 0)
            box = pygame.Rect(left, y - min(height, rect.height) // 2, width, height)
            draw.paragraph(surface, line, note, theme.PANEL_DIM, box, line_gap=0)
