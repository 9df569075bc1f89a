"""A player's avatar: an animal picture the player chose, shown with their name.

A picture tells players apart without colour (sixteen discs of a colour-blind child's grey are
not sixteen players), so every player has one: chosen when the player is made and changeable
with their name. A player who never chose one gets a picture from their name, always the same.
The pictures are the decks' generic group pictures (``assets/art/groups``).
"""

from __future__ import annotations

import hashlib
import logging

import pygame

from game.core.art import GROUP_ART_DIR
from game.ui import gfx, theme
from game.ui.resources import MissingResource, Resources

log = logging.getLogger("ecocards")

# Animals a child recognises at a glance, distinct in outline as well as colour
PICTURES = (
    "turtle",
    "whale",
    "dolphin",
    "penguin",
    "bird",
    "raptor",
    "cat",
    "bear",
    "elephant",
    "primate",
    "fish",
    "shark",
    "seal",
    "amphibian",
    "insect",
    "tree",
)
BACKDROP = theme.hex_colour("#dcefe6")  # one light colour behind every picture: never a code


def picture_for(name: str, chosen: str = "") -> str:
    """The player's picture: the one they chose, or one from their name."""
    if chosen in PICTURES:
        return chosen
    return PICTURES[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(PICTURES)]


def draw_picture(
    surface: pygame.Surface,
    res: Resources,
    picture: str,
    center: tuple[int, int],
    radius: int,
    *,
    ring: theme.Colour = theme.INK_SOFT,
) -> None:
    """``picture`` in a light disc of ``radius`` around ``center``."""
    gfx.circle(surface, BACKDROP, center, radius)
    gfx.circle(surface, ring, center, radius, max(2, radius // 12))
    side = int(radius * 1.5)
    try:
        art = res.art(f"{GROUP_ART_DIR}/{picture}.svg", (side, side))
    except (MissingResource, pygame.error, OSError) as exc:
        log.warning("avatar picture %s cannot be shown (%s)", picture, exc)
        return
    surface.blit(art, art.get_rect(center=center))


def draw_avatar(
    surface: pygame.Surface,
    res: Resources,
    name: str,
    center: tuple[int, int],
    radius: int,
    chosen: str = "",
) -> None:
    """The avatar of the player called ``name`` who chose ``chosen`` ("" when none yet)."""
    draw_picture(surface, res, picture_for(name, chosen), center, radius)
