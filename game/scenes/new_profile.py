"""Make a new profile, or rename one: type a name (any language; the IME works), press Enter.

The limit is shown while typing (letters used of the most allowed), and a character the game's
font cannot draw (an emoji) is refused with a message, never drawn as an empty box.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.context import GameContext
from game.core.messages import N_
from game.saves.profiles import MAX_NAME, ProfileMeta
from game.scenes.screen import WIDTH, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.avatar import PICTURES, draw_picture, picture_for
from game.ui.widgets import Button

PICTURE_SIZE, PICTURE_GAP, PICTURES_PER_ROW = 60, 12, 8
PICTURES_TOP = 430


class NewProfileScene(ScreenScene):
    text_entry = True

    @property
    def title(self) -> str:  # type: ignore[override]
        return N_("Change your name") if self.renaming else N_("New player")

    def __init__(self, ctx: GameContext, renaming: ProfileMeta | None = None) -> None:
        super().__init__(ctx)
        self.renaming = renaming
        self.name = renaming.name if renaming else ""
        self.refusal = ""  # why the last thing typed was not taken
        self.composing = ""  # text the input method is still composing (e.g. pinyin)
        self.caret_time = 0.0
        self.box = pygame.Rect(WIDTH // 2 - 300, 200, 600, 72)
        chosen = ctx.settings.avatar if renaming else ""
        self.picture = picture_for(renaming.name if renaming else "", chosen)
        if not renaming:  # the next player's picture differs from the last one's
            self.picture = PICTURES[len(ctx.store.list_profiles()) % len(PICTURES)]
        self.pictures: dict[str, Button] = {}

    def start(self) -> None:
        super().start()
        self._typing(True)

    def resume(self) -> None:
        super().resume()
        self._typing(True)

    def pause(self) -> None:
        self._typing(False)

    def stop(self) -> None:
        self._typing(False)

    def _typing(self, on: bool) -> None:
        if on:
            pygame.key.start_text_input()
            gfx.set_text_input_rect(self.box)
        else:
            pygame.key.stop_text_input()

    def layout(self) -> None:
        super().layout()
        self.pictures = {}
        width = PICTURES_PER_ROW * PICTURE_SIZE + (PICTURES_PER_ROW - 1) * PICTURE_GAP
        for i, picture in enumerate(PICTURES):
            row, col = divmod(i, PICTURES_PER_ROW)
            rect = pygame.Rect(
                WIDTH // 2 - width // 2 + col * (PICTURE_SIZE + PICTURE_GAP),
                PICTURES_TOP + row * (PICTURE_SIZE + PICTURE_GAP),
                PICTURE_SIZE,
                PICTURE_SIZE,
            )
            self.pictures[picture] = self.buttons.add(
                Button(
                    rect,
                    "",
                    partial(self.choose, picture),
                    self.ctx.res.font(16),
                    colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.2),
                    hold=0.0,
                )
            )
        self.start_button = self.buttons.add(
            Button(
                pygame.Rect(WIDTH // 2 - 140, 600, 280, 64),
                self.tr("Save the name") if self.renaming else self.tr("Start playing"),
                self.create,
                self.ctx.res.font(26, bold=True),
                colour=theme.ENERGY_DARK,
            )
        )

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            self.composing = ""
            self.add_text(event.text)
            return True
        if event.type == pygame.TEXTEDITING:
            self.composing = event.text
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.name = self.name[:-1]
                self.refusal = ""
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.create()
                return True
        return super().handle_event(event)

    def choose(self, picture: str) -> None:
        self.picture = picture

    def add_text(self, text: str) -> None:
        """Take what was typed, one character at a time; say why anything was left out."""
        self.refusal = ""
        font = self.ctx.res.font(32)
        for ch in text:
            if not self.drawable(font, ch):
                self.refusal = self.tr(
                    "Pictures like emoji cannot be used in names: please use letters."
                )
            elif len(self.name) >= MAX_NAME:
                self.refusal = self.tr("Names can be at most {count} characters.", count=MAX_NAME)
            else:
                self.name += ch

    @staticmethod
    def drawable(font: pygame.font.Font, ch: str) -> bool:
        """The font has a picture for ``ch``: a character it lacks (an emoji) comes out as the
        font's "missing" box, the same picture as a character no font has."""
        if not ch.isprintable():
            return False
        if ch.isspace():
            return True
        missing = pygame.image.tobytes(font.render("\U0010fffd", True, (0, 0, 0)), "RGBA")
        return pygame.image.tobytes(font.render(ch, True, (0, 0, 0)), "RGBA") != missing

    def create(self) -> None:
        if self.renaming:
            self.ctx.nav.rename_player(self.name, self.picture)
        else:
            self.ctx.nav.create_profile(self.name, self.picture)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.caret_time = (self.caret_time + dt) % 1.0
        self.start_button.enabled = bool(self.name.strip())

    def draw_body(self, surface: pygame.Surface) -> None:
        res = self.ctx.res
        draw.text(
            surface,
            self.tr("What is your name?"),
            res.font(36, bold=True),
            theme.WHITE,
            (WIDTH // 2, 100),
            "midtop",
        )
        draw.text(
            surface,
            self.tr("Your first name or a nickname is enough."),
            res.font(20),
            theme.PANEL_DIM,
            (WIDTH // 2, 152),
            "midtop",
        )
        draw.panel(surface, self.box, border=theme.ENERGY)
        draw.text(
            surface,
            self.tr("Choose your picture"),
            res.font(24, bold=True),
            theme.WHITE,
            (WIDTH // 2, PICTURES_TOP - 44),
            "midtop",
        )
        full = len(self.name) >= MAX_NAME
        draw.text(
            surface,
            self.tr("{used} of {count} letters", used=len(self.name), count=MAX_NAME),
            res.font(18, bold=full),
            theme.ACCENT if full else theme.PANEL_DIM,
            (self.box.right, self.box.bottom + 8),
            "topright",
        )
        if self.refusal:
            draw.text(
                surface,
                self.refusal,
                res.font(20, bold=True),
                theme.ACCENT,
                (self.box.centerx, self.box.bottom + 40),
                "midtop",
            )
        font = res.font(32)
        shown = self.name + self.composing
        rect = draw.text(
            surface, shown, font, theme.INK, (self.box.left + 24, self.box.centery), "midleft"
        )
        if self.composing:
            start = font.size(self.name)[0] + self.box.left + 24
            gfx.line(surface, theme.INK_SOFT, (start, rect.bottom), (rect.right, rect.bottom), 2)
        if self.caret_time < 0.5:
            x = rect.right + 3 if shown else self.box.left + 24
            gfx.line(surface, theme.INK, (x, self.box.top + 16), (x, self.box.bottom - 16), 3)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        for picture, button in self.pictures.items():
            chosen = picture == self.picture
            rect = button.rect.move(0, 2) if button.pressed else button.rect
            draw_picture(
                surface,
                self.ctx.res,
                picture,
                rect.center,
                rect.width // 2 - 4,
                ring=theme.ACCENT if chosen else theme.INK_SOFT,
            )
            if chosen:  # a tick as well as the colour
                badge = (rect.right - 6, rect.top + 6)
                gfx.circle(surface, theme.INK, badge, 14)
                gfx.lines(
                    surface,
                    theme.ACCENT,
                    False,
                    [
                        (badge[0] - 7, badge[1]),
                        (badge[0] - 2, badge[1] + 6),
                        (badge[0] + 8, badge[1] - 6),
                    ],
                    4,
                )
