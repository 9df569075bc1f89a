"""The bundled fonts can draw every character the content and the translations use."""

from __future__ import annotations

import string
from pathlib import Path

import pygame
import pytest

from game.ui.draw import latin

ROOT = Path(__file__).resolve().parent.parent.parent
FONTS = sorted((ROOT / "assets" / "fonts").glob("*.ttf"))
# The decks and actions; the UI catalog's translations are checked by tests/test_locale.py.
TEXT_FILES = sorted(p for p in (ROOT / "data").rglob("*.yaml") if p.parent.name != "locale")


@pytest.fixture(scope="module", params=FONTS, ids=lambda p: p.stem)
def font(request: pytest.FixtureRequest) -> pygame.font.Font:
    pygame.font.init()
    return pygame.font.Font(request.param, 24)


def test_every_character_in_the_content_files_has_a_glyph(font: pygame.font.Font) -> None:
    def picture(ch: str) -> bytes:
        return pygame.image.tobytes(font.render(ch, True, (0, 0, 0), (255, 255, 255)), "RGB")

    tofu = picture("\ue000")  # a private-use character no font maps: the missing-glyph box
    missing: dict[str, str] = {}
    for path in TEXT_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                continue  # comments are for editors, never drawn
            shown = latin(line)  # what the game draws: Latin lines get ASCII look-alikes
            for ch in set(shown) - set(string.printable):
                if picture(ch) == tofu:
                    missing.setdefault(ch, f"{path.relative_to(ROOT)}: {line.strip()[:60]}")
    assert not missing, "rebuild the fonts with tools/build_fonts.py, or reword:\n" + "\n".join(
        f"U+{ord(ch):04X} {ch} in {where}" for ch, where in sorted(missing.items())
    )
