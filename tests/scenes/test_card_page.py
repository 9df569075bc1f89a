"""The card page tells a species' Red List story and warns against buying it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenes.card import CardScene
from tests.scenes.driver import Driver
from tests.scenes.test_content_errors import copy_of_mini

TIGER_IUCN = "    iucn: {category: EN, year: 2022"
STORY = "    iucn: {category: EN, year: 2022, history: {1996: EN, 2008: EN, 2011: EN}"
TRADE = (
    "    trade:\n"
    "      goods: {en: [Tiger-bone medicine, Skins and teeth], zh-Hans: [虎骨药, 虎皮和虎牙]}\n"
    "      cites: I\n"
)


def open_card(tmp_path: Path, species_yaml: str, lang: str) -> CardScene:
    data = copy_of_mini(tmp_path / "data")
    (data / "species.yaml").write_text(species_yaml, encoding="utf-8")
    game = Driver(tmp_path / "saves", data=data, lang=lang)
    game.ctx.manager.push(CardScene(game.ctx, "tiger"))
    game.frames(2)
    scene = game.scene
    assert isinstance(scene, CardScene)
    return scene


def mini_species() -> str:
    path = Path(__file__).resolve().parent.parent / "fixtures" / "mini" / "species.yaml"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
def test_history_and_trade_panels_add_to_the_page(tmp_path: Path, lang: str) -> None:
    plain = open_card(tmp_path / "plain", mini_species(), lang)
    text = mini_species()
    assert TIGER_IUCN in text
    text = text.replace(TIGER_IUCN, STORY.rstrip())
    tiger_facts = text.index("facts:", text.index("id: tiger"))
    text = text[: tiger_facts - 4] + TRADE + text[tiger_facts - 4 :]
    told = open_card(tmp_path / "told", text, lang)
    assert told.species.iucn.history and told.species.trade is not None
    assert told.content_h > plain.content_h + 100
