"""A player's avatar: a coloured disc with their initial, the same colour on every screen."""

from __future__ import annotations

import hashlib

import pygame

from game.ui import draw, theme
from game.ui.resources import Resources

PALETTE = ("#ef8354", "#4f9d69", "#3c91e6", "#f2c14e", "#9b5de5", "#00a6a6", "#e5625e", "#7cb518")


def avatar_colour(name: str) -> theme.Colour:
    colours = [theme.hex_colour(c) for c in PALETTE]
    return colours[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(colours)]


def draw_avatar(
    surface: pygame.Surface, res: Resources, name: str, center: tuple[int, int], radius: int
) -> None:
    pygame.draw.circle(surface, avatar_colour(name), center, radius)
    initial = name[:1].upper() or "?"
    draw.text(
        surface, initial, res.font(round(radius * 1.05), bold=True), theme.WHITE, center, "center"
    )
