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
from game.ui.widgets import Button, label_height

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
        self.columns, self.card_w = grid_for(len(self.members), self.grid)
        length = STAGGER * len(self.members) + POP
        self.timeline = Tween(0.0 if ctx.config.reduced_motion else length)

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.tr("{edition} complete!", edition=self.edition.title.get(self.ctx.lang))

    @property
    def grid(self) -> pygame.Rect:
        """The cards; narrower with large text, so that the words beside them have room."""
        narrower = (
            0 if self.ctx.res.text_scale < 1.2 else 80 if self.ctx.res.text_scale < 1.4 else 160
        )
        return pygame.Rect(GRID.left, GRID.top, GRID.width - narrower, GRID.height)

    @property
    def side(self) -> pygame.Rect:
        left = self.grid.right + 28
        return pygame.Rect(left, SIDE.top, WIDTH - left - 32, SIDE.height)

    @property
    def animating(self) -> bool:
        return not self.timeline.done or super().animating

    def layout(self) -> None:
        super().layout()
        self.columns, self.card_w = grid_for(len(self.members), self.grid)
        res, side = self.ctx.res, self.side
        width = side.width - 40
        label, sub = self.tr("Print a certificate"), self.tr("saved as a PDF to print")
        big, small, album_font = res.font(22, bold=True), res.font(18), res.font(20, bold=True)
        album_h = max(60, label_height(album_font, self.tr("Open album"), width))
        album = pygame.Rect(side.left + 20, side.bottom - 20 - album_h, width, album_h)
        print_h = max(64, label_height(big, label, width, (small, sub)))
        self.buttons.add(
            Button(
                pygame.Rect(side.left + 20, album.top - 12 - print_h, width, print_h),
                label,
                self.print_certificate,
                big,
                colour=theme.ACCENT,
                text_colour=theme.INK,
                hotkey=pygame.K_p,
                sublabel=sub,
                sub_font=small,
            )
        )
        self.buttons.add(
            Button(
                album,
                self.tr("Open album"),
                self.album,
                album_font,
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
        left = self.grid.left + (self.grid.width - used_w) // 2
        top = self.grid.top + (self.grid.height - used_h) // 2
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
        res, tr, summary, side = self.ctx.res, self.tr, self.summary, self.side
        draw.panel(surface, side)
        x, y, w = side.left + 24, side.top + 18, side.width - 48
        bottom = (
            min(
                (b.rect.top for b in self.buttons.buttons if side.contains(b.rect)),
                default=side.bottom,
            )
            - 10
        )

        def put(words: str, font: pygame.font.Font, ink: theme.Colour, left: int = 0) -> int:
            nonlocal y
            area = pygame.Rect(x + left, y, w - left, bottom - y)
            used = draw.paragraph(surface, words, font, ink, area, line_gap=0)
            y += used
            return used

        put(
            tr.plural(
                summary.species,
                "You found the {count} species!",
                "You found all {count} species!",
            ),
            res.font(22, bold=True),
            theme.INK,
        )
        if summary.finished_on is not None:
            put(
                tr("Finished on {date}", date=tr.date(summary.finished_on)),
                res.font(18),
                theme.INK_SOFT,
            )
        y += 12
        put(tr("The energy it took"), res.font(18), theme.INK_SOFT)
        shown = summary.energy_g * ease_out_cubic(self.timeline.t)
        grams = tr("{energy} g", energy=tr.number(round(shown)))
        put(grams, res.fitting_font(40, grams, w, bold=True), theme.ENERGY_DARK)
        meaning = tr(
            "of green energy: CO₂e your eco-actions kept out of the air. That is as much as"
        )
        rows = []  # (icon, words) of what the energy equals
        if summary.trees is not None and summary.tree_equivalent is not None:
            rows.append(
                (
                    "tree",
                    tr(
                        "{trees} × {tree}",
                        trees=tr.number(summary.trees, 1),
                        tree=summary.tree_equivalent.name.get(self.ctx.lang),
                    ),
                )
            )
        km = tr.number(summary.km_not_driven, 0 if summary.km_not_driven >= 10 else 1)
        rows.append(("walk", tr("{km} km not driven by car", km=km)))
        bold, text = res.font(20, bold=True), res.font(18)
        rows_h = sum(
            max(40, draw.paragraph_height(words, bold, w - 52, 0)) + 6 for _, words in rows
        )
        rows_h += text.get_linesize() * (len(rows) - 1)  # "or" between them
        if draw.paragraph_height(meaning, text, w, 0) + 8 + rows_h <= bottom - y:
            y += 4
            put(meaning, text, theme.INK_SOFT)
        y += 8
        for i, (icon, words) in enumerate(rows):
            if i:
                put(tr("or"), text, theme.INK_SOFT, 52)
            height = max(40, draw.paragraph_height(words, bold, w - 52, 0))
            if y + height > bottom:
                break
            if icon == "tree":
                _tree(surface, pygame.Rect(x, y + (height - 40) // 2, 40, 40))
            else:
                draw_icon(
                    surface,
                    "walk",
                    pygame.Rect(x, y + (height - 40) // 2, 40, 40),
                    theme.ENERGY_DARK,
                )
            words_h = draw.paragraph_height(words, bold, w - 52, 0)
            draw.paragraph(
                surface,
                words,
                bold,
                theme.INK,
                pygame.Rect(x + 52, y + (height - words_h) // 2, w - 52, words_h),
                line_gap=0,
            )
            y += height + 6


def _tree(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A small round tree: a trunk and a crown."""
    trunk = pygame.Rect(0, 0, max(3, rect.width // 6), rect.height // 2)
    trunk.midbottom = rect.midbottom
    gfx.rect(surface, theme.hex_colour("#8a5a3c"), trunk, border_radius=2)
    crown = rect.width * 0.36
    for dx, dy in ((-0.18, 0.42), (0.18, 0.42), (0.0, 0.3)):
        centre = (rect.centerx + dx * rect.width, rect.top + dy * rect.height)
        gfx.circle(surface, theme.ENERGY_DARK, centre, crown)
