"""``redlist_sync update``: round-trip edits that change only the intended ``iucn`` fields."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from game.core.content import load_content
from game.editor.sync import main
from tests.tools.fake_api import MINI, FakeApi, run_tool

EDITIONS = """\
# Editions live here; the species are in decks/.
editions:
  - id: ocean
    title: {en: Ocean Edition, zh-Hans: 海洋特别版}
    reveal_cost: 60
"""

OCEAN = """\
# Ocean deck: species in album order.
species:
  # --- sharks ---
  - id: whale-shark
    edition: ocean
    name: {en: Whale Shark, zh-Hans: 鲸鲨}   # checked by the translator
    scientific_name: Rhincodon typus
    group: shark
    iucn:
      category: VU   # re-checked every year
      year: 2005
      trend: "decreasing"

      url: 'https://www.iucnredlist.org/species/19488/2365291'
    habitats: [open-ocean, coral-reef]
    facts:
      en:
        - "The whale shark is the biggest fish alive."
      zh-Hans: [鲸鲨是现存最大的鱼。]
  # --- porpoises ---
  - id: vaquita
    edition: ocean
    name: {en: Vaquita, zh-Hans: 加湾鼠海豚}
    scientific_name: Phocoena sinus
    group: dolphin
    iucn: {category: CR, year: 2017, trend: decreasing, criteria: "A4d", url: "https://www.iucnredlist.org/search?query=Phocoena%20sinus"}
    facts: {en: [The vaquita is the smallest porpoise.], zh-Hans: [加湾鼠海豚是最小的鼠海豚。]}
  - id: green-turtle
    edition: ocean
    name: {en: Green Turtle, zh-Hans: 绿海龟}
    scientific_name: Chelonia mydas
    group: turtle
    iucn:
      category: LC
      year: 2025
      trend: increasing
      criteria: A2bd
      # the criteria above are left over from the old EN assessment
      url: https://www.iucnredlist.org/species/4615/283569
    facts: {en: [Adult green turtles eat seagrass.], zh-Hans: [成年绿海龟吃海草。]}
# end of the ocean deck
"""

EXPECTED = (
    OCEAN.replace("      category: VU   # re-checked", "      category: EN   # re-checked")
    .replace("      year: 2005\n", "      year: 2016\n")
    .replace('      trend: "decreasing"\n', '      trend: "decreasing"\n      criteria: A2bd+4bd\n')
    .replace(
        'criteria: "A4d", url: "https://www.iucnredlist.org/search?query=Phocoena%20sinus"',
        'criteria: "A3d", url: "https://www.iucnredlist.org/species/17028/50370296"',
    )
    .replace("      criteria: A2bd\n", "")
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "decks").mkdir(parents=True)
    shutil.copyfile(MINI / "actions.yaml", folder / "actions.yaml")
    (folder / "species.yaml").write_text(EDITIONS, encoding="utf-8")
    (folder / "decks" / "ocean.yaml").write_text(OCEAN, encoding="utf-8")
    return folder


def update(api: FakeApi, data: Path, *args: str) -> tuple[int, str, str]:
    return run_tool(main, ["update", "--data", str(data), *args], api)


def test_update_changes_only_the_intended_fields(api: FakeApi, data: Path) -> None:
    code, out, err = update(api, data)
    assert code == 0, err
    assert (data / "decks" / "ocean.yaml").read_text(encoding="utf-8") == EXPECTED
    assert (data / "species.yaml").read_text(encoding="utf-8") == EDITIONS
    assert "Updated 3 species in 1 file" in out


def test_updated_deck_still_validates(api: FakeApi, data: Path, tmp_path: Path) -> None:
    update(api, data)
    content = load_content(data, tmp_path / "assets", today=dt.date(2026, 1, 1))
    assert content.species["whale-shark"].iucn.category == "EN"
    assert content.species["vaquita"].iucn.criteria == "A3d"
    assert content.species["green-turtle"].iucn.criteria is None


def test_comments_and_key_order_survive(api: FakeApi, data: Path) -> None:
    update(api, data)
    text = (data / "decks" / "ocean.yaml").read_text(encoding="utf-8")
    for line in OCEAN.splitlines():
        if line.lstrip().startswith("#") or "  # " in line:
            assert line.split("#", 1)[1] in text
    block = text.split("  - id: whale-shark")[1].split("habitats")[0]
    keys = [
        ln.split(":")[0].strip()
        for ln in block.splitlines()
        if ln.startswith("      ") and ":" in ln
    ]
    assert keys == ["category", "year", "trend", "criteria", "url"]


def test_diff_is_shown_before_writing(api: FakeApi, data: Path) -> None:
    _, out, _ = update(api, data)
    assert "-      year: 2005" in out
    assert "+      year: 2016" in out
    assert out.index("+      year: 2016") < out.index("Updated")


def test_dry_run_shows_the_diff_and_writes_nothing(api: FakeApi, data: Path) -> None:
    code, out, _ = update(api, data, "--dry-run")
    assert code == 1
    assert "+      year: 2016" in out
    assert (data / "decks" / "ocean.yaml").read_text(encoding="utf-8") == OCEAN


def test_second_check_after_update_matches(api: FakeApi, data: Path) -> None:
    update(api, data)
    code, out, _ = run_tool(main, ["check", "--data", str(data)], api)
    assert code == 0, out


def test_nothing_to_write_when_everything_matches(api: FakeApi, data: Path) -> None:
    update(api, data)
    code, out, _ = update(api, data)
    assert code == 0
    assert "Nothing to write" in out


def test_only_limits_the_update(api: FakeApi, data: Path) -> None:
    update(api, data, "--only", "vaquita")
    text = (data / "decks" / "ocean.yaml").read_text(encoding="utf-8")
    assert 'criteria: "A3d"' in text
    assert "year: 2005" in text


def test_result_that_would_not_validate_is_not_written(api: FakeApi, data: Path) -> None:
    broken = OCEAN.replace("group: turtle", "group: turtel")
    (data / "decks" / "ocean.yaml").write_text(broken, encoding="utf-8")
    code, _, err = update(api, data)
    assert code == 2
    assert "unknown group 'turtel'" in err
    assert "nothing written" in err
    assert (data / "decks" / "ocean.yaml").read_text(encoding="utf-8") == broken


def test_file_ruamel_cannot_reproduce_is_left_alone(api: FakeApi, data: Path) -> None:
    odd = OCEAN.replace("    iucn:\n      category: LC", "    iucn:\n        category: LC")
    odd = odd.replace(
        "      year: 2025\n      trend: increasing\n      criteria: A2bd\n",
        "        year: 2025\n        trend: increasing\n        criteria: A2bd\n",
    )
    odd = odd.replace("      # the criteria above", "        # the criteria above")
    odd = odd.replace(
        "      url: https://www.iucnredlist.org/species/4615/283569",
        "        url: https://www.iucnredlist.org/species/4615/283569",
    )
    (data / "decks" / "ocean.yaml").write_text(odd, encoding="utf-8")
    code, _, err = update(api, data)
    assert code == 1
    assert "cannot keep this file's layout" in err
    assert (data / "decks" / "ocean.yaml").read_text(encoding="utf-8") == odd


def test_windows_line_endings_are_kept(api: FakeApi, data: Path) -> None:
    path = data / "decks" / "ocean.yaml"
    path.write_bytes(OCEAN.replace("\n", "\r\n").encode("utf-8"))
    code, _, err = update(api, data)
    assert code == 0, err
    assert path.read_bytes() == EXPECTED.replace("\n", "\r\n").encode("utf-8")
