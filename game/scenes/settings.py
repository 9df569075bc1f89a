"""Settings: language, text size, colours, motion, sound and the window, applied at once.

Reached from a player's home (their own settings) and from the player list (this computer's
defaults for every player). Every choice is applied and saved at once: there is no OK button
to forget. The chosen option of each row carries a tick as well as a colour.

The rows stand in two columns, each row's name at the left of its choices. Every size comes
from the fonts in use, so the screen is laid out again for each text size and language: labels
wrap, buttons grow, and the columns share the height that is left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.i18n import languages
from game.saves.settings import TEXT_SIZES, VOLUME_STEP
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.widgets import Button, label_height, word_font

MARGIN = 40
COLUMN_GAP = 40
COLUMN_W = (WIDTH - 2 * MARGIN - COLUMN_GAP) // 2
LABEL_SHARE = 0.34  # of a column, for the row's name
GAP = 12  # between choices, and between a row's name and its choices
STEPPER_W = 64
TICK = "✓ "

Option = tuple[str, bool, dict[str, Any]]


@dataclass
class Row:
    label: str  # untranslated
    rect: pygame.Rect  # the whole row: its name at the left, its choices at the right


class SettingsScene(ScreenScene):
    title = N_("Settings")

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.rows: list[Row] = []

    # -- layout ------------------------------------------------------------------------------

    def _fonts(self) -> tuple[pygame.font.Font, pygame.font.Font, pygame.font.Font]:
        res = self.ctx.res
        return res.font(24, bold=True), res.font(22, bold=True), res.font(20)

    def whose(self) -> str:
        if self.ctx.save is not None:
            return self.tr("These settings are {name}'s own.", name=self.ctx.save.meta.name)
        return self.tr("These settings are this computer's, for every player.")

    def layout(self) -> None:
        super().layout()
        settings = self.ctx.settings
        spoken = languages(self.ctx.config.locale_dir)
        left: list[tuple[str, list[Option] | None]] = [
            (
                N_("Language"),
                [(name, settings.lang == tag, {"lang": tag}) for tag, name in spoken.items()],
            ),
            (
                N_("Text size"),
                [
                    (self.tr.percent(size / 100), settings.text_size == size, {"text_size": size})
                    for size in TEXT_SIZES
                ],
            ),
            (
                N_("Colours"),
                [
                    (self.tr("Standard"), settings.palette == "standard", {"palette": "standard"}),
                    (
                        self.tr("Colour-blind safe"),
                        settings.palette == "colour-blind",
                        {"palette": "colour-blind"},
                    ),
                ],
            ),
            (
                N_("Moving pictures"),
                [
                    (self.tr("Animations"), not settings.reduced_motion, {"reduced_motion": False}),
                    (self.tr("Reduced motion"), settings.reduced_motion, {"reduced_motion": True}),
                ],
            ),
        ]
        right: list[tuple[str, list[Option] | None]] = [
            (N_("Volume"), None),
            (
                N_("Sound"),
                [
                    (self.tr("Sound on"), not settings.mute, {"mute": False}),
                    (self.tr("Muted"), settings.mute, {"mute": True}),
                ],
            ),
            (
                N_("Window"),
                [
                    (self.tr("In a window"), not settings.fullscreen, {"fullscreen": False}),
                    (self.tr("Full screen"), settings.fullscreen, {"fullscreen": True}),
                ],
            ),
        ]
        if self.ctx.save is not None:
            right.append((N_("Your name"), []))
        _, _, note_font = self._fonts()
        top = (
            HEADER
            + 8
            + len(draw.wrap(self.whose(), note_font, WIDTH - 2 * MARGIN))
            * (note_font.get_linesize())
        )
        self.rows = []
        for column, rows in enumerate((left, right)):
            x = MARGIN + column * (COLUMN_W + COLUMN_GAP)
            self._column(x, top + 12, rows)

    def _column(self, x: int, top: int, rows: list[tuple[str, list[Option] | None]]) -> None:
        """Lay ``rows`` out from ``top`` down, sharing the height left between them."""
        label_font = self._fonts()[0]
        label_w = round(COLUMN_W * LABEL_SHARE)
        controls = pygame.Rect(x + label_w + GAP, 0, COLUMN_W - label_w - GAP, 0)
        heights = []
        for label, options in rows:
            words = len(draw.wrap(self.tr(label), label_font, label_w)) * label_font.get_linesize()
            heights.append(max(56, words, self._choices_height(options, controls.width)))
        spare = max(0, HEIGHT - 16 - top - sum(heights))
        gap = min(40, spare // max(1, len(rows)))
        y = top
        for (label, options), height in zip(rows, heights, strict=True):
            row = pygame.Rect(x, y, COLUMN_W, height)
            self.rows.append(Row(label, row))
            area = pygame.Rect(controls.left, y, controls.width, height)
            if options is None:
                self._volume(area)
            elif not options:
                self._rename(area)
            else:
                self._choices(area, options)
            y += height + gap

    def _choice_font(self, options: list[Option], each: int) -> pygame.font.Font:
        return word_font(self.ctx.res, 22, [TICK + text for text, _, _ in options], each)

    def _choices_height(self, options: list[Option] | None, width: int) -> int:
        if options is None:
            return label_height(self.ctx.res.font(30, bold=True), "+", STEPPER_W)
        if not options:
            options = [(self.tr("Change name or picture"), False, {})]
        each = (width - GAP * (len(options) - 1)) // len(options)
        font = self._choice_font(options, each)
        return max(label_height(font, TICK + text, each) for text, _, _ in options)

    def _choices(self, area: pygame.Rect, options: list[Option]) -> None:
        each = (area.width - GAP * (len(options) - 1)) // len(options)
        font = self._choice_font(options, each)
        for i, (text, chosen, change) in enumerate(options):
            self.buttons.add(
                Button(
                    pygame.Rect(area.left + i * (each + GAP), area.top, each, area.height),
                    (TICK if chosen else "") + text,
                    self._setter(change),
                    font,
                    colour=theme.ENERGY_DARK
                    if chosen
                    else theme.mix(theme.BG_TOP, theme.WHITE, 0.2),
                    hold=0.0,
                )
            )

    def _rename(self, area: pygame.Rect) -> None:
        label = self.tr("Change name or picture")
        self.buttons.add(
            Button(
                area,
                label,
                self.ctx.nav.rename,
                word_font(self.ctx.res, 22, [label], area.width),
                colour=theme.ACCENT,
                text_colour=theme.INK,
            )
        )

    def _volume(self, area: pygame.Rect) -> None:
        font = self.ctx.res.font(30, bold=True)
        volume = self.ctx.settings.volume
        steps = [("−", -VOLUME_STEP, pygame.K_MINUS), ("+", VOLUME_STEP, pygame.K_EQUALS)]
        for i, (text, delta, key) in enumerate(steps):
            rect = pygame.Rect(0, area.top, STEPPER_W, area.height)
            rect.left = area.left if i == 0 else area.right - STEPPER_W
            self.buttons.add(
                Button(
                    rect,
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
            self.layout()  # the words, their size and colours may have changed

        return apply

    # -- drawing -----------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        label_font, choice_font, note_font = self._fonts()
        draw.paragraph(
            surface,
            self.whose(),
            note_font,
            theme.PANEL_DIM,
            pygame.Rect(MARGIN, HEADER + 4, WIDTH - 2 * MARGIN, HEIGHT),
            line_gap=0,
        )
        label_w = round(COLUMN_W * LABEL_SHARE)
        for row in self.rows:
            words = self.tr(row.label)
            height = draw.paragraph_height(words, label_font, label_w, line_gap=0)
            box = pygame.Rect(row.rect.left, row.rect.centery - height // 2, label_w, height)
            draw.paragraph(surface, words, label_font, theme.WHITE, box, line_gap=0)
            if row.label == "Volume":
                self._draw_volume(surface, row.rect, choice_font)

    def _draw_volume(
        self, surface: pygame.Surface, row: pygame.Rect, font: pygame.font.Font
    ) -> None:
        label_w = round(COLUMN_W * LABEL_SHARE)
        inner = pygame.Rect(
            row.left + label_w + GAP + STEPPER_W + GAP,
            row.top,
            COLUMN_W - label_w - 2 * (STEPPER_W + 2 * GAP) + GAP,
            row.height,
        )
        percent = self.tr.percent(self.ctx.settings.volume / 100)
        words = font.size(self.tr.percent(1))[0]
        bar = pygame.Rect(inner.left, 0, max(20, inner.width - words - GAP), 20)
        bar.centery = inner.centery
        draw.progress_bar(surface, bar, self.ctx.settings.volume / 100, theme.ENERGY)
        draw.text(
            surface, percent, font, theme.WHITE, (inner.right, inner.centery), "midright", box=inner
        )
