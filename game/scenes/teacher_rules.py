"""Teacher mode, the class rules: the approval queue, how far back a day may be logged, which
editions are on, the class goal (its name and target), and for each action whether the class
logs it and its daily limit. Each press saves the class's settings at once.

On and off read in words and with a mark (a tick or a cross) as well as by colour, so a teacher
who does not tell green from grey, or a projector that washes colours out, still sees them.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.core.class_settings import MAX_GOAL_NAME, ClassSettings, cap_bounds, cap_step
from game.core.models import Action
from game.saves.class_errors import ClassFileDamaged
from game.scenes.teacher_base import BODY_TOP, REFUSALS, TeacherPage
from game.ui import draw, theme

ON_MARK, OFF_MARK = "✓", "×"
MAX_BACKDATE = 14
GOAL_STEP_G = 50_000  # the class goal goes up and down by 50 kg
RIGHT = 1256  # the right edge of the page's controls
RIGHT_COLUMN = 784  # where the goal and the editions start
STEP_W = 56  # a − or + button
ACTIONS_TOP = BODY_TOP + 176
TILE_W, TILE_H, TILE_GAP, TILE_COLUMNS, TILE_ROWS = 240, 104, 8, 5, 3
ROW_GAP = 14
TOGGLE_H = 56
PER_PAGE = TILE_COLUMNS * TILE_ROWS


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

    def switch(self, on: bool, on_text: str, off_text: str) -> str:
        """A switch's label: its state in words, after a tick (on) or a cross (off)."""
        return f"{ON_MARK} {on_text}" if on else f"{OFF_MARK} {off_text}"

    def layout(self) -> None:
        super().layout()
        self.settings = None
        try:
            settings = self.teacher.settings()
        except ClassFileDamaged as exc:  # the game's own rules apply; a change replaces it
            self.ctx.toast(self.refusal(exc), error=True, seconds=10)
            settings = ClassSettings()
        except REFUSALS as exc:  # the folder cannot be read at all: say so, change nothing
            self.ctx.toast(self.refusal(exc), error=True, seconds=10)
            return
        self.settings = settings
        self._general(settings)
        self._goal(settings)
        self._editions(settings)
        self._actions(settings)

    def _general(self, settings: ClassSettings) -> None:
        self.small(
            pygame.Rect(320, BODY_TOP + 6, 320, 48),
            self.switch(
                settings.approval,
                self.tr("On: actions wait for you"),
                self.tr("Off: actions count at once"),
            ),
            partial(self.change, approval=not settings.approval),
            colour=on_colour() if settings.approval else off_colour(),
        )
        days = settings.backdate_days
        back = pygame.Rect(320, BODY_TOP + 66, STEP_W, 48)
        self.small(back, "−", partial(self.change, backdate_days=days - 1), hold=0.0).enabled = (
            days > 0
        )
        self.small(
            back.move(STEP_W + 116, 0), "+", partial(self.change, backdate_days=days + 1), hold=0.0
        ).enabled = days < MAX_BACKDATE

    def _goal(self, settings: ClassSettings) -> None:
        font = self.ctx.res.font(18, bold=True)
        name = settings.goal_name or self.tr("Our class forest")
        self.small(
            pygame.Rect(RIGHT_COLUMN, BODY_TOP + 6, 232, 48),
            draw.clip(name, font, 232 - 20),
            self.rename_goal,
            colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
        )
        plus = pygame.Rect(RIGHT - STEP_W, BODY_TOP + 6, STEP_W, 48)
        self.small(
            plus.move(-(STEP_W + 116), 0),
            "−",
            partial(self.change, goal_g=settings.goal_g - GOAL_STEP_G),
            hold=0.0,
        ).enabled = settings.goal_g > GOAL_STEP_G
        self.small(plus, "+", partial(self.change, goal_g=settings.goal_g + GOAL_STEP_G), hold=0.0)

    def _editions(self, settings: ClassSettings) -> None:
        editions = list(self.teacher.content.editions.values())
        width = (RIGHT - RIGHT_COLUMN - 8 * (len(editions) - 1)) // max(1, len(editions))
        font = self.ctx.res.font(18, bold=True)
        for i, edition in enumerate(editions):
            chosen = settings.edition_on(edition.id)
            title = edition.title.get(self.ctx.lang)
            label = self.switch(
                chosen,
                self.tr("{edition}: on", edition=title),
                self.tr("{edition}: off", edition=title),
            )
            self.small(
                pygame.Rect(RIGHT_COLUMN + i * (width + 8), BODY_TOP + 66, width, 48),
                draw.clip(label, font, width - 16),
                partial(self.toggle_edition, edition.id),
                colour=on_colour() if chosen else off_colour(),
            )

    def action_pages(self) -> int:
        return max(1, -(-len(self.teacher.content.actions) // PER_PAGE))

    def shown_actions(self) -> list[tuple[pygame.Rect, Action]]:
        """The actions on this page, each with its tile."""
        actions = list(self.teacher.content.actions.values())
        self.page = min(self.page, self.action_pages() - 1)
        shown = actions[self.page * PER_PAGE : (self.page + 1) * PER_PAGE]
        tiles = []
        for i, action in enumerate(shown):
            row, col = divmod(i, TILE_COLUMNS)
            x = 24 + col * (TILE_W + TILE_GAP)
            tiles.append(
                (pygame.Rect(x, ACTIONS_TOP + row * (TILE_H + ROW_GAP), TILE_W, TILE_H), action)
            )
        return tiles

    def _actions(self, settings: ClassSettings) -> None:
        res = self.ctx.res
        allowed = settings.rules().allows
        name_font, sub_font = res.font(18, bold=True), res.font(16, bold=True)
        for tile, action in self.shown_actions():
            on = allowed(action)
            toggle = self.small(
                pygame.Rect(tile.left, tile.top, tile.width, TOGGLE_H),
                draw.clip(action.name.get(self.ctx.lang), name_font, tile.width - 16),
                partial(self.toggle_action, action.id),
                colour=on_colour() if on else off_colour(),
                sublabel=self.switch(on, self.tr("On"), self.tr("Off")),
                sub_font=sub_font,
            )
            toggle.hold = 0.0
            cap, step = settings.cap_of(action), cap_step(action)
            low, high = cap_bounds(action)
            row = pygame.Rect(tile.left, tile.bottom - 44, 44, 44)
            minus = self.small(row, "−", partial(self.set_cap, action, cap - step), hold=0.0)
            minus.enabled = on and cap > low
            plus = self.small(
                row.move(tile.width - 44, 0),
                "+",
                partial(self.set_cap, action, cap + step),
                hold=0.0,
            )
            plus.enabled = on and cap < high
        pages = self.action_pages()
        if pages > 1:
            nxt = pygame.Rect(RIGHT - 150, ACTIONS_TOP - 50, 150, 40)
            self.small(nxt, self.tr("Next page"), partial(self.turn, 1), hold=0.0).enabled = (
                self.page < pages - 1
            )
            self.small(
                nxt.move(-160, 0), self.tr("Previous page"), partial(self.turn, -1), hold=0.0
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
        labels = (
            (24, BODY_TOP + 30, "midleft", self.tr("Approval queue")),
            (24, BODY_TOP + 90, "midleft", self.tr("Days back a child may log")),
            (RIGHT_COLUMN - 16, BODY_TOP + 30, "midright", self.tr("Class goal")),
            (RIGHT_COLUMN - 16, BODY_TOP + 90, "midright", self.tr("Editions")),
        )
        for x, y, anchor, label in labels:
            draw.text(surface, label, font, theme.WHITE, (x, y), anchor)
        heading = draw.text(
            surface,
            self.tr("Actions the class can log"),
            font,
            theme.WHITE,
            (24, ACTIONS_TOP - 30),
            "midleft",
        )
        note = res.font(18)
        right = RIGHT - (320 if self.action_pages() > 1 else 0)
        draw.text(
            surface,
            draw.clip(
                self.tr("Press a name to turn it on or off; − and + change its daily limit."),
                note,
                right - heading.right - 32,
            ),
            note,
            theme.PANEL_DIM,
            (heading.right + 16, ACTIONS_TOP - 30),
            "midleft",
        )
        settings = self.settings
        if settings is None:  # told once, in layout
            return
        self._value(
            surface,
            pygame.Rect(320 + STEP_W + 8, BODY_TOP + 66, 100, 48),
            self.tr.number(settings.backdate_days),
        )
        self._value(
            surface,
            pygame.Rect(RIGHT - STEP_W - 8 - 100 - 4, BODY_TOP + 6, 104, 48),
            self.tr("{amount} kg", amount=self.tr.number(settings.goal_g / 1000)),
        )
        allowed = settings.rules().allows
        small = res.font(18, bold=True)
        for tile, action in self.shown_actions():
            cap = settings.cap_of(action)
            box = pygame.Rect(tile.left + 50, tile.bottom - 44, tile.width - 100, 44)
            changed = cap != action.daily_cap_g
            draw.panel(
                surface,
                box,
                theme.PANEL if allowed(action) else theme.mix(theme.PANEL_DIM, theme.INK_SOFT, 0.4),
                border=theme.ACCENT if changed else None,
            )
            draw.text(
                surface,
                draw.clip(
                    self.tr("{amount} g a day", amount=self.tr.number(cap)), small, box.width - 8
                ),
                small,
                theme.INK,
                box.center,
                "center",
            )

    def _value(self, surface: pygame.Surface, box: pygame.Rect, text: str) -> None:
        draw.panel(surface, box)
        font = self.ctx.res.font(24, bold=True)
        draw.text(
            surface, draw.clip(text, font, box.width - 8), font, theme.INK, box.center, "center"
        )
