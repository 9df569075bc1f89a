"""An edition's album: every card found, a place for every card still to find, and the odds.

Cards not opened yet carry a "new" marker until the player opens them. The odds show the chance
of each card in a tier first, then the tier's total, so no rarer tier reads as more likely.
"""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core import reveals
from game.core.rarity import TIER_BY_ID
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, theme
from game.ui.cards import back_medal, card_size
from game.ui.widgets import Button, draw_focus_ring

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
            row = ids.index(focus) // COLUMNS
            centred = row * (THUMB_H + GAP) + THUMB_H / 2 - GRID.height / 2
            self.scroll_px = max(0.0, min(self.max_scroll(), centred))

    @property
    def title(self) -> str:  # type: ignore[override]
        assert self.ctx.content is not None
        return self.ctx.content.editions[self.edition_id].title.get(self.ctx.lang)

    def max_scroll(self) -> float:
        rows = (len(self.members) + COLUMNS - 1) // COLUMNS
        return max(0.0, rows * (THUMB_H + GAP) - GAP - GRID.height)

    def thumb_rect(self, index: int) -> pygame.Rect:
        row, col = divmod(index, COLUMNS)
        return pygame.Rect(
            GRID.left + col * (THUMB_W + GAP),
            GRID.top + row * (THUMB_H + GAP) - round(self.scroll_px),
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
                    pygame.Rect(SIDE.left + 20, SIDE.bottom - 84, SIDE.width - 40, 64),
                    self.tr("See the finished edition"),
                    self.finished,
                    self.ctx.res.font(22, bold=True),
                    colour=theme.ACCENT,
                    text_colour=theme.INK,
                    sublabel=self.tr("and print a certificate"),
                    sub_font=self.ctx.res.font(15),
                )
            )
            return
        self.buttons.add(
            Button(
                pygame.Rect(SIDE.left + 20, SIDE.bottom - 84, SIDE.width - 40, 64),
                self.tr("Reveal a card"),
                self.reveal,
                self.ctx.res.font(22, bold=True),
                colour=theme.ACCENT,
                text_colour=theme.INK,
                enabled=self.ctx.state.balance >= edition.reveal_cost
                and reveals.availability(edition, self.ctx.now().date()) is None,
                sublabel=self.tr("costs {cost} g", cost=edition.reveal_cost),
                sub_font=self.ctx.res.font(15),
            )
        )

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
            step = GRID.height * (1 if event.key == pygame.K_PAGEDOWN else -1)
            self.scroll_px = max(0.0, min(self.max_scroll(), self.scroll_px + step))
            return True
        if super().handle_event(event):
            return True
        if (
            event.type == pygame.MOUSEBUTTONUP
            and event.button == 1
            and GRID.collidepoint(event.pos)
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
            pygame.K_UP: -COLUMNS,
            pygame.K_DOWN: COLUMNS,
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
        if rect.top < GRID.top:
            self.scroll_px -= GRID.top - rect.top
        elif rect.bottom > GRID.bottom:
            self.scroll_px += rect.bottom - GRID.bottom
        self.scroll_px = max(0.0, min(self.max_scroll(), self.scroll_px))

    def open_card(self, index: int) -> None:
        species = self.members[index]
        if species.id in self.ctx.state.owned:
            self.ctx.nav.card(species.id)
        else:
            self.ctx.toast(self.tr("Not found yet: reveal cards to discover it."))

    def index_at(self, pos: tuple[int, int]) -> int | None:
        """The card under ``pos``, if any."""
        col = (pos[0] - GRID.left) // (THUMB_W + GAP)
        row = int((pos[1] - GRID.top + self.scroll_px) // (THUMB_H + GAP))
        index = row * COLUMNS + col
        if (
            0 <= col < COLUMNS
            and 0 <= index < len(self.members)
            and self.thumb_rect(index).collidepoint(pos)
        ):
            return index
        return None

    def controls(self) -> list[pygame.Rect]:
        shown = [self.thumb_rect(index).clip(GRID) for index in self.visible()]
        return super().controls() + [rect for rect in shown if rect.width and rect.height]

    def visible(self) -> range:
        """Indexes of the cards in view: drawing never walks the whole edition."""
        first_row = int(self.scroll_px // (THUMB_H + GAP))
        rows = GRID.height // (THUMB_H + GAP) + 2
        return range(first_row * COLUMNS, min(len(self.members), (first_row + rows) * COLUMNS))

    def hidden_card(self) -> pygame.Surface:
        if self.hidden is None:
            assert self.ctx.content is not None
            edition = self.ctx.content.editions[self.edition_id]
            card = self.ctx.cards.back(edition, THUMB_W, self.ctx.lang).copy()
            rect = card.get_rect()
            shade = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(shade, (0, 0, 0, 110), rect, border_radius=10)
            card.blit(shade, (0, 0))
            disc = theme.mix(theme.edition_colour(edition.id, edition.color), theme.SHADOW, 0.6)
            centre, radius = back_medal(THUMB_W)  # the "?" covers the medal, not the name
            pygame.draw.circle(card, disc, centre, radius)
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
        surface.set_clip(GRID.inflate(8, 0))
        for index in self.visible():
            species = self.members[index]
            rect = self.thumb_rect(index)
            if species.id in owned:
                if species.id == self.focus:
                    pygame.draw.rect(surface, theme.ACCENT, rect.inflate(10, 10), border_radius=14)
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
        track = pygame.Rect(GRID.right + 10, GRID.top, 6, GRID.height)
        pygame.draw.rect(
            surface, theme.mix(theme.BG_TOP, theme.WHITE, 0.12), track, border_radius=3
        )
        visible = GRID.height / (GRID.height + limit)
        thumb = pygame.Rect(track.left, 0, track.width, max(30, round(track.height * visible)))
        thumb.top = track.top + round((track.height - thumb.height) * self.scroll_px / limit)
        pygame.draw.rect(surface, theme.PANEL_DIM, thumb, border_radius=3)

    def draw_side(self, surface: pygame.Surface) -> None:
        assert self.ctx.content is not None
        res = self.ctx.res
        progress = self.progress
        colour = theme.edition_colour(progress.edition.id, progress.edition.color)
        draw.panel(surface, SIDE)
        x, y = SIDE.left + 20, SIDE.top + 18
        draw.text(
            surface,
            self.tr("{owned} of {total} found", owned=progress.owned, total=progress.total),
            res.font(22, bold=True),
            theme.INK,
            (x, y),
        )
        draw.progress_bar(
            surface,
            pygame.Rect(x, y + 36, SIDE.width - 40, 14),
            progress.owned / max(1, progress.total),
            colour,
        )
        note = (
            self.tr("Complete! Every species found.")
            if progress.complete
            else self.tr("{left} g more finds them all", left=progress.cost_left)
        )
        draw.text(surface, note, res.font(16), theme.INK_SOFT, (x, y + 60))
        y += 96
        draw.text(
            surface, self.tr("Chance of the next card"), res.font(18, bold=True), theme.INK, (x, y)
        )
        y += 28
        for chance in self.chances:
            tier = TIER_BY_ID[chance.tier]
            ink = theme.INK if chance.cards else theme.PANEL_DIM
            pygame.draw.circle(surface, theme.TIER_COLOURS[tier.id], (x + 6, y + 10), 6)
            draw.text(surface, self.tr(tier.name), res.font(16, bold=True), ink, (x + 18, y))
            each = (
                self.tr("each card {pct}", pct=self.chance(chance.each))
                if chance.cards
                else self.tr("none left")
            )
            draw.text(surface, each, res.font(16, bold=True), ink, (SIDE.right - 20, y), "topright")
            if chance.cards:
                together = self.tr.plural(
                    chance.cards,
                    "{count} card left · {pct} together",
                    "{count} cards left · {pct} together",
                    pct=self.chance(chance.total),
                )
                draw.text(surface, together, res.font(13), theme.INK_SOFT, (x + 18, y + 21))
            y += 44
        draw.paragraph(
            surface,
            self.tr(
                "The rarer the card, the more threatened the species. "
                "You never get the same card twice."
            ),
            res.font(14),
            theme.INK_SOFT,
            pygame.Rect(x, y + 2, SIDE.width - 40, 40),
            line_gap=1,
            max_lines=2,
        )

    def draw_new_marker(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        font = self.ctx.res.font(14, bold=True)
        label = self.tr("NEW")
        pill = pygame.Rect(0, 0, font.size(label)[0] + 16, 24)
        pill.topright = (rect.right + 4, rect.top + round(rect.height * 0.17))  # over the art
        pygame.draw.rect(surface, theme.ACCENT, pill, border_radius=12)
        pygame.draw.rect(surface, theme.INK, pill, width=2, border_radius=12)
        draw.text(surface, label, font, theme.INK, pill.center, "center")

    def chance(self, p: float) -> str:
        """A chance a child can read: whole percent, with one decimal below 10 %."""
        return self.tr.percent(p, 0 if p >= 0.1 else 1)
