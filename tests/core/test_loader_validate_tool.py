"""``tools/validate_deck.py``: output format, exit codes and the editors' JSON Schemas."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.schemas import json_schemas, schema_text
from game.core.yamlsrc import load_yaml

ROOT = Path(__file__).resolve().parent.parent.parent
TOOL = ROOT / "tools" / "validate_deck.py"
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures" / "mini"
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning): (?P<msg>.+)$"
)
SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings? in \d+ files?$|^no problems found$")


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_well_formed(out: str) -> list[re.Match[str]]:
    """Every line but the last is a located problem; the last is the summary."""
    *lines, last = out.splitlines()
    assert SUMMARY.match(last), last
    matches = [LINE.match(line) for line in lines]
    assert all(matches), out
    return [m for m in matches if m is not None]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES, folder)
    return folder


def test_the_bundled_data_is_valid() -> None:
    result = run()
    assert result.returncode == 0, result.stdout + result.stderr
    problems = assert_well_formed(result.stdout)
    assert all(m["level"] == "warning" for m in problems)
    assert result.stderr == ""


def test_errors_are_printed_located_and_exit_1(data: Path) -> None:
    text = (data / "species.yaml").read_text(encoding="utf-8")
    (data / "species.yaml").write_text(
        text.replace("category: EN\n", "category: Endangered\n"), encoding="utf-8"
    )
    result = run(data, "--today", "2026-11-23")
    assert result.returncode == 1
    problems = assert_well_formed(result.stdout)
    [error] = [m for m in problems if m["level"] == "error"]
    assert Path(error["path"]).resolve() == (data / "species.yaml").resolve()
    assert (error["line"], error["col"]) == ("16", "17")
    assert error["msg"] == (
        "iucn.category: 'Endangered' is not allowed (did you mean 'EN'?); "
        "use one of: EX, EW, CR, EN, VU, NT, LC, DD, NE"
    )
    assert "Traceback" not in result.stderr


def test_paths_are_shown_relative_to_the_working_directory(data: Path) -> None:
    (data / "actions.yaml").write_text("actions: 3\n", encoding="utf-8")
    result = run("data", cwd=data.parent)
    assert result.returncode == 1
    assert "data/actions.yaml:1:10: error: actions: expected a list" in result.stdout


def test_errors_only_hides_the_warnings(data: Path) -> None:
    result = run(data, "--errors-only")
    assert result.returncode == 0
    assert assert_well_formed(result.stdout) == []


def test_a_file_in_a_data_folder_is_checked_with_its_folder(data: Path) -> None:
    (data / "decks").mkdir()
    species = (data / "species.yaml").read_text(encoding="utf-8")
    tiger = species[species.index("  - id: tiger") : species.index("  - id: passenger-pigeon")]
    (data / "decks" / "extra.yaml").write_text("species:\n" + tiger, encoding="utf-8")
    result = run(data / "decks" / "extra.yaml")
    assert result.returncode == 1
    assert "duplicate species id 'tiger': already defined at" in result.stdout


def test_a_lone_file_is_checked_on_its_own(tmp_path: Path) -> None:
    lone = tmp_path / "draft.yaml"
    lone.write_bytes(b"species:\n  - id: x\n    name: {en: \xc3(}\n")
    result = run(lone)
    assert result.returncode == 1
    [problem] = assert_well_formed(result.stdout)
    assert (problem["line"], problem["col"], problem["msg"]) == (
        "3",
        "16",
        "not valid UTF-8 (byte 0xc3); save the file as UTF-8",
    )


@pytest.mark.parametrize(
    "text",
    [
        "x: !!python/object/apply:os.system ['echo hacked']\n",
        "a: &a [1]\nb: *a\n",
        "\t- x\n",
        "- 1\n",
        "",
    ],
    ids=["python-tag", "alias", "tab", "not-a-mapping", "empty"],
)
def test_hostile_files_exit_1_without_a_traceback(tmp_path: Path, text: str) -> None:
    lone = tmp_path / "hostile.yaml"
    lone.write_text(text, encoding="utf-8")
    result = run(lone)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "hacked" not in result.stdout
    [problem] = assert_well_formed(result.stdout)
    assert problem["level"] == "error"


@pytest.mark.parametrize(
    "args",
    [
        ["--no-such-option"],
        ["does/not/exist"],
        ["--check"],
        ["--today", "soon"],
        ["--assets", "does/not/exist"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage:")


def test_the_tool_does_not_import_pygame() -> None:
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['validate_deck.py', {str(FIXTURES)!r}]\n"
        "try:\n"
        f"    runpy.run_path({str(TOOL)!r}, run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pygame' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.stdout.splitlines()[-1] == "False", result.stdout + result.stderr


# --- JSON Schema ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["species.schema.json", "actions.schema.json"])
def test_the_committed_schemas_match_the_models(name: str) -> None:
    committed = (DATA / name).read_text(encoding="utf-8")
    assert committed == schema_text(json_schemas()[name]), (
        f"data/{name} is out of date: run python tools/validate_deck.py --write-schemas"
    )


def test_schema_check_passes_on_the_repository() -> None:
    result = run("--write-schemas", "--check")
    assert result.returncode == 0, result.stdout


def test_schema_writes_both_files_and_check_notices_stale_ones(tmp_path: Path) -> None:
    assert run("--write-schemas", "--check", tmp_path).returncode == 1
    result = run("--write-schemas", tmp_path)
    assert result.returncode == 0
    for name, schema in json_schemas().items():
        assert json.loads((tmp_path / name).read_text(encoding="utf-8")) == schema
    assert run("--write-schemas", "--check", tmp_path).returncode == 0


def test_schema_prints_the_committed_species_schema() -> None:
    result = run("--schema")
    assert result.returncode == 0
    assert result.stdout == (DATA / "species.schema.json").read_text(encoding="utf-8")
    assert json.loads(run("--schema", "actions").stdout) == json_schemas()["actions.schema.json"]


def test_each_deck_file_points_its_editor_at_the_schema() -> None:
    assert (DATA / "species.yaml").read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=species.schema.json"
    )
    assert (DATA / "actions.yaml").read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=actions.schema.json"
    )
    for deck in sorted((DATA / "decks").glob("*.yaml")):
        first = deck.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../species.schema.json", deck


def test_the_schemas_accept_the_bundled_content() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schemas = json_schemas()
    for path in [DATA / "species.yaml", *sorted((DATA / "decks").glob("*.yaml"))]:
        jsonschema.validate(load_yaml(path).data, schemas["species.schema.json"])
    jsonschema.validate(load_yaml(DATA / "actions.yaml").data, schemas["actions.schema.json"])


def test_the_schema_refuses_an_unknown_key() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    deck = {"species": [{"id": "x", "colour": "red"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(deck, json_schemas()["species.schema.json"])
