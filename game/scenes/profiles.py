"""Who is playing? Pick a player, or make a new one. Built for a class of 30.

Players are in alphabetical order, which never changes with who played last, so a child finds
their name where it was yesterday. Typing letters filters the list (the filter line shows what
was typed, with a button and Esc to clear it); a count says how many players there are, and a
scroll bar shows where the visible part lies when they do not all fit.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.saves.profiles import ProfileMeta
from game.scenes.screen import HEADER, WIDTH, ScreenScene
from game.ui import draw, gfx, textfit, theme
from game.ui.avatar import draw_avatar
from game.ui.widgets import Button

COLUMNS, ROWS = 4, 4
TILE_W, TILE_H, GAP_X, GAP_Y = 270, 110, 24, 16
LIST_TOP = HEADER + 64
LEFT = (WIDTH - (COLUMNS * TILE_W + (COLUMNS - 1) * GAP_X)) // 2
BAR = pygame.Rect(WIDTH - 40, LIST_TOP, 12, ROWS * TILE_H + (ROWS - 1) * GAP_Y)
FILTER_BOX = pygame.Rect(LEFT, HEADER + 8, 560, 44)
SCROLL_KEYS = {pygame.K_PAGEDOWN: ROWS, pygame.K_PAGEUP: -ROWS}


def alphabetical(profiles: list[ProfileMeta]) -> list[ProfileMeta]:
    """By name, whatever the capitals; players with the same name keep their ids' order."""
    return sorted(profiles, key=lambda m: (m.name.casefold(), m.name, m.id))


class ProfilesScene(ScreenScene):
    title = N_("Who is playing?")
    show_back = False
    text_entry = True  # letters filter the list

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.profiles: list[ProfileMeta] = []
        self.avatars: dict[str, str] = {}
        self.filter = ""
        self.scroll = 0  # rows scrolled past
        self.tiles: dict[int, Button] = {}  # index in ``shown`` -> its button

    def start(self) -> None:
        self._load()
        super().start()
        pygame.key.start_text_input()

    def resume(self) -> None:
        self._load()  # a player may have been added or renamed
        super().resume()
        pygame.key.start_text_input()

    def pause(self) -> None:
        pygame.key.stop_text_input()

    def stop(self) -> None:
        pygame.key.stop_text_input()

    def _load(self) -> None:
        self.profiles = alphabetical(self.ctx.store.list_profiles())
        store, now = self.ctx.settings_store, self.ctx.now()
        self.avatars = {m.id: store.avatar(m.id, now) for m in self.profiles}

    @property
    def shown(self) -> list[ProfileMeta]:
        wanted = self.filter.casefold()
        return [m for m in self.profiles if wanted in m.name.casefold()]

    @property
    def max_scroll(self) -> int:
        rows = (len(self.shown) + COLUMNS - 1) // COLUMNS
        return max(0, rows - ROWS)

    def layout(self) -> None:
        super().layout()
        res = self.ctx.res
        header = (
            (N_("Class"), self.ctx.nav.class_screen),
            (N_("Teacher"), self.ctx.nav.teacher),
            (N_("Settings"), self.ctx.nav.settings),
        )
        for slot, (label, go) in enumerate(header):  # right to left from the "+ New player" slot
            self.buttons.add(
                Button(
                    pygame.Rect(WIDTH - 300 - (len(header) - slot) * (16 + 160), 18, 160, 50),
                    self.tr(label),
                    go,
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
                )
            )
        if self.filter:
            self.buttons.add(
                Button(
                    pygame.Rect(FILTER_BOX.right + 12, FILTER_BOX.top, 150, FILTER_BOX.height),
                    self.tr("Clear"),
                    self.clear_filter,
                    res.font(20, bold=True),
                    colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
                )
            )
        self.tiles = {}
        for index, meta in enumerate(self.shown):
            rect = self.tile_rect(index - self.scroll * COLUMNS)
            if self.visible(rect):
                self.tiles[index] = self.buttons.add(
                    Button(
                        rect, "", partial(self.open_profile, meta), res.font(20), colour=theme.PANEL
                    )
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
        row, col = divmod(slot, COLUMNS)
        return pygame.Rect(
            LEFT + col * (TILE_W + GAP_X), LIST_TOP + row * (TILE_H + GAP_Y), TILE_W, TILE_H
        )

    @staticmethod
    def visible(rect: pygame.Rect) -> bool:
        return rect.top >= LIST_TOP and rect.bottom <= BAR.bottom

    # -- input ---------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT and self.profiles:
            self.set_filter(self.filter + event.text)
            return True
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE and self.filter:
                self.set_filter(self.filter[:-1])
                return True
            if event.key == pygame.K_ESCAPE and self.filter:
                self.clear_filter()
                return True
            if event.key in SCROLL_KEYS:
                self.scroll_by(SCROLL_KEYS[event.key])
                return True
        arrow = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(getattr(event, "key", 0), 0)
        if event.type == pygame.KEYDOWN and arrow and self._step_rows(arrow):
            return True
        return super().handle_event(event)

    def _step_rows(self, rows: int) -> bool:
        """An arrow from the ring's tile to a row scrolled out of sight: scroll, and take the
        ring to the tile there (within sight, the ring moves as on any screen)."""
        focused = self.buttons.focused
        index = next((i for i, b in self.tiles.items() if b is focused), None)
        if index is None:
            return False
        target = index + rows * COLUMNS
        if not 0 <= target < len(self.shown) or target in self.tiles:
            return False
        self.scroll_by(rows)
        self.buttons.focused = self.tiles.get(target)
        return True

    def scroll_by(self, rows: int) -> None:
        scroll = max(0, min(self.max_scroll, self.scroll + rows))
        if scroll != self.scroll:
            self.scroll = scroll
            self.layout()

    def set_filter(self, text: str) -> None:
        self.filter = text.lstrip()
        self.scroll = 0
        self.layout()

    def clear_filter(self) -> None:
        self.set_filter("")

    def new_profile(self) -> None:
        self.ctx.nav.new_profile()

    def open_profile(self, meta: ProfileMeta) -> None:
        self.ctx.nav.open_profile(meta)

    # -- drawing -------------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        if not self.profiles:
            self._draw_welcome(surface)
            return
        shown = self.shown
        draw.panel(surface, FILTER_BOX, border=theme.ENERGY if self.filter else None)
        font = res.font(22)
        if self.filter:
            text, colour = self.tr("Find: {letters}", letters=self.filter), theme.INK
        else:
            text, colour = self.tr("Type letters to find a name"), theme.INK_SOFT
        draw.text(
            surface,
            draw.clip(text, font, FILTER_BOX.width - 32),
            font,
            colour,
            (FILTER_BOX.left + 16, FILTER_BOX.centery),
            "midleft",
        )
        total = len(self.profiles)
        if self.filter:
            count = self.tr.plural(
                total, "{shown} of {count} player", "{shown} of {count} players", shown=len(shown)
            )
        else:
            count = self.tr.plural(total, "{count} player", "{count} players")
        draw.text(
            surface,
            count,
            res.font(22, bold=True),
            theme.WHITE,
            (BAR.right, FILTER_BOX.centery),
            "midright",
        )
        if not shown:
            draw.text(
                surface,
                self.tr("No player's name has these letters."),
                res.font(24, bold=True),
                theme.PANEL_DIM,
                (WIDTH // 2, LIST_TOP + 80),
                "midtop",
            )
        self._draw_scroll_bar(surface)

    def _draw_scroll_bar(self, surface: pygame.Surface) -> None:
        rows = (len(self.shown) + COLUMNS - 1) // COLUMNS
        if rows <= ROWS:
            return
        gfx.rect(surface, theme.mix(theme.BG_TOP, theme.SHADOW, 0.3), BAR, border_radius=6)
        thumb = BAR.copy()
        thumb.height = max(30, BAR.height * ROWS // rows)
        thumb.top = BAR.top + (BAR.height - thumb.height) * self.scroll // max(1, self.max_scroll)
        gfx.rect(surface, theme.PANEL_DIM, thumb, border_radius=6)

    def _draw_welcome(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
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

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        res = self.ctx.res
        for index, button in self.tiles.items():
            meta, rect = self.shown[index], button.rect
            draw_avatar(
                surface, res, meta.name, (rect.left + 50, rect.centery), 34, self.avatars[meta.id]
            )
            detail = self.tr.plural(
                meta.cards,
                "{count} card · {energy} g",
                "{count} cards · {energy} g",
                energy=meta.balance,
            )
            if meta.problem:
                detail = self.tr("Needs repair: open to fix")
            words = pygame.Rect(rect.left + 96, rect.top + 6, rect.width - 106, rect.height - 12)
            detail_font = res.fitting_font(18, detail, words.width)
            detail_box = pygame.Rect(
                words.left,
                words.bottom - detail_font.get_linesize(),
                words.width,
                detail_font.get_linesize(),
            )
            textfit.draw_fitted(
                surface,
                meta.name,
                lambda size: res.sized_font(size, bold=True),
                pygame.Rect(words.left, words.top, words.width, detail_box.top - words.top),
                theme.INK,
                24,
                max_lines=2,
                align="left",
            )
            draw.text(
                surface,
                draw.clip(detail, detail_font, words.width),
                detail_font,
                theme.DANGER if meta.problem else theme.INK_SOFT,
                detail_box.topleft,
                box=detail_box,
            )
