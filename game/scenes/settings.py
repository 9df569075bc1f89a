"""Settings: language, motion, sound and the window, applied the moment they are chosen.

Reached from a player's home (their own settings) and from the player list (this computer's
defaults for every player). Every choice is applied and saved at once: there is no OK button
to forget. The chosen option of each row carries a tick as well as a colour.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.i18n import languages
from game.saves.settings import VOLUME_STEP
from game.scenes.screen import HEADER, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.widgets import Button

LABEL_X = 120
CONTROLS_X = 470
ROW_H = 84
FIRST_ROW = HEADER + 56
CHOICE_W, CHOICE_H = 220, 56
TICK = "✓ "


class SettingsScene(ScreenScene):
    title = N_("Settings")

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.rows: list[tuple[str, int]] = []  # (label, y) of each row, for drawing

    def layout(self) -> None:
        super().layout()
        self.rows = []
        settings = self.ctx.settings
        spoken = languages(self.ctx.config.locale_dir)
        self._choices(
            N_("Language"),
            [(name, settings.lang == tag, {"lang": tag}) for tag, name in spoken.items()],
        )
        self._choices(
            N_("Moving pictures"),
            [
                (self.tr("Animations"), not settings.reduced_motion, {"reduced_motion": False}),
                (self.tr("Reduced motion"), settings.reduced_motion, {"reduced_motion": True}),
            ],
        )
        self._volume_row()
        self._choices(
            N_("Sound"),
            [
                (self.tr("Sound on"), not settings.mute, {"mute": False}),
                (self.tr("Muted"), settings.mute, {"mute": True}),
            ],
        )
        self._choices(
            N_("Window"),
            [
                (self.tr("In a window"), not settings.fullscreen, {"fullscreen": False}),
                (self.tr("Full screen"), settings.fullscreen, {"fullscreen": True}),
            ],
        )
        if self.ctx.save is not None:
            self.buttons.add(
                Button(
                    pygame.Rect(CONTROLS_X, self._next_row(None), 2 * CHOICE_W + 16, CHOICE_H),
                    self.tr("Change name or picture"),
                    self.ctx.nav.rename,
                    self.ctx.res.font(22, bold=True),
                    colour=theme.ACCENT,
                    text_colour=theme.INK,
                )
            )

    def _next_row(self, label: str | None) -> int:
        y = FIRST_ROW + len(self.rows) * ROW_H
        self.rows.append((label or "", y))
        return y

    def _choices(self, label: str, options: list[tuple[str, bool, dict[str, Any]]]) -> None:
        y = self._next_row(label)
        font = self.ctx.res.font(22, bold=True)
        for i, (text, chosen, change) in enumerate(options):
            self.buttons.add(
                Button(
                    pygame.Rect(CONTROLS_X + i * (CHOICE_W + 16), y, CHOICE_W, CHOICE_H),
                    (TICK if chosen else "") + text,
                    self._setter(change),
                    font,
                    colour=theme.ENERGY_DARK
                    if chosen
                    else theme.mix(theme.BG_TOP, theme.WHITE, 0.2),
                    hold=0.0,
                )
            )

    def _volume_row(self) -> None:
        y = self._next_row(N_("Volume"))
        font = self.ctx.res.font(30, bold=True)
        volume = self.ctx.settings.volume
        step = [("−", -VOLUME_STEP, pygame.K_MINUS), ("+", VOLUME_STEP, pygame.K_EQUALS)]
        for i, (text, delta, key) in enumerate(step):
            self.buttons.add(
                Button(
                    pygame.Rect(CONTROLS_X + i * (CHOICE_W * 2 + 16 - 72), y, 72, CHOICE_H),
                    text,
                    self._setter({"volume": volume + delta}),
                    font,
                    colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.2),
                    enabled=0 <= volume + delta <= 100,
                    hotkey=key,
                    hold=0.0,
                )
            )

    def _setter(self, change: dict[str, Any]) -> Callable[[], None]:
        def apply() -> None:
            self.ctx.save_settings(self.ctx.settings.changed(**change))
            self.layout()  # the words may be in another language now

        return apply

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        label_font = res.font(26, bold=True)
        for label, y in self.rows:
            if label:
                draw.text(
                    surface,
                    self.tr(label),
                    label_font,
                    theme.WHITE,
                    (LABEL_X, y + CHOICE_H // 2),
                    "midleft",
                )
        volume_y = next(y for label, y in self.rows if label == "Volume")
        bar = pygame.Rect(CONTROLS_X + 92, volume_y + 18, 2 * CHOICE_W + 16 - 184, 20)
        draw.progress_bar(surface, bar, self.ctx.settings.volume / 100, theme.ENERGY)
        draw.text(
            surface,
            self.tr.percent(self.ctx.settings.volume / 100),
            res.font(22, bold=True),
            theme.WHITE,
            (bar.right + 100, bar.centery),
            "midleft",
        )
        if self.ctx.save is not None:
            whose = self.tr("These settings are {name}'s own.", name=self.ctx.save.meta.name)
        else:
            whose = self.tr("These settings are this computer's, for every player.")
        draw.text(
            surface,
            whose,
            res.font(20),
            theme.PANEL_DIM,
            (WIDTH // 2, HEADER + 14),
            "midtop",
        )
