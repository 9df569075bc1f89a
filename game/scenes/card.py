"""One species, up close: its card and everything it teaches."""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.core.models import Species
from game.core.vocab import CATEGORY_MEANINGS, HABITATS
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, redlist, theme
from game.ui.cards import category_chip

CARD_W = 340
INFO = pygame.Rect(32 + CARD_W + 32, HEADER + 8, 0, HEIGHT - HEADER - 32)
INFO.width = WIDTH - INFO.left - 32
TRENDS = {
    "increasing": N_("Population increasing"),
    "decreasing": N_("Population decreasing"),
    "stable": N_("Population stable"),
    "unknown": N_("Population trend unknown"),
}


class CardScene(ScreenScene):
    def __init__(self, ctx: GameContext, species_id: str) -> None:
        super().__init__(ctx)
        self.species_id = species_id
        self.scroll = 0
        self.content_h = 0  # height of the text, known after the first draw

    @property
    def species(self) -> Species:
        assert self.ctx.content is not None
        return self.ctx.content.species[self.species_id]

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.species.name.get(self.ctx.lang)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            limit = max(0, self.content_h - INFO.height + 36)
            self.scroll = max(0, min(limit, self.scroll - event.y * 40))
            return True
        return super().handle_event(event)

    def draw_body(self, surface: pygame.Surface) -> None:
        assert self.ctx.content is not None
        sp = self.species
        edition = self.ctx.content.editions[sp.edition]
        card = self.ctx.cards.front(sp, edition, CARD_W, self.ctx.lang)
        surface.blit(card, card.get_rect(midtop=(32 + CARD_W // 2, HEADER + 8)))
        draw.panel(surface, INFO)
        clip = surface.get_clip()
        surface.set_clip(INFO.inflate(-8, -8))
        self.content_h = self.draw_info(surface, sp)
        surface.set_clip(clip)
        if self.content_h > INFO.height - 36:  # more below: a scroll bar says so
            track = pygame.Rect(INFO.right - 12, INFO.top + 12, 5, INFO.height - 24)
            limit = self.content_h - INFO.height + 36
            thumb = pygame.Rect(
                track.left, 0, 5, max(30, track.height * INFO.height // self.content_h)
            )
            thumb.top = track.top + (track.height - thumb.height) * self.scroll // limit
            gfx.rect(surface, theme.PANEL_DIM, track, border_radius=2)
            gfx.rect(surface, theme.INK_SOFT, thumb, border_radius=2)

    def draw_info(self, surface: pygame.Surface, sp: Species) -> int:
        """Draw the species' texts, scrolled; returns their full height."""
        res, lang, tr = self.ctx.res, self.ctx.lang, self.tr
        x, width = INFO.left + 24, INFO.width - 48
        y = INFO.top + 18 - self.scroll
        italic = res.font(20)
        italic.set_italic(True)
        try:
            draw.text(surface, sp.scientific_name, italic, theme.INK_SOFT, (x, y))
        finally:
            italic.set_italic(False)
        y += italic.get_linesize() + 6
        chip = category_chip(surface, res, sp.iucn.category, tr, (x, y), 18)
        status = tr(
            "Red List {year} · {trend}", year=str(sp.iucn.year), trend=tr(TRENDS[sp.iucn.trend])
        )
        small = res.font(18)
        if chip.right + 16 + small.size(status)[0] <= x + width:
            draw.text(
                surface, status, small, theme.INK_SOFT, (chip.right + 16, chip.centery), "midleft"
            )
            y = chip.bottom + 8
        else:  # no room beside the chip: under it
            y = chip.bottom + 6
            y += (
                draw.paragraph(
                    surface,
                    status,
                    small,
                    theme.INK_SOFT,
                    pygame.Rect(x, y, width, INFO.height),
                    line_gap=0,
                )
                + 4
            )
        meaning = CATEGORY_MEANINGS.get(sp.iucn.category)
        if meaning:
            y += 6 + draw.paragraph(
                surface,
                tr(meaning),
                small,
                theme.INK_SOFT,
                pygame.Rect(x, y, width, INFO.height),
                line_gap=0,
            )
        if sp.iucn.history:
            y += self.history(surface, sp, x, y, width)
        if sp.habitats:
            names = tr.join(tr(HABITATS.get(h, h)) for h in sp.habitats)
            y += self.section(surface, tr("Lives in"), names, x, y, width)
        if sp.range:
            y += self.section(surface, tr("Where"), sp.range.get(lang), x, y, width)
        y += self.section(
            surface,
            tr("Did you know?"),
            "\n".join(f"• {f}" for f in sp.facts.get(lang)),
            x,
            y,
            width,
        )
        if sp.threats:
            y += self.section(
                surface,
                tr("Threats"),
                "\n".join(f"• {t}" for t in sp.threats.get(lang)),
                x,
                y,
                width,
            )
        if sp.trade is not None:
            y += (
                redlist.draw_trade_panel(
                    surface, res, sp.trade, lang, tr, pygame.Rect(x, y, width, 0)
                )
                + 14
            )
        if sp.helped_by and self.ctx.content is not None:
            lines = []
            for helper in sp.helped_by:
                action = self.ctx.content.actions.get(helper.action)
                if action is None:
                    continue
                name = action.name.get(lang)
                line = tr("{action}: {why}", action=name, why=helper.why) if helper.why else name
                lines.append(f"• {line}")
            y += self.section(surface, tr("You can help"), "\n".join(lines), x, y, width)
        source = f"IUCN Red List · {sp.iucn.url}"
        if sp.iucn.citation:
            source += f"\n{sp.iucn.citation}"
        y += self.section(surface, tr("Source"), source, x, y, width, small=True)
        return y + self.scroll - INFO.top

    def history(self, surface: pygame.Surface, sp: Species, x: int, y: int, width: int) -> int:
        """The Red List timeline and what its last change means; returns the height used."""
        res, tr = self.ctx.res, self.tr
        timeline = sp.iucn.timeline()
        heading = res.font(18, bold=True)
        draw.text(surface, tr("Red List history"), heading, theme.ENERGY_DARK, (x, y))
        top = heading.get_linesize() + 4
        used = top + redlist.draw_timeline(surface, res, timeline, (x, y + top), width)
        sentence = redlist.change_sentence(timeline, tr)
        if sentence:
            used += 6 + draw.paragraph(
                surface,
                sentence,
                res.font(18),
                theme.INK_SOFT,
                pygame.Rect(x, y + used + 6, width, INFO.height),
                line_gap=2,
            )
        return used + 14

    def section(
        self,
        surface: pygame.Surface,
        heading: str,
        body: str,
        x: int,
        y: int,
        width: int,
        *,
        small: bool = False,
    ) -> int:
        res = self.ctx.res
        head = res.font(18, bold=True)
        draw.text(surface, heading, head, theme.ENERGY_DARK, (x, y))
        top = head.get_linesize() + 2
        used = draw.paragraph(
            surface,
            body,
            res.font(18),
            theme.INK_SOFT if small else theme.INK,
            pygame.Rect(x, y + top, width, 10_000),
            line_gap=2,
        )
        return top + used + 12
