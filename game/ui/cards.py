"""Card pictures: the front of a species card, and the back of an edition's cards.

Cards are drawn, not loaded: a frame in the edition's colour, the species' silhouette over a
backdrop of its habitat (or the PNG named by ``art:``), and its Red List category, always as a code
and a word as well as a colour. Rendered cards are cached by species, size and language.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.core.models import Edition, Species
from game.core.rarity import TIERS, tier_of
from game.core.vocab import CATEGORY_COLOURS, CATEGORY_NAMES
from game.i18n import Translator
from game.ui import draw, theme
from game.ui.resources import MissingResource, Resources
from game.ui.silhouettes import draw_silhouette
from game.ui.theme import Colour, hex_colour, mix

CARD_RATIO = 7 / 5

HABITAT_SKIES: dict[str, tuple[str, str]] = {
    "open-ocean": ("#5fb4e6", "#0b3d6b"), "coral-reef": ("#7fdbe0", "#1b7f9e"),
    "coastal-waters": ("#8fd3e8", "#2a7fa8"), "deep-sea": ("#2d4f8f", "#0a1433"),
    "polar-seas": ("#d9f1fb", "#5d9cc4"), "kelp-forest": ("#78c2b0", "#1f5a4b"),
    "seagrass-meadow": ("#9fd8c0", "#2f7d62"), "mangrove": ("#a8d69a", "#3f6e4a"),
    "estuary": ("#b4d6c8", "#4f7f74"), "beach": ("#f6e3b4", "#6fb7d6"),
    "rocky-shore": ("#c7d6dc", "#55707f"), "river": ("#a6d8e8", "#2f6f8f"),
    "lake": ("#b3e0f0", "#3b7ea1"), "wetland": ("#c6e2b3", "#4d7f5a"),
    "tropical-rainforest": ("#9bd46a", "#1e5b2c"), "temperate-forest": ("#b7dd8a", "#3b6b35"),
    "bamboo-forest": ("#cde89a", "#4f7a2c"), "mountain-forest": ("#bcd8e0", "#3f6150"),
    "boreal-forest": ("#c9e0d8", "#2f5045"), "dry-forest": ("#e8d9a0", "#8a6d3b"),
    "woodland": ("#cfe3a0", "#5a7a3a"), "grassland": ("#e9eba0", "#7a9a3a"),
    "savanna": ("#f3d98c", "#a0783a"), "desert": ("#f7e2b0", "#c08a4a"),
    "island": ("#a8e2e0", "#3f8f7a"), "cave": ("#8a8478", "#2e2a26"),
}
DEFAULT_SKY = ("#cfe8d8", "#3f7f6a")


def card_size(width: int) -> tuple[int, int]:
    return width, round(width * CARD_RATIO)


def category_text_colour(category: str) -> Colour:
    return theme.WHITE if category in ("EX", "EW", "CR") else theme.INK


def category_chip(surface: pygame.Surface, res: Resources, category: str, tr: Translator,
                  pos: tuple[int, int], size: int, *, with_name: bool = True) -> pygame.Rect:
    """``[EN] Endangered``: the code on the Red List colour, then the name (never colour alone)."""
    font = res.font(size, bold=True)
    code_w = font.size("EW")[0] + size
    chip = pygame.Rect(pos[0], pos[1], code_w, font.get_linesize() + 4)
    pygame.draw.rect(surface, hex_colour(CATEGORY_COLOURS[category]), chip,
                     border_radius=chip.height // 3)
    if category == "NE":
        pygame.draw.rect(surface, theme.INK_SOFT, chip, 1, border_radius=chip.height // 3)
    draw.text(surface, category, font, category_text_colour(category), chip.center, "center")
    if with_name:
        name_rect = draw.text(surface, tr(CATEGORY_NAMES.get(category, category)),
                              res.font(size), theme.INK, (chip.right + size // 2, chip.centery),
                              "midleft")
        return chip.union(name_rect)
    return chip


def tier_marks(surface: pygame.Surface, tier_id: str, center: tuple[int, int], size: int) -> None:
    """Rarity as a row of gems: one for common up to five for legendary; a ring for lost."""
    order = [t.id for t in TIERS]
    count = min(5, order.index(tier_id) + 1)
    colour = theme.TIER_COLOURS[tier_id]
    gap = size * 1.4
    start = center[0] - gap * (count - 1) / 2
    for i in range(count):
        cx, cy = start + i * gap, center[1]
        points = [(cx, cy - size / 2), (cx + size / 2, cy), (cx, cy + size / 2),
                  (cx - size / 2, cy)]
        if tier_id == "lost":
            pygame.draw.polygon(surface, colour, points, 2)
        else:
            pygame.draw.polygon(surface, colour, points)
            pygame.draw.polygon(surface, mix(colour, theme.SHADOW, 0.3), points, 1)


def _fit_font(res: Resources, text: str, width: int, size: int, bold: bool = True
              ) -> pygame.font.Font:
    while size > 10 and res.font(size, bold).size(text)[0] > width:
        size -= 1
    return res.font(size, bold)


class CardRenderer:
    MAX_CACHED = 600

    def __init__(self, res: Resources, tr: Translator) -> None:
        self.res = res
        self.tr = tr  # the game's words on a card; ``lang`` below picks the decks' text
        self._cache: dict[tuple[str, str, str, int, str], pygame.Surface] = {}

    def front(self, species: Species, edition: Edition, width: int, lang: str) -> pygame.Surface:
        return self._cached(("front", species.id, edition.id, width, lang),
                            lambda: self._render_front(species, edition, width, lang))

    def back(self, edition: Edition, width: int, lang: str) -> pygame.Surface:
        return self._cached(("back", "", edition.id, width, lang),
                            lambda: self._render_back(edition, width, lang))

    def clear(self) -> None:
        """Forget every rendered card (after the decks were reloaded)."""
        self._cache.clear()

    def _cached(self, key: tuple[str, str, str, int, str],
                render: Callable[[], pygame.Surface]) -> pygame.Surface:
        surface = self._cache.get(key)
        if surface is None:
            if len(self._cache) >= self.MAX_CACHED:
                self._cache.pop(next(iter(self._cache)))
            surface = self._cache[key] = render()
            if pygame.display.get_surface() is not None:
                surface = self._cache[key] = surface.convert_alpha()
        return surface

    # -- rendering ---------------------------------------------------------------------------

    def _render_front(self, species: Species, edition: Edition, width: int, lang: str
                      ) -> pygame.Surface:
        w, h = card_size(width)
        s = w / 250  # layout unit: sizes below are for a 250-pixel-wide card
        card = pygame.Surface((w, h), pygame.SRCALPHA)
        frame = theme.edition_colour(edition.id, edition.color)
        tier = tier_of(species.iucn.category)
        outer = card.get_rect()
        pygame.draw.rect(card, frame, outer, border_radius=round(14 * s))
        inner = outer.inflate(round(-14 * s), round(-14 * s))
        pygame.draw.rect(card, theme.PANEL, inner, border_radius=round(10 * s))

        name = species.name.get(lang)
        name_font = _fit_font(self.res, name, inner.width - round(16 * s), round(22 * s))
        draw.text(card, name, name_font, theme.INK, (inner.centerx, inner.top + round(8 * s)),
                  "midtop")
        sci_font = self.res.font(max(9, round(13 * s)))
        sci_font.set_italic(True)
        draw.text(card, species.scientific_name, sci_font, theme.INK_SOFT,
                  (inner.centerx, inner.top + round(38 * s)), "midtop")
        sci_font.set_italic(False)

        art = pygame.Rect(inner.left + round(8 * s), inner.top + round(60 * s),
                          inner.width - round(16 * s), round(200 * s))
        self._draw_art(card, species, art, tier.id == "lost")

        chip_y = art.bottom + round(10 * s)
        category_chip(card, self.res, species.iucn.category, self.tr,
                      (inner.left + round(10 * s), chip_y), max(10, round(15 * s)))
        tier_marks(card, tier.id, (inner.centerx, inner.bottom - round(22 * s)),
                   max(6, round(11 * s)))
        draw.text(card, self.tr(tier.name), self.res.font(max(9, round(12 * s)),
                  bold=True), theme.TIER_COLOURS[tier.id],
                  (inner.right - round(10 * s), inner.bottom - round(22 * s)), "midright")
        draw.text(card, str(species.iucn.year), self.res.font(max(9, round(12 * s))),
                  theme.INK_SOFT, (inner.left + round(10 * s), inner.bottom - round(22 * s)),
                  "midleft")
        return card

    def _draw_art(self, card: pygame.Surface, species: Species, rect: pygame.Rect,
                  lost: bool) -> None:
        window = pygame.Surface(rect.size, pygame.SRCALPHA)
        top, bottom = HABITAT_SKIES.get(species.habitats[0] if species.habitats else "",
                                        DEFAULT_SKY)
        draw.gradient(window, window.get_rect(), hex_colour(top), hex_colour(bottom))
        picture = None
        if species.art:
            try:
                picture = self.res.image(species.art)
            except (MissingResource, pygame.error):
                picture = None
        if picture is not None:
            scale = max(rect.width / picture.get_width(), rect.height / picture.get_height())
            scaled = pygame.transform.smoothscale(
                picture, (math.ceil(picture.get_width() * scale),
                          math.ceil(picture.get_height() * scale)))
            window.blit(scaled, scaled.get_rect(center=window.get_rect().center))
        else:
            halo = window.get_rect()
            glow = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.circle(glow, (255, 255, 255, 46), (halo.centerx, halo.centery),
                               round(min(rect.size) * 0.46))
            pygame.draw.circle(glow, (255, 255, 255, 30), (halo.centerx, halo.centery),
                               round(min(rect.size) * 0.34))
            window.blit(glow, (0, 0))
            shape = halo.inflate(-round(rect.width * 0.16), -round(rect.height * 0.18))
            draw_silhouette(window, species.group, shape, (250, 250, 245),
                            mix(hex_colour(bottom), theme.SHADOW, 0.25))
        if lost:
            window = pygame.transform.grayscale(window)
        mask = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=10)
        window.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        card.blit(window, rect)

    def _render_back(self, edition: Edition, width: int, lang: str) -> pygame.Surface:
        w, h = card_size(width)
        s = w / 250
        card = pygame.Surface((w, h), pygame.SRCALPHA)
        colour = theme.edition_colour(edition.id, edition.color)
        outer = card.get_rect()
        pygame.draw.rect(card, mix(colour, theme.SHADOW, 0.35), outer, border_radius=round(14 * s))
        inner = outer.inflate(round(-14 * s), round(-14 * s))
        pattern = pygame.Surface(inner.size, pygame.SRCALPHA)
        draw.gradient(pattern, pattern.get_rect(), mix(colour, theme.WHITE, 0.2),
                      mix(colour, theme.SHADOW, 0.2))
        centre = pattern.get_rect().center
        for r in range(round(20 * s), max(inner.size), round(18 * s)):
            pygame.draw.circle(pattern, (*mix(colour, theme.WHITE, 0.35), 90), centre, r,
                               max(1, round(2 * s)))
        mask = pygame.Surface(inner.size, pygame.SRCALPHA)
        pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=round(10 * s))
        pattern.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        card.blit(pattern, inner)
        medal = pygame.Rect(0, 0, round(110 * s), round(110 * s))
        medal.center = (inner.centerx, inner.centery - round(14 * s))
        pygame.draw.circle(card, theme.PANEL, medal.center, medal.width // 2)
        pygame.draw.circle(card, colour, medal.center, medal.width // 2 - round(6 * s))
        draw.leaf(card, medal.inflate(round(-56 * s), round(-56 * s)), theme.ENERGY)
        draw.text(card, "EcoCards", self.res.font(round(24 * s), bold=True), theme.WHITE,
                  (inner.centerx, medal.bottom + round(14 * s)), "midtop")
        title = edition.title.get(lang)
        draw.text(card, title, _fit_font(self.res, title, inner.width - round(20 * s),
                                         round(15 * s), bold=False),
                  theme.PANEL_DIM, (inner.centerx, medal.bottom + round(48 * s)), "midtop")
        return card
