"""The album's side panel: how much of the edition is found, and the chance of the next card.

Each tier shows the chance of each of its cards first, then the tier's total, so no rarer tier
reads as more likely. Laid out from the fonts' measured heights; with large text what does not
fit is left out whole, the explanation first and then the tiers' totals (never cut short).
"""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.rarity import TIER_BY_ID
from game.core.reveals import EditionProgress, TierChance
from game.i18n import Translator
from game.ui import draw, gfx, theme

DOT = 18  # room for a tier's coloured dot


class OddsPanel:
    def __init__(
        self, ctx: GameContext, progress: EditionProgress, chances: list[TierChance]
    ) -> None:
        self.ctx, self.progress, self.chances = ctx, progress, chances

    @property
    def tr(self) -> Translator:
        return self.ctx.tr

    def chance(self, p: float) -> str:
        """A chance a child can read: whole percent, with one decimal below 10 %."""
        return self.tr.percent(p, 0 if p >= 0.1 else 1)

    def _tier_lines(self, chance: TierChance) -> tuple[str, str, str]:
        tier = TIER_BY_ID[chance.tier]
        each = (
            self.tr("each card {pct}", pct=self.chance(chance.each))
            if chance.cards
            else self.tr("none left")
        )
        together = (
            self.tr.plural(
                chance.cards,
                "{count} card left · {pct} together",
                "{count} cards left · {pct} together",
                pct=self.chance(chance.total),
            )
            if chance.cards
            else ""
        )
        return self.tr(tier.name), each, together

    def _tier_height(self, chance: TierChance, width: int, totals: bool) -> int:
        res = self.ctx.res
        bold, small = res.font(18, bold=True), res.font(18)
        name, each, together = self._tier_lines(chance)
        if bold.size(name)[0] + bold.size(each)[0] + 12 <= width - DOT:
            height = bold.get_linesize()
        else:
            height = 2 * bold.get_linesize()
        if totals and together:
            height += draw.paragraph_height(together, small, width - DOT, 0)
        return height + 4

    def draw(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        res, progress = self.ctx.res, self.progress
        colour = theme.edition_colour(progress.edition.id, progress.edition.color)
        head, text, bold = res.font(22, bold=True), res.font(18), res.font(18, bold=True)
        found = self.tr("{owned} of {total} found", owned=progress.owned, total=progress.total)
        note = (
            self.tr("Complete! Every species found.")
            if progress.complete
            else self.tr("{left} g more finds them all", left=progress.cost_left)
        )
        heading = self.tr("Chance of the next card")
        footer = self.tr(
            "The rarer the card, the more threatened the species. "
            "You never get the same card twice."
        )
        w = box.width

        def tall(words: str, font: pygame.font.Font) -> int:
            return draw.paragraph_height(words, font, w, 0)

        top = tall(found, head) + 8 + 14 + 8 + tall(note, text) + 12 + tall(heading, bold) + 6
        show_totals, show_footer = True, True
        for totals, foot in ((True, True), (True, False), (False, False)):
            show_totals, show_footer = totals, foot
            tiers = sum(self._tier_height(c, w, totals) for c in self.chances)
            if top + tiers + (tall(footer, text) + 6 if foot else 0) <= box.height:
                break
        y = box.top

        def put(words: str, font: pygame.font.Font, ink: theme.Colour, left: int = 0) -> None:
            nonlocal y
            area = pygame.Rect(box.left + left, y, w - left, box.bottom - y)
            y += draw.paragraph(surface, words, font, ink, area, line_gap=0)

        put(found, head, theme.INK)
        y += 8
        draw.progress_bar(
            surface,
            pygame.Rect(box.left, y, w, 14),
            progress.owned / max(1, progress.total),
            colour,
        )
        y += 14 + 8
        put(note, text, theme.INK_SOFT)
        y += 12
        put(heading, bold, theme.INK)
        y += 6
        for chance in self.chances:
            name, each, together = self._tier_lines(chance)
            ink = theme.INK if chance.cards else theme.PANEL_DIM
            gfx.circle(
                surface,
                theme.TIER_COLOURS[chance.tier],
                (box.left + 6, y + bold.get_linesize() // 2),
                6,
            )
            draw.text(surface, name, bold, ink, (box.left + DOT, y), box=box)
            if bold.size(name)[0] + bold.size(each)[0] + 12 <= w - DOT:
                draw.text(surface, each, bold, ink, (box.right, y), "topright", box=box)
                y += bold.get_linesize()
            else:
                y += bold.get_linesize()
                draw.text(surface, each, bold, ink, (box.left + DOT, y), box=box)
                y += bold.get_linesize()
            if show_totals and together:
                put(together, text, theme.INK_SOFT, DOT)
            y += 4
        if show_footer:
            y += 2
            put(footer, text, theme.INK_SOFT)
