"""The class screen, made for a projector: the class forest growing towards the class goal, and
the class album (every species anyone in the class has found).

Large type and strong contrast, so it reads from the back of a room. It adds everyone up and
never shows one child's total, let alone ranks children. The totals are read in the action
that opens the screen (``ctx.nav.class_screen``) and again on "Refresh"; the screen only draws
them, the forest growing once from nothing (at once with reduced motion).
"""

from __future__ import annotations

import random

import pygame

from game.context import GameContext
from game.core.class_totals import ClassTotals
from game.core.messages import N_
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.probe import font_size
from game.ui.resources import MIN_TEXT
from game.ui.tween import Tween, ease_out_cubic
from game.ui.widgets import Button

BG = theme.hex_colour("#06170f")
SKY = theme.hex_colour("#0b2a3a")
GROUND = theme.hex_colour("#2f6b2a")
LEAVES = theme.hex_colour("#7fdc5a")
LEAVES_DARK = theme.hex_colour("#3fa33a")
TRUNK = theme.hex_colour("#8a5a2b")
FOREST = pygame.Rect(32, HEADER + 80, 720, 330)
ALBUM = pygame.Rect(FOREST.right + 32, HEADER + 16, WIDTH - FOREST.right - 64, 560)
ROWS, PER_ROW = 3, 8
TREES = ROWS * PER_ROW  # trees of a full forest (the goal reached)
GROW_SECONDS = 2.5
THUMB_W, THUMBS = 44, 9


class ClassScreenScene(ScreenScene):
    title = N_("Our class")

    def __init__(self, ctx: GameContext, totals: ClassTotals, goal_name: str) -> None:
        super().__init__(ctx)
        self.totals = totals
        self.goal_name = goal_name
        self.grow = Tween(0.0 if ctx.config.reduced_motion else GROW_SECONDS)
        # where the trees stand, in three rows: the same forest every time it is shown, filled
        # in an order that spreads the first trees across it
        rng = random.Random(7)
        spots = [
            ((col + 0.5 + 0.5 * (row % 2) + rng.uniform(-0.2, 0.2)) / (PER_ROW + 0.5), row)
            for row in range(ROWS)
            for col in range(PER_ROW)
        ]
        rng.shuffle(spots)
        self.spots = spots

    def layout(self) -> None:
        super().layout()
        font = self.ctx.res.font(22, bold=True)
        width = max(200, font.size(self.tr("Refresh"))[0] + 40)
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH - 24 - width, 18, width, 50),
                self.tr("Refresh"),
                self.refresh,
                font,
                colour=theme.ENERGY_DARK,
            )
        )

    def refresh(self) -> None:
        self.ctx.nav.class_screen(instead=True)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.grow.update(dt)

    @property
    def animating(self) -> bool:
        return not self.grow.done or super().animating

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.grow.done and event.type in (pygame.MOUSEBUTTONDOWN, pygame.KEYDOWN):
            self.grow.finish()  # skippable, like every animation
        return super().handle_event(event)

    # -- drawing -------------------------------------------------------------------------------

    def footer(self) -> tuple[str, pygame.font.Font]:
        words = self.tr("Everyone's actions grow the forest together.")
        if self.totals.left_out:  # the forest grows only from entries the rules accept
            words = self.tr.plural(
                self.totals.left_out,
                "{count} entry that breaks the game's rules is not counted.",
                "{count} entries that break the game's rules are not counted.",
            )
        return words, self.ctx.res.fitting_font(24, words, WIDTH - 64, bold=True)

    def forest_rect(self) -> pygame.Rect:
        """The forest, between its name and the goal under it, from the fonts' heights."""
        res = self.ctx.res
        name_h = res.font(40, bold=True).get_linesize()
        top = HEADER + 4 + name_h + 4
        numbers = res.font(48, bold=True).get_linesize()
        bottom = HEIGHT - 16 - self.footer()[1].get_linesize() - 8 - numbers - 12 - 40 - 20
        return pygame.Rect(FOREST.left, top, FOREST.width, max(150, bottom - top))

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(BG)
        res = self.ctx.res
        back = self.buttons.buttons[0].rect
        refresh = self.buttons.buttons[-1].rect
        box = pygame.Rect(back.right + 24, 4, refresh.left - 16 - back.right - 24, HEADER - 8)
        title = self.tr(self.title)
        font = res.fitting_font(40, title, box.width, bold=True)
        if font.get_linesize() > box.height:  # large text: as large as the header allows
            px = font_size(font) * box.height // font.get_linesize()  # in layout units
            font = res.font_px(max(MIN_TEXT, px), bold=True)
        draw.text(
            surface,
            title,
            font,
            theme.WHITE,
            (box.left, box.centery),
            "midleft",
            box=box,
        )
        self.draw_forest(surface)
        self.draw_goal(surface)
        self.draw_album(surface)
        words, font = self.footer()
        colour = theme.ACCENT if self.totals.left_out else theme.PANEL_DIM
        draw.text(surface, words, font, colour, (WIDTH // 2, HEIGHT - 16), "midbottom")
        self.buttons.draw(surface)

    def draw_forest(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        forest = self.forest_rect()
        name = self.goal_name or self.tr("Our class forest")
        font = res.fitting_font(40, name, forest.width, bold=True)
        draw.text(
            surface,
            draw.clip(name, font, forest.width),
            font,
            theme.ACCENT,
            (forest.left, forest.top - 4),
            "bottomleft",
        )
        gfx.rect(surface, SKY, forest, border_radius=18)
        ground_h = min(90, forest.height // 3)
        ground = pygame.Rect(forest.left, forest.bottom - ground_h, forest.width, ground_h)
        gfx.rect(
            surface, GROUND, ground, border_bottom_left_radius=18, border_bottom_right_radius=18
        )
        grown = self.totals.goal_fraction * ease_out_cubic(self.grow.t) * TREES
        sizes = {i: max(0.0, min(1.0, grown - i)) for i in range(TREES)}  # one after another
        order = sorted(range(TREES), key=lambda i: self.spots[i][1])  # the back row first
        shrink = min(1.0, forest.height / FOREST.height)
        for i in order:
            x_frac, row = self.spots[i]
            x = forest.left + 20 + round(x_frac * (forest.width - 40))
            y = ground.top + 12 + round(row * 30 * shrink)
            if sizes[i] <= 0:
                gfx.circle(surface, LEAVES_DARK, (x, y), 5)  # a seed waiting to grow
                continue
            self._tree(surface, x, y, (0.3 + 0.7 * sizes[i]) * (0.7 + 0.15 * row) * shrink)

    @staticmethod
    def _tree(surface: pygame.Surface, x: int, y: int, scale: float) -> None:
        height = round(150 * scale)
        trunk = pygame.Rect(0, 0, max(4, round(14 * scale)), round(height * 0.4))
        trunk.midbottom = (x, y)
        gfx.rect(surface, TRUNK, trunk)
        radius = max(6, round(36 * scale))
        top = y - height + radius
        for dx, dy, r in ((0, 0, 1.0), (-0.7, 0.55, 0.8), (0.7, 0.55, 0.8)):
            centre = (x + round(dx * radius), top + round(dy * radius))
            gfx.circle(surface, LEAVES_DARK, centre, round(r * radius) + 3)
            gfx.circle(surface, LEAVES, centre, round(r * radius))

    def draw_goal(self, surface: pygame.Surface) -> None:
        res, tr = self.ctx.res, self.tr
        fraction = self.totals.goal_fraction * ease_out_cubic(self.grow.t)
        forest = self.forest_rect()
        bar = pygame.Rect(forest.left, forest.bottom + 20, forest.width, 40)
        draw.progress_bar(surface, bar, fraction, theme.ENERGY, track=theme.hex_colour("#23412f"))
        done = tr("{amount} kg", amount=tr.number(self.totals.co2e_g / 1000, 1))
        goal = tr("of {amount} kg CO2e", amount=tr.number(self.totals.goal_g / 1000, 1))
        big = res.font(48, bold=True)
        rect = draw.text(surface, done, big, theme.WHITE, (bar.left, bar.bottom + 12))
        percent = draw.text(
            surface,
            tr.percent(self.totals.goal_fraction),
            big,
            theme.ENERGY,
            (bar.right, bar.bottom + 12),
            "topright",
        )
        room = percent.left - 14 - rect.right - 14
        font = res.fitting_font(28, goal, room, bold=True)
        draw.text(
            surface,
            draw.clip(goal, font, room),
            font,
            theme.WHITE,
            (rect.right + 14, rect.bottom - 8),
            "bottomleft",
        )

    def draw_album(self, surface: pygame.Surface) -> None:
        res, tr = self.ctx.res, self.tr
        content = self.ctx.content
        assert content is not None
        heading = tr("Our class album")
        font = res.fitting_font(36, heading, ALBUM.width, bold=True)
        draw.text(surface, heading, font, theme.ACCENT, (ALBUM.left, ALBUM.top))
        y = ALBUM.top + font.get_linesize() + 8
        bottom = HEIGHT - 16 - self.footer()[1].get_linesize() - 8
        found = self.totals.album
        thumb_h = round(THUMB_W * 1.4)
        for edition in content.editions.values():
            members = content.species_in(edition.id)
            have = [s for s in members if s.id in found]
            title = edition.title.get(self.ctx.lang)
            title_font = res.fitting_font(28, title, ALBUM.width, bold=True)
            count = tr("{found} of {count} species", found=len(have), count=len(members))
            count_font = res.fitting_font(34, count, ALBUM.width, bold=True)
            if y + title_font.get_linesize() + count_font.get_linesize() + 24 > bottom:
                break  # no room for more editions (with large text): the first ones show
            draw.text(
                surface,
                draw.clip(title, title_font, ALBUM.width),
                title_font,
                theme.WHITE,
                (ALBUM.left, y),
            )
            y += title_font.get_linesize()
            draw.text(surface, count, count_font, theme.ENERGY, (ALBUM.left, y))
            y += count_font.get_linesize() + 4
            colour = theme.edition_colour(edition.id, edition.color)
            bar = pygame.Rect(ALBUM.left, y, ALBUM.width, 16)
            draw.progress_bar(
                surface,
                bar,
                len(have) / max(1, len(members)),
                colour,
                track=theme.hex_colour("#23412f"),
            )
            y += 16 + 12
            if have and y + thumb_h <= bottom:
                x = ALBUM.left
                more = res.font(24, bold=True)
                fit = min(THUMBS, (ALBUM.width - more.size("+99")[0] - 8) // (THUMB_W + 6))
                for species in have[:fit]:
                    card = self.ctx.cards.front_in_time(species, edition, THUMB_W, self.ctx.lang)
                    image = card or self.ctx.cards.back(edition, THUMB_W, self.ctx.lang)
                    surface.blit(image, (x, y))
                    x += THUMB_W + 6
                if len(have) > fit:
                    draw.text(
                        surface,
                        f"+{len(have) - fit}",
                        more,
                        theme.WHITE,
                        (x + 4, y + thumb_h // 2),
                        "midleft",
                    )
                y += thumb_h + 16
        if not found:
            words = tr("No species found yet: every card anyone reveals will show here.")
            room = pygame.Rect(ALBUM.left, y, ALBUM.width, max(0, bottom - y))
            draw.paragraph(surface, words, self._font_for(words, room), theme.WHITE, room)

    def _font_for(self, words: str, room: pygame.Rect) -> pygame.font.Font:
        """The largest font (24 times the text size at most, MIN_TEXT at least) in which
        ``words``, wrapped, fit in ``room``."""
        res = self.ctx.res
        px = max(MIN_TEXT, round(24 * res.text_scale))
        while px > MIN_TEXT:
            if draw.paragraph_height(words, res.font_px(px), room.width) <= room.height:
                break
            px -= 1
        return res.font_px(px)
