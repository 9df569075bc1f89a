"""The left panel of home: what was earned today, and what only ever grows.

Laid out from the fonts' measured heights: today's line first, then the newest actions while
there is room, and at the foot the collection level, the day streak and the CO2e saved (as many
of those lines as fit, the first ones first).
"""

from __future__ import annotations

import datetime as dt

import pygame

from game.context import GameContext
from game.core import economy, impact
from game.core.ledger import LedgerEntry
from game.core.progress import collection_level, streak
from game.i18n import Translator
from game.ui import draw, gfx, theme


class TodayPanel:
    def __init__(self, ctx: GameContext) -> None:
        self.ctx = ctx
        self.so_far_shown = 3  # lines of "you so far" with room on the panel

    @property
    def tr(self) -> Translator:
        return self.ctx.tr

    def _stack(
        self,
        surface: pygame.Surface,
        text: str,
        font: pygame.font.Font,
        colour: theme.Colour,
        box: pygame.Rect,
    ) -> int:
        """Draw ``text`` wrapped at the top of ``box``; returns the height it took."""
        return draw.paragraph(surface, text, font, colour, box, line_gap=0)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        res, state, content = self.ctx.res, self.ctx.state, self.ctx.content
        assert content is not None
        draw.panel(surface, rect)
        today = self.ctx.now().date()
        earned_today = state.earned_day_total(today)
        inner = rect.inflate(-40, -32)
        head = res.font(22, bold=True)
        amount = draw.text(
            surface,
            self.tr("+{amount} g", amount=earned_today),
            head,
            theme.ENERGY_DARK,
            (inner.right, inner.top),
            "topright",
        )
        draw.text(surface, self.tr("Today"), head, theme.INK, inner.topleft)
        y = inner.top + max(amount.height, head.get_linesize())
        left = economy.day_left(state, today)
        y += self._stack(
            surface,
            self.tr(
                "Still to earn today: {left} g of {total} g",
                left=left,
                total=economy.Rules().daily_total_g,
            )
            if left
            else self.tr("Today's energy is all earned. Come back tomorrow!"),
            res.font(18, bold=not left),
            theme.INK_SOFT,
            pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
        )
        y += 10
        recent = [
            e for e in reversed(state.entries) if e.kind == "earned" and e.seq not in state.undone
        ][:4]
        body, bold = res.font(18), res.font(18, bold=True)
        rows = [self._entry(entry, inner.width, today) for entry in recent]
        # the newest action first, then "you so far" as far as it fits, then older actions
        newest = rows[0][3] + 6 if rows else 0
        so_far = self.you_so_far_height(inner.width, inner.bottom - y - newest)
        bottom = inner.bottom - so_far - 8
        if not recent:
            text = self.tr(
                "Nothing logged yet. Every walk, bus ride or "
                "plastic bag you skip earns green energy."
            )
            if draw.paragraph_height(text, body, inner.width, 0) <= bottom - y:
                self._stack(
                    surface,
                    text,
                    body,
                    theme.INK_SOFT,
                    pygame.Rect(inner.left, y, inner.width, bottom - y),
                )
        for name, when, gain, height in rows:
            if y + height > bottom:
                break  # no room for more: the newest are shown
            name_w = inner.width - bold.size(gain)[0] - 12
            used = self._stack(
                surface, name, body, theme.INK, pygame.Rect(inner.left, y, name_w, height)
            )
            draw.text(surface, gain, bold, theme.ENERGY_DARK, (inner.right, y), "topright")
            draw.text(surface, when, body, theme.INK_SOFT, (inner.left, y + used))
            y += height + 6
        self.draw_you_so_far(
            surface, pygame.Rect(inner.left, inner.bottom - so_far, inner.width, so_far)
        )

    def _entry(self, entry: LedgerEntry, width: int, today: dt.date) -> tuple[str, str, str, int]:
        """(action, day, gain, height) of one logged action in the list."""
        content, res = self.ctx.content, self.ctx.res
        assert content is not None
        body, bold = res.font(18), res.font(18, bold=True)
        action = content.actions.get(entry.action_id or "")
        name = action.name.get(self.ctx.lang) if action else entry.action_id or "?"
        when = self.tr("today") if entry.day == today else self.tr.day_month(entry.day)
        gain = self.tr("+{amount} g", amount=entry.amount_g)
        name_w = width - bold.size(gain)[0] - 12
        height = draw.paragraph_height(name, body, name_w, 0) + body.get_linesize()
        return name, when, gain, height

    def _you_so_far_lines(self) -> list[tuple[str, pygame.font.Font]]:
        """Collection level, day streak and CO2e saved: things that only ever grow."""
        res, lang, state, content = self.ctx.res, self.ctx.lang, self.ctx.state, self.ctx.content
        assert content is not None
        level = collection_level(len(state.owned))
        line = self.tr(level.level.name)
        if level.next is not None:
            line += " · " + self.tr.plural(
                level.to_next,
                "{count} more species to {next}",
                "{count} more species to {next}",
                next=self.tr(level.next.name),
            )
        days = streak(state, self.ctx.now().date())
        streak_line = self.tr.plural(
            days.current,
            "Day streak: {count} day (best {best})",
            "Day streak: {count} days (best {best})",
            best=days.best,
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
        return [(line, res.font(18, bold=True)), (streak_line, res.font(18)), (text, res.font(18))]

    def you_so_far_height(self, width: int, room: int) -> int:
        """The height of as many of the lines as fit in ``room`` (the first ones first)."""
        height = 12
        self.so_far_shown = 0
        for text, font in self._you_so_far_lines():
            more = draw.paragraph_height(text, font, width, 0) + 4
            if height + more > room:
                break
            height += more
            self.so_far_shown += 1
        return height

    def draw_you_so_far(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        gfx.line(surface, theme.PANEL_DIM, rect.topleft, rect.topright, 2)
        y = rect.top + 12
        for i, (text, font) in enumerate(self._you_so_far_lines()[: self.so_far_shown]):
            colour = theme.INK if i == 0 else theme.INK_SOFT
            y += (
                self._stack(
                    surface,
                    text,
                    font,
                    colour,
                    pygame.Rect(rect.left, y, rect.width, rect.bottom - y),
                )
                + 4
            )
