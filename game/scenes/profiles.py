"""Who is playing? Pick a profile, or make a new one."""

from __future__ import annotations

from functools import partial

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.saves.profiles import ProfileMeta
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.avatar import draw_avatar
from game.ui.widgets import Button

COLUMNS = 4
TILE_W, TILE_H, GAP = 270, 120, 24


class ProfilesScene(ScreenScene):
    title = N_("Who is playing?")
    show_back = False

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.profiles: list[ProfileMeta] = []
        self.scroll = 0

    def start(self) -> None:
        self.profiles = self.ctx.store.list_profiles()
        super().start()

    def resume(self) -> None:
        self.profiles = self.ctx.store.list_profiles()  # a player may have been added
        super().resume()

    def layout(self) -> None:
        super().layout()
        res = self.ctx.res
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH - 300 - 16 - 160, 18, 160, 50),
                self.tr("Settings"),
                self.ctx.nav.settings,
                res.font(22, bold=True),
                colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
            )
        )
        if self.profiles:  # with none yet, the welcome panel has the one big button
            self.buttons.add(
                Button(
                    pygame.Rect(WIDTH - 300, 18, 270, 50),
                    self.tr("+ New player"),
                    self.new_profile,
                    res.font(22, bold=True),
                    colour=theme.ACCENT,
                    text_colour=theme.INK,
                    hotkey=pygame.K_n,
                )
            )
        for index, meta in enumerate(self.profiles):
            rect = self.tile_rect(index - self.scroll * COLUMNS)
            if rect.bottom > HEIGHT or rect.top < HEADER:
                continue
            self.buttons.add(
                Button(rect, "", partial(self.open_profile, meta), res.font(20), colour=theme.PANEL)
            )
        if not self.profiles:
            self.buttons.add(
                Button(
                    pygame.Rect(WIDTH // 2 - 150, 470, 300, 64),
                    self.tr("Create a player"),
                    self.new_profile,
                    res.font(26, bold=True),
                    colour=theme.ACCENT,
                    text_colour=theme.INK,
                )
            )

    @staticmethod
    def tile_rect(slot: int) -> pygame.Rect:
        left = (WIDTH - (COLUMNS * TILE_W + (COLUMNS - 1) * GAP)) // 2
        row, col = divmod(slot, COLUMNS)
        return pygame.Rect(
            left + col * (TILE_W + GAP), HEADER + 40 + row * (TILE_H + GAP), TILE_W, TILE_H
        )

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            rows = (len(self.profiles) + COLUMNS - 1) // COLUMNS
            self.scroll = max(0, min(max(0, rows - 3), self.scroll - event.y))
            self.layout()
            return True
        return super().handle_event(event)

    def new_profile(self) -> None:
        self.ctx.nav.new_profile()

    def open_profile(self, meta: ProfileMeta) -> None:
        self.ctx.nav.open_profile(meta)

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        if not self.profiles:
            box = pygame.Rect(WIDTH // 2 - 360, 170, 720, 270)
            draw.panel(surface, box)
            draw.text(
                surface,
                self.tr("Welcome to EcoCards!"),
                res.font(34, bold=True),
                theme.INK,
                (box.centerx, box.top + 40),
                "midtop",
            )
            draw.paragraph(
                surface,
                self.tr(
                    "Every eco-action you log earns green energy. Spend it to discover real "
                    "animals and plants from the IUCN Red List. Each person who plays gets their "
                    "own player, so everyone keeps their own collection."
                ),
                res.font(22),
                theme.INK_SOFT,
                pygame.Rect(box.left + 50, box.top + 100, box.width - 100, 150),
            )
            return

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        res = self.ctx.res
        for index, meta in enumerate(self.profiles):
            rect = self.tile_rect(index - self.scroll * COLUMNS)
            if rect.bottom > HEIGHT or rect.top < HEADER:
                continue
            draw_avatar(surface, res, meta.name, (rect.left + 52, rect.centery), 34)
            name_font = res.font(24, bold=True)
            draw.text(
                surface,
                draw.clip(meta.name, name_font, rect.width - 114),
                name_font,
                theme.INK,
                (rect.left + 100, rect.top + 26),
            )
            detail = self.tr.plural(
                meta.cards,
                "{count} card · {energy} g",
                "{count} cards · {energy} g",
                energy=meta.balance,
            )
            if meta.problem:
                detail = self.tr("Needs repair: open to fix")
            draw.text(
                surface,
                detail,
                res.font(18),
                theme.DANGER if meta.problem else theme.INK_SOFT,
                (rect.left + 100, rect.top + 64),
            )
