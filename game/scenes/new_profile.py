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
from game.scenes.screen import HEADER, HEIGHT, WIDTH, ScreenScene
from game.ui import draw, gfx, theme
from game.ui.avatar import PICTURES, draw_picture, picture_for
from game.ui.widgets import Button

PICTURE_SIZE, PICTURE_GAP, PICTURES_PER_ROW = 60, 12, 16  # one row: room for large text above


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

    def _fonts(self) -> dict[str, pygame.font.Font]:
        res = self.ctx.res
        return {
            "heading": res.font(36, bold=True),
            "hint": res.font(20),
            "name": res.font(32),
            "count": res.font(18),
            "refusal": res.font(20, bold=True),
            "choose": res.font(24, bold=True),
            "start": res.font(26, bold=True),
        }

    def layout(self) -> None:
        """Everything stacked from the fonts' measured heights, the button at the bottom."""
        super().layout()
        fonts = self._fonts()
        text_w = WIDTH - 160
        start_h = max(64, fonts["start"].get_linesize() + 16)
        start_w = max(320, fonts["start"].size(self.start_label())[0] + 48)
        rows = -(-len(PICTURES) // PICTURES_PER_ROW)
        pictures_h = rows * PICTURE_SIZE + (rows - 1) * PICTURE_GAP
        heights = {
            "heading": draw.paragraph_height(self.heading(), fonts["heading"], text_w, 0),
            "hint": draw.paragraph_height(self.hint(), fonts["hint"], text_w, 0),
            "box": fonts["name"].get_linesize() + 24,
            "count": fonts["count"].get_linesize(),
            "refusal": 2 * fonts["refusal"].get_linesize(),  # a refusal may take two lines
            "choose": fonts["choose"].get_linesize(),
        }
        room = HEIGHT - 24 - start_h - 16 - pictures_h - (HEADER + 4)
        gap = max(4, min(16, (room - sum(heights.values())) // len(heights)))
        self.tops: dict[str, int] = {}
        y = HEADER + 4
        for part, height in heights.items():
            self.tops[part] = y
            y += height + (gap if part not in ("box", "count") else 4)
        box_w = max(600, min(WIDTH - 240, fonts["name"].size("W" * 16)[0] + 48))
        self.box = pygame.Rect(WIDTH // 2 - box_w // 2, self.tops["box"], box_w, heights["box"])
        self.pictures = {}
        width = PICTURES_PER_ROW * PICTURE_SIZE + (PICTURES_PER_ROW - 1) * PICTURE_GAP
        for i, picture in enumerate(PICTURES):
            row, col = divmod(i, PICTURES_PER_ROW)
            rect = pygame.Rect(
                WIDTH // 2 - width // 2 + col * (PICTURE_SIZE + PICTURE_GAP),
                y + row * (PICTURE_SIZE + PICTURE_GAP),
                PICTURE_SIZE,
                PICTURE_SIZE,
            )
            self.pictures[picture] = self.buttons.add(
                Button(
                    rect,
                    "",
                    partial(self.choose, picture),
                    self.ctx.res.font(18),
                    colour=theme.mix(theme.BG_TOP, theme.WHITE, 0.2),
                    hold=0.0,
                )
            )
        self.start_button = self.buttons.add(
            Button(
                pygame.Rect(WIDTH // 2 - start_w // 2, HEIGHT - 24 - start_h, start_w, start_h),
                self.start_label(),
                self.create,
                fonts["start"],
                colour=theme.ENERGY_DARK,
            )
        )

    def heading(self) -> str:
        return self.tr("What is your name?")

    def hint(self) -> str:
        return self.tr("Your first name or a nickname is enough.")

    def start_label(self) -> str:
        return self.tr("Save the name") if self.renaming else self.tr("Start playing")

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
        fonts, tops = self._fonts(), self.tops
        text_w = WIDTH - 160
        for part, colour in (("heading", theme.WHITE), ("hint", theme.PANEL_DIM)):
            words = self.heading() if part == "heading" else self.hint()
            height = draw.paragraph_height(words, fonts[part], text_w, 0)
            width = min(text_w, fonts[part].size(words)[0])
            box = pygame.Rect(WIDTH // 2 - width // 2, tops[part], width, height)
            draw.paragraph(surface, words, fonts[part], colour, box, line_gap=0)
        draw.panel(surface, self.box, border=theme.ENERGY)
        draw.text(
            surface,
            self.tr("Choose your picture"),
            fonts["choose"],
            theme.WHITE,
            (WIDTH // 2, tops["choose"]),
            "midtop",
        )
        full = len(self.name) >= MAX_NAME
        draw.text(
            surface,
            self.tr("{used} of {count} letters", used=len(self.name), count=MAX_NAME),
            self.ctx.res.font(18, bold=full),
            theme.ACCENT if full else theme.PANEL_DIM,
            (self.box.right, tops["count"]),
            "topright",
        )
        if self.refusal:
            draw.paragraph(
                surface,
                self.refusal,
                fonts["refusal"],
                theme.ACCENT,
                pygame.Rect(
                    self.box.left,
                    tops["refusal"],
                    self.box.width,
                    2 * fonts["refusal"].get_linesize(),
                ),
                line_gap=0,
            )
        font = fonts["name"]
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
