"""The keys, on one page over the current screen (F1 or ?): everything can be played without a
mouse, and this says how."""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.scenes.base import Scene
from game.scenes.screen import HEIGHT, WIDTH
from game.ui import draw, gfx, theme

BOX = pygame.Rect(WIDTH // 2 - 560, 24, 1120, HEIGHT - 48)

# (keys, what they do): the key names stay as printed on a keyboard; the words are translated
KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", N_("move the ring to the next or the previous button")),
    ("← → ↑ ↓", N_("move the ring to the nearest button, or between the cards of an album")),
    ("Enter / Space", N_("press the button or open the card with the ring")),
    ("Esc", N_("go back")),
    ("L", N_("log an eco-action (on the home screen)")),
    ("A – Z", N_("type letters to find a name on the player list; Esc clears them")),
    ("Page Up / Page Down", N_("scroll an album or a card")),
    ("F11", N_("full screen on or off")),
    ("F1 / ?", N_("show or hide this page")),
)


class KeysHelpScene(Scene):
    overlay = True  # drawn over the screen it explains

    def __init__(self, ctx: GameContext) -> None:
        self.ctx = ctx

    def handle_event(self, event: pygame.event.Event) -> bool:
        closing = (pygame.K_ESCAPE, pygame.K_F1, pygame.K_RETURN, pygame.K_SPACE)
        if event.type == pygame.KEYDOWN and (
            event.key in closing or getattr(event, "unicode", "") == "?"
        ):
            self.ctx.manager.pop()
            return True
        if event.type in (pygame.MOUSEBUTTONUP, pygame.FINGERUP):
            self.ctx.manager.pop()
            return True
        return True  # nothing reaches the screen underneath while this page is open

    def _fonts(self, size: int) -> tuple[pygame.font.Font, pygame.font.Font, int]:
        """The keys' and the words' fonts at ``size``, and the keys' column width."""
        res = self.ctx.res
        key_font, words_font = res.font(size, bold=True), res.font(size)
        keys_w = max(key_font.size(keys)[0] for keys, _ in KEYS) + 32
        return key_font, words_font, keys_w

    def _rows_height(self, size: int, width: int) -> int:
        key_font, words_font, keys_w = self._fonts(size)
        return sum(
            max(
                key_font.get_linesize(),
                draw.paragraph_height(self.ctx.tr(w), words_font, width - keys_w, 0),
            )
            + 8
            for _, w in KEYS
        )

    def draw(self, surface: pygame.Surface) -> None:
        tr, res = self.ctx.tr, self.ctx.res
        shade = gfx.surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*theme.SHADOW, 150))
        surface.blit(shade, (0, 0))
        draw.panel(surface, BOX)
        title_font, foot_font = res.font(30, bold=True), res.font(18)
        title = draw.text(
            surface,
            tr("Playing with the keyboard"),
            title_font,
            theme.INK,
            (BOX.centerx, BOX.top + 20),
            "midtop",
        )
        foot = tr("Press Esc or F1 to go back to the game.")
        room = BOX.height - title.height - foot_font.get_linesize() - 20 - 24 - 32
        width = BOX.width - 96
        size = 20
        while size > 12 and self._rows_height(size, width) > room:
            size -= 1  # a long list at a large text size: a little smaller, never under 18 px
            if res.font(size).get_height() < res.font_px(18).get_height():
                size += 1
                break
        key_font, words_font, keys_w = self._fonts(size)
        y = title.bottom + 20
        for keys, words in KEYS:
            draw.text(surface, keys, key_font, theme.ENERGY_DARK, (BOX.left + 48, y), "topleft")
            box = pygame.Rect(BOX.left + 48 + keys_w, y, width - keys_w, BOX.bottom - y)
            used = draw.paragraph(surface, tr(words), words_font, theme.INK_SOFT, box, line_gap=0)
            y += max(key_font.get_linesize(), used) + 8
        draw.text(
            surface,
            foot,
            foot_font,
            theme.INK_SOFT,
            (BOX.centerx, BOX.bottom - 16),
            "midbottom",
        )
