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
        self.buttons.add(
            Button(
                pygame.Rect(WIDTH - 24 - 200, 18, 200, 50),
                self.tr("Refresh"),
                self.refresh,
                self.ctx.res.font(22, bold=True),
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

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(BG)
        res = self.ctx.res
        draw.text(
            surface,
            self.tr(self.title),
            res.font(40, bold=True),
            theme.WHITE,
            (168, HEADER // 2),
            "midleft",
        )
        self.draw_forest(surface)
        self.draw_goal(surface)
        self.draw_album(surface)
        self.buttons.draw(surface)

    def draw_forest(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        name = self.goal_name or self.tr("Our class forest")
        draw.text(
            surface,
            draw.clip(name, res.font(40, bold=True), FOREST.width),
            res.font(40, bold=True),
            theme.ACCENT,
            (FOREST.left, FOREST.top - 40),
            "midleft",
        )
        gfx.rect(surface, SKY, FOREST, border_radius=18)
        ground = pygame.Rect(FOREST.left, FOREST.bottom - 90, FOREST.width, 90)
        gfx.rect(
            surface, GROUND, ground, border_bottom_left_radius=18, border_bottom_right_radius=18
        )
        grown = self.totals.goal_fraction * ease_out_cubic(self.grow.t) * TREES
        sizes = {i: max(0.0, min(1.0, grown - i)) for i in range(TREES)}  # one after another
        order = sorted(range(TREES), key=lambda i: self.spots[i][1])  # the back row first
        for i in order:
            x_frac, row = self.spots[i]
            x = FOREST.left + 20 + round(x_frac * (FOREST.width - 40))
            y = ground.top + 12 + row * 30
            if sizes[i] <= 0:
                gfx.circle(surface, LEAVES_DARK, (x, y), 5)  # a seed waiting to grow
                continue
            self._tree(surface, x, y, (0.3 + 0.7 * sizes[i]) * (0.7 + 0.15 * row))

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
        bar = pygame.Rect(FOREST.left, FOREST.bottom + 24, FOREST.width, 40)
        draw.progress_bar(surface, bar, fraction, theme.ENERGY, track=theme.hex_colour("#23412f"))
        done = tr("{amount} kg", amount=tr.number(self.totals.co2e_g / 1000, 1))
        goal = tr("of {amount} kg CO2e", amount=tr.number(self.totals.goal_g / 1000, 1))
        rect = draw.text(
            surface, done, res.font(48, bold=True), theme.WHITE, (bar.left, bar.bottom + 12)
        )
        draw.text(
            surface,
            draw.clip(goal, res.font(28, bold=True), bar.right - rect.right - 130),
            res.font(28, bold=True),
            theme.WHITE,
            (rect.right + 14, rect.bottom - 8),
            "bottomleft",
        )
        draw.text(
            surface,
            tr.percent(self.totals.goal_fraction),
            res.font(48, bold=True),
            theme.ENERGY,
            (bar.right, bar.bottom + 12),
            "topright",
        )

    def draw_album(self, surface: pygame.Surface) -> None:
        res, tr = self.ctx.res, self.tr
        content = self.ctx.content
        assert content is not None
        draw.text(
            surface,
            tr("Our class album"),
            res.font(36, bold=True),
            theme.ACCENT,
            (ALBUM.left, ALBUM.top + 30),
            "midleft",
        )
        y = ALBUM.top + 70
        found = self.totals.album
        for edition in content.editions.values():
            members = content.species_in(edition.id)
            have = [s for s in members if s.id in found]
            title_font = res.font(28, bold=True)
            draw.text(
                surface,
                draw.clip(edition.title.get(self.ctx.lang), title_font, ALBUM.width),
                title_font,
                theme.WHITE,
                (ALBUM.left, y),
            )
            count = tr("{found} of {count} species", found=len(have), count=len(members))
            draw.text(surface, count, res.font(34, bold=True), theme.ENERGY, (ALBUM.left, y + 38))
            colour = theme.edition_colour(edition.id, edition.color)
            bar = pygame.Rect(ALBUM.left, y + 88, ALBUM.width, 16)
            draw.progress_bar(
                surface,
                bar,
                len(have) / max(1, len(members)),
                colour,
                track=theme.hex_colour("#23412f"),
            )
            x = ALBUM.left
            for species in have[:THUMBS]:
                card = self.ctx.cards.front_in_time(species, edition, THUMB_W, self.ctx.lang)
                image = card or self.ctx.cards.back(edition, THUMB_W, self.ctx.lang)
                surface.blit(image, (x, y + 116))
                x += THUMB_W + 6
            if len(have) > THUMBS:
                draw.text(
                    surface,
                    f"+{len(have) - THUMBS}",
                    res.font(24, bold=True),
                    theme.WHITE,
                    (x + 4, y + 116 + THUMB_W * 7 // 10),
                    "midleft",
                )
            y += 116 + (round(THUMB_W * 1.4) + 24 if have else 8)
        if not found:
            draw.paragraph(
                surface,
                tr("No species found yet: every card anyone reveals will show here."),
                res.font(24),
                theme.WHITE,
                pygame.Rect(ALBUM.left, y, ALBUM.width, 120),
            )
        footer, colour = tr("Everyone's actions grow the forest together."), theme.PANEL_DIM
        if self.totals.left_out:  # the forest grows only from entries the rules accept
            footer = tr.plural(
                self.totals.left_out,
                "{count} entry that breaks the game's rules is not counted.",
                "{count} entries that break the game's rules are not counted.",
            )
            colour = theme.ACCENT
        font = res.font(24, bold=True)
        draw.text(
            surface,
            draw.clip(footer, font, WIDTH - 48),
            font,
            colour,
            (WIDTH // 2, HEIGHT - 24),
            "midbottom",
        )
