"""Home: the player's energy, today's actions, and every edition with its progress.

The editions sit in a row of tiles; with more than fit, the row scrolls (arrows or the wheel),
so every edition in the decks can be reached.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.context import GameContext
from game.core import reveals
from game.core.messages import N_
from game.core.models import Edition
from game.scenes.home_today import TodayPanel
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, textfit, theme
from game.ui.avatar import draw_avatar
from game.ui.widgets import Button, label_height, word_font

LEFT_W = 380
MARGIN = 32
ARROW_W = 44  # the edition row's scroll arrows, beside (never over) the tiles
ROW = pygame.Rect(MARGIN * 2 + LEFT_W, HEADER + 24, 0, HEIGHT - HEADER - 24 - MARGIN)
ROW.width = WIDTH - ROW.left - MARGIN
HEADER_BUTTON = 48
NAME_ROOM = 230  # the player's name in the header: two lines of 18 px text


class HomeScene(ScreenScene):
    back_label = N_("Players")

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        # the tilted cards of each edition's fan, turned once rather than every frame
        self.turned: dict[tuple[str, str, int, float], pygame.Surface] = {}
        self.cards_pending = False  # a card of the fans is still to be drawn
        self.first_edition = 0  # the leftmost edition tile in view
        self.today = TodayPanel(ctx)

    def resume(self) -> None:
        self.turned.clear()  # new cards may have been found, or the decks reloaded
        super().resume()

    def back(self) -> None:
        self.ctx.nav.leave_profile()

    @property
    def editions(self) -> list[Edition]:
        assert self.ctx.content is not None
        return list(self.ctx.content.editions.values())

    @property
    def shown(self) -> int:
        """Edition tiles in view at once: fewer, and wider, with large text."""
        return 3 if self.ctx.res.text_scale < 1.4 else 2

    def tiles_row(self) -> pygame.Rect:
        """Where the tiles go: the whole row, or the row less its arrows when it scrolls."""
        if len(self.editions) <= self.shown:
            return ROW
        return ROW.inflate(-2 * (ARROW_W + 8), 0)

    def scroll_editions(self, step: int) -> None:
        last = max(0, len(self.editions) - self.shown)
        self.first_edition = max(0, min(last, self.first_edition + step))
        self.layout()

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.ctx.save.meta.name if self.ctx.save else ""

    def layout(self) -> None:
        super().layout()
        res = self.ctx.res
        log_label, log_note = self.tr("Log an eco-action"), self.tr("walk, cycle, recycle…")
        log_font, log_sub = word_font(res, 30, [log_label], LEFT_W), res.font(18)
        self.buttons.add(
            Button(
                pygame.Rect(
                    MARGIN,
                    HEADER + 24,
                    LEFT_W,
                    max(96, label_height(log_font, log_label, LEFT_W, (log_sub, log_note))),
                ),
                log_label,
                self.log_action,
                log_font,
                colour=theme.ENERGY_DARK,
                hotkey=pygame.K_l,
                sublabel=log_note,
                sub_font=log_sub,
            )
        )
        # Quiz, Settings and My progress, right to left from the energy chip, as wide as
        # their words
        # With large text they share the header with the player's name: narrower, and their
        # words wrap, rather than squeezing the name
        right = self.energy_chip_rect().left - 16
        back = self.buttons.buttons[0].rect
        budget = (right - back.right - 16 - 66 - NAME_ROOM) // 3 - 12
        header = (
            (self.tr("My progress"), self.show_progress, pygame.K_p),
            (self.tr("Settings"), self.ctx.nav.settings, None),
            (self.tr("Quiz"), self.ctx.nav.quiz, pygame.K_q),
        )
        widths = [
            max(90, min(res.font(20, bold=True).size(label)[0] + 32, budget))
            for label, _, _ in header
        ]
        font = min(
            (
                word_font(res, 20, [label], w)
                for (label, _, _), w in zip(header, widths, strict=True)
            ),
            key=lambda f: f.get_height(),
        )
        for (label, action, key), width in zip(header, widths, strict=True):
            height = min(HEADER - 12, max(HEADER_BUTTON, label_height(font, label, width)))
            self.buttons.add(
                Button(
                    pygame.Rect(right - width, (HEADER - height) // 2, width, height),
                    label,
                    action,
                    font,
                    colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
                    hotkey=key,
                )
            )
            right -= width + 12
        content = self.ctx.content
        assert content is not None
        new = self.ctx.views.new_cards(self.ctx.state)
        settings = self.ctx.class_settings()
        for edition, rect in self.edition_rects():
            off = not settings.edition_on(edition.id)  # the teacher turned it off for now
            progress = reveals.progress(content, edition.id, self.ctx.state)
            closed = reveals.availability(edition, self.ctx.now().date())
            affordable = self.ctx.state.balance >= edition.reveal_cost
            label = self.tr("Complete!") if progress.complete else self.tr("Reveal a card")
            sub = (
                None
                if progress.complete
                else self.tr("off for now")
                if off
                else self.tr("costs {cost} g", cost=edition.reveal_cost)
            )
            fresh = sum(1 for s in content.species_in(edition.id) if s.id in new)
            album_sub = (
                self.tr.plural(fresh, "{count} new card to look at", "{count} new cards to look at")
                if fresh
                else None
            )
            reveal_rect, album_rect = self.tile_buttons(rect, label, sub, album_sub)
            self.buttons.add(
                Button(
                    reveal_rect,
                    label,
                    partial(self.reveal, edition),
                    res.font(24, bold=True),
                    colour=theme.ACCENT,
                    text_colour=theme.INK,
                    enabled=affordable and not progress.complete and closed is None and not off,
                    sublabel=sub,
                    sub_font=res.font(18),
                )
            )
            self.buttons.add(
                Button(
                    album_rect,
                    self.tr("Open album"),
                    partial(self.album, edition),
                    res.font(20, bold=True),
                    colour=theme.edition_colour(edition.id, edition.color),
                    sublabel=album_sub,
                    sub_font=res.font(18, bold=True),
                )
            )
        if len(self.editions) > self.shown:
            for label, step, x in (
                ("←", -1, ROW.left),  # the font has no ‹ ›
                ("→", +1, ROW.right - ARROW_W),
            ):
                self.buttons.add(
                    Button(
                        pygame.Rect(x, ROW.centery - 40, ARROW_W, 80),
                        label,
                        partial(self.scroll_editions, step),
                        res.font_px(34, bold=True),  # a sign, not words
                        colour=theme.INK,
                        hold=0,
                        enabled=0 <= self.first_edition + step <= len(self.editions) - self.shown,
                    )
                )

    def tile_buttons(
        self, rect: pygame.Rect, label: str, sub: str | None, album_sub: str | None
    ) -> tuple[pygame.Rect, pygame.Rect]:
        """The reveal and album buttons at the foot of an edition tile, as tall as their words."""
        res = self.ctx.res
        width = rect.width - 40
        reveal_h = max(
            64,
            label_height(
                res.font(24, bold=True), label, width, (res.font(18), sub) if sub else None
            ),
        )
        album_h = max(
            52,
            label_height(
                res.font(20, bold=True),
                self.tr("Open album"),
                width,
                (res.font(18, bold=True), album_sub) if album_sub else None,
            ),
        )
        album = pygame.Rect(rect.left + 20, rect.bottom - 20 - album_h, width, album_h)
        reveal = pygame.Rect(rect.left + 20, album.top - 14 - reveal_h, width, reveal_h)
        return reveal, album

    def edition_rects(self) -> list[tuple[Edition, pygame.Rect]]:
        shown = self.shown
        row = self.tiles_row()
        editions = self.editions[self.first_edition : self.first_edition + shown]
        gap = 24
        width = (
            (row.width - gap * (shown - 1)) // shown
            if len(self.editions) >= shown
            else (row.width - gap * (len(editions) - 1)) // max(1, len(editions))
        )
        return [
            (e, pygame.Rect(row.left + i * (width + gap), row.top, width, row.height))
            for i, e in enumerate(editions)
        ]

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and len(self.editions) > self.shown:
            self.scroll_editions(-event.y if event.y else event.x)
            return True
        return super().handle_event(event)

    def log_action(self) -> None:
        self.ctx.nav.log_action()

    def show_progress(self) -> None:
        self.ctx.nav.progress()

    def reveal(self, edition: Edition) -> None:
        self.ctx.nav.reveal(edition.id)

    def album(self, edition: Edition) -> None:
        self.ctx.nav.album(edition.id)

    def draw_header(self, surface: pygame.Surface) -> None:
        back = self.buttons.buttons[0].rect
        centre = (back.right + 16 + 28, HEADER // 2)
        draw_avatar(surface, self.ctx.res, self.title, centre, 28, self.ctx.settings.avatar)
        quiz = next(b for b in self.buttons.buttons if b.on_click == self.ctx.nav.quiz)
        left = centre[0] + 28 + 10
        box = pygame.Rect(left, 8, max(1, quiz.rect.left - left - 12), HEADER - 16)
        textfit.draw_fitted(
            surface,
            self.title,
            lambda size: self.ctx.res.sized_font(size, bold=True),
            box,
            theme.WHITE,
            32,
            max_lines=2,
            align="left",
        )
        self.draw_energy_chip(surface, self.energy_chip_rect())

    @property
    def animating(self) -> bool:
        return self.cards_pending or super().animating

    def draw_body(self, surface: pygame.Surface) -> None:
        self.cards_pending = False  # until a card of the fans is found missing
        log = self.buttons.buttons[1].rect
        top = log.bottom + 20
        self.today.draw(surface, pygame.Rect(MARGIN, top, LEFT_W, HEIGHT - top - MARGIN))
        for edition, rect in self.edition_rects():
            self.draw_edition(surface, edition, rect)

    def draw_edition(self, surface: pygame.Surface, edition: Edition, rect: pygame.Rect) -> None:
        res, content = self.ctx.res, self.ctx.content
        assert content is not None
        colour = theme.edition_colour(edition.id, edition.color)
        draw.panel(surface, rect)
        title = edition.title.get(self.ctx.lang)
        title_font = res.fitting_font(28, title, rect.width - 24, bold=True)
        lines = draw.wrap(title, title_font, rect.width - 24)
        band = pygame.Rect(
            rect.left, rect.top, rect.width, max(64, len(lines) * title_font.get_linesize() + 12)
        )
        gfx.rect(
            surface,
            colour,
            band,
            border_top_left_radius=theme.RADIUS,
            border_top_right_radius=theme.RADIUS,
        )
        y = band.centery - len(lines) * title_font.get_linesize() // 2
        for line in lines:
            draw.text(surface, line, title_font, theme.WHITE, (band.centerx, y), "midtop", box=band)
            y += title_font.get_linesize()
        progress = reveals.progress(content, edition.id, self.ctx.state)
        # the words under the fan, from the measured fonts, above the buttons
        buttons_top = (
            min(b.rect.top for b in self.buttons.buttons if rect.contains(b.rect))
            if any(rect.contains(b.rect) for b in self.buttons.buttons)
            else rect.bottom
        )
        inner_w = rect.width - 40
        found_font, note_font, need_font = (
            res.font(20, bold=True),
            res.font(18),
            res.font(18, bold=True),
        )
        found = self.tr(
            "{owned} of {total} species found", owned=progress.owned, total=progress.total
        )
        closed = reveals.availability(edition, self.ctx.now().date())
        if progress.complete:
            note = self.tr("Edition complete: badge earned!")
        else:
            note = self.tr("{left} g of energy finds them all", left=progress.cost_left)
        note = self.tr(closed) if closed else note
        need_text = ""
        if not progress.complete and self.ctx.state.balance < edition.reveal_cost:
            need_text = self.tr(
                "{need} g more to reveal", need=edition.reveal_cost - self.ctx.state.balance
            )
        parts = [(found, found_font, theme.INK), (note, note_font, theme.INK_SOFT)]
        if need_text:
            parts.append((need_text, need_font, theme.ENERGY_DARK))
        words_h = (
            sum(draw.paragraph_height(t, f, inner_w, 0) for t, f, _ in parts) + 14 + 8 * len(parts)
        )
        y = buttons_top - 12 - words_h
        self.draw_fan(
            surface,
            edition,
            pygame.Rect(rect.left, band.bottom + 8, rect.width, y - band.bottom - 16),
        )
        for i, (text, font, ink) in enumerate(parts):
            y += (
                draw.paragraph(
                    surface,
                    text,
                    font,
                    ink,
                    pygame.Rect(rect.left + 20, y, inner_w, buttons_top - y),
                    line_gap=0,
                )
                + 8
            )
            if i == 0:
                draw.progress_bar(
                    surface,
                    pygame.Rect(rect.left + 20, y, inner_w, 14),
                    progress.owned / max(1, progress.total),
                    colour,
                )
                y += 14 + 8

    def draw_fan(self, surface: pygame.Surface, edition: Edition, area: pygame.Rect) -> None:
        """A small fan: the newest cards found, or card backs when there are none yet."""
        content = self.ctx.content
        assert content is not None
        owned = [
            e
            for e in reversed(self.ctx.state.entries)
            if e.reveal and e.reveal.edition_id == edition.id
        ][:3]
        width = max(40, min(120, round((area.height - 30) / 1.55), (area.width - 150) // 1))
        fan_centre = area.center
        for i in range(3):
            angle = (i - 1) * -12
            reveal = owned[i].reveal if i < len(owned) else None
            species = content.species.get(reveal.species_id) if reveal else None
            key = (
                edition.id,
                species.id if species else "",
                angle * 1000 + width,
                gfx.current_scale(),
            )
            turned = self.turned.get(key)
            if turned is None:
                # a card not drawn yet (over this frame's time for new cards) shows its back
                # for a frame or two, so the screen opens at once
                front = (
                    self.ctx.cards.front_in_time(species, edition, width, self.ctx.lang)
                    if species
                    else None
                )
                card = front or self.ctx.cards.back(edition, width, self.ctx.lang)
                turned = gfx.rotozoom(card, angle, 1.0)
                if front is not None or species is None:
                    self.turned[key] = turned
                else:
                    self.cards_pending = True
            offset = (i - 1) * round(width * 0.58)
            surface.blit(
                turned,
                turned.get_rect(center=(fan_centre[0] - offset, fan_centre[1] + abs(i - 1) * 10)),
            )
