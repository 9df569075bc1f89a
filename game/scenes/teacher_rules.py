"""Teacher mode, the class rules: the approval queue, how far back a day may be logged, which
editions are on, the class goal (its name and target), and for each action whether the class
logs it and its daily limit. Each press saves the class's settings at once.

On and off read in words and with a mark (a tick or a cross) as well as by colour, so a teacher
who does not tell green from grey, or a projector that washes colours out, still sees them.
Where things go is measured from the words at the text size in use (teacher_rules_layout); at
large text the actions take several pages, and the class's own settings show on the first.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.core.class_settings import MAX_GOAL_NAME, ClassSettings, cap_bounds, cap_step
from game.core.models import Action
from game.saves.class_errors import ClassFileDamaged
from game.scenes.teacher_base import BODY_TOP, REFUSALS, TeacherPage
from game.scenes.teacher_rules_layout import (
    LEFT,
    RIGHT,
    STEP_W,
    Setting,
    Tiles,
    button_width,
    control_height,
    note_font,
    settings_rows,
    tiles,
)
from game.ui import draw, theme
from game.ui.resources import MIN_TEXT
from game.ui.widgets import Button

ON_MARK, OFF_MARK = "✓", "×"
MAX_BACKDATE = 14
GOAL_STEP_G = 50_000  # the class goal goes up and down by 50 kg
DAYS_W = 100  # the box with the days back


def on_colour() -> theme.Colour:
    return theme.ENERGY_DARK


def off_colour() -> theme.Colour:
    return theme.mix(theme.INK_SOFT, theme.PANEL_DIM, 0.3)


class TeacherRulesScene(TeacherPage):
    tab = "rules"

    def __init__(self, ctx, teacher) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, teacher)
        self.page = 0
        self.settings: ClassSettings | None = None  # as read by the last layout (None: damaged)
        self.rows: list[Setting] = []
        self.tiles: Tiles | None = None
        self.band = pygame.Rect(0, 0, 0, 0)  # the actions' heading, its note and the pager
        self.bands = (self.band, self.band)  # the band on the first page, and on the others
        self.values: list[tuple[pygame.Rect, str]] = []  # the days back and the goal, in boxes

    def switch(self, on: bool, on_text: str, off_text: str) -> str:
        """A switch's label: its state in words, after a tick (on) or a cross (off)."""
        return f"{ON_MARK} {on_text}" if on else f"{OFF_MARK} {off_text}"

    def layout(self) -> None:
        super().layout()
        self.settings, self.values = None, []
        try:
            settings = self.teacher.settings()
        except ClassFileDamaged as exc:  # the game's own rules apply; a change replaces it
            self.ctx.toast(self.refusal(exc), error=True, seconds=10)
            settings = ClassSettings()
        except REFUSALS as exc:  # the folder cannot be read at all: say so, change nothing
            self.ctx.toast(self.refusal(exc), error=True, seconds=10)
            return
        self.settings = settings
        self.measure(settings)
        self.page = min(self.page, self.action_pages() - 1)
        self.band = self.bands[0 if self.page == 0 else 1]
        if self.page == 0:  # the class's own settings show on the first page
            self._general(settings)
            self._goal(settings)
            self._editions(settings)
        self._actions(settings)

    def goal_name(self, settings: ClassSettings) -> str:
        return settings.goal_name or self.tr("Our class forest")

    def goal_value(self, settings: ClassSettings) -> str:
        return self.tr("{amount} kg", amount=self.tr.number(settings.goal_g / 1000))

    def both(self, on_text: str, off_text: str) -> tuple[str, str]:
        """A switch's label when on, and when off (the switch is as wide as the longer)."""
        return self.switch(True, on_text, off_text), self.switch(False, on_text, off_text)

    def edition_labels(self, title: str) -> tuple[str, str]:
        tr = self.tr
        return self.both(tr("{edition}: on", edition=title), tr("{edition}: off", edition=title))

    def measure(self, settings: ClassSettings) -> None:
        """The settings' rows, the band over the actions and the actions' tiles, from the
        words at the text size in use."""
        res, tr = self.ctx.res, self.tr
        switch = button_width(
            res, *self.both(tr("On: actions wait for you"), tr("Off: actions count at once"))
        )
        titles = [e.title.get(self.ctx.lang) for e in self.teacher.content.editions.values()]
        edition_w = max(button_width(res, *self.edition_labels(t)) for t in titles)
        goal = min(button_width(res, self.goal_name(settings), least=160), 380)
        self.rows = settings_rows(
            res,
            [
                (tr("Approval queue"), switch),
                (tr("Days back a child may log"), 2 * STEP_W + 16 + DAYS_W),
                (tr("Class goal"), goal + 8 + self.goal_stepper_w(settings)),
                (tr("Editions"), len(titles) * (edition_w + 8) - 8),
            ],
        )
        heading = res.font(22, bold=True)
        band_h = max(
            heading.get_linesize(),
            control_height(res),
            2 * res.font_px(MIN_TEXT).get_linesize(),
        )
        first = pygame.Rect(
            LEFT, max(r.controls.bottom for r in self.rows) + 10, RIGHT - LEFT, band_h
        )
        later = pygame.Rect(LEFT, BODY_TOP + 6, RIGHT - LEFT, band_h)
        self.bands = (first, later)
        lang = self.ctx.lang
        actions = self.teacher.content.actions.values()
        caps = [
            tr("{amount} g a day", amount=tr.number(bound))
            for action in actions
            for bound in cap_bounds(action)
        ]
        self.tiles = tiles(
            res,
            [a.name.get(lang) for a in actions],
            list(self.both(tr("On"), tr("Off"))),
            caps,
            first.bottom + 6,
            later.bottom + 6,
        )

    def goal_stepper_w(self, settings: ClassSettings) -> int:
        value = self.ctx.res.font(24, bold=True).size(self.goal_value(settings))[0]
        return 2 * STEP_W + 16 + max(104, value + 24)

    def _general(self, settings: ClassSettings) -> None:
        approval, days_row = self.rows[0].controls, self.rows[1].controls
        self.small(
            approval,
            self.switch(
                settings.approval,
                self.tr("On: actions wait for you"),
                self.tr("Off: actions count at once"),
            ),
            partial(self.change, approval=not settings.approval),
            colour=on_colour() if settings.approval else off_colour(),
        )
        days = settings.backdate_days
        back = pygame.Rect(days_row.left, days_row.top, STEP_W, days_row.height)
        self.small(back, "−", partial(self.change, backdate_days=days - 1), hold=0.0).enabled = (
            days > 0
        )
        box = pygame.Rect(back.right + 8, back.top, DAYS_W, back.height)
        self.values.append((box, self.tr.number(days)))
        self.small(
            back.move(STEP_W + 16 + DAYS_W, 0),
            "+",
            partial(self.change, backdate_days=days + 1),
            hold=0.0,
        ).enabled = days < MAX_BACKDATE

    def _goal(self, settings: ClassSettings) -> None:
        row = self.rows[2].controls
        stepper = self.goal_stepper_w(settings)
        name = pygame.Rect(row.left, row.top, row.width - stepper - 8, row.height)
        self.small(
            name,
            self.goal_name(settings),
            self.rename_goal,
            colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
        )
        minus = pygame.Rect(name.right + 8, row.top, STEP_W, row.height)
        self.small(
            minus, "−", partial(self.change, goal_g=settings.goal_g - GOAL_STEP_G), hold=0.0
        ).enabled = settings.goal_g > GOAL_STEP_G
        plus = pygame.Rect(name.right + 8 + stepper - STEP_W, row.top, STEP_W, row.height)
        box = pygame.Rect(minus.right + 8, row.top, plus.left - 8 - minus.right - 8, row.height)
        self.values.append((box, self.goal_value(settings)))
        self.small(plus, "+", partial(self.change, goal_g=settings.goal_g + GOAL_STEP_G), hold=0.0)

    def _editions(self, settings: ClassSettings) -> None:
        row = self.rows[3].controls
        editions = list(self.teacher.content.editions.values())
        titles = [e.title.get(self.ctx.lang) for e in editions]
        width = (row.width - 8 * (len(editions) - 1)) // max(1, len(editions))
        for i, (edition, title) in enumerate(zip(editions, titles, strict=True)):
            chosen = settings.edition_on(edition.id)
            self.small(
                pygame.Rect(row.left + i * (width + 8), row.top, width, row.height),
                self.edition_labels(title)[0 if chosen else 1],
                partial(self.toggle_edition, edition.id),
                colour=on_colour() if chosen else off_colour(),
            )

    def action_pages(self) -> int:
        if self.tiles is None:
            return 1
        return self.tiles.pages(len(self.teacher.content.actions))

    def shown_actions(self) -> list[tuple[pygame.Rect, Action]]:
        """The actions on this page, each with its tile."""
        if self.tiles is None:
            return []
        actions = list(self.teacher.content.actions.values())
        start = self.tiles.first_of(self.page)
        shown = actions[start : start + self.tiles.per_page(self.page)]
        return [(self.tiles.rect(self.page, i), action) for i, action in enumerate(shown)]

    def _actions(self, settings: ClassSettings) -> None:
        assert self.tiles is not None
        grid, allowed = self.tiles, settings.rules().allows
        for tile, action in self.shown_actions():
            on = allowed(action)
            self.buttons.add(
                Button(
                    pygame.Rect(tile.left, tile.top, tile.width, grid.toggle_h),
                    action.name.get(self.ctx.lang),
                    partial(self.toggle_action, action.id),
                    grid.name_font,
                    colour=on_colour() if on else off_colour(),
                    sublabel=self.switch(on, self.tr("On"), self.tr("Off")),
                    sub_font=grid.sub_font,
                    hold=0.0,
                )
            )
            cap, step = settings.cap_of(action), cap_step(action)
            low, high = cap_bounds(action)
            row = pygame.Rect(tile.left, tile.bottom - grid.step_h, grid.step_h, grid.step_h)
            minus = self.small(row, "−", partial(self.set_cap, action, cap - step), hold=0.0)
            minus.enabled = on and cap > low
            plus = self.small(
                row.move(tile.width - grid.step_h, 0),
                "+",
                partial(self.set_cap, action, cap + step),
                hold=0.0,
            )
            plus.enabled = on and cap < high
        pages = self.action_pages()
        if pages > 1:
            res, height = self.ctx.res, control_height(self.ctx.res)
            nxt, prev = self.tr("Next page"), self.tr("Previous page")
            width = button_width(res, nxt, least=150)
            top = self.band.centery - height // 2
            right = pygame.Rect(RIGHT - width, top, width, height)
            self.small(right, nxt, partial(self.turn, 1), hold=0.0).enabled = self.page < pages - 1
            width = button_width(res, prev, least=150)
            self.small(
                pygame.Rect(right.left - 10 - width, top, width, height),
                prev,
                partial(self.turn, -1),
                hold=0.0,
            ).enabled = self.page > 0

    # -- the changes ---------------------------------------------------------------------------

    def current(self) -> ClassSettings:
        """The class's settings as saved now (another PC may have changed them), or the game's
        own when the file is damaged (then the change saved replaces it, kept aside)."""
        try:
            return self.teacher.settings()
        except ClassFileDamaged:
            return ClassSettings()

    def turn(self, step: int) -> None:
        self.page += step
        self.layout()

    def change(self, **values: object) -> None:
        self.attempt(lambda: self.teacher.save_settings(self.current().changed(**values)))

    def set_cap(self, action: Action, cap_g: int) -> None:
        low, high = cap_bounds(action)
        cap = min(high, max(low, cap_g))
        self.attempt(lambda: self.teacher.save_settings(self.current().with_cap(action, cap)))

    def rename_goal(self) -> None:
        settings = self.current()
        self.ctx.nav.ask(
            self.tr(
                "The class goal's name, as the class screen shows it (at most {count} letters):",
                count=MAX_GOAL_NAME,
            ),
            lambda name: self.attempt(
                lambda: self.teacher.save_settings(self.current().with_goal_name(name))
            ),
            initial=settings.goal_name or self.tr("Our class forest"),
        )

    def toggle_edition(self, edition_id: str) -> None:
        off = set(self.current().editions_off)
        off.symmetric_difference_update({edition_id})
        self.change(editions_off=frozenset(off))

    def toggle_action(self, action_id: str) -> None:
        settings: ClassSettings = self.current()
        every = set(self.teacher.content.actions)
        allowed = set(every if settings.allowed_actions is None else settings.allowed_actions)
        allowed.symmetric_difference_update({action_id})
        if not allowed & every:
            self.ctx.toast(self.tr("At least one action must stay on."), error=True)
            return
        self.change(allowed_actions=None if every <= allowed else frozenset(allowed))

    # -- drawing -------------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        font = res.font(22, bold=True)
        if self.page == 0:
            for row in self.rows:
                box = row.label_box
                right = box.left > LEFT  # the right column's labels stand against its controls
                at = (box.right, box.centery) if right else (box.left, box.centery)
                draw.text(
                    surface, row.label, font, theme.WHITE, at, "midright" if right else "midleft"
                )
        band = self.band
        heading = draw.text(
            surface,
            self.tr("Actions the class can log"),
            font,
            theme.WHITE,
            (band.left, band.centery),
            "midleft",
        )
        pager = [b.rect.left for b in self.buttons.buttons if b.rect.colliderect(band)]
        note = self.tr("Press a name to turn it on or off; − and + change its daily limit.")
        room = pygame.Rect(heading.right + 16, band.top, 0, band.height)
        room.width = min(pager, default=RIGHT) - 16 - room.left
        small = note_font(res, note, room.width, room.height)
        height = draw.paragraph_height(note, small, room.width, 0)
        room = pygame.Rect(room.left, room.centery - height // 2, room.width, height)
        draw.paragraph(surface, note, small, theme.PANEL_DIM, room, line_gap=0)
        settings = self.settings
        if settings is None or self.tiles is None:  # told once, in layout
            return
        for box, text in self.values:
            self._value(surface, box, text)
        allowed = settings.rules().allows
        grid = self.tiles
        for tile, action in self.shown_actions():
            cap = settings.cap_of(action)
            box = pygame.Rect(
                tile.left + grid.step_h + 6,
                tile.bottom - grid.step_h,
                tile.width - 2 * grid.step_h - 12,
                grid.step_h,
            )
            changed = cap != action.daily_cap_g
            draw.panel(
                surface,
                box,
                theme.PANEL if allowed(action) else theme.mix(theme.PANEL_DIM, theme.INK_SOFT, 0.4),
                border=theme.ACCENT if changed else None,
            )
            words = self.tr("{amount} g a day", amount=self.tr.number(cap))
            draw.text(surface, words, grid.cap_font, theme.INK, box.center, "center", box=box)

    def _value(self, surface: pygame.Surface, box: pygame.Rect, text: str) -> None:
        draw.panel(surface, box)
        font = self.ctx.res.fitting_font(24, text, box.width - 8, bold=True)
        draw.text(surface, text, font, theme.INK, box.center, "center", box=box)
