"""Log an eco-action: pick it, say how much and which day, and watch the energy grow.

Every rule (caps, the day's total, how far back a day may be) comes from game.core.economy,
under the class's settings: only the actions the teacher allows are listed, and with the
approval queue on, a logged action waits for the teacher (the screen says so) before it counts.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pygame

from game.context import GameContext
from game.core import economy
from game.core.classroom import WAITING_FOR_TEACHER, actions_for, record_action, waiting
from game.core.messages import N_
from game.core.models import Action
from game.core.progress import bonus_reason_text, grant_streak_bonuses
from game.core.vocab import UNIT_AMOUNTS, UNIT_NAMES
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, icons, theme
from game.ui.tween import Tween, ease_out_cubic
from game.ui.widgets import Button

COLUMNS = 3
TILE_W, TILE_H, GAP = 250, 92, 14
GRID_LEFT = 32
PANEL = pygame.Rect(GRID_LEFT + COLUMNS * (TILE_W + GAP) + 18, HEADER + 8, 0, 0)
PANEL.width = WIDTH - PANEL.left - 32
PANEL.height = HEIGHT - PANEL.top - 32

CATEGORY_COLOURS = {
    "transport": theme.hex_colour("#3c91e6"),
    "waste": theme.hex_colour("#f2a541"),
    "food": theme.hex_colour("#e5625e"),
    "energy": theme.hex_colour("#9b5de5"),
    "water": theme.hex_colour("#00a6a6"),
    "shopping": theme.hex_colour("#7cb518"),
}
STEP = {"km": 1.0, "kg": 0.5}
LOGGING = 0.8  # seconds "Log it!" stays disabled after logging, so a double click logs once


class LogActionScene(ScreenScene):
    title = N_("Log an eco-action")

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        assert ctx.content is not None
        self.settings = ctx.class_settings()
        self.rules = self.settings.rules()
        self.actions: list[Action] = actions_for(ctx.content, self.settings)
        self.selected: Action | None = None
        self.quantity = 1.0
        self.days_back = 0
        self.scroll = 0
        self.gain: tuple[int, Tween] | None = None
        self.logging = 0.0  # seconds left before "Log it!" works again

    # -- layout ------------------------------------------------------------------------------

    def tile_rect(self, slot: int) -> pygame.Rect:
        row, col = divmod(slot, COLUMNS)
        return pygame.Rect(
            GRID_LEFT + col * (TILE_W + GAP), HEADER + 8 + row * (TILE_H + GAP), TILE_W, TILE_H
        )

    def visible_rows(self) -> int:
        return (HEIGHT - HEADER - 40) // (TILE_H + GAP)

    def layout(self) -> None:
        super().layout()
        res = self.ctx.res
        for index, action in enumerate(self.actions):
            rect = self.tile_rect(index - self.scroll * COLUMNS)
            if rect.top < HEADER or rect.bottom > HEIGHT - 16:
                continue
            self.buttons.add(
                Button(
                    rect,
                    "",
                    partial(self.select, action),
                    res.font(18),
                    colour=theme.ACCENT if action is self.selected else theme.PANEL,
                    hold=0,
                )
            )
        if self.selected is None:
            return
        p = PANEL
        step_y = p.top + 206
        self.buttons.add(
            Button(
                pygame.Rect(p.left + 24, step_y, 64, 56),
                "−",
                lambda: self.change_quantity(-1),
                res.font(32, bold=True),
                colour=theme.INK_SOFT,
                hotkey=pygame.K_MINUS,
                hold=0,
            )
        )
        self.buttons.add(
            Button(
                pygame.Rect(p.right - 88, step_y, 64, 56),
                "+",
                lambda: self.change_quantity(+1),
                res.font(32, bold=True),
                colour=theme.INK_SOFT,
                hotkey=pygame.K_EQUALS,
                hold=0,
            )
        )
        day_y = p.top + 296
        self.buttons.add(
            Button(
                pygame.Rect(p.left + 24, day_y, 56, 48),
                "←",
                lambda: self.change_day(+1),
                res.font(28, bold=True),
                colour=theme.INK_SOFT,
                enabled=self.days_back < self.max_back,
                hold=0,
            )
        )
        self.buttons.add(
            Button(
                pygame.Rect(p.right - 80, day_y, 56, 48),
                "→",
                lambda: self.change_day(-1),
                res.font(28, bold=True),
                colour=theme.INK_SOFT,
                enabled=self.days_back > 0,
                hold=0,
            )
        )
        gain = economy.preview(self.ctx.state, self.selected, self.quantity, self.day, self.rules)
        self.buttons.add(
            Button(
                pygame.Rect(p.left + 24, p.bottom - 164, p.width - 48, 72),
                self.tr("Log it!"),
                self.log,
                res.font(30, bold=True),
                colour=theme.ENERGY_DARK,
                enabled=gain > 0 and self.logging <= 0,
                hotkey=pygame.K_RETURN,
            )
        )
        undo = economy.undoable(self.ctx.state, self.ctx.now(), self.rules)
        if undo is not None:
            self.buttons.add(
                Button(
                    pygame.Rect(p.left + 24, p.bottom - 76, p.width - 48, 56),
                    self.tr("Undo last (−{amount} g)", amount=undo.amount_g),
                    self.undo,
                    res.font(20, bold=True),
                    colour=theme.mix(theme.DANGER, theme.INK, 0.2),
                )
            )

    @property
    def day(self) -> dt.date:
        return self.ctx.now().date() - dt.timedelta(days=self.days_back)

    @property
    def max_back(self) -> int:
        """How many days back the rules let an action be logged (the date picker's limit)."""
        first, last = economy.loggable_days(self.ctx.now(), self.rules)
        return (last - first).days

    # -- actions -----------------------------------------------------------------------------

    def select(self, action: Action) -> None:
        self.selected = action
        self.quantity = 1.0
        self.layout()

    def change_quantity(self, direction: int) -> None:
        assert self.selected is not None
        step = STEP.get(self.selected.unit, 1.0)
        self.quantity = max(step, min(50.0, self.quantity + direction * step))
        self.layout()

    def change_day(self, direction: int) -> None:
        self.days_back = max(0, min(self.max_back, self.days_back + direction))
        self.layout()

    def log(self) -> None:
        if self.selected is None or self.logging > 0:
            return
        self.logging = LOGGING
        try:
            entry = record_action(
                self.ctx.state,
                self.selected,
                self.quantity,
                day=self.day,
                now=self.ctx.now(),
                settings=self.settings,
            )
        except economy.RuleError as exc:
            self.ctx.toast(self.tr.error(exc), error=True)
            return
        if entry.kind == "pending":
            if self.ctx.record(entry):
                self.ctx.toast(
                    self.tr("Saved! It counts once your teacher has seen it."), seconds=5
                )
            self.layout()
            return
        if self.ctx.record(entry):
            self.gain = (entry.amount_g, Tween(0.0 if self.ctx.config.reduced_motion else 1.4))
            capped = economy.energy_for(self.selected, self.quantity) > entry.amount_g
            message = self.tr("+{amount} g of green energy!", amount=entry.amount_g)
            if capped:
                message += " " + self.tr("(today's limit for this action reached)")
            self.ctx.toast(message)
            for bonus in grant_streak_bonuses(self.ctx.state, self.ctx.now()):
                if self.ctx.record(bonus):
                    self.ctx.toast(
                        self.tr(
                            "{reason}: +{amount} g!",
                            amount=bonus.amount_g,
                            reason=bonus_reason_text(bonus.reason or ""),
                        ),
                        seconds=5,
                    )
            self.ctx.celebrate("log")  # with a new badge's toast and sound, if any
        self.layout()

    def undo(self) -> None:
        try:
            entry = economy.undo_last(self.ctx.state, self.ctx.now(), self.rules)
        except economy.RuleError as exc:
            self.ctx.toast(self.tr.error(exc), error=True)
            return
        if self.ctx.record(entry):
            self.ctx.toast(self.tr("Undone: {amount} g taken back.", amount=-entry.amount_g))
        self.layout()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            rows = (len(self.actions) + COLUMNS - 1) // COLUMNS
            self.scroll = max(0, min(max(0, rows - self.visible_rows()), self.scroll - event.y))
            self.layout()
            return True
        return super().handle_event(event)

    def update(self, dt_s: float) -> None:
        super().update(dt_s)
        if self.logging > 0:
            self.logging = max(0.0, self.logging - dt_s)
            if self.logging == 0:
                self.layout()  # "Log it!" works again
        if self.gain is not None:
            self.gain[1].update(dt_s)
            if self.gain[1].done:
                self.gain = None

    # -- drawing -----------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        return self.gain is not None or super().animating

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self.draw_tiles(surface)
        if self.gain is not None:
            amount, tween = self.gain
            t = ease_out_cubic(tween.t)
            image = self.ctx.res.font(40, bold=True).render(
                self.tr("+{amount} g", amount=amount), True, theme.ENERGY
            )
            image.set_alpha(round(255 * (1 - tween.t)))
            surface.blit(image, image.get_rect(midbottom=(WIDTH - 180, round(150 - 60 * t))))

    def draw_body(self, surface: pygame.Surface) -> None:
        self.draw_panel(surface)

    def draw_tiles(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        for index, action in enumerate(self.actions):
            rect = self.tile_rect(index - self.scroll * COLUMNS)
            if rect.top < HEADER or rect.bottom > HEIGHT - 16:
                continue
            colour = CATEGORY_COLOURS.get(action.category, theme.ENERGY_DARK)
            badge = pygame.Rect(rect.left + 12, rect.centery - 28, 56, 56)
            gfx.circle(surface, colour, badge.center, 28)
            icons.draw_icon(surface, action.icon, badge.inflate(-18, -18), theme.WHITE)
            name_rect = pygame.Rect(rect.left + 80, rect.top + 10, rect.width - 90, 48)
            draw.paragraph(
                surface,
                action.name.get(self.ctx.lang),
                res.font(17, bold=True),
                theme.INK,
                name_rect,
                line_gap=0,
                max_lines=2,
            )
            per = self.tr(
                "{g} g per {unit}",
                g=action.energy_g,
                unit=self.tr(UNIT_NAMES.get(action.unit, action.unit)),
            )
            draw.text(
                surface, per, res.font(15), theme.INK_SOFT, (rect.left + 80, rect.bottom - 26)
            )
            if economy.preview(self.ctx.state, action, 1000, self.day, self.rules) <= 0:
                draw.text(
                    surface,
                    "✓",
                    res.font(22, bold=True),
                    theme.ENERGY_DARK,
                    (rect.right - 12, rect.top + 8),
                    "topright",
                )

    def draw_panel(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        p = PANEL
        draw.panel(surface, p)
        action = self.selected
        if action is None:
            draw.text(
                surface,
                self.tr("What did you do?"),
                res.font(28, bold=True),
                theme.INK,
                (p.centerx, p.top + 40),
                "midtop",
            )
            draw.paragraph(
                surface,
                self.tr(
                    "Choose an action on the left. Each one earns the grams of CO₂e it keeps out "
                    "of the air."
                ),
                res.font(20),
                theme.INK_SOFT,
                pygame.Rect(p.left + 32, p.top + 100, p.width - 64, 200),
            )
            self.draw_waiting(surface, pygame.Rect(p.left + 24, p.top + 240, p.width - 48, 0))
            return
        lang = self.ctx.lang
        used = draw.paragraph(
            surface,
            action.name.get(lang),
            res.font(24, bold=True),
            theme.INK,
            pygame.Rect(p.left + 24, p.top + 16, p.width - 48, 70),
            line_gap=0,
            max_lines=2,
        )
        if action.description:
            max_lines = 2 if used < 50 else 1
            draw.paragraph(
                surface,
                action.description.get(lang),
                res.font(17),
                theme.INK_SOFT,
                pygame.Rect(p.left + 24, p.top + 22 + used, p.width - 48, 80),
                line_gap=0,
                max_lines=max_lines,
            )
        left = economy.cap_left(self.ctx.state, action, self.day, self.rules)
        day_left = economy.day_left(self.ctx.state, self.day, self.rules)
        total = self.rules.daily_total_g
        if day_left <= 0:
            limit = self.tr(
                "This day's green energy is all earned ({total} g). Come back tomorrow!",
                total=total,
            )
        else:
            limit = self.tr(
                "Left for this day: {left} g of {total} g (this action: {action} g)",
                left=day_left,
                total=total,
                action=min(left, day_left),
            )
        draw.text(surface, limit, res.font(15), theme.INK_SOFT, (p.left + 24, p.top + 146))
        draw.progress_bar(
            surface,
            pygame.Rect(p.left + 24, p.top + 172, p.width - 48, 12),
            day_left / total,
            theme.ENERGY_DARK,
        )
        one, other = UNIT_AMOUNTS.get(action.unit, ("{count} " + action.unit,) * 2)
        amount = self.tr.plural(self.quantity, one, other)
        draw.text(
            surface, amount, res.font(32, bold=True), theme.INK, (p.centerx, p.top + 208), "midtop"
        )
        gain = economy.preview(self.ctx.state, action, self.quantity, self.day, self.rules)
        draw.text(
            surface,
            self.tr("= {amount} g", amount=gain),
            res.font(18, bold=True),
            theme.ENERGY_DARK,
            (p.centerx, p.top + 254),
            "midtop",
        )
        day_names = {0: self.tr("Today"), 1: self.tr("Yesterday")}
        day_label = day_names.get(self.days_back) or self.tr.plural(
            self.days_back, "{count} day ago", "{count} days ago"
        )
        draw.text(
            surface,
            day_label,
            res.font(22, bold=True),
            theme.INK,
            (p.centerx, p.top + 320),
            "center",
        )
        source = self.tr("Source: {text}", text=action.source.text)
        draw.paragraph(
            surface,
            source,
            res.font(13),
            theme.INK_SOFT,
            pygame.Rect(p.left + 24, p.top + 364, p.width - 48, 60),
            line_gap=1,
            max_lines=3,
        )

    def draw_waiting(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The child's actions waiting for the teacher, newest first."""
        pending = waiting(self.ctx.state)
        if not pending or self.ctx.content is None:
            return
        res = self.ctx.res
        draw.text(
            surface,
            self.tr(WAITING_FOR_TEACHER),
            res.font(20, bold=True),
            theme.ENERGY_DARK,
            (rect.left, rect.top),
        )
        font = res.font(17)
        for i, entry in enumerate(reversed(pending[-5:])):
            action = self.ctx.content.actions.get(entry.action_id or "")
            if action is None:
                continue
            one, other = UNIT_AMOUNTS.get(action.unit, ("{count} " + action.unit,) * 2)
            line = self.tr(
                "{action}: {amount}, {day}",
                action=action.name.get(self.ctx.lang),
                amount=self.tr.plural(entry.quantity or 0, one, other),
                day=self.tr.date(entry.day),
            )
            draw.text(
                surface,
                draw.clip(line, font, rect.width),
                font,
                theme.INK_SOFT,
                (rect.left, rect.top + 34 + i * 26),
            )
