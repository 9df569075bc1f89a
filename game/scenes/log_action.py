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
from game.scenes.log_panel import STEPPER_W, LogPanel
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, icons, theme
from game.ui.tween import Tween, ease_out_cubic
from game.ui.widgets import Button

GAP = 14
GRID_LEFT = 32
GRID_TOP = HEADER + 8
BADGE = 56  # the category's round badge on a tile

CATEGORY_COLOURS = {
    "transport": theme.hex_colour("#3c91e6"),
    "waste": theme.hex_colour("#f2a541"),
    "food": theme.hex_colour("#e5625e"),
    "energy": theme.hex_colour("#9b5de5"),
    "water": theme.hex_colour("#00a6a6"),
    "shopping": theme.hex_colour("#7cb518"),
}
STEP = {"km": 1.0, "kg": 0.5}
SCROLL_KEYS = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1}
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
        self.panel = LogPanel(self)
        self.columns, self.tile_w, self.tile_h = 3, 250, 92
        self.measure_tiles()

    # -- layout ------------------------------------------------------------------------------

    def tile_fonts(self) -> tuple[pygame.font.Font, pygame.font.Font]:
        return self.ctx.res.font(18, bold=True), self.ctx.res.font(18)

    def per_text(self, action: Action) -> str:
        return self.tr(
            "{g} g per {unit}",
            g=action.energy_g,
            unit=self.tr(UNIT_NAMES.get(action.unit, action.unit)),
        )

    def measure_tiles(self) -> None:
        """Tiles as tall as the longest action name needs, whole (wrapped, never cut); with
        large text, two wider columns instead of three."""
        large = self.ctx.res.text_scale >= 1.4
        self.columns, self.tile_w = (2, 330) if large else (3, 250)
        name_font, per_font = self.tile_fonts()
        text_w = self.tile_w - (BADGE + 24) - 10
        lang = self.ctx.lang
        tallest = max(
            (draw.paragraph_height(a.name.get(lang), name_font, text_w, 0) for a in self.actions),
            default=name_font.get_linesize(),
        )
        per = max(
            (draw.paragraph_height(self.per_text(a), per_font, text_w, 0) for a in self.actions),
            default=per_font.get_linesize(),
        )
        self.tile_h = max(92, 10 + tallest + 4 + per + 10)
        self.panel.place(GRID_LEFT + self.columns * (self.tile_w + GAP) + 4)

    def tile_rect(self, slot: int) -> pygame.Rect:
        row, col = divmod(slot, self.columns)
        return pygame.Rect(
            GRID_LEFT + col * (self.tile_w + GAP),
            GRID_TOP + row * (self.tile_h + GAP),
            self.tile_w,
            self.tile_h,
        )

    def visible_rows(self) -> int:
        return max(1, (HEIGHT - GRID_TOP - 16 + GAP) // (self.tile_h + GAP))

    def scroll_by(self, rows: int) -> None:
        total = (len(self.actions) + self.columns - 1) // self.columns
        self.scroll = max(0, min(max(0, total - self.visible_rows()), self.scroll + rows))
        self.layout()

    def layout(self) -> None:
        super().layout()
        self.measure_tiles()
        res = self.ctx.res
        for index, action in enumerate(self.actions):
            rect = self.tile_rect(index - self.scroll * self.columns)
            if rect.top < GRID_TOP or rect.bottom > HEIGHT - 16:
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
        undo = economy.undoable(self.ctx.state, self.ctx.now(), self.rules)
        self.panel.layout(self.selected, undo.amount_g if undo is not None else None)
        spots, fonts = self.panel.spots, self.panel.fonts()
        stepper, day = spots["stepper"], spots["day"]
        sign, arrow = fonts["sign"], fonts["arrow"]
        for x, text, step, key in (
            (stepper.left, "−", -1, pygame.K_MINUS),
            (stepper.right - STEPPER_W, "+", +1, pygame.K_EQUALS),
        ):
            self.buttons.add(
                Button(
                    pygame.Rect(x, stepper.top, STEPPER_W, stepper.height),
                    text,
                    partial(self.change_quantity, step),
                    sign,
                    colour=theme.INK_SOFT,
                    hotkey=key,
                    hold=0,
                )
            )
        for x, text, step, enabled in (
            (day.left, "←", +1, self.days_back < self.max_back),
            (day.right - STEPPER_W, "→", -1, self.days_back > 0),
        ):
            self.buttons.add(
                Button(
                    pygame.Rect(x, day.top, STEPPER_W, day.height),
                    text,
                    partial(self.change_day, step),
                    arrow,
                    colour=theme.INK_SOFT,
                    enabled=enabled,
                    hold=0,
                )
            )
        gain = economy.preview(self.ctx.state, self.selected, self.quantity, self.day, self.rules)
        self.buttons.add(
            Button(
                spots["log"],
                self.tr("Log it!"),
                self.log,
                fonts["log"],
                colour=theme.ENERGY_DARK,
                enabled=gain > 0 and self.logging <= 0,
                hotkey=pygame.K_RETURN,
            )
        )
        if undo is not None:
            self.buttons.add(
                Button(
                    spots["undo"],
                    self.panel.undo_label(undo.amount_g),
                    self.undo,
                    fonts["undo"],
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
            self.scroll_by(-event.y)
            return True
        if super().handle_event(event):
            return True
        # keys the buttons left (no tile that way): scroll, so every action can be reached
        if event.type == pygame.KEYDOWN and event.key in SCROLL_KEYS:
            self.scroll_by(
                SCROLL_KEYS[event.key]
                * (self.visible_rows() if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) else 1)
            )
            return True
        return False

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
        self.panel.draw(surface)

    def draw_scroll_bar(self, surface: pygame.Surface) -> None:
        """With more actions than fit, a bar beside the tiles shows where the list is."""
        rows = (len(self.actions) + self.columns - 1) // self.columns
        shown = self.visible_rows()
        if rows <= shown:
            return
        left = GRID_LEFT + self.columns * (self.tile_w + GAP) - GAP + 3
        track = pygame.Rect(left, GRID_TOP, 8, HEIGHT - 16 - GRID_TOP)
        gfx.rect(surface, theme.mix(theme.BG_TOP, theme.WHITE, 0.15), track, border_radius=4)
        thumb = track.copy()
        thumb.height = max(24, track.height * shown // rows)
        thumb.top = track.top + (track.height - thumb.height) * self.scroll // max(1, rows - shown)
        gfx.rect(surface, theme.PANEL_DIM, thumb, border_radius=4)

    def draw_tiles(self, surface: pygame.Surface) -> None:
        self.draw_scroll_bar(surface)
        name_font, per_font = self.tile_fonts()
        tick = self.ctx.res.font(22, bold=True)
        for index, action in enumerate(self.actions):
            rect = self.tile_rect(index - self.scroll * self.columns)
            if rect.top < GRID_TOP or rect.bottom > HEIGHT - 16:
                continue
            colour = CATEGORY_COLOURS.get(action.category, theme.ENERGY_DARK)
            badge = pygame.Rect(rect.left + 12, rect.centery - BADGE // 2, BADGE, BADGE)
            gfx.circle(surface, colour, badge.center, BADGE // 2)
            icons.draw_icon(surface, action.icon, badge.inflate(-18, -18), theme.WHITE)
            done = economy.preview(self.ctx.state, action, 1000, self.day, self.rules) <= 0
            text = pygame.Rect(badge.right + 12, rect.top + 10, rect.right - badge.right - 22, 0)
            text.height = rect.bottom - 10 - text.top
            if done:  # the day's limit for it is reached: a tick in the corner
                mark = draw.text(
                    surface,
                    "✓",
                    tick,
                    theme.ENERGY_DARK,
                    (rect.right - 10, rect.top + 6),
                    "topright",
                )
                text.width = min(text.width, mark.left - 4 - text.left)
            used = draw.paragraph(
                surface, action.name.get(self.ctx.lang), name_font, theme.INK, text, line_gap=0
            )
            per = self.per_text(action)
            per_h = draw.paragraph_height(per, per_font, text.width, 0)
            below = pygame.Rect(
                text.left, max(text.top + used + 4, text.bottom - per_h), text.width, per_h
            )
            draw.paragraph(surface, per, per_font, theme.INK_SOFT, below, line_gap=0)

    def draw_waiting(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The child's actions waiting for the teacher, newest first, as many as fit."""
        pending = waiting(self.ctx.state)
        if not pending or self.ctx.content is None:
            return
        res = self.ctx.res
        head = res.font(20, bold=True)
        y = rect.top
        y += (
            draw.paragraph(
                surface, self.tr(WAITING_FOR_TEACHER), head, theme.ENERGY_DARK, rect, line_gap=0
            )
            + 6
        )
        font = res.font(18)
        for entry in reversed(pending[-5:]):
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
            height = draw.paragraph_height(line, font, rect.width, 0)
            if y + height > rect.bottom:
                break
            draw.paragraph(
                surface,
                line,
                font,
                theme.INK_SOFT,
                pygame.Rect(rect.left, y, rect.width, height),
                line_gap=0,
            )
            y += height + 6
