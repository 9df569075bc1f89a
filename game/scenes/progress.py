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
BADGES = pygame.Rect(LEFT.right + 24, LEFT.top, WIDTH - LEFT.right - 56, LEFT.height)
WEEKS = 12
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
        self.shown_rows = 1  # badges that fit on the panel, known after drawing

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
        return self.shown_rows

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            limit = max(0, len(self.badges) - self.visible_rows())
            self.scroll = max(0, min(limit, self.scroll - event.y))
            return True
        return super().handle_event(event)

    def draw_body(self, surface: pygame.Surface) -> None:
        assert self.progress is not None
        top = self.draw_level(surface)
        self.draw_chart(
            surface,
            pygame.Rect(LEFT.left, top.bottom + 20, LEFT.width, LEFT.bottom - top.bottom - 20),
        )
        self.draw_badges(surface)

    def _level_lines(self) -> list[tuple[str, pygame.font.Font, theme.Colour, bool]]:
        """(words, font, colour, a bar after them) of the level panel, top to bottom."""
        assert self.progress is not None
        res, level, streak = self.ctx.res, self.progress.level, self.progress.streak
        lines = [
            (self.tr("Collection level"), res.font(18), theme.INK_SOFT, False),
            (
                self.tr(level.level.name),
                res.font(34, bold=True),
                theme.ENERGY_DARK,
                level.next is not None,
            ),
        ]
        if level.next is not None:
            lines.append(
                (
                    self.tr.plural(
                        level.to_next,
                        "{count} more species to {next}",
                        "{count} more species to {next}",
                        next=self.tr(level.next.name),
                    ),
                    res.font(18),
                    theme.INK_SOFT,
                    False,
                )
            )
        lines.append(
            (
                self.tr.plural(
                    streak.current,
                    "Day streak: {count} day (best {best})",
                    "Day streak: {count} days (best {best})",
                    best=streak.best,
                ),
                res.font(18, bold=True),
                theme.INK,
                False,
            )
        )
        lines.append(
            (
                self.tr("A missed day never takes away anything you earned."),
                res.font(18),
                theme.INK_SOFT,
                False,
            )
        )
        return lines

    def draw_level(self, surface: pygame.Surface) -> pygame.Rect:
        """The collection level and the streak, in a panel as tall as they need."""
        assert self.progress is not None
        level = self.progress.level
        width = LEFT.width - 48
        lines = self._level_lines()
        height = 36 + sum(
            draw.paragraph_height(t, f, width, 0) + (22 if bar else 4) for t, f, _, bar in lines
        )
        panel = pygame.Rect(LEFT.left, LEFT.top, LEFT.width, height)
        draw.panel(surface, panel)
        x, y = panel.left + 24, panel.top + 18
        for words, font, colour, bar in lines:
            y += draw.paragraph(
                surface, words, font, colour, pygame.Rect(x, y, width, panel.bottom - y), line_gap=0
            )
            if bar and level.next is not None:
                span = max(1, level.next.species - level.level.species)
                done = (level.owned - level.level.species) / span
                draw.progress_bar(
                    surface, pygame.Rect(x, y + 4, width, 12), done, theme.ENERGY_DARK
                )
                y += 22
            else:
                y += 4
        return panel

    def draw_chart(self, surface: pygame.Surface, panel: pygame.Rect) -> None:
        assert self.saved is not None
        res, lang = self.ctx.res, self.ctx.lang
        draw.panel(surface, panel)
        x, y, width = panel.left + 24, panel.top + 16, panel.width - 48
        heading, text, small = res.font(18, bold=True), res.font(18), res.font(18)
        title = self.tr("CO₂e you kept out of the air, week by week")
        y += draw.paragraph(
            surface,
            title,
            heading,
            theme.INK,
            pygame.Rect(x, y, width, panel.bottom - y),
            line_gap=0,
        )
        total = self.tr("{kg} kg in all", kg=self.tr.number(self.saved.total_g / 1000, 1))
        if self.saved.trees is not None and self.saved.tree_equivalent is not None:
            total += " · " + self.tr(
                "{trees} × {tree}",
                trees=self.tr.number(self.saved.trees, 2),
                tree=self.saved.tree_equivalent.name.get(lang),
            )
        y += draw.paragraph(
            surface,
            total,
            text,
            theme.INK_SOFT,
            pygame.Rect(x, y, width, panel.bottom - y),
            line_gap=0,
        )
        y += small.get_linesize() + 6  # room for the values above the bars
        area = pygame.Rect(x, y, width, panel.bottom - 14 - small.get_linesize() - 6 - y)
        if area.height < 20:
            return
        gfx.line(surface, theme.PANEL_DIM, area.bottomleft, area.bottomright, 2)
        peak = max((w.grams for w in self.weeks), default=0)
        slot = area.width / max(1, len(self.weeks))
        label_every = 1
        widest = max(
            (small.size(self.tr.day_month(w.monday, numeric=True))[0] for w in self.weeks),
            default=0,
        )
        while widest + 8 > slot * label_every:
            label_every += 1
        for i, week in enumerate(self.weeks):
            left = round(area.left + i * slot + slot * 0.15)
            bar_w = max(2, round(slot * 0.7))
            height = round(area.height * week.grams / peak) if peak else 0
            bar = pygame.Rect(left, area.bottom - height, bar_w, height)
            if height:
                gfx.rect(
                    surface,
                    theme.ENERGY_DARK,
                    bar,
                    border_top_left_radius=4,
                    border_top_right_radius=4,
                )
                kg = week.grams / 1000
                value = self.tr.number(kg, 1 if kg < 10 else 0)
                if small.size(value)[0] <= slot - 2 or week.grams == peak:
                    draw.text(
                        surface,
                        value,
                        small,
                        theme.INK_SOFT,
                        (bar.centerx, bar.top - 2),
                        "midbottom",
                    )
            if (len(self.weeks) - 1 - i) % label_every == 0:
                label = self.tr.day_month(week.monday, numeric=True)
                draw.text(
                    surface, label, small, theme.INK_SOFT, (bar.centerx, area.bottom + 6), "midtop"
                )
        if not peak:
            draw.paragraph(
                surface,
                self.tr("Log an eco-action and your first bar appears here."),
                text,
                theme.INK_SOFT,
                area.inflate(-40, -20),
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

    def _badge_height(self, badge: Badge, width: int) -> int:
        res = self.ctx.res
        name = draw.paragraph_height(self.tr(badge.name), res.font(18, bold=badge.earned), width, 0)
        return max(PICTURE + 12, name + res.font(18).get_linesize() + 10)

    def draw_badges(self, surface: pygame.Surface) -> None:
        assert self.progress is not None
        res = self.ctx.res
        draw.panel(surface, BADGES)
        badges = self.badges
        earned = sum(1 for b in badges if b.earned)
        x = BADGES.left + 24
        heading = res.font(20, bold=True)
        draw.text(
            surface,
            self.tr("Badges: {earned} of {total}", earned=earned, total=len(badges)),
            heading,
            theme.INK,
            (x, BADGES.top + 16),
        )
        y = BADGES.top + 16 + heading.get_linesize() + 10
        more_font = res.font(18)
        width = BADGES.width - 48
        count_w = res.font(18).size("99/99")[0] + 12
        text_w = width - 50 - count_w
        bottom = BADGES.bottom - 12
        shown = 0
        for index, badge in enumerate(badges[self.scroll :]):
            height = self._badge_height(badge, text_w)
            # keep a line for "Scroll for more" unless this is the last badge
            last = self.scroll + index == len(badges) - 1
            if y + height > bottom - (0 if last else more_font.get_linesize() + 4):
                break
            picture = self.picture(badge)
            surface.blit(picture, picture.get_rect(center=(x + 20, y + PICTURE // 2)))
            name_font = res.font(18, bold=badge.earned)
            used = draw.paragraph(
                surface,
                self.tr(badge.name),
                name_font,
                theme.INK if badge.earned else theme.INK_SOFT,
                pygame.Rect(x + 50, y, text_w, height),
                line_gap=0,
            )
            if badge.earned and badge.earned_on is not None:
                when = self.tr("earned {date}", date=badge.earned_on)
                draw.paragraph(
                    surface,
                    when,
                    res.font(18),
                    theme.ENERGY_DARK,
                    pygame.Rect(x + 50, y + used, text_w, height - used),
                    line_gap=0,
                )
            else:
                draw.progress_bar(
                    surface,
                    pygame.Rect(x + 50, y + used + 8, text_w, 8),
                    badge.have / max(1, badge.need),
                    theme.INK_SOFT,
                )
            draw.text(
                surface,
                f"{min(badge.have, badge.need)}/{badge.need}",
                res.font(18),
                theme.INK_SOFT,
                (x + width, y + 4),
                "topright",
            )
            y += height
            shown += 1
        self.shown_rows = max(1, shown)
        if self.scroll + shown < len(badges):
            draw.text(
                surface,
                self.tr("Scroll for more"),
                more_font,
                theme.INK_SOFT,
                (BADGES.centerx, BADGES.bottom - 10),
                "midbottom",
            )
