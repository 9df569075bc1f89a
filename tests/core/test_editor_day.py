"""An editor's day with the decks: the first problem is the real one, said plainly, and the
limits the decks' headers promise are the ones the validator keeps."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from game.core.content import find_problems, load_content, load_last_valid
from game.core.models import FACT_LIMIT, NAME_LIMITS
from game.core.problems import ContentError, Problem, Severity

ROOT = Path(__file__).resolve().parent.parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
TODAY = dt.date(2026, 11, 23)
RAW_PARSER_WORDS = (
    "while parsing",
    "while scanning",
    "did not find expected",
    "could not find expected",
    "<block end>",
    "mapping values are not allowed",
)


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled decks, which span two species files."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    data = tmp_path / "mini"
    shutil.copytree(MINI, data)
    return data


def errors(data: Path) -> list[Problem]:
    return [
        p for p in find_problems(data, ROOT / "assets", today=TODAY) if p.severity is Severity.ERROR
    ]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_syntax_error_is_reported_first_and_alone(bundled: Path) -> None:
    # species.yaml defines the editions that the forest deck refers to: while it cannot be read,
    # every forest species would otherwise look as if it named an unknown edition.
    deck = bundled / "species.yaml"
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("\n    reveal_cost:", "\n   reveal_cost:", 1), encoding="utf-8")
    [problem] = errors(bundled)
    assert Path(problem.path).name == "species.yaml"
    assert problem.message.startswith("YAML syntax:")


def test_an_unclosed_bracket_is_a_plain_sentence_with_line_and_column(mini: Path) -> None:
    edit(
        mini / "species.yaml",
        "{en: Vaquita, zh-Hans: 加湾鼠海豚}",
        "{en: Vaquita, zh-Hans: 加湾鼠海豚",
    )
    [problem] = errors(mini)
    assert not any(words in problem.message for words in RAW_PARSER_WORDS), problem.message
    assert "'{'" in problem.message and f"line {problem.line}" in problem.message
    assert "column" in problem.message


def test_a_dedented_key_is_explained_as_indentation_not_quoting(mini: Path) -> None:
    text = (mini / "species.yaml").read_text(encoding="utf-8")
    url_line = next(line for line in text.splitlines() if line.strip().startswith("url:"))
    indent = len(url_line) - len(url_line.lstrip())
    edit(
        mini / "species.yaml",
        url_line + "\n",
        url_line + "\n" + " " * (indent - 1) + "citation: Someone 2016\n",
    )
    [problem] = errors(mini)
    assert "quotes" not in problem.message
    assert "indent" in problem.message
    assert not any(words in problem.message for words in RAW_PARSER_WORDS)


def test_a_key_indented_under_a_value_is_explained_as_indentation(mini: Path) -> None:
    edit(
        mini / "species.yaml",
        "    reveal_cost: 60\n",
        "    reveal_cost: 60\n      color: '#123456'\n",
    )
    [problem] = errors(mini)
    assert "quotes" not in problem.message and "indented" in problem.message


def test_a_second_colon_on_a_line_still_suggests_quotes(mini: Path) -> None:
    edit(
        mini / "species.yaml",
        "    reveal_cost: 60\n",
        "    reveal_cost: 60\n    motto: Look out: sharks\n",
    )
    [problem] = errors(mini)
    assert "quotes" in problem.message


def test_a_category_typo_gets_the_nearest_category(mini: Path) -> None:
    edit(mini / "species.yaml", "category: EN", "category: EM")
    [problem] = errors(mini)
    assert "(did you mean 'EN'?)" in problem.message


def test_a_fact_longer_than_the_header_allows_is_an_error(mini: Path) -> None:
    long_fact = "A" * FACT_LIMIT + "."
    edit(mini / "species.yaml", "[The vaquita is the smallest porpoise.]", f"[{long_fact}]")
    [problem] = errors(mini)
    assert problem.message.startswith("facts.en[0]:")
    assert f"{FACT_LIMIT + 1} characters" in problem.message
    assert f"limit is {FACT_LIMIT}" in problem.message


def test_more_facts_than_the_header_allows_is_an_error(mini: Path) -> None:
    edit(
        mini / "species.yaml",
        "[The vaquita is the smallest porpoise.]",
        "[One fact., Two facts., Three facts., Four facts.]",
    )
    [problem] = errors(mini)
    assert problem.message.startswith("facts.en:") and "at most 3" in problem.message


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("en", "en: Vaquita,", "en: " + "V" * (NAME_LIMITS["en"] + 1) + ","),
        (
            "zh-Hans",
            "zh-Hans: 加湾鼠海豚}",
            "zh-Hans: " + "鲸" * (NAME_LIMITS["zh-Hans"] + 1) + "}",
        ),
    ],
)
def test_names_longer_than_the_header_allows_are_errors(
    mini: Path, lang: str, old: str, new: str
) -> None:
    edit(mini / "species.yaml", old, new)
    [problem] = errors(mini)
    assert problem.message.startswith(f"name.{lang}:")
    assert f"limit is {NAME_LIMITS[lang]}" in problem.message


def test_the_headers_document_the_limits_the_validator_enforces() -> None:
    for path in (ROOT / "data" / "species.yaml", ROOT / "data" / "decks" / "forest.yaml"):
        header = path.read_text(encoding="utf-8").split("\nspecies:")[0]
        assert f"<= {FACT_LIMIT}" in header, path
        assert f"en <= {NAME_LIMITS['en']}" in header, path
        assert f"zh-Hans <= {NAME_LIMITS['zh-Hans']}" in header, path


def test_a_problem_of_a_whole_action_names_no_empty_field(mini: Path) -> None:
    text = (mini / "actions.yaml").read_text(encoding="utf-8")
    cap = next(line for line in text.splitlines() if "daily_cap_g:" in line)
    edit(mini / "actions.yaml", cap, cap.split("daily_cap_g:")[0] + "daily_cap_g: 1")
    [problem] = errors(mini)
    assert not problem.message.startswith(":")
    assert "error: :" not in str(problem)
    assert "daily_cap_g" in problem.message


def test_the_last_valid_decks_outlive_a_broken_edit(mini: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    good = load_content(mini, ROOT / "assets", cache_dir=cache, today=TODAY)
    edit(mini / "species.yaml", "category: EN", "category: EM")
    with pytest.raises(ContentError):
        load_content(mini, ROOT / "assets", cache_dir=cache, today=TODAY)
    kept = load_last_valid(cache, ROOT / "assets", TODAY)
    assert kept is not None and set(kept.species) == set(good.species)


def test_no_cache_means_no_last_valid_decks(tmp_path: Path) -> None:
    assert load_last_valid(tmp_path / "nothing-here", ROOT / "assets", TODAY) is None


def test_the_validator_stays_strict_when_the_game_would_fall_back(
    mini: Path, tmp_path: Path
) -> None:
    import subprocess

    load_content(mini, ROOT / "assets", cache_dir=tmp_path / "cache", today=TODAY)
    edit(mini / "species.yaml", "category: EN", "category: EM")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "validate_deck.py"),
            str(mini),
            "--assets",
            str(ROOT / "assets"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "did you mean 'EN'?" in result.stdout
