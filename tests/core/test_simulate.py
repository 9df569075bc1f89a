"""The balance tool: tools/simulate.py and the simulation behind it."""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.content import Content, load_content
from game.core.reveals import first_odds
from game.core.simulation import make_habits, percentile, play_edition, simulate, simulate_greedy
from tests.conftest import FIXTURES, ROOT

TOOL = ROOT / "tools" / "simulate.py"
PLAYERS = 25


@functools.cache
def mini() -> Content:
    return load_content(FIXTURES / "mini", ROOT / "assets", today=dt.date(2026, 11, 23))


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT.parent,
    )


@functools.cache
def fixture_report() -> dict[str, object]:
    done = run_tool(
        "--data", str(FIXTURES / "mini"), "--players", str(PLAYERS), "--seed", "3", "--json"
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return report


def editions() -> dict[str, dict[str, object]]:
    found = fixture_report()["editions"]
    assert isinstance(found, dict)
    return found


def test_json_reports_every_edition_with_its_species_count() -> None:
    content = mini()
    assert set(editions()) == set(content.editions)
    for edition_id, row in editions().items():
        assert row["species"] == len(content.species_in(edition_id))


def test_json_reports_reveals_to_complete_min_median_max_all_equal_to_k() -> None:
    content = mini()
    for edition_id, row in editions().items():
        k = len(content.species_in(edition_id))
        assert row["reveals_to_complete"] == {"min": k, "median": k, "max": k}


def test_json_reports_the_known_energy_to_complete() -> None:
    content = mini()
    for edition_id, row in editions().items():
        edition = content.editions[edition_id]
        assert (
            row["energy_to_complete"] == len(content.species_in(edition_id)) * edition.reveal_cost
        )


def test_json_reports_days_to_complete() -> None:
    for row in editions().values():
        days = row["days_to_complete"]
        assert isinstance(days, dict)
        assert 1 <= days["median"] <= days["p90"]


def test_json_reports_the_published_first_reveal_odds_by_iucn_category() -> None:
    content = mini()
    for edition_id, row in editions().items():
        published = first_odds(content, edition_id)
        odds = row["first_reveal_odds"]
        assert isinstance(odds, dict)
        assert odds.keys() == {content.species[s].iucn.category for s in published.species}
        assert sum(odds.values()) == pytest.approx(1.0)
        assert row["first_reveal_tier_odds"] == {t: p for t, p in published.tiers.items() if p > 0}


def test_the_same_seed_gives_the_same_report() -> None:
    assert simulate(mini(), 5, seed=8) == simulate(mini(), 5, seed=8)


def test_every_simulated_player_spends_exactly_the_full_cost() -> None:
    content = mini()
    actions = sorted(content.actions.values(), key=lambda a: a.id)
    for p in range(5):
        habits = make_habits(actions, random.Random(p))
        for edition_id, edition in content.editions.items():
            run = play_edition(content, edition_id, habits, f"test/{p}")
            k = len(content.species_in(edition_id))
            assert (run.reveals, run.energy_spent) == (k, k * edition.reveal_cost)


def test_percentile_is_nearest_rank() -> None:
    assert percentile([5, 1, 3, 2, 4, 6, 7, 8, 9, 10], 0.9) == 9
    assert percentile([4], 0.9) == 4


def test_text_mode_prints_a_table_of_every_edition() -> None:
    done = run_tool("--data", str(FIXTURES / "mini"), "--players", "3")
    assert done.returncode == 0, done.stderr
    for edition_id in mini().editions:
        assert edition_id in done.stdout
    assert "days p90" in done.stdout


def test_broken_content_is_reported_with_its_problems(tmp_path: Path) -> None:
    done = run_tool("--data", str(tmp_path), "--players", "1", "--json")
    assert done.returncode == 1
    assert "species.yaml" in done.stderr and done.stdout == ""


def test_the_tool_and_the_rules_never_import_pygame() -> None:
    code = f"""
import runpy, sys
sys.argv = ["simulate.py", "--data", {str(FIXTURES / "mini")!r}, "--players", "1", "--json"]
import game.core.audit, game.core.impact, game.core.progress, game.core.simulation
try:
    runpy.run_path({str(TOOL)!r}, run_name="__main__")
except SystemExit as exc:
    assert not exc.code, exc.code
assert "pygame" not in sys.modules, "pygame was imported"
"""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr


@functools.cache
def bundled() -> Content:
    return load_content(ROOT / "data", ROOT / "assets", today=dt.date(2026, 11, 23))


def test_a_greedy_player_earns_little_in_a_first_sitting_and_needs_two_weeks() -> None:
    reports = simulate_greedy(bundled(), seed=1)
    assert reports
    for report in reports.values():
        assert report.first_sitting_g <= 4000
        assert report.complete_on_day is not None and report.complete_on_day >= 14


def test_a_typical_player_completes_an_edition_in_four_to_eight_weeks() -> None:
    for report in simulate(bundled(), players=60, seed=1).values():
        assert report.days_to_complete is not None
        assert 28 <= report.days_to_complete["median"] <= 56


def test_the_tool_prints_the_greedy_figures_as_json() -> None:
    result = run_tool("--strategy", "greedy", "--json")
    assert result.returncode == 0, result.stderr
    editions = json.loads(result.stdout)["editions"]
    assert all(e["first_sitting_g"] > 0 for e in editions.values())
