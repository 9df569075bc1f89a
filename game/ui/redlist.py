"""A species' Red List story and its trade warning, as drawn on the card page.

The timeline shows every published category, oldest first, so a child sees protection work (the
giant panda: EN, then VU in 2016) or a species slipping. Old codes (LR/nt, E, V...) keep the text
they were published with and borrow the colour of today's nearest category.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.core.history import improved, last_change, modern
from game.core.messages import N_
from game.core.models import Trade
from game.core.vocab import CATEGORY_NAMES
from game.ui import draw, gfx, theme
from game.ui.resources import Resources

MAX_SHOWN = 6
CITES_MEANINGS = {
    "I": N_("CITES Appendix I: selling it across borders is banned."),
    "II": N_("CITES Appendix II: it may only cross borders with a permit."),
    "III": N_("CITES Appendix III: some countries need a permit to sell it."),
}

Translate = Callable[..., str]


def change_sentence(timeline: Sequence[tuple[int, str]], tr: Translate) -> str:
    change = last_change(timeline)
    if change is None:
        return ""
    before, after, year = change
    # a code published before 1994 (E, V, LR/nt...) has no name today: it is shown as written
    names = {
        code: tr(CATEGORY_NAMES[code]) if code in CATEGORY_NAMES else code
        for code in (before, after)
    }
    if improved(change):
        return tr(
            "{old} to {new} in {year}: safer than before.",
            old=names[before],
            new=names[after],
            year=str(year),
        )
    return tr(
        "{old} to {new} in {year}: in more danger than before.",
        old=names[before],
        new=names[after],
        year=str(year),
    )


def draw_timeline(
    surface: pygame.Surface,
    res: Resources,
    timeline: Sequence[tuple[int, str]],
    pos: tuple[int, int],
    width: int,
    size: int = 18,
) -> int:
    """Year above a coloured code chip for each assessment, joined by arrows; returns the height
    used. Only the newest ``MAX_SHOWN`` fit; an ellipsis says older ones exist."""
    x, y = pos
    year_font, code_font = res.font(size), res.font(size, bold=True)
    em = code_font.get_height()  # the sizes below follow the fonts in use
    chip_w = max(code_font.size("LR/nt")[0] + em // 2, width // (2 * MAX_SHOWN))
    dots_w = code_font.size("…")[0] + 4
    count = min(MAX_SHOWN, len(timeline))
    while count > 1 and count * chip_w + (count - 1) * 16 + dots_w > width:
        count -= 1  # with large text fewer assessments fit: the newest are shown
    shown = list(timeline)[-count:]
    room = width - (dots_w if len(shown) < len(timeline) else 0) - chip_w * len(shown)
    gap = min(em * 3, max(16, room // max(1, len(shown) - 1)))
    chip_top = y + year_font.get_linesize() + 2
    if len(shown) < len(timeline):
        dots = draw.text(surface, "…", code_font, theme.INK_SOFT, (x, chip_top))
        x = dots.right + 4
    chip_h = code_font.get_linesize() + 4
    for i, (year, code) in enumerate(shown):
        colour_code = modern(code)
        colour = theme.CATEGORY_COLOURS.get(colour_code, theme.CATEGORY_COLOURS["DD"])
        chip = pygame.Rect(x, chip_top, chip_w, chip_h)
        gfx.rect(surface, colour, chip, border_radius=chip_h // 3)
        if colour_code == "NE":
            gfx.rect(surface, theme.INK_SOFT, chip, 1, border_radius=chip_h // 3)
        ink = theme.ink_on(colour)
        draw.text(surface, code, code_font, ink, chip.center, "center")
        latest = i == len(shown) - 1
        draw.text(
            surface,
            str(year),
            res.font(size, bold=True) if latest else year_font,
            theme.INK if latest else theme.INK_SOFT,
            (chip.centerx, y),
            "midtop",
        )
        if not latest:
            start = (chip.right + 6, chip.centery)
            end = (chip.right + gap - 6, chip.centery)
            gfx.line(surface, theme.INK_SOFT, start, end, 2)
            gfx.polygon(
                surface,
                theme.INK_SOFT,
                [(end[0], end[1] - 5), (end[0] + 5, end[1]), (end[0], end[1] + 5)],
            )
        x = chip.right + gap
    return chip_top - y + chip_h


def trade_lines(trade: Trade, lang: str, tr: Translate) -> tuple[list[str], str]:
    """The goods as bullet lines, and what the CITES appendix means."""
    return [f"• {item}" for item in trade.goods.get(lang)], tr(CITES_MEANINGS[trade.cites])


def draw_no_sign(surface: pygame.Surface, center: tuple[int, int], radius: int) -> None:
    """A red circle with a slash: the sign for "don't", understood without words."""
    gfx.circle(surface, theme.DANGER, center, radius, max(2, radius // 4))
    offset = int(radius * 0.7)
    gfx.line(
        surface,
        theme.DANGER,
        (center[0] - offset, center[1] - offset),
        (center[0] + offset, center[1] + offset),
        max(2, radius // 4),
    )


def draw_trade_panel(
    surface: pygame.Surface,
    res: Resources,
    trade: Trade,
    lang: str,
    tr: Translate,
    rect: pygame.Rect,
) -> int:
    """The "Don't buy" panel at ``rect.topleft``, ``rect.width`` wide; returns its height."""
    pad = 14
    heading = res.font(18, bold=True)
    body = res.font(18)
    small = res.font(18)
    goods, cites = trade_lines(trade, lang, tr)
    inner = rect.width - 2 * pad
    goods_lines = draw.wrap("\n".join(goods), body, inner)
    cites_lines = draw.wrap(cites, small, inner)
    height = (
        pad
        + heading.get_linesize()
        + 6
        + len(goods_lines) * (body.get_linesize() + 2)
        + 6
        + len(cites_lines) * (small.get_linesize() + 2)
        + pad
    )
    box = pygame.Rect(rect.left, rect.top, rect.width, height)
    gfx.rect(surface, theme.mix(theme.PANEL, theme.DANGER, 0.1), box, border_radius=theme.RADIUS)
    gfx.rect(surface, theme.DANGER, box, width=2, border_radius=theme.RADIUS)
    radius = heading.get_linesize() // 2 - 1
    draw_no_sign(surface, (box.left + pad + radius, box.top + pad + radius + 1), radius)
    draw.text(
        surface,
        tr("Don't buy"),
        heading,
        theme.DANGER,
        (box.left + pad + 2 * radius + 10, box.top + pad),
    )
    y = box.top + pad + heading.get_linesize() + 6
    y += (
        draw.paragraph(
            surface,
            "\n".join(goods),
            body,
            theme.INK,
            pygame.Rect(box.left + pad, y, inner, height),
            line_gap=2,
        )
        + 6
    )
    draw.paragraph(
        surface,
        cites,
        small,
        theme.INK_SOFT,
        pygame.Rect(box.left + pad, y, inner, height),
        line_gap=2,
    )
    return height
