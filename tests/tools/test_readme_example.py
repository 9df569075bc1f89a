"""The README's ``new_species.py`` example works on the decks that ship with the game."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

from game.editor.scaffold import main
from tests.tools.fake_api import FakeApi, _assessment, _item, run_tool

ROOT = Path(__file__).resolve().parent.parent.parent


def readme_example() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(
        line
        for line in text.splitlines()
        if "tools/new_species.py" in line and line.startswith("python ")
    )
    words = shlex.split(line.split("#")[0])
    assert words[:2] == ["python", "tools/new_species.py"], line
    return words[2:]


def test_the_readme_example_adds_a_species_to_the_bundled_decks(
    api: FakeApi, tmp_path: Path
) -> None:
    args = readme_example()
    name = args[0]
    sis, aid = 39385, 2918526
    api.add(
        name,
        sis,
        [_item(sis, aid, "2019", latest=True, category="CR", name=name)],
        [_assessment(sis, aid, "2019", "CR", "decreasing", "A2bd", name)],
        [("Scalloped Hammerhead", "eng", True)],
        ranks={"class_name": "CHONDRICHTHYES", "order_name": "CARCHARHINIFORMES"},
    )
    api.matches[name] = {
        "usageKey": 9_039_385,
        "canonicalName": name,
        "rank": "SPECIES",
        "status": "ACCEPTED",
        "confidence": 99,
        "matchType": "EXACT",
        "synonym": False,
    }
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    code, out, err = run_tool(
        main, ["--data", str(data), "--assets", str(ROOT / "assets"), *args], api
    )
    assert code == 0, err
    assert f"({name})" in out
    assert name in "".join(
        p.read_text(encoding="utf-8")
        for p in [data / "species.yaml", *(data / "decks").glob("*.yaml")]
    )


def test_the_readme_example_names_a_species_the_decks_do_not_have_yet() -> None:
    name = readme_example()[0]
    for path in [ROOT / "data" / "species.yaml", *(ROOT / "data" / "decks").glob("*.yaml")]:
        assert f"scientific_name: {name}\n" not in path.read_text(encoding="utf-8")
