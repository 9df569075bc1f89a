"""``redlist_sync check``: reports, exit codes, the token, the cache and failures."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from game.editor.iucn import SIGN_UP_URL
from game.editor.sync import main
from tests.tools.fake_api import (
    TOKEN,
    FakeApi,
    run_tool,
    serve,
    standard_api,
    write_deck,
)

ROOT = Path(__file__).resolve().parents[2]


def check(
    api: FakeApi | None, data: Path, *args: str, token: str | None = TOKEN
) -> tuple[int, str, str]:
    return run_tool(main, ["check", "--data", str(data), *args], api, token=token)


def rows_for(out: str, species_id: str) -> list[str]:
    """The table rows of one species (its first row names it, the next ones are blank)."""
    lines = out.splitlines()
    found: list[str] = []
    for line in lines:
        if line.startswith(species_id + " ") or (found and line.startswith(" ") and line.strip()):
            found.append(line)
        elif found:
            break
    return found


def test_matching_species_exit_0(api: FakeApi, mini: Path) -> None:
    code, out, _ = check(api, mini, "--only", "whale-shark")
    assert code == 0
    assert "All 1 species match" in out
    assert "version 2025-2" in out


def test_differences_are_listed_and_exit_1(api: FakeApi, mini: Path) -> None:
    code, out, err = check(api, mini)
    assert code == 1
    assert TOKEN not in out + err
    tiger = " ".join(rows_for(out, "tiger"))
    assert "trend" in tiger and "stable" in tiger and "increasing" in tiger
    assert "https://www.iucnredlist.org/species/15955/214862019" in tiger


def test_2024_shape_category_matches_the_deck(api: FakeApi, mini: Path) -> None:
    _, out, _ = check(api, mini, "--only", "vaquita")
    fields = [
        row.split()[1] if row.startswith("vaquita") else row.split()[0]
        for row in rows_for(out, "vaquita")
    ]
    assert "category" not in fields
    assert "criteria" in fields


def test_global_assessment_is_used_when_a_regional_one_is_latest_too(
    api: FakeApi, mini: Path
) -> None:
    _, out, _ = check(api, mini, "--only", "green-turtle")
    assert "category" not in " ".join(rows_for(out, "green-turtle"))
    assert "year" not in " ".join(rows_for(out, "green-turtle"))


def test_old_category_is_mapped_and_explained(api: FakeApi, tmp_path: Path) -> None:
    data = write_deck(tmp_path, [("old-one", "Oldia leastconcern")])
    code, out, err = check(api, data)
    assert code == 1
    assert "LR/lc" in out
    assert "EN" in " ".join(rows_for(out, "old-one")) and "LC" in " ".join(rows_for(out, "old-one"))
    assert "Traceback" not in err


def test_regional_only_species_is_a_problem(api: FakeApi, tmp_path: Path) -> None:
    data = write_deck(tmp_path, [("euro", "Regionalis europaea")])
    code, out, _ = check(api, data)
    assert code == 1
    assert "no global one" in out


def test_unknown_name_gets_the_gbif_suggestion(api: FakeApi, tmp_path: Path) -> None:
    data = write_deck(tmp_path, [("whale-shark", "Rhincodon typos")])
    code, out, _ = check(api, data)
    assert code == 1
    assert "does not know 'Rhincodon typos'" in out
    assert "did you mean 'Rhincodon typus'" in out


def test_synonym_gets_the_accepted_name(api: FakeApi, tmp_path: Path) -> None:
    data = write_deck(tmp_path, [("right-whale", "Balaena glacialis")])
    _, out, _ = check(api, data)
    assert "the accepted name is 'Eubalaena glacialis'" in out


def test_missing_chinese_name_gets_vernacular_suggestions(api: FakeApi, tmp_path: Path) -> None:
    data = write_deck(tmp_path, [("whale-shark", "Rhincodon typus")], name="{en: Whale Shark}")
    _, out, _ = check(api, data)
    assert "name has no zh-Hans: suggestions 鲸鲨, 鯨鯊" in out


def test_missing_token_says_where_to_get_one(mini: Path) -> None:
    code, _, err = check(None, mini, token=None)
    assert code == 2
    assert SIGN_UP_URL in err
    assert "Traceback" not in err


def test_token_file_is_read(api: FakeApi, mini: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token.txt"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    code, _, _ = check(
        api, mini, "--only", "whale-shark", "--token-file", str(token_file), token=None
    )
    assert code == 0


def test_unreadable_token_file_is_a_usage_error(mini: Path, tmp_path: Path) -> None:
    code, _, err = check(None, mini, "--token-file", str(tmp_path / "nope.txt"))
    assert code == 2
    assert "cannot read --token-file" in err


def test_refused_token_exits_3_and_is_never_shown(api: FakeApi, mini: Path) -> None:
    secret = "wrong-" + TOKEN
    code, out, err = check(api, mini, token=secret)
    assert code == 3
    assert "401" in err and SIGN_UP_URL in err
    assert secret not in out + err


@pytest.mark.parametrize(
    ("scientific", "expected"),
    [
        ("Servererror always", "server error 500 after 4 attempts"),
        ("Malformed answer", "not valid JSON"),
        ("Slowanswer later", "no answer within 0.2 s"),
    ],
)
def test_api_failures_exit_3_with_one_line(
    api: FakeApi, tmp_path: Path, scientific: str, expected: str
) -> None:
    data = write_deck(tmp_path, [("test-species", scientific)])
    code, out, err = check(api, data, "--timeout", "0.2")
    assert code == 3
    assert expected in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert TOKEN not in out + err


def test_rate_limited_then_answered(api: FakeApi, tmp_path: Path) -> None:
    data = write_deck(tmp_path, [("test-species", "Ratelimited once")])
    code, out, _ = check(api, data)
    assert code == 1  # answered: the test deck differs from the whale shark's status
    assert api.hits["Ratelimited once"] == 2
    assert "test-species" in out


def test_wrong_api_base_is_named(api: FakeApi, mini: Path) -> None:
    wrong = f"http://127.0.0.1:{api.port}/api/v3"
    code, _, err = check(api, mini, "--api-base", wrong)
    assert code == 3
    assert "--api-base" in err


def test_unreachable_api_exits_3(mini: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = check(None, mini, "--api-base", f"http://127.0.0.1:{port}/api/v4")
    assert code == 3
    assert "cannot connect" in err


def test_gbif_trouble_only_costs_the_suggestions(api: FakeApi, mini: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = check(
        api, mini, "--only", "whale-shark", "--gbif-base", f"http://127.0.0.1:{port}/v1"
    )
    assert code == 0
    assert "names not checked with GBIF" in err


def test_second_run_from_the_cache_works_offline(mini: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with serve(standard_api()) as running:
        first = check(running, mini, "--cache", str(cache))
    again = check(running, mini, "--cache", str(cache))  # the server is gone
    assert again == first
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files and all(TOKEN.encode() not in p.read_bytes() for p in files)


def test_unknown_only_id_is_a_usage_error_with_a_hint(mini: Path) -> None:
    code, _, err = check(None, mini, "--only", "wale-shark")
    assert code == 2
    assert "did you mean 'whale-shark'" in err


def test_dry_run_belongs_to_update(mini: Path) -> None:
    code, _, err = check(None, mini, "--dry-run")
    assert code == 2
    assert "only applies to 'update'" in err


def test_unknown_option_is_a_usage_error(mini: Path) -> None:
    code, _, _ = check(None, mini, "--frobnicate")
    assert code == 2


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(api: FakeApi, mini: Path) -> None:
    base = [
        "--data",
        str(mini),
        "--delay",
        "0",
        "--api-base",
        api.iucn_base,
        "--gbif-base",
        api.gbif_base,
    ]
    env = {"IUCN_API_TOKEN": TOKEN}
    shown, hidden = FakeTerminal(), FakeTerminal()
    main(base, stdout=io.StringIO(), stderr=shown, environ=env)
    main([*base, "--quiet"], stdout=io.StringIO(), stderr=hidden, environ=env)
    assert "species" in shown.getvalue()
    assert hidden.getvalue() == ""


def test_tool_runs_from_a_checkout_without_pygame(api: FakeApi, mini: Path, tmp_path: Path) -> None:
    env = {**os.environ, "IUCN_API_TOKEN": TOKEN}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            str(ROOT / "tools" / "redlist_sync.py"),
            "check",
            "--data",
            str(mini),
            "--only",
            "whale-shark",
            "--delay",
            "0",
            "--api-base",
            api.iucn_base,
            "--gbif-base",
            api.gbif_base,
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "All 1 species match" in result.stdout
    assert "pygame" not in result.stderr  # -X importtime lists every imported module


def red_list_says(api: FakeApi, category: str) -> None:
    """A Red List update: the whale shark is reassessed."""
    api.taxa["Rhincodon typus"]["assessments"][0]["red_list_category_code"] = category


def test_cached_answers_expire(mini: Path, tmp_path: Path) -> None:
    cache = ["--only", "whale-shark", "--cache", str(tmp_path / "cache")]
    with serve(standard_api()) as running:
        assert check(running, mini, *cache)[0] == 0
        red_list_says(running, "CR")
        cached_code, _, _ = check(running, mini, *cache)  # within --cache-hours
        code, out, _ = check(running, mini, *cache, "--cache-hours", "0")

    assert cached_code == 0
    assert code == 1
    assert "CR" in " ".join(rows_for(out, "whale-shark"))


def test_refresh_asks_again_and_keeps_the_new_answer(mini: Path, tmp_path: Path) -> None:
    cache = ["--only", "whale-shark", "--cache", str(tmp_path / "cache")]
    with serve(standard_api()) as running:
        check(running, mini, *cache)
        red_list_says(running, "CR")
        asked = len(running.paths("/api/v4/taxa"))
        refreshed = check(running, mini, *cache, "--refresh")
        assert len(running.paths("/api/v4/taxa")) == asked + 1
    offline = check(running, mini, *cache)  # the server is gone: the refreshed answer

    assert refreshed[0] == 1
    assert "CR" in " ".join(rows_for(refreshed[1], "whale-shark"))
    assert offline == refreshed
