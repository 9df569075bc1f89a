"""The validator and species art: a warning for a species without art, an error for a bad one."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from game.core.content import find_problems
from game.core.problems import Severity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
TODAY = dt.date(2026, 11, 23)
OTTER = """\
species:
  - id: sea-otter
    edition: ocean
    name: {en: Sea Otter, zh-Hans: 海獭}
    scientific_name: Enhydra lutris
    group: otter
ART
    iucn:
      category: EN
      year: 2021
      url: https://www.iucnredlist.org/search?query=Enhydra%20lutris
    facts: {en: [Sea otters hold hands while they sleep.], zh-Hans: [海獭睡觉时会手拉手。]}
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES, folder)
    (folder / "decks").mkdir()
    (tmp_path / "assets" / "art").mkdir(parents=True)
    return folder


def _problems(data: Path, art_line: str) -> list[tuple[int, int, Severity, str]]:
    deck = data / "decks" / "otter.yaml"
    deck.write_text(OTTER.replace("ART\n", art_line), encoding="utf-8")
    return [
        (p.line, p.col, p.severity, p.message)
        for p in find_problems(data, data.parent / "assets", today=TODAY)
        if Path(p.path).resolve() == deck.resolve()
    ]


def test_a_species_without_art_is_a_warning_at_its_group_line(data: Path) -> None:
    [(line, col, severity, message)] = _problems(data, "")
    assert (line, col, severity) == (6, 12, Severity.WARNING)
    assert "'sea-otter' has no 'art:' picture" in message
    assert "art: art/sea-otter.svg" in message


def test_an_svg_that_exists_is_accepted(data: Path) -> None:
    (data.parent / "assets" / "art" / "sea-otter.svg").write_text("<svg/>", encoding="utf-8")
    assert _problems(data, "    art: art/sea-otter.svg\n") == []


def test_a_png_is_accepted_too(data: Path) -> None:
    (data.parent / "assets" / "art" / "sea-otter.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert _problems(data, "    art: art/sea-otter.png\n") == []


def test_a_named_file_that_does_not_exist_is_an_error_at_the_art_line(data: Path) -> None:
    [(line, col, severity, message)] = _problems(data, "    art: art/sea-otter.svg\n")
    assert (line, col, severity) == (7, 10, Severity.ERROR)
    assert message.startswith("art file not found: ") and message.endswith("sea-otter.svg")


def test_a_picture_in_another_format_is_an_error(data: Path) -> None:
    (data.parent / "assets" / "art" / "sea-otter.jpg").write_bytes(b"\xff\xd8")
    [(line, _, severity, message)] = _problems(data, "    art: art/sea-otter.jpg\n")
    assert (line, severity) == (7, Severity.ERROR)
    assert ".svg or .png" in message
