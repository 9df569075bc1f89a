"""An edition's album: every card found, a place for every card still to find, and the odds.

Cards not opened yet carry a "new" marker until the player opens them. The odds show the chance
of each card in a tier first, then the tier's total, so no rarer tier reads as more likely.
"""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core import reveals
from game.scenes.album_odds import OddsPanel
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.cards import back_medal, card_size
from game.ui.resources import MIN_TEXT
from game.ui.widgets import Button, draw_focus_ring, label_height

THUMB_W = 130
THUMB_H = card_size(THUMB_W)[1]
GAP = 14
COLUMNS = 6
GRID = pygame.Rect(32, HEADER + 8, COLUMNS * (THUMB_W + GAP) - GAP, HEIGHT - HEADER - 24)
SIDE = pygame.Rect(GRID.right + 28, HEADER + 8, 0, HEIGHT - HEADER - 32)
SIDE.width = WIDTH - SIDE.left - 32


class AlbumScene(ScreenScene):
    def __init__(self, ctx: GameContext, edition_id: str, focus: str | None = None) -> None:
        """``focus`` is a species to scroll to and highlight (the card just revealed)."""
        super().__init__(ctx)
        self.edition_id = edition_id
        self.scroll_px = 0.0
        self.focus = focus
        assert ctx.content is not None
        self.members = ctx.content.species_in(edition_id)
        self.hidden: pygame.Surface | None = None  # the look of a card not found yet
        self.progress = reveals.progress(ctx.content, edition_id, ctx.state)
        self.chances = reveals.tier_chances(ctx.content, edition_id, ctx.state)
        ids = [species.id for species in self.members]
        # the card the arrow keys move between, with its ring shown once a key is used
        self.cursor = ids.index(focus) if focus in ids else 0
        self.cursor_shown = False
        if focus in ids:
            row = ids.index(focus) // self.columns
            centred = row * (THUMB_H + GAP) + THUMB_H / 2 - self.grid.height / 2
            self.scroll_px = max(0.0, min(self.max_scroll(), centred))

    @property
    def title(self) -> str:  # type: ignore[override]
        assert self.ctx.content is not None
        return self.ctx.content.editions[self.edition_id].title.get(self.ctx.lang)

    @property
    def columns(self) -> int:
        """Fewer columns of cards with large text: the odds beside them need the room."""
        scale = self.ctx.res.text_scale
        return COLUMNS if scale < 1.2 else COLUMNS - 1 if scale < 1.4 else COLUMNS - 2

    @property
    def grid(self) -> pygame.Rect:
        columns = self.columns
        return pygame.Rect(GRID.left, GRID.top, columns * (THUMB_W + GAP) - GAP, GRID.height)

    @property
    def side(self) -> pygame.Rect:
        left = self.grid.right + 28
        return pygame.Rect(left, SIDE.top, WIDTH - left - 32, SIDE.height)

    def max_scroll(self) -> float:
        rows = (len(self.members) + self.columns - 1) // self.columns
        return max(0.0, rows * (THUMB_H + GAP) - GAP - self.grid.height)

    def thumb_rect(self, index: int) -> pygame.Rect:
        row, col = divmod(index, self.columns)
        return pygame.Rect(
            self.grid.left + col * (THUMB_W + GAP),
            self.grid.top + row * (THUMB_H + GAP) - round(self.scroll_px),
            THUMB_W,
            THUMB_H,
        )

    def layout(self) -> None:
        super().layout()
        assert self.ctx.content is not None
        edition = self.ctx.content.editions[self.edition_id]
        # the collection only changes between layouts (a reveal happens on its own screen)
        self.progress = progress = reveals.progress(
            self.ctx.content, self.edition_id, self.ctx.state
        )
        self.chances = reveals.tier_chances(self.ctx.content, self.edition_id, self.ctx.state)
        if progress.complete:  # the finished edition's own screen, not a greyed-out button
            self.buttons.add(
                Button(
                    self.button_rect(
                        self.tr("See the finished edition"), self.tr("and print a certificate")
                    ),
                    self.tr("See the finished edition"),
                    self.finished,
                    self.ctx.res.font(22, bold=True),
                    colour=theme.ACCENT,
                    text_colour=theme.INK,
                    sublabel=self.tr("and print a certificate"),
                    sub_font=self.ctx.res.font(18),
                )
            )
            return
        self.buttons.add(
            Button(
                self.button_rect(
                    self.tr("Reveal a card"), self.tr("costs {cost} g", cost=edition.reveal_cost)
                ),
                self.tr("Reveal a card"),
                self.reveal,
                self.ctx.res.font(22, bold=True),
                colour=theme.ACCENT,
                text_colour=theme.INK,
                enabled=self.ctx.state.balance >= edition.reveal_cost
                and reveals.availability(edition, self.ctx.now().date()) is None,
                sublabel=self.tr("costs {cost} g", cost=edition.reveal_cost),
                sub_font=self.ctx.res.font(18),
            )
        )

    def button_rect(self, label: str, sub: str) -> pygame.Rect:
        """The side panel's button, at its foot, as tall as its words."""
        side, res = self.side, self.ctx.res
        width = side.width - 40
        height = max(64, label_height(res.font(22, bold=True), label, width, (res.font(18), sub)))
        return pygame.Rect(side.left + 20, side.bottom - 20 - height, width, height)

    def reveal(self) -> None:
        self.ctx.nav.reveal(self.edition_id)

    def finished(self) -> None:
        self.ctx.nav.edition_complete(self.edition_id, instead=True)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and self._card_key(event.key):
            return True
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_px = max(0.0, min(self.max_scroll(), self.scroll_px - event.y * 60))
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            step = self.grid.height * (1 if event.key == pygame.K_PAGEDOWN else -1)
            self.scroll_px = max(0.0, min(self.max_scroll(), self.scroll_px + step))
            return True
        if super().handle_event(event):
            return True
        if (
            event.type == pygame.MOUSEBUTTONUP
            and event.button == 1
            and self.grid.collidepoint(event.pos)
        ):
            index = self.index_at(event.pos)
            if index is not None:
                self.cursor = index
                self.open_card(index)
                return True
        return False

    def _card_key(self, key: int) -> bool:
        """Arrows move the ring between the cards (the buttons' ring gives way to it); Enter or
        Space opens the card with the ring, as a click would."""
        steps = {
            pygame.K_LEFT: -1,
            pygame.K_RIGHT: 1,
            pygame.K_UP: -self.columns,
            pygame.K_DOWN: self.columns,
        }
        if key in steps and self.members:
            if self.cursor_shown or self.buttons.focused is None:
                moved = self.cursor + steps[key] if self.cursor_shown else self.cursor
                self.cursor = max(0, min(len(self.members) - 1, moved))
                self.cursor_shown = True
                self.buttons.focused = None
                self._scroll_to(self.cursor)
                return True
            return False
        if key == pygame.K_TAB:
            self.cursor_shown = False  # Tab goes on to the buttons
            return False
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and self.cursor_shown:
            self.open_card(self.cursor)
            return True
        return False

    def _scroll_to(self, index: int) -> None:
        rect = self.thumb_rect(index)
        if rect.top < self.grid.top:
            self.scroll_px -= self.grid.top - rect.top
        elif rect.bottom > self.grid.bottom:
            self.scroll_px += rect.bottom - self.grid.bottom
        self.scroll_px = max(0.0, min(self.max_scroll(), self.scroll_px))

    def open_card(self, index: int) -> None:
        species = self.members[index]
        if species.id in self.ctx.state.owned:
            self.ctx.nav.card(species.id)
        else:
            self.ctx.toast(self.tr("Not found yet: reveal cards to discover it."))

    def index_at(self, pos: tuple[int, int]) -> int | None:
        """The card under ``pos``, if any."""
        col = (pos[0] - self.grid.left) // (THUMB_W + GAP)
        row = int((pos[1] - self.grid.top + self.scroll_px) // (THUMB_H + GAP))
        index = row * self.columns + col
        if (
            0 <= col < self.columns
            and 0 <= index < len(self.members)
            and self.thumb_rect(index).collidepoint(pos)
        ):
            return index
        return None

    def controls(self) -> list[pygame.Rect]:
        shown = [self.thumb_rect(index).clip(self.grid) for index in self.visible()]
        return super().controls() + [rect for rect in shown if rect.width and rect.height]

    def visible(self) -> range:
        """Indexes of the cards in view: drawing never walks the whole edition."""
        first_row = int(self.scroll_px // (THUMB_H + GAP))
        rows = self.grid.height // (THUMB_H + GAP) + 2
        return range(
            first_row * self.columns, min(len(self.members), (first_row + rows) * self.columns)
        )

    def hidden_card(self) -> pygame.Surface:
        if self.hidden is None or gfx.scale_of(self.hidden) != gfx.current_scale():
            assert self.ctx.content is not None
            edition = self.ctx.content.editions[self.edition_id]
            card = self.ctx.cards.back(edition, THUMB_W, self.ctx.lang).copy()
            rect = card.get_rect()
            shade = gfx.surface(rect.size, pygame.SRCALPHA)
            gfx.rect(shade, (0, 0, 0, 110), rect, border_radius=10)
            card.blit(shade, (0, 0))
            disc = theme.mix(theme.edition_colour(edition.id, edition.color), theme.SHADOW, 0.6)
            centre, radius = back_medal(THUMB_W)  # the "?" covers the medal, not the name
            gfx.circle(card, disc, centre, radius)
            draw.text(
                card, "?", self.ctx.res.font(44, bold=True), theme.PANEL_DIM, centre, "center"
            )
            self.hidden = card
        return self.hidden

    def draw_body(self, surface: pygame.Surface) -> None:
        assert self.ctx.content is not None
        edition = self.ctx.content.editions[self.edition_id]
        owned = self.ctx.state.owned
        new = self.ctx.views.new_cards(self.ctx.state)
        clip = surface.get_clip()
        surface.set_clip(self.grid.inflate(8, 0))
        for index in self.visible():
            species = self.members[index]
            rect = self.thumb_rect(index)
            if species.id in owned:
                if species.id == self.focus:
                    gfx.rect(surface, theme.ACCENT, rect.inflate(10, 10), border_radius=14)
                card = self.ctx.cards.front_in_time(species, edition, THUMB_W, self.ctx.lang)
                # a card not drawn yet shows its back for a frame or two
                surface.blit(card or self.ctx.cards.back(edition, THUMB_W, self.ctx.lang), rect)
                if species.id in new:
                    self.draw_new_marker(surface, rect)
            else:
                surface.blit(self.hidden_card(), rect)
            if self.cursor_shown and index == self.cursor:
                draw_focus_ring(surface, rect)
        surface.set_clip(clip)
        self.draw_scrollbar(surface)
        self.draw_side(surface)

    def draw_scrollbar(self, surface: pygame.Surface) -> None:
        limit = self.max_scroll()
        if limit <= 0:
            return
        track = pygame.Rect(self.grid.right + 10, self.grid.top, 6, self.grid.height)
        gfx.rect(surface, theme.mix(theme.BG_TOP, theme.WHITE, 0.12), track, border_radius=3)
        visible = self.grid.height / (self.grid.height + limit)
        thumb = pygame.Rect(track.left, 0, track.width, max(30, round(track.height * visible)))
        thumb.top = track.top + round((track.height - thumb.height) * self.scroll_px / limit)
        gfx.rect(surface, theme.PANEL_DIM, thumb, border_radius=3)

    def draw_side(self, surface: pygame.Surface) -> None:
        draw.panel(surface, self.side)
        odds = OddsPanel(self.ctx, self.progress, self.chances)
        side = self.side
        bottom = min(
            (b.rect.top for b in self.buttons.buttons if side.contains(b.rect)), default=side.bottom
        )
        odds.draw(
            surface,
            pygame.Rect(
                side.left + 20, side.top + 18, side.width - 40, bottom - 12 - side.top - 18
            ),
        )

    def draw_new_marker(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        font = self.ctx.res.font_px(MIN_TEXT, bold=True)  # over a card of fixed size
        label = self.tr("NEW")
        pill = pygame.Rect(0, 0, font.size(label)[0] + 16, font.get_linesize() + 2)
        pill.topright = (rect.right + 4, rect.top + round(rect.height * 0.17))  # over the art
        gfx.rect(surface, theme.ACCENT, pill, border_radius=12)
        gfx.rect(surface, theme.INK, pill, width=2, border_radius=12)
        draw.text(surface, label, font, theme.INK, pill.center, "center")
