"""The keys, on one page over the current screen (F1 or ?): everything can be played without a
mouse, and this says how."""

from __future__ import annotations

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.scenes.base import Scene
from game.scenes.screen import HEIGHT, WIDTH
from game.ui import draw, gfx, theme

BOX = pygame.Rect(WIDTH // 2 - 440, 70, 880, HEIGHT - 140)

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

    def draw(self, surface: pygame.Surface) -> None:
        tr, res = self.ctx.tr, self.ctx.res
        shade = gfx.surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*theme.SHADOW, 150))
        surface.blit(shade, (0, 0))
        draw.panel(surface, BOX)
        draw.text(
            surface,
            tr("Playing with the keyboard"),
            res.font(30, bold=True),
            theme.INK,
            (BOX.centerx, BOX.top + 28),
            "midtop",
        )
        y = BOX.top + 92
        key_font, words_font = res.font(20, bold=True), res.font(20)
        for keys, words in KEYS:
            draw.text(surface, keys, key_font, theme.ENERGY_DARK, (BOX.left + 48, y), "topleft")
            y += 8 + draw.paragraph(
                surface,
                tr(words),
                words_font,
                theme.INK_SOFT,
                pygame.Rect(BOX.left + 300, y, BOX.width - 348, 60),
                max_lines=2,
            )
        draw.text(
            surface,
            tr("Press Esc or F1 to go back to the game."),
            res.font(18),
            theme.INK_SOFT,
            (BOX.centerx, BOX.bottom - 24),
            "midbottom",
        )
