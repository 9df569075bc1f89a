"""Watch a new species turn over.

The card was paid for and saved before this screen opened (game.scenes.navigation.reveal); the
animation only shows it, and any click or key skips straight to the card. Once the card face has
been shown, the reveal is marked shown; one left before that (Esc, the window closed, a crash)
is shown again the next time the player opens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.context import GameContext
from game.core import reveals
from game.core.ledger import LedgerEntry
from game.core.messages import N_
from game.core.rarity import TIER_BY_ID
from game.core.vocab import CATEGORY_MEANINGS
from game.scenes.screen import HEADER, HEIGHT, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.cards import category_chip
from game.ui.tween import Tween, ease_in_out_sine, ease_out_cubic
from game.ui.widgets import Button, label_height

CARD_W = 330
STORY = pygame.Rect(560, HEADER, 620 + 60, 0)  # the words and buttons right of the card


@dataclass(frozen=True)
class Moment:
    """How a tier's card is revealed: the rarer the card, the longer and grander the moment; a
    Lost species turns slowly and quietly, without trembling or rays."""

    anticipation: float  # seconds the back trembles and glows
    flip: float  # seconds the card takes to turn
    settle: float  # seconds the face takes to settle
    wobble: float  # degrees the back trembles at its peak
    rays: int  # rays of light behind the face (0: none)
    pulse: float  # how much the glow behind the face breathes

    @property
    def length(self) -> float:
        return self.anticipation + self.flip + self.settle


MOMENTS = {
    "common": Moment(0.5, 0.45, 0.4, 2.0, 0, 0.10),
    "uncommon": Moment(0.7, 0.5, 0.45, 3.0, 0, 0.12),
    "rare": Moment(0.9, 0.6, 0.5, 3.0, 8, 0.15),
    "very-rare": Moment(1.2, 0.65, 0.6, 4.0, 12, 0.18),
    "legendary": Moment(1.8, 0.8, 0.9, 5.0, 18, 0.22),
    "lost": Moment(1.4, 1.2, 1.0, 0.0, 0, 0.0),
}


class RevealScene(ScreenScene):
    title = N_("New card")
    back_label = N_("Home")

    def __init__(self, ctx: GameContext, entry: LedgerEntry) -> None:
        super().__init__(ctx)
        assert entry.reveal is not None, "a reveal screen shows a reveal"
        self.entry = entry
        self.edition_id = entry.reveal.edition_id
        self.moment = MOMENTS.get(entry.reveal.tier, MOMENTS["common"])
        self.timeline = Tween(0.0 if ctx.config.reduced_motion else self.moment.length)
        self.time = 0.0
        self.shown = False
        self.finished = False  # this card finished its edition (known once the card is shown)

    def _card_shown(self) -> None:
        if not self.shown:
            self.shown = True
            assert self.entry.reveal is not None
            self.ctx.celebrate(f"reveal-{self.entry.reveal.tier}")
            self.ctx.nav.reveal_shown(self.entry)
            self.buttons.busy()  # the click that skipped the animation is not a button's

    @property
    def animating(self) -> bool:
        return not self.timeline.done

    def layout(self) -> None:
        super().layout()
        if self.animating:
            return
        assert self.ctx.content is not None
        res = self.ctx.res
        edition = self.ctx.content.editions[self.edition_id]
        progress = reveals.progress(self.ctx.content, self.edition_id, self.ctx.state)
        x, w = STORY.left, STORY.width
        half = (w - 20) // 2
        big, sub, small = res.font(22, bold=True), res.font(18), res.font(20, bold=True)
        album_h = max(56, label_height(small, self.tr("Open album"), w))
        album = pygame.Rect(x, HEIGHT - 24 - album_h, w, album_h)
        self.finished = progress.complete
        if self.finished:  # this card finished the edition: its own screen comes next
            second = (self.tr("Edition complete!"), self.tr("see all your cards"))
        else:
            second = (
                self.tr("Reveal another"),
                self.tr("costs {cost} g", cost=edition.reveal_cost),
            )
        row_h = max(
            64,
            label_height(big, self.tr("Read the card"), half),
            label_height(big, second[0], half, (sub, second[1])),
        )
        row = pygame.Rect(x, album.top - 16 - row_h, w, row_h)
        self.buttons.add(
            Button(
                pygame.Rect(x, row.top, half, row_h),
                self.tr("Read the card"),
                self.read,
                big,
                colour=theme.edition_colour(edition.id, edition.color),
                hotkey=pygame.K_RETURN,
            )
        )
        self.buttons.add(
            Button(
                pygame.Rect(row.right - half, row.top, half, row_h),
                second[0],
                self.edition_complete if self.finished else self.again,
                big,
                colour=theme.ACCENT,
                text_colour=theme.INK,
                enabled=self.finished or self.ctx.state.balance >= edition.reveal_cost,
                sublabel=second[1],
                sub_font=sub,
            )
        )
        self.buttons.add(
            Button(
                album,
                self.tr("Open album"),
                self.album,
                small,
                colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.15),
            )
        )

    def read(self) -> None:
        assert self.entry.reveal is not None
        self.ctx.nav.card(self.entry.reveal.species_id)

    def back(self) -> None:
        if self.finished and not self.animating:  # leaving the last card shows the whole edition
            self.edition_complete()
        else:
            super().back()

    def edition_complete(self) -> None:
        self.ctx.nav.edition_complete(self.edition_id, instead=True)

    def again(self) -> None:
        self.ctx.nav.reveal(self.edition_id, instead=True)

    def album(self) -> None:
        assert self.entry.reveal is not None
        self.ctx.nav.album(self.edition_id, self.entry.reveal.species_id, instead=True)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.animating and (
            event.type == pygame.MOUSEBUTTONUP
            or (event.type == pygame.KEYDOWN and event.key != pygame.K_ESCAPE)
        ):
            self.timeline.finish()
            self.layout()
            self._card_shown()
            return True
        return super().handle_event(event)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.time += dt
        was_animating = self.animating
        before = self.timeline.elapsed
        self.timeline.update(dt)
        if before < self.moment.anticipation <= self.timeline.elapsed:  # the card turns
            self.ctx.play("flip")
        if was_animating and not self.animating:
            self.layout()
        if not self.animating:  # the card face is on screen (at once with reduced motion)
            self._card_shown()

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.entry.reveal is None or self.ctx.content is None:
            return
        content = self.ctx.content
        info = self.entry.reveal
        species = content.species[info.species_id]
        edition = content.editions[info.edition_id]
        tier = TIER_BY_ID[info.tier]
        moment = self.moment
        elapsed = self.timeline.elapsed if self.animating else moment.length
        centre = (300, HEADER + (HEIGHT - HEADER) // 2)
        glow_colour = theme.TIER_COLOURS[tier.id]

        if elapsed < moment.anticipation:  # the back trembles and glows in the tier's colour
            t = elapsed / moment.anticipation
            self._glow(surface, centre, glow_colour, 0.4 + 0.6 * t)
            card = self.ctx.cards.back(edition, CARD_W, self.ctx.lang)
            if moment.wobble:
                card = gfx.rotate(card, math.sin(self.time * 40) * moment.wobble * t)
            surface.blit(card, card.get_rect(center=centre))
            return
        if elapsed < moment.anticipation + moment.flip:  # the card turns over
            t = ease_in_out_sine((elapsed - moment.anticipation) / moment.flip)
            face_up = t >= 0.5
            card = (
                self.ctx.cards.front(species, edition, CARD_W, self.ctx.lang)
                if face_up
                else self.ctx.cards.back(edition, CARD_W, self.ctx.lang)
            )
            squash = abs(math.cos(t * math.pi))
            width = max(2, round(card.get_width() * squash))
            self._glow(surface, centre, glow_colour, 1.0)
            flat = gfx.smoothscale(card, (width, card.get_height()))
            surface.blit(flat, flat.get_rect(center=centre))
            return
        settle = ease_out_cubic(
            min(1.0, (elapsed - moment.anticipation - moment.flip) / moment.settle)
        )
        breath = 0.0 if self.ctx.config.reduced_motion else math.sin(self.time * 2.5)
        if moment.rays:
            rays = _rays_image(theme.mix(glow_colour, theme.WHITE, 0.6), moment.rays)
            rays.set_alpha(round(255 * settle * (0.75 + 0.25 * breath)))
            surface.blit(rays, rays.get_rect(center=centre))
        self._glow(surface, centre, glow_colour, 1.0 - moment.pulse * (1 - breath))
        card = self.ctx.cards.front(species, edition, CARD_W, self.ctx.lang)
        scale = 1.0 + 0.06 * (1 - settle)
        if scale != 1.0:
            card = gfx.smoothscale_by(card, scale)
        surface.blit(card, card.get_rect(center=centre))
        if not self.animating:
            self._draw_story(surface, species, tier, info)

    def _glow(
        self,
        surface: pygame.Surface,
        centre: tuple[int, int],
        colour: theme.Colour,
        strength: float,
    ) -> None:
        glow = _glow_image(colour)
        glow.set_alpha(round(255 * max(0.0, min(1.0, strength))))
        surface.blit(glow, glow.get_rect(center=centre))

    def _draw_story(self, surface: pygame.Surface, species, tier, info) -> None:  # type: ignore[no-untyped-def]
        res, lang = self.ctx.res, self.ctx.lang
        x, w = STORY.left, STORY.width
        y = HEADER + 16

        def put(words: str, font: pygame.font.Font, ink: theme.Colour) -> None:
            nonlocal y
            area = pygame.Rect(x, y, w, HEIGHT - y)
            y += draw.paragraph(surface, words, font, ink, area, line_gap=0) + 4

        put(self.tr("You found a new species!"), res.font(22, bold=True), theme.ACCENT)
        name = species.name.get(lang)
        put(name, res.fitting_font(44, name, w, bold=True), theme.WHITE)
        chance = self.tr(
            "{tier} card · it had a {pct} chance",
            tier=self.tr(tier.name),
            pct=self.tr.percent(info.chance, 0 if info.chance >= 0.01 else 1),
        )
        put(chance, res.font(20, bold=True), theme.TIER_COLOURS[tier.id])
        top_button = min(
            (b.rect.top for b in self.buttons.buttons if b.rect.left >= x), default=HEIGHT
        )
        box = pygame.Rect(x, y + 8, w, top_button - 16 - (y + 8))
        if box.height < 60:
            return
        draw.panel(surface, box, shadow=4)
        inner = box.inflate(-40, -28)
        chip_h = res.font(18, bold=True).get_linesize() + 4
        meaning = self.tr(CATEGORY_MEANINGS.get(species.iucn.category, ""))
        meaning_font = res.font(18)
        meaning_h = draw.paragraph_height(meaning, meaning_font, inner.width, 0) if meaning else 0
        fact = species.facts.get(lang)[0]
        room = inner.height - chip_h - 10
        if meaning_h and room - meaning_h - 8 >= res.font(18).get_linesize():
            room -= meaning_h + 8
        else:
            meaning = ""  # no room with large text: the card page has it
        used = 0
        for size in (22, 20, 18):  # the fact whole, a little smaller if it must be
            font = res.font(size)
            if draw.paragraph_height(fact, font, inner.width, 0) <= room or size == 18:
                if draw.paragraph_height(fact, font, inner.width, 0) <= room:
                    used = draw.paragraph(surface, fact, font, theme.INK, inner, line_gap=0) + 10
                break
        chip = category_chip(
            surface, res, species.iucn.category, self.tr, (inner.left, inner.top + used), 18
        )
        if meaning:
            draw.paragraph(
                surface,
                meaning,
                meaning_font,
                theme.INK_SOFT,
                pygame.Rect(
                    inner.left, chip.bottom + 8, inner.width, inner.bottom - chip.bottom - 8
                ),
                line_gap=0,
            )


@gfx.cache_per_scale(maxsize=16)
def _glow_image(colour: theme.Colour) -> pygame.Surface:
    """A soft halo in ``colour``, drawn once; frames only change its opacity."""
    glow = gfx.surface((560, 620), pygame.SRCALPHA)
    rect = glow.get_rect()
    for i in range(8):
        alpha = round(22 * (1 - i / 8))
        gfx.ellipse(glow, (*colour, alpha), rect.inflate(-i * 50, -i * 50))
    return glow


@gfx.cache_per_scale(maxsize=8)
def _rays_image(colour: theme.Colour, count: int) -> pygame.Surface:
    """Soft rays of the tier's colour fanning out from the card, drawn once per tier."""
    size = 620
    image = gfx.surface((size, size), pygame.SRCALPHA)
    centre = size / 2
    half = math.pi / count / 2.6
    for n in range(count):
        angle = 2 * math.pi * n / count
        tip = [
            (centre + math.cos(angle + d) * centre, centre + math.sin(angle + d) * centre)
            for d in (-half, half)
        ]
        gfx.polygon(image, (*colour, 70), [(centre, centre), *tip])
    return image
