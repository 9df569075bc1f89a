"""The right panel of the log screen: the chosen action, how much, which day, and its buttons.

Its parts are stacked from the fonts' measured heights. "Log it!" and "Undo" keep the foot of
the panel; what is left above is shared by the action's name, the day's limit, the amount and the
day, and then, when they fit whole, the action's description and its source (with large text
they may have no room: they are left out, never cut short).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

import pygame

from game.core import economy
from game.core.vocab import UNIT_AMOUNTS
from game.scenes.screen import HEADER, HEIGHT, WIDTH
from game.ui import draw, theme
from game.ui.widgets import label_height

if TYPE_CHECKING:
    from game.context import GameContext
    from game.core.economy import Rules
    from game.core.models import Action
    from game.i18n import Translator

INSET = 24
STEPPER_W = 64


class LogScreen(Protocol):
    """What the panel reads of the log screen it belongs to."""

    ctx: GameContext
    selected: Action | None
    quantity: float
    days_back: int
    rules: Rules

    @property
    def tr(self) -> Translator: ...

    @property
    def day(self) -> dt.date: ...

    def draw_waiting(self, surface: pygame.Surface, rect: pygame.Rect) -> None: ...


class LogPanel:
    def __init__(self, scene: LogScreen) -> None:
        self.scene = scene
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.spots: dict[str, pygame.Rect] = {}  # where each part goes

    def fonts(self) -> dict[str, pygame.font.Font]:
        res = self.scene.ctx.res
        return {
            "name": res.font(24, bold=True),
            "text": res.font(18),
            "amount": res.font(32, bold=True),
            "gain": res.font(18, bold=True),
            "day": res.font(22, bold=True),
            "arrow": res.font(28, bold=True),
            "sign": res.font(32, bold=True),
            "log": res.font(30, bold=True),
            "undo": res.font(20, bold=True),
            "heading": res.font(28, bold=True),
            "hint": res.font(20),
        }

    def place(self, left: int) -> None:
        self.rect = pygame.Rect(left, HEADER + 8, WIDTH - left - 32, HEIGHT - HEADER - 8 - 32)

    # -- the words -----------------------------------------------------------------------------

    def limit_text(self, action: Action) -> str:
        scene = self.scene
        left = economy.cap_left(scene.ctx.state, action, scene.day, scene.rules)
        day_left = economy.day_left(scene.ctx.state, scene.day, scene.rules)
        total = scene.rules.daily_total_g
        if day_left <= 0:
            return scene.tr(
                "This day's green energy is all earned ({total} g). Come back tomorrow!",
                total=total,
            )
        return scene.tr(
            "Left for this day: {left} g of {total} g (this action: {action} g)",
            left=day_left,
            total=total,
            action=min(left, day_left),
        )

    def amount_text(self, action: Action) -> str:
        one, other = UNIT_AMOUNTS.get(action.unit, ("{count} " + action.unit,) * 2)
        return self.scene.tr.plural(self.scene.quantity, one, other)

    def day_text(self) -> str:
        scene = self.scene
        names = {0: scene.tr("Today"), 1: scene.tr("Yesterday")}
        return names.get(scene.days_back) or scene.tr.plural(
            scene.days_back, "{count} day ago", "{count} days ago"
        )

    def undo_label(self, amount: int) -> str:
        return self.scene.tr("Undo last (−{amount} g)", amount=amount)

    # -- layout --------------------------------------------------------------------------------

    def layout(self, action: Action, undo_amount: int | None) -> None:
        """Where each part of the panel goes for ``action`` (``undo_amount``: an undo button);
        when that is too tall (large text), again with less room between the parts."""
        if not self._layout(action, undo_amount, roomy=True):
            self._layout(action, undo_amount, roomy=False)

    def _layout(self, action: Action, undo_amount: int | None, *, roomy: bool) -> bool:
        f, p, lang = self.fonts(), self.rect, self.scene.ctx.lang
        x, w = p.left + INSET, p.width - 2 * INSET
        spots: dict[str, pygame.Rect] = {}
        bottom = p.bottom - 20
        if undo_amount is not None:
            undo_h = max(
                56 if roomy else 0, label_height(f["undo"], self.undo_label(undo_amount), w)
            )
            spots["undo"] = pygame.Rect(x, bottom - undo_h, w, undo_h)
            bottom = spots["undo"].top - 14
        log_h = max(72 if roomy else 0, label_height(f["log"], self.scene.tr("Log it!"), w))
        spots["log"] = pygame.Rect(x, bottom - log_h, w, log_h)
        bottom = spots["log"].top - (12 if roomy else 6)

        def height(text: str, font: pygame.font.Font) -> int:
            return draw.paragraph_height(text, font, w, 0)

        stepper_h = max(56, f["amount"].get_linesize() + 8, f["sign"].get_linesize() + 4)
        day_h = max(48, f["day"].get_linesize() + 8, f["arrow"].get_linesize() + 4)
        parts: list[tuple[str, int]] = [
            ("name", height(action.name.get(lang), f["name"])),
            ("limit", height(self.limit_text(action), f["text"])),
            ("bar", 12),
            ("stepper", stepper_h),
            ("gain", f["gain"].get_linesize()),
            ("day", day_h),
        ]
        gaps = 8 if roomy else 3
        room = bottom - (p.top + 16) - sum(h for _, h in parts) - gaps * len(parts)
        if action.description:
            need = height(action.description.get(lang), f["text"])
            if need + gaps <= room:
                parts.insert(1, ("description", need))
                room -= need + gaps
        source = self.scene.tr("Source: {text}", text=action.source.text)
        if height(source, f["text"]) + gaps <= room:
            parts.append(("source", height(source, f["text"])))
        y = p.top + 16
        for name, h in parts:
            spots[name] = pygame.Rect(x, y, w, h)
            y += h + gaps
        self.spots = spots
        return y - gaps <= bottom

    # -- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        scene, p, f = self.scene, self.rect, self.fonts()
        draw.panel(surface, p)
        action = scene.selected
        if action is None:
            self.draw_empty(surface)
            return
        spots, lang = self.spots, scene.ctx.lang
        draw.paragraph(
            surface, action.name.get(lang), f["name"], theme.INK, spots["name"], line_gap=0
        )
        if "description" in spots and action.description:
            text = action.description.get(lang)
            draw.paragraph(
                surface, text, f["text"], theme.INK_SOFT, spots["description"], line_gap=0
            )
        draw.paragraph(
            surface, self.limit_text(action), f["text"], theme.INK_SOFT, spots["limit"], line_gap=0
        )
        day_left = economy.day_left(scene.ctx.state, scene.day, scene.rules)
        draw.progress_bar(
            surface, spots["bar"], day_left / scene.rules.daily_total_g, theme.ENERGY_DARK
        )
        stepper = spots["stepper"]
        amount = stepper.inflate(-2 * (STEPPER_W + 8), 0)
        draw.text(
            surface,
            self.amount_text(action),
            f["amount"],
            theme.INK,
            amount.center,
            "center",
            box=amount,
        )
        gain = economy.preview(scene.ctx.state, action, scene.quantity, scene.day, scene.rules)
        draw.text(
            surface,
            scene.tr("= {amount} g", amount=gain),
            f["gain"],
            theme.ENERGY_DARK,
            spots["gain"].midtop,
            "midtop",
            box=spots["gain"],
        )
        day = spots["day"].inflate(-2 * (STEPPER_W + 8), 0)
        draw.text(surface, self.day_text(), f["day"], theme.INK, day.center, "center", box=day)
        if "source" in spots:
            source = scene.tr("Source: {text}", text=action.source.text)
            draw.paragraph(surface, source, f["text"], theme.INK_SOFT, spots["source"], line_gap=0)

    def draw_empty(self, surface: pygame.Surface) -> None:
        p, f, scene = self.rect, self.fonts(), self.scene
        w = p.width - 64
        heading = scene.tr("What did you do?")
        y = p.top + 32
        y += draw.paragraph(
            surface,
            heading,
            f["heading"],
            theme.INK,
            pygame.Rect(p.left + 32, y, w, p.bottom - y),
            line_gap=0,
        )
        hint = scene.tr(
            "Choose an action on the left. Each one earns the grams of CO₂e it keeps out "
            "of the air."
        )
        y += 16
        y += draw.paragraph(
            surface, hint, f["hint"], theme.INK_SOFT, pygame.Rect(p.left + 32, y, w, p.bottom - y)
        )
        scene.draw_waiting(
            surface, pygame.Rect(p.left + 24, y + 24, p.width - 48, p.bottom - y - 40)
        )
