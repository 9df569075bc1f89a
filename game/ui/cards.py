"""Card pictures: the front of a species card, and the back of an edition's cards.

The front is built around the species' picture (its SVG art, or its group's generic picture)
over a backdrop of its habitat, in a frame that grows with rarity (see ``card_frames``). The Red
List category is always shown as a code and words as well as a colour. Every text is fitted to
its box (``textfit``): it shrinks or wraps, never clips, in every language and at every size.
Rendered cards are cached by species, size and language; pictures by name and size.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.config import LOCALE_DIR
from game.core.rarity import TIERS, tier_of
from game.core.vocab import CATEGORY_NAMES
from game.i18n import Translator
from game.ui import draw, gfx, theme
from game.ui.card_frames import draw_frame, frame_style, rounded_mask, shine
from game.ui.resources import Resources, SizedFont
from game.ui.textfit import Probe, draw_fitted
from game.ui.theme import Colour, hex_colour, mix

if TYPE_CHECKING:
    from game.core.models import Edition, Species

CARD_RATIO = 7 / 5

HABITAT_SKIES: dict[str, tuple[str, str]] = {
    "open-ocean": ("#5fb4e6", "#0b3d6b"),
    "coral-reef": ("#7fdbe0", "#1b7f9e"),
    "coastal-waters": ("#8fd3e8", "#2a7fa8"),
    "deep-sea": ("#2d4f8f", "#0a1433"),
    "polar-seas": ("#d9f1fb", "#5d9cc4"),
    "kelp-forest": ("#78c2b0", "#1f5a4b"),
    "seagrass-meadow": ("#9fd8c0", "#2f7d62"),
    "mangrove": ("#a8d69a", "#3f6e4a"),
    "estuary": ("#b4d6c8", "#4f7f74"),
    "beach": ("#f6e3b4", "#6fb7d6"),
    "rocky-shore": ("#c7d6dc", "#55707f"),
    "river": ("#a6d8e8", "#2f6f8f"),
    "lake": ("#b3e0f0", "#3b7ea1"),
    "wetland": ("#c6e2b3", "#4d7f5a"),
    "tropical-rainforest": ("#9bd46a", "#1e5b2c"),
    "temperate-forest": ("#b7dd8a", "#3b6b35"),
    "bamboo-forest": ("#cde89a", "#4f7a2c"),
    "mountain-forest": ("#bcd8e0", "#3f6150"),
    "boreal-forest": ("#c9e0d8", "#2f5045"),
    "dry-forest": ("#e8d9a0", "#8a6d3b"),
    "woodland": ("#cfe3a0", "#5a7a3a"),
    "grassland": ("#e9eba0", "#7a9a3a"),
    "savanna": ("#f3d98c", "#a0783a"),
    "desert": ("#f7e2b0", "#c08a4a"),
    "island": ("#a8e2e0", "#3f8f7a"),
    "cave": ("#8a8478", "#2e2a26"),
}
DEFAULT_SKY = ("#cfe8d8", "#3f7f6a")
COMPACT_BELOW = 180  # card width in pixels
ART_FILL = 0.9  # the picture's share of its window (the rest is the habitat around it)


def card_size(width: int) -> tuple[int, int]:
    return width, round(width * CARD_RATIO)


def category_text_colour(category: str) -> Colour:
    return theme.ink_on(theme.CATEGORY_COLOURS[category])


def category_chip(
    surface: pygame.Surface,
    res: Resources,
    category: str,
    tr: Translator,
    pos: tuple[int, int],
    size: int,
    *,
    with_name: bool = True,
) -> pygame.Rect:
    """``[EN] Endangered``: the code on the Red List colour, then the name (never colour alone)."""
    font = res.font(size, bold=True)
    code_w = font.size("EW")[0] + size
    chip = pygame.Rect(pos[0], pos[1], code_w, font.get_linesize() + 4)
    _chip_body(surface, chip, category)
    draw.text(surface, category, font, category_text_colour(category), chip.center, "center")
    if with_name:
        name_rect = draw.text(
            surface,
            tr(CATEGORY_NAMES.get(category, category)),
            res.font(size),
            theme.INK,
            (chip.right + size // 2, chip.centery),
            "midleft",
        )
        return chip.union(name_rect)
    return chip


def _chip_body(surface: pygame.Surface, chip: pygame.Rect, category: str) -> None:
    gfx.rect(surface, theme.CATEGORY_COLOURS[category], chip, border_radius=chip.height // 3)
    if category in ("NE", "LC", "NT", "VU", "DD"):  # light colours need an edge on the panel
        gfx.rect(
            surface,
            mix(theme.CATEGORY_COLOURS[category], theme.SHADOW, 0.3),
            chip,
            1,
            border_radius=chip.height // 3,
        )


def tier_marks(surface: pygame.Surface, tier_id: str, center: tuple[int, int], size: int) -> None:
    """Rarity as a row of gems: one for common up to five for legendary; a ring for lost."""
    order = [t.id for t in TIERS]
    count = min(5, order.index(tier_id) + 1)
    colour = theme.TIER_COLOURS[tier_id]
    gap = size * 1.4
    start = center[0] - gap * (count - 1) / 2
    for i in range(count):
        cx, cy = start + i * gap, center[1]
        points = [
            (cx, cy - size / 2),
            (cx + size / 2, cy),
            (cx, cy + size / 2),
            (cx - size / 2, cy),
        ]
        if tier_id == "lost":
            gfx.polygon(surface, colour, points, 2)
        else:
            gfx.polygon(surface, colour, points)
            gfx.polygon(surface, mix(colour, theme.SHADOW, 0.3), points, 1)


def back_medal(width: int) -> tuple[tuple[int, int], int]:
    """Centre and radius of the round medal on the back of a card ``width`` pixels wide."""
    w, h = card_size(width)
    s = w / 250
    return (w // 2, h // 2 - round(14 * s)), round(55 * s)


class CardRenderer:
    MAX_CACHED = 600
    # Time a frame may spend drawing new cards for front_in_time (a screen full of album
    # thumbnails appears over a few frames instead of stalling one). Half the 8 ms frame target,
    # which at 1920x1080 without a graphics card also pays about 2.5 ms for scaling.
    FRAME_BUDGET_S = 0.005

    def __init__(
        self,
        res: Resources,
        tr: Translator | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.res = res
        # The game's words on a card, in the language a card is drawn in (the decks give its
        # species text): ``tr`` (the app's translator) for its own language, others read once.
        self._words: dict[str, Translator] = {} if tr is None else {tr.lang: tr}
        self._clock = clock
        self._frame_start = clock()
        self._drawn_this_frame = 0
        # keyed by the window's scale too (pixels per layout unit)
        self._cache: dict[tuple[str, str, str, int, str, float], pygame.Surface] = {}
        self._frames: dict[tuple[str, Colour, int, float], tuple[pygame.Surface, pygame.Rect]] = {}
        # When set, every text drawn on a card is reported here (tests check that it fits).
        self.probe: Probe | None = None

    def words(self, lang: str) -> Translator:
        """The translator for the game's words on a card drawn in ``lang``."""
        if lang not in self._words:
            self._words[lang] = Translator.load(lang, LOCALE_DIR)
        return self._words[lang]

    def use_translator(self, tr: Translator) -> None:
        """The app's language changed: its translator serves cards in that language."""
        self._words[tr.lang] = tr

    def front(self, species: Species, edition: Edition, width: int, lang: str) -> pygame.Surface:
        return self._cached(
            ("front", species.id, edition.id, width, lang),
            lambda: self._render_front(species, edition, width, lang),
        )

    def begin_frame(self) -> None:
        """A new frame starts: front_in_time has its time budget again."""
        self._frame_start = self._clock()
        self._drawn_this_frame = 0

    def front_in_time(
        self, species: Species, edition: Edition, width: int, lang: str
    ) -> pygame.Surface | None:
        """The card, if it is ready or this frame still has time to draw it; None otherwise
        (show a stand-in and ask again next frame). One new card is always drawn per frame."""
        key = ("front", species.id, edition.id, width, lang, gfx.current_scale())
        if (
            key not in self._cache
            and self._drawn_this_frame
            and self._clock() - self._frame_start > self.FRAME_BUDGET_S
        ):
            return None
        return self.front(species, edition, width, lang)

    def back(self, edition: Edition, width: int, lang: str) -> pygame.Surface:
        return self._cached(
            ("back", "", edition.id, width, lang), lambda: self._render_back(edition, width, lang)
        )

    def clear(self) -> None:
        """Forget every rendered card (after the decks were reloaded)."""
        self._cache.clear()
        self._frames.clear()

    def _cached(
        self, key: tuple[str, str, str, int, str], render: Callable[[], pygame.Surface]
    ) -> pygame.Surface:
        scaled = (*key, gfx.current_scale())
        surface = self._cache.get(scaled)
        if surface is None:
            if len(self._cache) >= self.MAX_CACHED:
                self._cache.pop(next(iter(self._cache)))
            surface = self._cache[scaled] = render()
            self._drawn_this_frame += 1
            if pygame.display.get_surface() is not None:
                surface = self._cache[scaled] = surface.convert_alpha()
        return surface

    def _frame(
        self, tier_id: str, edition_colour: Colour, width: int
    ) -> tuple[pygame.Surface, pygame.Rect]:
        """The empty frame of a tier's cards (the same for every card of an edition and size)."""
        key = (tier_id, edition_colour, width, gfx.current_scale())
        found = self._frames.get(key)
        if found is None:
            if len(self._frames) >= 64:
                self._frames.pop(next(iter(self._frames)))
            frame = gfx.surface(card_size(width), pygame.SRCALPHA)
            inner = draw_frame(
                frame, frame_style(tier_id, edition_colour), edition_colour, width / 250
            )
            found = self._frames[key] = (frame, inner)
        return found

    def _text(
        self,
        card: pygame.Surface,
        content: str,
        box: pygame.Rect,
        colour: Colour,
        size: int,
        *,
        bold: bool = False,
        **options: object,
    ) -> pygame.Rect:
        def make_font(s: int) -> SizedFont:
            return self.res.sized_font(s, bold)

        return draw_fitted(card, content, make_font, box, colour, size, probe=self.probe, **options)  # type: ignore[arg-type]

    # -- rendering ---------------------------------------------------------------------------

    def _render_front(
        self, species: Species, edition: Edition, width: int, lang: str
    ) -> pygame.Surface:
        w, _ = card_size(width)
        u = w / 250  # layout unit: sizes below are for a 250-pixel-wide card

        def px(units: float) -> int:
            return round(units * u)

        edition_colour = theme.edition_colour(edition.id, edition.color)
        tier = tier_of(species.iucn.category)
        style = frame_style(tier.id, edition_colour)
        frame, inner = self._frame(tier.id, edition_colour, w)
        card = frame.copy()
        lost = tier.id == "lost"
        ink = mix(theme.INK, theme.INK_SOFT, 0.35) if lost else theme.INK

        # Below COMPACT_BELOW pixels (album thumbnails) the scientific name and the year would
        # be too small to read: the card drops them and gives the rest more room.
        compact = w < COMPACT_BELOW
        column = inner.inflate(-px(16), 0)
        name_box = pygame.Rect(
            column.left, inner.top + px(5), column.width, px(40 if compact else 32)
        )
        self._text(
            card,
            species.name.get(lang),
            name_box,
            ink,
            px(25 if compact else 21),
            bold=True,
            max_lines=2,
        )
        art_top = name_box.bottom + px(2)
        if not compact:
            sci_box = pygame.Rect(column.left, name_box.bottom, column.width, px(17))
            self._text(card, species.scientific_name, sci_box, theme.INK_SOFT, px(13), italic=True)
            art_top = sci_box.bottom + px(4)

        bottom_row = pygame.Rect(
            column.left,
            inner.bottom - px(30 if compact else 26),
            column.width,
            px(24 if compact else 20),
        )
        chip_row = pygame.Rect(
            column.left,
            bottom_row.top - px(38 if compact else 32),
            column.width,
            px(34 if compact else 28),
        )
        art = pygame.Rect(inner.left + px(7), art_top, inner.width - px(14), 0)
        art.height = chip_row.top - px(6) - art.top
        self._draw_art(card, species, art, lost, px(9))
        if style.foil:
            shine(card, art, style.foil, px(9))

        self._chip_row(card, species.iucn.category, lang, chip_row, u * (1.3 if compact else 1))
        tier_colour = mix(theme.TIER_COLOURS[tier.id], theme.SHADOW, 0.3)
        tier_box = pygame.Rect(0, bottom_row.top, px(120 if compact else 84), bottom_row.height)
        tier_box.right = bottom_row.right
        self._text(
            card,
            self.words(lang)(tier.name),
            tier_box,
            tier_colour,
            px(20 if compact else 13),
            bold=True,
            align="right",
        )
        if compact:
            gems_centre = ((bottom_row.left + tier_box.left) // 2, bottom_row.centery)
        else:
            year_box = pygame.Rect(bottom_row.left, bottom_row.top, px(44), bottom_row.height)
            self._text(card, str(species.iucn.year), year_box, theme.INK_SOFT, px(13), align="left")
            gems_centre = ((year_box.right + tier_box.left) // 2, bottom_row.centery)
        tier_marks(card, tier.id, gems_centre, max(5, px(13 if compact else 10)))
        return card

    def _chip_row(
        self, card: pygame.Surface, category: str, lang: str, row: pygame.Rect, u: float
    ) -> None:
        """The Red List chip: the code on its colour, then the category's words beside it."""
        code_font = self.res.sized_font(max(6, round(14 * u)), bold=True)
        chip = pygame.Rect(
            row.left,
            0,
            code_font.size("EW")[0] + round(12 * u),
            min(row.height, code_font.get_height() + round(4 * u)),
        )
        chip.centery = row.centery
        _chip_body(card, chip, category)
        self._text(
            card,
            category,
            chip.inflate(-round(4 * u), 0),
            category_text_colour(category),
            round(14 * u),
            bold=True,
        )
        words = pygame.Rect(chip.right + round(7 * u), row.top, 0, row.height)
        words.width = row.right - words.left
        self._text(
            card,
            self.words(lang)(CATEGORY_NAMES.get(category, category)),
            words,
            theme.INK,
            round(15 * u),
            max_lines=2,
            align="left",
        )

    def _draw_art(
        self, card: pygame.Surface, species: Species, rect: pygame.Rect, lost: bool, radius: int
    ) -> None:
        if rect.width < 2 or rect.height < 2:
            return
        window = gfx.surface(rect.size, pygame.SRCALPHA)
        top, bottom = HABITAT_SKIES.get(
            species.habitats[0] if species.habitats else "", DEFAULT_SKY
        )
        draw.gradient(window, window.get_rect(), hex_colour(top), hex_colour(bottom))
        size = (round(rect.width * ART_FILL), round(rect.height * ART_FILL))
        picture = self.res.species_art(species.art, species.group, size)
        if picture is not None:
            window.blit(picture, picture.get_rect(center=window.get_rect().center))
        if lost:  # gone species: a quiet grey, a little faded, never a flashy card
            window = gfx.grayscale(window)
            window.fill((18, 14, 24, 0), special_flags=pygame.BLEND_RGBA_ADD)
        window.blit(rounded_mask(rect.size, radius), (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        card.blit(window, rect)

    def _render_back(self, edition: Edition, width: int, lang: str) -> pygame.Surface:
        w, h = card_size(width)
        s = w / 250
        card = gfx.surface((w, h), pygame.SRCALPHA)
        colour = theme.edition_colour(edition.id, edition.color)
        outer = card.get_rect()
        gfx.rect(card, mix(colour, theme.SHADOW, 0.35), outer, border_radius=round(14 * s))
        inner = outer.inflate(round(-14 * s), round(-14 * s))
        pattern = gfx.surface(inner.size, pygame.SRCALPHA)
        draw.gradient(
            pattern,
            pattern.get_rect(),
            mix(colour, theme.WHITE, 0.2),
            mix(colour, theme.SHADOW, 0.2),
        )
        centre = pattern.get_rect().center
        for r in range(round(20 * s), max(inner.size), max(1, round(18 * s))):
            gfx.circle(
                pattern, (*mix(colour, theme.WHITE, 0.35), 90), centre, r, max(1, round(2 * s))
            )
        pattern.blit(
            rounded_mask(inner.size, round(10 * s)), (0, 0), special_flags=pygame.BLEND_RGBA_MIN
        )
        card.blit(pattern, inner)
        centre, radius = back_medal(width)
        medal = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        medal.center = centre
        gfx.circle(card, theme.PANEL, medal.center, medal.width // 2)
        gfx.circle(card, colour, medal.center, medal.width // 2 - round(6 * s))
        draw.leaf(card, medal.inflate(round(-56 * s), round(-56 * s)), theme.ENERGY)
        column = inner.inflate(-round(20 * s), 0)
        brand = pygame.Rect(column.left, medal.bottom + round(10 * s), column.width, round(34 * s))
        self._text(card, "EcoCards", brand, theme.WHITE, round(24 * s), bold=True)
        title = pygame.Rect(column.left, brand.bottom + round(4 * s), column.width, round(44 * s))
        self._text(
            card,
            edition.title.get(lang),
            title,
            theme.PANEL_DIM,
            round(15 * s),
            max_lines=2,
            valign="top",
        )
        return card
