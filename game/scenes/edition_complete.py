"""A finished edition: every card laid out, the energy it took and what that energy means, and
a certificate the child can print.

It opens right after the reveal that finishes an edition, and from the album of a finished
edition. The cards come in one after another and the energy counts up (skipped by any click or
key, and shown at once with reduced motion). Writing the certificate is the one action here,
on its button: a PDF in the saves folder's ``prints/``, and a toast that says where.
"""

from __future__ import annotations

import math

import pygame

from game.context import GameContext
from game.core.finished import FinishedEdition, finished_edition
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import certificate, draw, gfx, theme
from game.ui.cards import CARD_RATIO
from game.ui.icons import draw_icon
from game.ui.tween import Tween, ease_out_cubic
from game.ui.widgets import Button

GRID = pygame.Rect(32, HEADER + 12, 800, HEIGHT - HEADER - 36)
SIDE = pygame.Rect(GRID.right + 28, HEADER + 8, 0, HEIGHT - HEADER - 32)
SIDE.width = WIDTH - SIDE.left - 32
GAP = 8
STAGGER = 0.03  # seconds between two cards coming in
POP = 0.3  # seconds one card takes to come in


def grid_for(count: int, area: pygame.Rect, gap: int = GAP) -> tuple[int, int]:
    """(columns, card width) that show ``count`` cards in ``area`` as large as they fit."""
    best = (1, 1)
    for columns in range(1, count + 1):
        width = (area.width - (columns - 1) * gap) // columns
        rows = math.ceil(count / columns)
        height = round(width * CARD_RATIO)
        if width > 0 and rows * height + (rows - 1) * gap <= area.height and width > best[1]:
            best = (columns, width)
    return best


class EditionCompleteScene(ScreenScene):
    def __init__(self, ctx: GameContext, edition_id: str) -> None:
        super().__init__(ctx)
        assert ctx.content is not None
        self.edition_id = edition_id
        self.edition = ctx.content.editions[edition_id]
        self.members = ctx.content.species_in(edition_id)
        self.summary: FinishedEdition = finished_edition(ctx.content, ctx.state, edition_id)
        self.columns, self.card_w = grid_for(len(self.members), GRID)
        length = STAGGER * len(self.members) + POP
        self.timeline = Tween(0.0 if ctx.config.reduced_motion else length)

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.tr("{edition} complete!", edition=self.edition.title.get(self.ctx.lang))

    @property
    def animating(self) -> bool:
        return not self.timeline.done or super().animating

    def layout(self) -> None:
        super().layout()
        res = self.ctx.res
        self.buttons.add(
            Button(
                pygame.Rect(SIDE.left + 20, SIDE.bottom - 156, SIDE.width - 40, 64),
                self.tr("Print a certificate"),
                self.print_certificate,
                res.font(22, bold=True),
                colour=theme.ACCENT,
                text_colour=theme.INK,
                hotkey=pygame.K_p,
                sublabel=self.tr("saved as a PDF to print"),
                sub_font=res.font(14),
            )
        )
        self.buttons.add(
            Button(
                pygame.Rect(SIDE.left + 20, SIDE.bottom - 80, SIDE.width - 40, 60),
                self.tr("Open album"),
                self.album,
                res.font(20, bold=True),
                colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
            )
        )

    def album(self) -> None:
        self.ctx.nav.album(self.edition_id, instead=True)

    # -- the certificate ------------------------------------------------------------------------

    def certificate_text(self) -> certificate.CertificateText:
        tr, lang, summary = self.tr, self.ctx.lang, self.summary
        assert self.ctx.save is not None
        edition = self.edition.title.get(lang)
        energy = tr.number(summary.energy_g)
        km = tr.number(summary.km_not_driven, 0 if summary.km_not_driven >= 10 else 1)
        if summary.trees is not None and summary.tree_equivalent is not None:
            meaning = tr(
                "{energy} g of green energy went into these cards: CO₂e your eco-actions kept "
                "out of the air, as much as {trees} × {tree}, or {km} km not driven by car.",
                energy=energy,
                trees=tr.number(summary.trees, 1),
                tree=summary.tree_equivalent.name.get(lang),
                km=km,
            )
        else:
            meaning = tr(
                "{energy} g of green energy went into these cards: CO₂e your eco-actions kept "
                "out of the air, as much as {km} km not driven by car.",
                energy=energy,
                km=km,
            )
        day = summary.finished_on or self.ctx.now().date()
        return certificate.CertificateText(
            heading=tr("Certificate"),
            awarded_to=tr("This certificate is awarded to"),
            name=self.ctx.save.meta.name,
            achievement=tr.plural(
                summary.species,
                "for finding the {count} species of {edition}",
                "for finding all {count} species of {edition}",
                edition=edition,
            ),
            energy=meaning,
            species=tr.join(sp.name.get(lang) for sp in self.members),
            date=tr("Date: {date}", date=tr.date(day, "long")),
            signature="EcoCards",
            colour=theme.edition_colour(self.edition.id, self.edition.color),
        )

    def print_certificate(self) -> None:
        assert self.ctx.save is not None
        day = (self.summary.finished_on or self.ctx.now().date()).isoformat()
        name = certificate.file_name(self.ctx.save.meta.name, self.edition_id, day)
        try:
            path = certificate.save(
                self.certificate_text(),
                self.ctx.config.assets_dir / "fonts",
                self.ctx.config.saves_dir / "prints",
                name,
            )
        except OSError as exc:
            self.ctx.toast(
                self.tr("The certificate could not be saved: {error}", error=self.tr.error(exc)),
                error=True,
                seconds=8,
            )
            return
        self.ctx.toast(self.tr("Certificate saved: {path}", path=str(path)), seconds=10)

    # -- time and drawing -----------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.timeline.done and (
            event.type == pygame.MOUSEBUTTONUP
            or (event.type == pygame.KEYDOWN and event.key != pygame.K_ESCAPE)
        ):
            self.timeline.finish()
            self.buttons.busy()  # the click that skipped the cards coming in is not a button's
            return True
        return super().handle_event(event)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.timeline.update(dt)

    def card_rect(self, index: int) -> pygame.Rect:
        height = round(self.card_w * CARD_RATIO)
        rows = math.ceil(len(self.members) / self.columns)
        used_w = self.columns * self.card_w + (self.columns - 1) * GAP
        used_h = rows * height + (rows - 1) * GAP
        left = GRID.left + (GRID.width - used_w) // 2
        top = GRID.top + (GRID.height - used_h) // 2
        row, col = divmod(index, self.columns)
        return pygame.Rect(
            left + col * (self.card_w + GAP), top + row * (height + GAP), self.card_w, height
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        cards, lang = self.ctx.cards, self.ctx.lang
        elapsed = self.timeline.elapsed if not self.timeline.done else math.inf
        for index, species in enumerate(self.members):
            rect = self.card_rect(index)
            t = (elapsed - index * STAGGER) / POP
            if t <= 0:
                continue
            card = cards.front_in_time(species, self.edition, self.card_w, lang)
            if card is None:  # drawn in a frame or two
                card = cards.back(self.edition, self.card_w, lang)
            if t < 1:
                grow = 0.6 + 0.4 * ease_out_cubic(t)
                card = gfx.smoothscale_by(card, grow)
                card.set_alpha(round(255 * min(1.0, t * 1.5)))
            surface.blit(card, card.get_rect(center=rect.center))
        self.draw_side(surface)

    def draw_side(self, surface: pygame.Surface) -> None:
        res, tr, summary = self.ctx.res, self.tr, self.summary
        draw.panel(surface, SIDE)
        x, y, w = SIDE.left + 24, SIDE.top + 20, SIDE.width - 48
        draw.text(
            surface,
            tr.plural(
                summary.species,
                "You found the {count} species!",
                "You found all {count} species!",
            ),
            res.font(22, bold=True),
            theme.INK,
            (x, y),
        )
        if summary.finished_on is not None:
            draw.text(
                surface,
                tr("Finished on {date}", date=tr.date(summary.finished_on)),
                res.font(15),
                theme.INK_SOFT,
                (x, y + 32),
            )
        y += 70
        draw.text(surface, tr("The energy it took"), res.font(16), theme.INK_SOFT, (x, y))
        shown = summary.energy_g * ease_out_cubic(self.timeline.t)
        grams = tr("{energy} g", energy=tr.number(round(shown)))
        draw.text(surface, grams, res.font(40, bold=True), theme.ENERGY_DARK, (x, y + 20))
        y += 78
        used = draw.paragraph(
            surface,
            tr("of green energy: CO₂e your eco-actions kept out of the air. That is as much as"),
            res.font(15),
            theme.INK_SOFT,
            pygame.Rect(x, y, w, 44),
            max_lines=2,
        )
        y += used + 12
        if summary.trees is not None and summary.tree_equivalent is not None:
            _tree(surface, pygame.Rect(x, y, 40, 40))
            trees = tr(
                "{trees} × {tree}",
                trees=tr.number(summary.trees, 1),
                tree=summary.tree_equivalent.name.get(self.ctx.lang),
            )
            draw.text(
                surface, trees, res.font(20, bold=True), theme.INK, (x + 52, y + 20), "midleft"
            )
            y += 52
            draw.text(surface, tr("or"), res.font(15), theme.INK_SOFT, (x + 52, y - 6))
            y += 16
        draw_icon(surface, "walk", pygame.Rect(x, y, 40, 40), theme.ENERGY_DARK)
        km = tr.number(summary.km_not_driven, 0 if summary.km_not_driven >= 10 else 1)
        draw.text(
            surface,
            tr("{km} km not driven by car", km=km),
            res.font(20, bold=True),
            theme.INK,
            (x + 52, y + 20),
            "midleft",
        )


def _tree(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A small round tree: a trunk and a crown."""
    trunk = pygame.Rect(0, 0, max(3, rect.width // 6), rect.height // 2)
    trunk.midbottom = rect.midbottom
    gfx.rect(surface, theme.hex_colour("#8a5a3c"), trunk, border_radius=2)
    crown = rect.width * 0.36
    for dx, dy in ((-0.18, 0.42), (0.18, 0.42), (0.0, 0.3)):
        centre = (rect.centerx + dx * rect.width, rect.top + dy * rect.height)
        gfx.circle(surface, theme.ENERGY_DARK, centre, crown)
