"""My progress: the collection level, the day streak, what the actions added up to week by week,
and every badge with how close it is. Everything here only ever grows."""

from __future__ import annotations

import datetime as dt

import pygame

from game.context import GameContext
from game.core import impact
from game.core.messages import N_
from game.core.progress import Badge, Progress, summary
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.badges import badge_picture

LEFT = pygame.Rect(32, HEADER + 8, 560, 0)
LEFT.height = HEIGHT - LEFT.top - 32
TOP = pygame.Rect(LEFT.left, LEFT.top, LEFT.width, 200)
CHART = pygame.Rect(LEFT.left, TOP.bottom + 20, LEFT.width, LEFT.bottom - TOP.bottom - 20)
BADGES = pygame.Rect(LEFT.right + 24, LEFT.top, WIDTH - LEFT.right - 56, LEFT.height)
WEEKS = 12
ROW = 58
PICTURE = 46


class ProgressScene(ScreenScene):
    title = N_("My progress")

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.scroll = 0
        self.progress: Progress | None = None
        self.weeks: list[impact.WeekTotal] = []
        self.saved: impact.Impact | None = None
        self.pictures: dict[
            tuple[str, bool, int, float], pygame.Surface
        ] = {}  # drawn when first shown

    def start(self) -> None:
        assert self.ctx.content is not None
        today = self.ctx.now().date()
        self.progress = summary(self.ctx.content, self.ctx.state, today)
        self.weeks = impact.last_weeks(self.ctx.state, today, WEEKS)
        self.saved = impact.summary(self.ctx.state, self.ctx.content)
        super().start()

    @property
    def badges(self) -> list[Badge]:
        """Earned badges first (newest first), then the closest to being earned."""
        assert self.progress is not None
        every = [*self.progress.editions, *self.progress.streak_badges, *self.progress.groups]
        earned = sorted(
            (b for b in every if b.earned), key=lambda b: b.earned_on or dt.date.min, reverse=True
        )
        pending = sorted((b for b in every if not b.earned), key=lambda b: -b.have / b.need)
        return earned + pending

    def visible_rows(self) -> int:
        return (BADGES.height - 70) // ROW

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            limit = max(0, len(self.badges) - self.visible_rows())
            self.scroll = max(0, min(limit, self.scroll - event.y))
            return True
        return super().handle_event(event)

    def draw_body(self, surface: pygame.Surface) -> None:
        assert self.progress is not None
        self.draw_level(surface)
        self.draw_chart(surface)
        self.draw_badges(surface)

    def draw_level(self, surface: pygame.Surface) -> None:
        assert self.progress is not None
        res = self.ctx.res
        draw.panel(surface, TOP)
        level = self.progress.level
        x, y = TOP.left + 24, TOP.top + 18
        draw.text(surface, self.tr("Collection level"), res.font(16), theme.INK_SOFT, (x, y))
        draw.text(
            surface,
            self.tr(level.level.name),
            res.font(34, bold=True),
            theme.ENERGY_DARK,
            (x, y + 22),
        )
        if level.next is not None:
            span = max(1, level.next.species - level.level.species)
            done = (level.owned - level.level.species) / span
            draw.progress_bar(
                surface, pygame.Rect(x, y + 76, TOP.width - 48, 12), done, theme.ENERGY_DARK
            )
            draw.text(
                surface,
                self.tr.plural(
                    level.to_next,
                    "{count} more species to {next}",
                    "{count} more species to {next}",
                    next=self.tr(level.next.name),
                ),
                res.font(16),
                theme.INK_SOFT,
                (x, y + 94),
            )
        streak = self.progress.streak
        draw.text(
            surface,
            self.tr.plural(
                streak.current,
                "Day streak: {count} day (best {best})",
                "Day streak: {count} days (best {best})",
                best=streak.best,
            ),
            res.font(18, bold=True),
            theme.INK,
            (x, y + 130),
        )
        draw.text(
            surface,
            self.tr("A missed day never takes away anything you earned."),
            res.font(14),
            theme.INK_SOFT,
            (x, y + 156),
        )

    def draw_chart(self, surface: pygame.Surface) -> None:
        assert self.saved is not None
        res, lang = self.ctx.res, self.ctx.lang
        draw.panel(surface, CHART)
        x, y = CHART.left + 24, CHART.top + 18
        draw.text(
            surface,
            self.tr("CO₂e you kept out of the air, week by week"),
            res.font(18, bold=True),
            theme.INK,
            (x, y),
        )
        total = self.tr("{kg} kg in all", kg=self.tr.number(self.saved.total_g / 1000, 1))
        if self.saved.trees is not None and self.saved.tree_equivalent is not None:
            total += " · " + self.tr(
                "{trees} × {tree}",
                trees=self.tr.number(self.saved.trees, 2),
                tree=self.saved.tree_equivalent.name.get(lang),
            )
        draw.text(surface, total, res.font(15), theme.INK_SOFT, (x, y + 28))
        area = pygame.Rect(x, y + 70, CHART.width - 48, CHART.height - 130)
        gfx.line(surface, theme.PANEL_DIM, area.bottomleft, area.bottomright, 2)
        peak = max((w.grams for w in self.weeks), default=0)
        slot = area.width / max(1, len(self.weeks))
        small = res.font(12)
        for i, week in enumerate(self.weeks):
            left = round(area.left + i * slot + slot * 0.15)
            width = max(2, round(slot * 0.7))
            height = round(area.height * week.grams / peak) if peak else 0
            bar = pygame.Rect(left, area.bottom - height, width, height)
            if height:
                gfx.rect(
                    surface,
                    theme.ENERGY_DARK,
                    bar,
                    border_top_left_radius=4,
                    border_top_right_radius=4,
                )
                kg = week.grams / 1000
                draw.text(
                    surface,
                    self.tr.number(kg, 1 if kg < 10 else 0),
                    small,
                    theme.INK_SOFT,
                    (bar.centerx, bar.top - 2),
                    "midbottom",
                )
            if i % 2 == len(self.weeks) % 2 or i == len(self.weeks) - 1:
                label = self.tr.day_month(week.monday, numeric=True)
                draw.text(
                    surface, label, small, theme.INK_SOFT, (bar.centerx, area.bottom + 6), "midtop"
                )
        if not peak:
            draw.paragraph(
                surface,
                self.tr("Log an eco-action and your first bar appears here."),
                res.font(17),
                theme.INK_SOFT,
                area.inflate(-40, -60),
            )

    def picture(self, badge: Badge) -> pygame.Surface:
        key = (badge.id, badge.earned, badge.have, gfx.current_scale())
        picture = self.pictures.get(key)
        if picture is None:
            colour = None
            if badge.kind == "edition" and self.ctx.content is not None:
                edition = self.ctx.content.editions.get(badge.id.partition(":")[2])
                if edition is not None:
                    colour = theme.edition_colour(edition.id, edition.color)
            picture = badge_picture(self.ctx.res, badge, PICTURE, colour)
            self.pictures[key] = picture
        return picture

    def draw_badges(self, surface: pygame.Surface) -> None:
        assert self.progress is not None
        res = self.ctx.res
        draw.panel(surface, BADGES)
        badges = self.badges
        earned = sum(1 for b in badges if b.earned)
        x = BADGES.left + 24
        draw.text(
            surface,
            self.tr("Badges: {earned} of {total}", earned=earned, total=len(badges)),
            res.font(20, bold=True),
            theme.INK,
            (x, BADGES.top + 18),
        )
        y = BADGES.top + 60
        width = BADGES.width - 48
        for badge in badges[self.scroll : self.scroll + self.visible_rows()]:
            picture = self.picture(badge)
            surface.blit(picture, picture.get_rect(center=(x + 20, y + 20)))
            name_font = res.font(16, bold=badge.earned)
            draw.text(
                surface,
                draw.clip(self.tr(badge.name), name_font, width - 150),
                name_font,
                theme.INK if badge.earned else theme.INK_SOFT,
                (x + 50, y + 2),
            )
            if badge.earned and badge.earned_on is not None:
                when = self.tr("earned {date}", date=badge.earned_on)
                draw.text(surface, when, res.font(14), theme.ENERGY_DARK, (x + 50, y + 26))
            else:
                draw.progress_bar(
                    surface,
                    pygame.Rect(x + 50, y + 30, width - 150, 8),
                    badge.have / max(1, badge.need),
                    theme.INK_SOFT,
                )
            draw.text(
                surface,
                f"{min(badge.have, badge.need)}/{badge.need}",
                res.font(15),
                theme.INK_SOFT,
                (x + width, y + 10),
                "topright",
            )
            y += ROW
        hidden = len(badges) - self.visible_rows()
        if hidden > 0:
            draw.text(
                surface,
                self.tr("Scroll for more"),
                res.font(14),
                theme.INK_SOFT,
                (BADGES.centerx, BADGES.bottom - 14),
                "midbottom",
            )
