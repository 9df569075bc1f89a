"""The log screen's grid of action tiles: which tiles show, and scrolling by rows."""

from __future__ import annotations

import pygame

from game.core.content import Content
from game.ui.action_tiles import COLUMNS, ActionGrid


def grid_of(content: Content, copies: int, bottom: int = 720) -> ActionGrid:
    actions = list(content.actions.values()) * copies
    return ActionGrid(actions, left=32, top=92, bottom=bottom)


def test_the_tiles_shown_fit_between_top_and_bottom(mini_content: Content) -> None:
    grid = grid_of(mini_content, 10)
    shown = grid.shown()
    assert 0 < len(shown) == grid.visible_rows() * COLUMNS < len(grid.actions)
    assert all(rect.top >= grid.top and rect.bottom <= grid.bottom - 16 for rect, _ in shown)


def test_scrolling_stops_at_the_first_and_the_last_row(mini_content: Content) -> None:
    grid = grid_of(mini_content, 10)
    grid.scroll_by(-3)
    assert grid.scroll == 0
    grid.scroll_by(1000)
    rows = -(-len(grid.actions) // COLUMNS)
    assert grid.scroll == rows - grid.visible_rows()
    assert grid.shown()[-1][1] is grid.actions[-1]  # the last action is on screen


def test_a_short_list_does_not_scroll(mini_content: Content) -> None:
    grid = grid_of(mini_content, 1)
    grid.scroll_by(5)
    assert grid.scroll == 0


def test_each_tile_shown_is_a_button_choosing_its_action(mini_content: Content) -> None:
    pygame.font.init()
    grid = grid_of(mini_content, 1)
    chosen = []
    buttons = grid.buttons(chosen.append, None, pygame.font.Font(None, 18))
    assert [b.rect for b in buttons] == [rect for rect, _ in grid.shown()]
    buttons[-1].on_click()
    assert chosen == [grid.actions[-1]]
