"""What every teacher-mode page shares: the tabs along the top and the way a failure is told.

Each page is its own scene (one per file); the tabs replace one page with another through
``ctx.nav.teacher_inside``. Every change runs in a button's action and goes through
:class:`game.saves.teacher_mode.TeacherMode`, whose refusals are shown as a toast.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import pygame

from game.context import GameContext
from game.core.classroom import TEACHER_BONUS_MAX_G, RosterError
from game.core.economy import RuleError
from game.core.messages import N_, Message, message_of
from game.i18n import Translator
from game.saves.atomic import CorruptFile
from game.saves.migrations import SaveError
from game.saves.teacher_mode import TeacherMode
from game.scenes.screen import HEADER, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.widgets import Button, fit_font

log = logging.getLogger(__name__)

TABS = (
    ("students", N_("Students")),
    ("waiting", N_("Waiting")),
    ("rules", N_("Class rules")),
    ("data", N_("Bonus and data")),
)
TAB_TOP = HEADER + 4
BODY_TOP = TAB_TOP + 70
LIST_TOP = BODY_TOP + 70  # the first row of a page's list
#: what a teacher-mode action may refuse with (each says why in words)
REFUSALS = (SaveError, CorruptFile, RuleError, RosterError, ValueError, OSError)


def refusal_text(tr: Translator, exc: BaseException) -> str:
    """What a refusal says to the teacher, in their language: the words it was raised with
    (a damaged class file says what to do), or for a system error or an English technical one a
    plain sentence, the details going to the log only."""
    if isinstance(message_of(exc), Message):
        return tr.error(exc)
    log.warning("teacher mode: %s: %s", type(exc).__name__, exc)
    if isinstance(exc, OSError | CorruptFile):
        return tr(
            "The class's files could not be read or written. Check that the saves folder "
            "is there and not read-only, then try again."
        )
    return tr("That could not be done. Nothing was changed.")


class TeacherPage(ScreenScene):
    title = N_("Teacher mode")
    back_label = N_("Close")
    tab = ""

    def __init__(self, ctx: GameContext, teacher: TeacherMode) -> None:
        super().__init__(ctx)
        self.teacher = teacher

    def layout(self) -> None:
        super().layout()
        width = (WIDTH - 48 - 3 * 12) // len(TABS)
        for i, (tab, label) in enumerate(TABS):
            chosen = tab == self.tab
            self.buttons.add(
                Button(
                    pygame.Rect(24 + i * (width + 12), TAB_TOP, width, 54),
                    self.tr(label),
                    partial(self.go, tab),
                    fit_font(self.ctx.res, 22, self.tr(label), pygame.Rect(0, 0, width, 54)),
                    colour=theme.ACCENT if chosen else theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
                    text_colour=theme.INK if chosen else theme.WHITE,
                )
            )

    def go(self, tab: str) -> None:
        if tab != self.tab:
            self.ctx.nav.teacher_inside(self.teacher, tab, instead=True)

    def attempt(self, action: Callable[[], object], done: str = "") -> bool:
        """Run a teacher's action; a refusal is a toast and no change."""
        try:
            action()
        except RosterError as exc:
            self.ctx.nav.notice(self.tr("Nothing was imported"), list(exc.problems))
            return False
        except REFUSALS as exc:
            self.ctx.toast(self.refusal(exc), error=True, seconds=6)
            return False
        if done:
            self.ctx.toast(done, seconds=6)
        self.layout()
        return True

    def refusal(self, exc: BaseException) -> str:
        return refusal_text(self.tr, exc)

    def small(
        self, rect: pygame.Rect, label: str, action: Callable[[], None], **kw: object
    ) -> Button:
        return self.buttons.add(
            Button(rect, label, action, fit_font(self.ctx.res, 18, label, rect), **kw)  # type: ignore[arg-type]
        )

    # -- bonus energy: the amount, then the reason, then given --------------------------------

    def give_bonus(self, label: str, profile_ids: list[str]) -> None:
        if not profile_ids:
            self.ctx.toast(self.tr("There is no student to give a bonus to."), error=True)
            return
        self.ctx.nav.ask(
            self.tr(
                "Bonus energy for {who}: how many grams (1 to {most})?",
                who=label,
                most=TEACHER_BONUS_MAX_G,
            ),
            lambda grams: self._bonus_reason(profile_ids, int(grams)),
            digits=True,
        )

    def _bonus_reason(self, profile_ids: list[str], grams: int) -> None:
        self.ctx.nav.ask(
            self.tr("Why? (the reason the children see with the bonus)"),
            lambda reason: self._grant(profile_ids, grams, reason),
        )

    def _grant(self, profile_ids: list[str], grams: int, reason: str) -> None:
        result: list[tuple[list[str], list[str]]] = []
        if not self.attempt(
            lambda: result.append(self.teacher.grant_bonus(profile_ids, grams, reason))
        ):
            return
        granted, busy = result[0]
        message = self.tr.plural(
            len(granted), "Bonus given to {count} student.", "Bonus given to {count} students."
        )
        if busy:
            message += " " + self.tr.plural(
                len(busy),
                "{count} student is playing now: give it again later.",
                "{count} students are playing now: give it again later.",
            )
        self.ctx.toast(message, error=bool(busy), seconds=6)

    def draw_list_heading(self, surface: pygame.Surface, count: str, empty: str | None) -> None:
        """A list page's count at the top right, and ``empty`` (when the list is) in its place."""
        res = self.ctx.res
        draw.text(
            surface,
            count,
            res.font(22, bold=True),
            theme.WHITE,
            (WIDTH - 24, BODY_TOP + 25),
            "midright",
        )
        if empty is not None:
            draw.text(
                surface,
                empty,
                res.font(24, bold=True),
                theme.PANEL_DIM,
                (WIDTH // 2, LIST_TOP + 60),
                "midtop",
            )
