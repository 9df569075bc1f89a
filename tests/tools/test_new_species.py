"""``tools/new_species.py``: a new entry from the APIs, appended with comments preserved."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.content import load_content
from game.core.problems import ContentError
from game.editor.scaffold import TODO_FACTS, main, slugify
from tests.tools.fake_api import MINI, FakeApi, run_tool

TODAY = dt.date(2026, 1, 1)


def add(api: FakeApi | None, data: Path, *args: str) -> tuple[int, str, str]:
    return run_tool(main, ["--data", str(data), *args], api)


def entry_of(text: str, species_id: str) -> str:
    return "  - id: " + text.split(f"  - id: {species_id}")[1].split("\n  - id:")[0]


def test_new_entry_is_appended_with_api_values(api: FakeApi, mini: Path) -> None:
    before = (mini / "species.yaml").read_text(encoding="utf-8")
    code, out, err = add(api, mini, "Eretmochelys imbricata", "--edition", "ocean")
    assert code == 0, err
    text = (mini / "species.yaml").read_text(encoding="utf-8")
    assert text.startswith(before)  # everything before, comments included, is untouched
    entry = entry_of(text, "hawksbill-turtle")
    assert "name: {en: Hawksbill Turtle}" in entry
    assert "group: turtle" in entry
    for line in (
        "category: CR",
        "year: 2008",
        "trend: decreasing",
        "criteria: A2bd",
        "url: https://www.iucnredlist.org/species/8005/12306",
    ):
        assert line in entry
    assert "Added 'hawksbill-turtle'" in out


def test_unfinished_fields_are_reported_by_validation(api: FakeApi, mini: Path) -> None:
    add(api, mini, "Eretmochelys imbricata", "--edition", "ocean")
    with pytest.raises(ContentError) as caught:
        load_content(mini, mini / "assets", today=TODAY)
    messages = [p.message for p in caught.value.errors]
    assert messages == [f"facts: expected a mapping of keys, got text '{TODO_FACTS}'"]


def test_output_lists_what_is_left_to_write(api: FakeApi, mini: Path) -> None:
    _, out, _ = add(api, mini, "Eretmochelys imbricata", "--edition", "ocean")
    assert "To write before the deck validates again (facts)" in out
    assert "玳瑁" in out  # GBIF's Chinese name, offered as a suggestion only


def test_chinese_name_is_a_suggestion_not_data(api: FakeApi, mini: Path) -> None:
    add(api, mini, "Eretmochelys imbricata", "--edition", "ocean")
    entry = entry_of((mini / "species.yaml").read_text(encoding="utf-8"), "hawksbill-turtle")
    assert "zh-Hans:" not in entry
    assert "# zh-Hans? GBIF suggests 玳瑁" in entry


def test_group_is_a_todo_when_the_taxonomy_does_not_decide(api: FakeApi, mini: Path) -> None:
    code, _, _ = add(api, mini, "Oldia leastconcern", "--edition", "forest")
    assert code == 0
    with pytest.raises(ContentError) as caught:
        load_content(mini, mini / "assets", today=TODAY)
    text = " ".join(p.message for p in caught.value.errors)
    assert "TODO: a group" in text
    assert "TODO: the English and Chinese names" in text


def test_group_option_is_used(api: FakeApi, mini: Path) -> None:
    add(
        api,
        mini,
        "Oldia leastconcern",
        "--edition",
        "forest",
        "--group",
        "plant",
        "--id",
        "old-plant",
    )
    entry = entry_of((mini / "species.yaml").read_text(encoding="utf-8"), "old-plant")
    assert "group: plant" in entry
    assert "category: LC" in entry  # mapped from LR/lc


def test_goes_to_the_deck_file_of_the_edition(api: FakeApi, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "decks").mkdir(parents=True)
    shutil.copyfile(MINI / "actions.yaml", data / "actions.yaml")
    (data / "species.yaml").write_text(
        "editions:\n  - id: ocean\n    title: {en: Ocean}\n    reveal_cost: 60\n", encoding="utf-8"
    )
    deck = "# the ocean deck\nspecies: []  # filled by the editors\n"
    (data / "decks" / "ocean.yaml").write_text(deck, encoding="utf-8")
    code, _, err = add(api, data, "Eretmochelys imbricata", "--edition", "ocean")
    assert code == 0, err
    text = (data / "decks" / "ocean.yaml").read_text(encoding="utf-8")
    assert "# the ocean deck" in text and "hawksbill-turtle" in text
    assert "hawksbill" not in (data / "species.yaml").read_text(encoding="utf-8")


def test_file_option_chooses_the_file(api: FakeApi, mini: Path) -> None:
    (mini / "decks").mkdir()
    target = mini / "decks" / "extra.yaml"
    code, _, err = add(
        api, mini, "Eretmochelys imbricata", "--edition", "ocean", "--file", str(target)
    )
    assert code == 0, err
    assert "hawksbill-turtle" in target.read_text(encoding="utf-8")


def test_unknown_name_adds_nothing_and_suggests(api: FakeApi, mini: Path) -> None:
    before = (mini / "species.yaml").read_text(encoding="utf-8")
    code, _, err = add(api, mini, "Rhincodon typos", "--edition", "ocean")
    assert code == 1
    assert "did you mean 'Rhincodon typus'" in err
    assert (mini / "species.yaml").read_text(encoding="utf-8") == before


def test_unknown_edition_is_a_usage_error(mini: Path) -> None:
    code, _, err = add(None, mini, "Eretmochelys imbricata", "--edition", "ocen")
    assert code == 2
    assert "did you mean 'ocean'" in err


def test_species_already_in_the_decks_is_refused(mini: Path) -> None:
    code, _, err = add(None, mini, "Rhincodon typus", "--edition", "ocean")
    assert code == 2
    assert "already in the decks as 'whale-shark'" in err


def test_bad_group_is_a_usage_error(mini: Path) -> None:
    code, _, err = add(
        None, mini, "Eretmochelys imbricata", "--edition", "ocean", "--group", "turtel"
    )
    assert code == 2
    assert "did you mean 'turtle'" in err


def test_dry_run_writes_nothing(api: FakeApi, mini: Path) -> None:
    before = (mini / "species.yaml").read_text(encoding="utf-8")
    code, out, _ = add(api, mini, "Eretmochelys imbricata", "--edition", "ocean", "--dry-run")
    assert code == 0
    assert "+  - id: hawksbill-turtle" in out
    assert (mini / "species.yaml").read_text(encoding="utf-8") == before


def test_taken_id_falls_back_to_the_binomial(api: FakeApi, mini: Path) -> None:
    text = (mini / "species.yaml").read_text(encoding="utf-8")
    (mini / "species.yaml").write_text(
        text.replace("id: tiger", "id: hawksbill-turtle"), encoding="utf-8"
    )
    add(api, mini, "Eretmochelys imbricata", "--edition", "ocean")
    assert "- id: eretmochelys-imbricata" in (mini / "species.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Whale Shark", "whale-shark"),
        ("Kemp's Ridley", "kemps-ridley"),
        ("Rhincodon typus", "rhincodon-typus"),
        ("Sea-otter (Northern)", "sea-otter-northern"),
        ("Île Grue", "ile-grue"),
    ],
)
def test_slugs(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_tool_help_runs_from_any_folder(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "new_species.py"), "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "--edition" in result.stdout
