"""Species art: SVG files named by the deck, generic group pictures, one render per size."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pygame
import pytest

from game.core.art import FALLBACK_ART, GROUP_ART, fallback_art, group_art
from game.core.vocab import GROUPS
from game.ui.resources import MissingResource, Resources

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
GROUP_FILES = sorted((ASSETS / "art" / "groups").glob("*.svg"))
SVG = "{http://www.w3.org/2000/svg}"
# What nanosvg draws faithfully (docs/art.md); anything else is refused in bundled art.
ALLOWED = {
    "svg",
    "g",
    "defs",
    "path",
    "circle",
    "ellipse",
    "rect",
    "polygon",
    "polyline",
    "line",
    "linearGradient",
    "radialGradient",
    "stop",
}


@pytest.fixture
def res() -> Resources:
    pygame.display.init()
    return Resources(ASSETS)


def test_every_group_has_a_generic_picture() -> None:
    assert set(GROUP_ART) == set(GROUPS)
    for group in GROUPS:
        assert (ASSETS / group_art(group)).is_file(), group


def test_an_unknown_group_gets_the_neutral_picture() -> None:
    assert group_art("no-such-group") == fallback_art()
    assert (ASSETS / fallback_art()).is_file()


def test_every_generic_picture_is_used() -> None:
    used = {*GROUP_ART.values(), FALLBACK_ART}
    assert {p.stem for p in GROUP_FILES} == used


@pytest.mark.parametrize("path", GROUP_FILES, ids=lambda p: p.stem)
def test_generic_pictures_keep_to_the_style_guide(path: Path) -> None:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 400 400"
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= ALLOWED, f"not allowed: {tags - ALLOWED}"
    assert path.stat().st_size < 12_000


@pytest.mark.parametrize("path", GROUP_FILES, ids=lambda p: p.stem)
def test_generic_pictures_draw_on_a_transparent_background(path: Path, res: Resources) -> None:
    picture = res.art(f"art/groups/{path.name}", (120, 120))
    alphas = {picture.get_at((x, y)).a for x in range(0, 120, 3) for y in range(0, 120, 3)}
    assert picture.get_at((0, 0)).a == 0 and 255 in alphas


def test_a_picture_is_rendered_once_per_size(res: Resources) -> None:
    first = res.art("art/groups/shark.svg", (100, 80))
    assert res.art("art/groups/shark.svg", (100, 80)) is first
    res.art("art/groups/shark.svg", (200, 160))
    assert res.art_renders == 2


def test_svg_art_is_rendered_at_the_size_asked_for(res: Resources) -> None:
    small = res.art("art/groups/tree.svg", (60, 90))
    large = res.art("art/groups/tree.svg", (600, 900))
    # square art, fitted inside the box (nanosvg may round up by a pixel)
    assert abs(small.get_width() - 60) <= 1 and small.get_size()[0] == small.get_size()[1]
    assert abs(large.get_width() - 600) <= 1


def test_png_art_is_accepted(tmp_path: Path) -> None:
    pygame.display.init()
    picture = pygame.Surface((40, 20), pygame.SRCALPHA)
    picture.fill((200, 30, 30, 255))
    (tmp_path / "art").mkdir()
    pygame.image.save(picture, tmp_path / "art" / "red.png")
    fitted = Resources(tmp_path).art("art/red.png", (100, 100))
    assert fitted.get_size() == (100, 50)
    assert fitted.get_at((50, 25))[:3] == (200, 30, 30)


def test_a_missing_picture_names_where_it_looked(res: Resources) -> None:
    with pytest.raises(MissingResource, match=r"nowhere\.svg"):
        res.art("art/nowhere.svg", (50, 50))


def test_a_species_without_its_file_gets_its_group_picture(res: Resources) -> None:
    shown = res.species_art("art/not-drawn-yet.svg", "cat", (80, 80))
    cat = res.art(group_art("cat"), (80, 80))
    assert shown is cat


def test_a_broken_file_falls_back_too(tmp_path: Path) -> None:
    pygame.display.init()
    (tmp_path / "art" / "groups").mkdir(parents=True)
    (tmp_path / "art" / "broken.png").write_bytes(b"not a picture")
    neutral = (ASSETS / fallback_art()).read_bytes()
    (tmp_path / fallback_art()).write_bytes(neutral)
    res = Resources(tmp_path)
    assert res.species_art("art/broken.png", "whale", (50, 50)) is res.art(fallback_art(), (50, 50))


def test_no_picture_at_all_gives_none(tmp_path: Path) -> None:
    assert Resources(tmp_path).species_art(None, "whale", (50, 50)) is None


def test_the_art_rules_need_no_pygame() -> None:
    code = "import sys, game.core.art, game.core.content; assert 'pygame' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
