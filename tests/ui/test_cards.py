"""Cards: every text fits its box in both languages at every size, and frames grow with rarity."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pygame
import pytest
import yaml

from game.core.art import group_art
from game.core.content import Content, load_content
from game.core.languages import game_languages
from game.core.models import Species, Text
from game.core.rarity import TIERS
from game.core.vocab import CATEGORY_NAMES
from game.ui.cards import CardRenderer, card_size
from game.ui.resources import Resources
from game.ui.textfit import PlacedText

ROOT = Path(__file__).resolve().parents[2]
# Album thumbnail, reveal, card screen, and print at 150 and 300 dpi.
WIDTHS = (130, 250, 330, 372, 744)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The bundled decks, checked against an assets folder where any species picture not drawn
    yet is stood in for by its group's picture (the cards fall back the same way), so these
    tests do not depend on the species art being present."""
    assets = tmp_path_factory.mktemp("assets")
    for deck in (ROOT / "data").glob("**/*.yaml"):
        for species in (yaml.safe_load(deck.read_text("utf-8")) or {}).get("species", []):
            if not species.get("art"):
                continue
            target = assets / species["art"]
            target.parent.mkdir(parents=True, exist_ok=True)
            real = ROOT / "assets" / species["art"]
            shutil.copyfile(
                real if real.is_file() else ROOT / "assets" / group_art(species["group"]), target
            )
    return load_content(ROOT / "data", assets, today=dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def renderer() -> CardRenderer:
    pygame.display.init()
    pygame.font.init()
    return CardRenderer(Resources(ROOT / "assets"))


def _placed(renderer: CardRenderer, draw: object) -> tuple[list[PlacedText], pygame.Rect]:
    renderer.clear()
    renderer.probe = []
    try:
        card = draw()  # type: ignore[operator]
        return renderer.probe, card.get_rect()
    finally:
        renderer.probe = None


def _overflows(placed: list[PlacedText], card: pygame.Rect) -> list[str]:
    return [
        f"{p.text!r}: drawn {p.drawn} outside {p.box}"
        for p in placed
        if not p.box.contains(p.drawn) or not card.contains(p.box)
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", game_languages())
def test_every_bundled_card_keeps_its_text_inside_its_boxes(
    bundled: Content, renderer: CardRenderer, lang: str, width: int
) -> None:
    problems = []
    for species in bundled.species.values():
        edition = bundled.editions[species.edition]
        placed, card = _placed(
            renderer, lambda s=species, e=edition: renderer.front(s, e, width, lang)
        )
        assert placed, "the probe saw no text"
        problems += [f"{species.id}: {p}" for p in _overflows(placed, card)]
    for edition in bundled.editions.values():
        placed, card = _placed(renderer, lambda e=edition: renderer.back(e, width, lang))
        problems += [f"back of {edition.id}: {p}" for p in _overflows(placed, card)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", game_languages())
def test_the_red_list_chip_always_shows_code_and_words(
    bundled: Content, renderer: CardRenderer, lang: str
) -> None:
    species = next(iter(bundled.species.values()))
    edition = bundled.editions[species.edition]
    for category in CATEGORY_NAMES:
        changed = species.model_copy(
            update={"iucn": species.iucn.model_copy(update={"category": category})}
        )
        for width in (130, 744):
            placed, _ = _placed(
                renderer, lambda s=changed, w=width: renderer.front(s, edition, w, lang)
            )
            texts = [p.text for p in placed]
            assert category in texts and renderer.words(lang)(CATEGORY_NAMES[category]) in texts


def _renamed(species: Species, name: str, scientific: str) -> Species:
    return species.model_copy(
        update={"name": Text(en=name, **{"zh-Hans": name}), "scientific_name": scientific}
    )


@pytest.mark.parametrize("width", (130, 250, 744))
@pytest.mark.parametrize(
    "name",
    [
        "Greater Short-tailed Narrow-ridged Freshwater Finless Porpoise of the Yangtze",
        "Supercalifragilisticexpialidociousandthensomemorelettersbeside",
        "长江流域窄脊江豚与其他许多非常非常长的中文名字的物种",
    ],
)
def test_very_long_names_shrink_or_wrap_and_never_spill(
    bundled: Content, renderer: CardRenderer, name: str, width: int
) -> None:
    species = _renamed(
        next(iter(bundled.species.values())), name, "Neophocaena asiaeorientalis sunameri"
    )
    edition = bundled.editions[species.edition]
    placed, card = _placed(renderer, lambda: renderer.front(species, edition, width, "en"))
    assert not _overflows(placed, card)
    assert name in [p.text for p in placed]


def _band_pixels(card: pygame.Surface) -> bytes:
    """The left edge of the frame, where the art and the texts never reach."""
    w, h = card.get_size()
    strip = card.subsurface(pygame.Rect(0, h // 4, max(3, w // 18), h // 2))
    return pygame.image.tobytes(strip, "RGBA")


def test_each_rarity_tier_has_its_own_frame(bundled: Content, renderer: CardRenderer) -> None:
    species = next(iter(bundled.species.values()))
    edition = bundled.editions[species.edition]
    frames = set()
    for tier in TIERS:
        changed = species.model_copy(
            update={"iucn": species.iucn.model_copy(update={"category": tier.categories[0]})}
        )
        renderer.clear()
        frames.add(_band_pixels(renderer.front(changed, edition, 250, "en")))
    assert len(frames) == len(TIERS)


def test_cards_are_card_shaped(bundled: Content, renderer: CardRenderer) -> None:
    species = next(iter(bundled.species.values()))
    card = renderer.front(species, bundled.editions[species.edition], 200, "en")
    assert card.get_size() == card_size(200)


def test_front_in_time_draws_one_new_card_then_waits_for_the_next_frame(
    bundled: Content,
) -> None:
    now = [0.0]
    renderer = CardRenderer(Resources(ROOT / "assets"), clock=lambda: now[0])
    first, second = list(bundled.species.values())[:2]
    editions = bundled.editions
    renderer.begin_frame()
    now[0] += 1.0  # the frame's time is already spent...
    assert renderer.front_in_time(first, editions[first.edition], 130, "en") is not None
    assert renderer.front_in_time(second, editions[second.edition], 130, "en") is None
    # ...but a card drawn before is always ready
    assert renderer.front_in_time(first, editions[first.edition], 130, "en") is not None
    renderer.begin_frame()
    assert renderer.front_in_time(second, editions[second.edition], 130, "en") is not None


def test_front_in_time_draws_every_card_while_there_is_time(bundled: Content) -> None:
    renderer = CardRenderer(Resources(ROOT / "assets"), clock=lambda: 0.0)
    renderer.begin_frame()
    assert all(
        renderer.front_in_time(s, bundled.editions[s.edition], 130, "en") is not None
        for s in list(bundled.species.values())[:5]
    )
