"""Test set-up: pygame runs headless, and content comes from small fixture decks."""

from __future__ import annotations

import os

# Before anything imports pygame: no window, no sound device (the dummy drivers still draw the
# same pixels into surfaces, so scene tests can look at what they drew).
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def mini_data() -> Path:
    """A small real deck: two editions, a few species, three actions."""
    return FIXTURES / "mini"


@pytest.fixture
def assets_dir() -> Path:
    return ROOT / "assets"


@pytest.fixture
def mini_content(mini_data: Path, assets_dir: Path):
    from game.core.content import load_content

    return load_content(mini_data, assets_dir, today=dt.date(2026, 11, 23))


@pytest.fixture(autouse=True)
def _drawing_scale_reset():
    """Every test starts drawing at scale 1, whatever window the one before opened."""
    yield
    import sys

    gfx = sys.modules.get("game.ui.gfx")
    if gfx is not None:
        gfx.set_scale(1.0)


@pytest.fixture(autouse=True)
def standard_palette():  # type: ignore[no-untyped-def]
    """Every test starts and ends with the standard palette (a test may choose another)."""
    yield
    import sys

    theme = sys.modules.get("game.ui.theme")
    if theme is not None:  # only when a test drew anything
        theme.use_palette(theme.STANDARD)
