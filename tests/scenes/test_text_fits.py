"""Every screen, in every language and at every text size: each text stays in its box and on the
screen, no two texts overlap, none is cut short, and none is smaller than MIN_TEXT.

The screens are drawn with the text probe recording (game.ui.probe): every helper that draws
text reports where it went and the room it had. Cards are pictures, drawn on their own surfaces
at the size of the card: their texts are checked against their boxes (as tests/ui/test_cards.py
does for every species), not against the smallest screen text.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pygame
import pytest

from game.scenes.screen import ScreenScene
from game.ui import probe
from game.ui.probe import PlacedText
from game.ui.resources import MIN_TEXT
from tests.scenes.driver import Driver
from tests.scenes.every_screen import four_editions, tour

LANGS = ("en", "zh-Hans")
SIZES = (100, 125, 150)
SLACK = 2  # pixels of a glyph's side bearing that may lie outside its box
SCREENS = (
    "player list",
    "settings (computer)",
    "new player",
    "home",
    "log an action",
    "log an action (undo)",
    "home (today's actions)",
    "reveal",
    "album",
    "card page",
    "progress",
    "settings (player)",
    "keys page",
    "edition complete",
    "notice",
    "confirm dialog",
    "ask dialog",
    "quiz",
    "quiz (answered)",
    "quiz results",
    "content errors",
    "crash",
    "class screen",
    "teacher PIN",
    "teacher: students",
    "teacher: waiting",
    "teacher: rules",
    "teacher: data",
)


def _inside(inner: pygame.Rect, outer: pygame.Rect) -> bool:
    return outer.inflate(2 * SLACK, 2 * SLACK).contains(inner)


def faults(placed: list[PlacedText], screen: pygame.Surface) -> list[str]:
    """What is wrong with the texts of one screen, in words."""
    found = []
    panels = [p for p in placed if p.panel]
    placed = [p for p in placed if not p.panel]
    on_screen = [p for p in placed if p.surface == id(screen) and not p.cut]
    for p in placed:
        for panel in panels:
            if (
                panel.surface == p.surface
                and panel.drawn.collidepoint(p.drawn.center)
                and not _inside(p.drawn, panel.drawn)
            ):
                found.append(f"leaves its panel {tuple(panel.drawn)}: {p.text!r}")
        if p.cut:
            found.append(f"cut short: {p.text!r}")
        elif not _inside(p.drawn, p.box):
            found.append(f"leaves its box {tuple(p.box)}: {p.text!r} at {tuple(p.drawn)}")
    for p in on_screen:
        if not _inside(p.drawn, screen.get_rect()):
            found.append(f"off the screen: {p.text!r} at {tuple(p.drawn)}")
        if p.size and p.size < MIN_TEXT:
            found.append(f"{p.size} px, under {MIN_TEXT}: {p.text!r}")
    for i, a in enumerate(on_screen):
        for b in on_screen[i + 1 :]:
            overlap = a.drawn.clip(b.drawn)
            if overlap.width > SLACK * 2 and overlap.height > SLACK * 2:
                found.append(f"overlap: {a.text!r} and {b.text!r}")
    return found


def look_at(results: dict[str, list[str]], name: str, driver: Driver) -> None:
    """Draw the screen on top (the ones under an overlay first, unrecorded) and check it."""
    manager, screen = driver.ctx.manager, driver.app.screen
    first = len(manager.stack) - 1
    while first > 0 and manager.stack[first].overlay:
        first -= 1
    for scene in manager.stack[first:-1]:
        scene.draw(screen)
    top = manager.stack[-1]
    with probe.recording() as placed:
        if isinstance(top, ScreenScene):
            top.layout()  # labels made here are seen too (one cut short to fit, say)
        top.draw(screen)
    assert placed, f"{name}: the probe saw no text"
    controls = manager.stack[-1].controls()
    crossing = [
        f"controls overlap: {tuple(a)} and {tuple(b)}"
        for i, a in enumerate(controls)
        for b in controls[i + 1 :]
        if a.clip(b).width > 0 and a.clip(b).height > 0
    ]
    off = [
        f"control off the screen: {tuple(c)}" for c in controls if not screen.get_rect().contains(c)
    ]
    results[name] = faults(placed, screen) + crossing + off


@functools.cache
def screens(lang: str, text_size: int) -> dict[str, list[str]]:
    """Each screen's faults, for one language and text size (the tour runs once for all)."""
    results: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tour(Path(tmp) / "saves", lang, text_size, functools.partial(look_at, results))
        four: dict[str, list[str]] = {}
        tour(
            Path(tmp) / "saves4",
            lang,
            text_size,
            functools.partial(look_at, four),
            data=four_editions(Path(tmp)),
        )
        results["home, four editions"] = four["home"]
    return results


@pytest.mark.parametrize("text_size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", (*SCREENS, "home, four editions"))
def test_every_text_fits(screen: str, lang: str, text_size: int) -> None:
    assert screens(lang, text_size)[screen] == []


def test_the_tour_shows_every_screen_listed() -> None:
    assert sorted(screens("en", 100)) == sorted((*SCREENS, "home, four editions"))
