"""Where the class rules page puts things, measured from its words at the text size in use.

The class's own settings (approval, days back, goal, editions) sit in two columns when their
labels and controls fit side by side, else in one; they show on the first page only. Under them
(or at the top of a later page) the actions, as tiles in as many columns as their daily limits
fit and as many rows as the room left allows: each tile as tall as the longest action name
needs, wrapped between words, so that no name is ever cut.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.scenes.screen import HEIGHT
from game.scenes.teacher_base import BODY_TOP
from game.ui import draw
from game.ui.resources import MIN_TEXT, Resources
from game.ui.widgets import PAD, label_height, word_font

LEFT, RIGHT = 24, 1256  # the page's edges
STEP_W = 56  # a − or + button of the class's settings
LABEL_GAP, COLUMN_GAP, ROW_GAP = 16, 32, 12
TILE_GAP = 8
COLUMNS = (5, 4, 3, 2)  # the most the actions' tiles may take, then fewer at large text


@dataclass(frozen=True)
class Setting:
    """One of the class's settings: where its label and its controls go."""

    label: str
    label_box: pygame.Rect
    controls: pygame.Rect


def control_height(res: Resources) -> int:
    return max(48, res.font(18, bold=True).get_linesize() + 12)


def settings_rows(
    res: Resources, items: list[tuple[str, int]], top: int = BODY_TOP + 6
) -> list[Setting]:
    """For each (label, width its controls want), in order: two columns (the first half on the
    left, the rest on the right, its labels against its controls) when they fit, else one."""
    font = res.font(22, bold=True)
    widths = [font.size(label)[0] for label, _ in items]
    height = control_height(res)
    half = (len(items) + 1) // 2
    left_l, right_l = max(widths[:half]), max(widths[half:] or [0])
    left_c = max(w for _, w in items[:half])
    right_c = max([w for _, w in items[half:]] or [0])
    two = LEFT + left_l + LABEL_GAP + left_c + COLUMN_GAP + right_l + LABEL_GAP + right_c <= RIGHT
    rows = []
    for i, (label, _) in enumerate(items):
        if two:
            row, right = i % half, i >= half
            y = top + row * (height + ROW_GAP)
            if right:
                controls = pygame.Rect(RIGHT - right_c, y, right_c, height)
                label_box = pygame.Rect(controls.left - LABEL_GAP - right_l, y, right_l, height)
            else:
                label_box = pygame.Rect(LEFT, y, left_l, height)
                controls = pygame.Rect(label_box.right + LABEL_GAP, y, left_c, height)
        else:
            y = top + i * (height + ROW_GAP)
            label_box = pygame.Rect(LEFT, y, max(widths), height)
            left = label_box.right + LABEL_GAP
            controls = pygame.Rect(left, y, min(items[i][1], RIGHT - left), height)
        rows.append(Setting(label, label_box, controls))
    return rows


@dataclass(frozen=True)
class Tiles:
    """The actions' tiles: their size and fonts, how many a page shows, and where."""

    cols: int
    width: int
    toggle_h: int  # the name and its on/off words
    step_h: int  # the −, the daily limit and the + under it
    name_font: pygame.font.Font
    sub_font: pygame.font.Font
    cap_font: pygame.font.Font
    first_top: int  # where the tiles start on the first page (under the settings)
    later_top: int  # and on the later pages
    first_rows: int
    later_rows: int

    @property
    def height(self) -> int:
        return self.toggle_h + 4 + self.step_h

    def per_page(self, page: int) -> int:
        return self.cols * (self.first_rows if page == 0 else self.later_rows)

    def pages(self, count: int) -> int:
        rest = max(0, count - self.per_page(0))
        return 1 + -(-rest // self.per_page(1))

    def first_of(self, page: int) -> int:
        """The index of the first action on ``page``."""
        return 0 if page == 0 else self.per_page(0) + (page - 1) * self.per_page(1)

    def rect(self, page: int, slot: int) -> pygame.Rect:
        row, col = divmod(slot, self.cols)
        top = self.first_top if page == 0 else self.later_top
        x = LEFT + col * (self.width + TILE_GAP)
        return pygame.Rect(x, top + row * (self.height + TILE_GAP), self.width, self.height)


def tiles(
    res: Resources, names: list[str], subs: list[str], caps: list[str], first: int, later: int
) -> Tiles:
    """Tiles for actions named ``names`` whose on/off words are ``subs`` and whose daily limits
    read at most as wide as the widest of ``caps``, starting at ``first`` on the first page and
    ``later`` on the others."""
    cap_base = res.font(18, bold=True)
    widest_cap = max(cap_base.size(cap)[0] for cap in caps or [""])
    step_h = max(44, cap_base.get_linesize() + 6)
    for cols in COLUMNS:
        width = (RIGHT - LEFT - (cols - 1) * TILE_GAP) // cols
        if widest_cap + 8 <= width - 2 * step_h - 12:
            break
    room = width - 2 * step_h - 12 - 8
    cap_font = min(
        (res.fitting_font(18, cap, room, bold=True) for cap in caps or [""]),
        key=lambda font: font.get_height(),
    )
    name_font = word_font(res, 18, names, width)
    sub_font = res.font_px(max(MIN_TEXT, round(16 * res.text_scale)), bold=True)
    toggle_h = max(
        (label_height(name_font, n, width, (sub_font, sub)) for n in names for sub in subs),
        default=56,
    )
    height = toggle_h + 4 + step_h
    bottom = HEIGHT - 12

    def rows(top: int) -> int:
        return max(1, (bottom - top + TILE_GAP) // (height + TILE_GAP))

    return Tiles(
        cols, width, toggle_h, step_h, name_font, sub_font, cap_font, first, later,
        rows(first), rows(later),
    )  # fmt: skip


def note_font(res: Resources, note: str, width: int, height: int) -> pygame.font.Font:
    """The largest font (18 times the text size at most, MIN_TEXT at least) in which ``note``,
    wrapped to ``width``, is at most ``height`` tall."""
    px = max(MIN_TEXT, round(18 * res.text_scale))
    while px > MIN_TEXT and draw.paragraph_height(note, res.font_px(px), width, 0) > height:
        px -= 1
    return res.font_px(px)


def button_width(res: Resources, *labels: str, least: int = 0) -> int:
    """As wide as the widest of ``labels`` needs on a button, ``least`` at least."""
    font = res.font(18, bold=True)
    return max(least, max(font.size(draw.latin(label))[0] for label in labels) + PAD + 16)
