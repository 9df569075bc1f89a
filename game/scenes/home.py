"""Home: the player's energy, today's actions, and every edition with its progress.

The editions sit in a row of tiles; with more than fit, the row scrolls (arrows or the wheel),
so every edition in the decks can be reached.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.context import GameContext
from game.core import economy, impact, reveals
from game.core.messages import N_
from game.core.models import Edition
from game.core.progress import collection_level, streak
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, textfit, theme
from game.ui.avatar import draw_avatar
from game.ui.widgets import Button

LEFT_W = 380
MARGIN = 32
SHOWN = 3  # edition tiles in view at once
ROW = pygame.Rect(MARGIN * 2 + LEFT_W, HEADER + 24, 0, HEIGHT - HEADER - 24 - MARGIN)
ROW.width = WIDTH - ROW.left - MARGIN


class HomeScene(ScreenScene):
    back_label = N_("Players")

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        # the tilted cards of each edition's fan, turned once rather than every frame
        self.turned: dict[tuple[str, str, int, float], pygame.Surface] = {}
        self.cards_pending = False  # a card of the fans is still to be drawn
        self.first_edition = 0  # the leftmost edition tile in view

    def resume(self) -> None:
        self.turned.clear()  # new cards may have been found, or the decks reloaded
        super().resume()

    def back(self) -> None:
        self.ctx.nav.leave_profile()

    @property
    def editions(self) -> list[Edition]:
        assert self.ctx.content is not None
        return list(self.ctx.content.editions.values())

    def scroll_editions(self, step: int) -> None:
        last = max(0, len(self.editions) - SHOWN)
        self.first_edition = max(0, min(last, self.first_edition + step))
        self.layout()

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.ctx.save.meta.name if self.ctx.save else ""

    def layout(self) -> None:
        super().layout()
        res = self.ctx.res
        self.buttons.add(
            Button(
                pygame.Rect(MARGIN, HEADER + 24, LEFT_W, 96),
                self.tr("Log an eco-action"),
                self.log_action,
                res.font(30, bold=True),
                colour=theme.ENERGY_DARK,
                hotkey=pygame.K_l,
                sublabel=self.tr("walk, cycle, recycle…"),
                sub_font=res.font(18),
            )
        )
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH - 330 - 24 - 200, 18, 200, 48),
                self.tr("My progress"),
                self.show_progress,
                res.font(20, bold=True),
                colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
                hotkey=pygame.K_p,
            )
        )
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH - 330 - 24 - 200 - 16 - 150 - 16 - 120, 18, 120, 48),
                self.tr("Quiz"),
                self.ctx.nav.quiz,
                res.font(20, bold=True),
                colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
                hotkey=pygame.K_q,
            )
        )
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH - 330 - 24 - 200 - 16 - 150, 18, 150, 48),
                self.tr("Settings"),
                self.ctx.nav.settings,
                res.font(20, bold=True),
                colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
            )
        )
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
            reveal_button = Button(
                pygame.Rect(rect.left + 20, rect.bottom - 150, rect.width - 40, 64),
                label,
                partial(self.reveal, edition),
                res.font(24, bold=True),
                colour=theme.ACCENT,
                text_colour=theme.INK,
                enabled=affordable and not progress.complete and closed is None and not off,
                sublabel=None
                if progress.complete
                else self.tr("off for now")
                if off
                else self.tr("costs {cost} g", cost=edition.reveal_cost),
                sub_font=res.font(16),
            )
            self.buttons.add(reveal_button)
            fresh = sum(1 for s in content.species_in(edition.id) if s.id in new)
            self.buttons.add(
                Button(
                    pygame.Rect(rect.left + 20, rect.bottom - 72, rect.width - 40, 52),
                    self.tr("Open album"),
                    partial(self.album, edition),
                    res.font(20, bold=True),
                    colour=theme.edition_colour(edition.id, edition.color),
                    sublabel=self.tr.plural(
                        fresh, "{count} new card to look at", "{count} new cards to look at"
                    )
                    if fresh
                    else None,
                    sub_font=res.font(14, bold=True),
                )
            )
        if len(self.editions) > SHOWN:
            for label, step, x in (("‹", -1, ROW.left - 26), ("›", +1, ROW.right - 18)):
                self.buttons.add(
                    Button(
                        pygame.Rect(x, ROW.centery - 40, 44, 80),
                        label,
                        partial(self.scroll_editions, step),
                        res.font(34, bold=True),
                        colour=theme.INK,
                        hold=0,
                        enabled=0 <= self.first_edition + step <= len(self.editions) - SHOWN,
                    )
                )

    def edition_rects(self) -> list[tuple[Edition, pygame.Rect]]:
        editions = self.editions[self.first_edition : self.first_edition + SHOWN]
        gap = 24
        width = (
            (ROW.width - gap * (SHOWN - 1)) // SHOWN
            if len(self.editions) >= SHOWN
            else (ROW.width - gap * (len(editions) - 1)) // max(1, len(editions))
        )
        return [
            (e, pygame.Rect(ROW.left + i * (width + gap), ROW.top, width, ROW.height))
            for i, e in enumerate(editions)
        ]

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and len(self.editions) > SHOWN:
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
        draw_avatar(
            surface, self.ctx.res, self.title, (192, HEADER // 2), 28, self.ctx.settings.avatar
        )
        settings = next(b for b in self.buttons.buttons if b.on_click == self.ctx.nav.quiz)
        box = pygame.Rect(228, 8, settings.rect.left - 228 - 16, HEADER - 16)
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
        self.draw_energy_chip(surface, pygame.Rect(WIDTH - 330, 16, 306, 52))

    @property
    def animating(self) -> bool:
        return self.cards_pending or super().animating

    def draw_body(self, surface: pygame.Surface) -> None:
        self.cards_pending = False  # until a card of the fans is found missing
        self.draw_today(
            surface, pygame.Rect(MARGIN, HEADER + 140, LEFT_W, HEIGHT - HEADER - 140 - MARGIN)
        )
        for edition, rect in self.edition_rects():
            self.draw_edition(surface, edition, rect)

    def draw_today(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        res, state, content = self.ctx.res, self.ctx.state, self.ctx.content
        assert content is not None
        draw.panel(surface, rect)
        today = self.ctx.now().date()
        earned_today = state.earned_day_total(today)
        y = rect.top + 18
        draw.text(
            surface, self.tr("Today"), res.font(22, bold=True), theme.INK, (rect.left + 20, y)
        )
        draw.text(
            surface,
            self.tr("+{amount} g", amount=earned_today),
            res.font(22, bold=True),
            theme.ENERGY_DARK,
            (rect.right - 20, y),
            "topright",
        )
        left = economy.day_left(state, today)
        draw.text(
            surface,
            self.tr(
                "Still to earn today: {left} g of {total} g",
                left=left,
                total=economy.Rules().daily_total_g,
            )
            if left
            else self.tr("Today's energy is all earned. Come back tomorrow!"),
            res.font(15, bold=not left),
            theme.INK_SOFT,
            (rect.left + 20, y + 32),
        )
        y += 62
        recent = [
            e for e in reversed(state.entries) if e.kind == "earned" and e.seq not in state.undone
        ][:4]
        if not recent:
            draw.paragraph(
                surface,
                self.tr(
                    "Nothing logged yet. Every walk, bus ride or "
                    "plastic bag you skip earns green energy."
                ),
                res.font(18),
                theme.INK_SOFT,
                pygame.Rect(rect.left + 20, y, rect.width - 40, 120),
            )
        for entry in recent:
            action = content.actions.get(entry.action_id or "")
            name = action.name.get(self.ctx.lang) if action else entry.action_id or "?"
            when = self.tr("today") if entry.day == today else self.tr.day_month(entry.day)
            draw.text(surface, name, res.font(17), theme.INK, (rect.left + 20, y))
            draw.text(
                surface,
                self.tr("+{amount} g", amount=entry.amount_g),
                res.font(17, bold=True),
                theme.ENERGY_DARK,
                (rect.right - 20, y),
                "topright",
            )
            draw.text(surface, when, res.font(14), theme.INK_SOFT, (rect.left + 20, y + 22))
            y += 48
        self.draw_you_so_far(
            surface, pygame.Rect(rect.left + 20, rect.bottom - 118, rect.width - 40, 104)
        )

    def draw_you_so_far(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Collection level, day streak and CO2e saved: things that only ever grow."""
        res, lang, state, content = self.ctx.res, self.ctx.lang, self.ctx.state, self.ctx.content
        assert content is not None
        gfx.line(surface, theme.PANEL_DIM, rect.topleft, rect.topright, 2)
        level = collection_level(len(state.owned))
        line = self.tr(level.level.name)
        if level.next is not None:
            line += " · " + self.tr.plural(
                level.to_next,
                "{count} more species to {next}",
                "{count} more species to {next}",
                next=self.tr(level.next.name),
            )
        draw.text(surface, line, res.font(17, bold=True), theme.INK, (rect.left, rect.top + 10))
        days = streak(state, self.ctx.now().date())
        draw.text(
            surface,
            self.tr.plural(
                days.current,
                "Day streak: {count} day (best {best})",
                "Day streak: {count} days (best {best})",
                best=days.best,
            ),
            res.font(16),
            theme.INK_SOFT,
            (rect.left, rect.top + 40),
        )
        saved = impact.summary(state, content)
        kg = self.tr.number(saved.total_g / 1000, 1)
        if saved.trees is not None and saved.tree_equivalent is not None:
            tree = saved.tree_equivalent.name.get(lang)
            if saved.trees < 1:
                text = self.tr(
                    "CO₂e kept out of the air: {kg} kg, {pct} of a {tree}",
                    kg=kg,
                    pct=self.tr.percent(saved.trees),
                    tree=tree,
                )
            else:
                text = self.tr(
                    "CO₂e kept out of the air: {kg} kg = {trees} × {tree}",
                    kg=kg,
                    trees=self.tr.number(saved.trees, 1),
                    tree=tree,
                )
        else:
            text = self.tr("CO₂e kept out of the air: {kg} kg", kg=kg)
        draw.paragraph(
            surface,
            text,
            res.font(16),
            theme.INK_SOFT,
            pygame.Rect(rect.left, rect.top + 66, rect.width, 44),
            line_gap=0,
            max_lines=2,
        )

    def draw_edition(self, surface: pygame.Surface, edition: Edition, rect: pygame.Rect) -> None:
        res, content = self.ctx.res, self.ctx.content
        assert content is not None
        colour = theme.edition_colour(edition.id, edition.color)
        draw.panel(surface, rect)
        band = pygame.Rect(rect.left, rect.top, rect.width, 64)
        gfx.rect(
            surface,
            colour,
            band,
            border_top_left_radius=theme.RADIUS,
            border_top_right_radius=theme.RADIUS,
        )
        draw.text(
            surface,
            edition.title.get(self.ctx.lang),
            res.font(28, bold=True),
            theme.WHITE,
            band.center,
            "center",
        )
        progress = reveals.progress(content, edition.id, self.ctx.state)
        # a small fan: the newest cards found, or card backs when there are none yet
        owned = [
            e
            for e in reversed(self.ctx.state.entries)
            if e.reveal and e.reveal.edition_id == edition.id
        ][:3]
        fan_centre = (rect.centerx, band.bottom + 130)
        width = 120
        for i in range(3):
            angle = (i - 1) * -12
            reveal = owned[i].reveal if i < len(owned) else None
            species = content.species.get(reveal.species_id) if reveal else None
            key = (edition.id, species.id if species else "", angle, gfx.current_scale())
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
            offset = (i - 1) * 70
            surface.blit(
                turned,
                turned.get_rect(center=(fan_centre[0] - offset, fan_centre[1] + abs(i - 1) * 10)),
            )
        y = band.bottom + 250
        draw.text(
            surface,
            self.tr("{owned} of {total} species found", owned=progress.owned, total=progress.total),
            res.font(20, bold=True),
            theme.INK,
            (rect.left + 20, y),
        )
        draw.progress_bar(
            surface,
            pygame.Rect(rect.left + 20, y + 34, rect.width - 40, 14),
            progress.owned / max(1, progress.total),
            colour,
        )
        if progress.complete:
            note = self.tr("Edition complete: badge earned!")
        else:
            note = self.tr("{left} g of energy finds them all", left=progress.cost_left)
        closed = reveals.availability(edition, self.ctx.now().date())
        draw.text(
            surface,
            self.tr(closed) if closed else note,
            res.font(16),
            theme.INK_SOFT,
            (rect.left + 20, y + 58),
        )
        if not progress.complete and self.ctx.state.balance < edition.reveal_cost:
            need = edition.reveal_cost - self.ctx.state.balance
            draw.text(
                surface,
                self.tr("{need} g more to reveal", need=need),
                res.font(16, bold=True),
                theme.ENERGY_DARK,
                (rect.left + 20, y + 80),
                "topleft",
            )
