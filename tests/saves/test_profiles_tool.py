"""The teachers' command-line tool: one plain line per result, exit status 0, 1 or 2."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from game.saves.profiles import SaveStore

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "profiles.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("profiles_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(tool: ModuleType, store: SaveStore, *args: str) -> int:
    return int(tool.main(["--saves", str(store.root), *args]))


def test_list_shows_every_player(
    tool: ModuleType,
    store: SaveStore,
    played: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    mia, noor = played("Mia"), played("Noor")

    assert run(tool, store, "list") == 0

    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.split()[0] for line in lines) == sorted([mia, noor])


def test_export_then_import_adds_the_player(
    tool: ModuleType,
    store: SaveStore,
    tmp_path: Path,
    played: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    profile_id = played("Mia")
    target = SaveStore(tmp_path / "other")
    file = tmp_path / "mia.json"

    assert run(tool, store, "export", profile_id, str(file)) == 0
    assert tool.main(["import", str(file), "--saves", str(target.root)]) == 0

    assert [p.name for p in target.list_profiles()] == ["Mia"]
    assert "Imported Mia" in capsys.readouterr().out


def test_delete_removes_the_player(
    tool: ModuleType, store: SaveStore, played: Callable[..., str]
) -> None:
    profile_id = played("Mia")

    assert run(tool, store, "delete", profile_id) == 0

    assert store.list_profiles() == []


@pytest.mark.parametrize(
    "args",
    [["delete", "p-00000000"], ["export", "p-00000000", "x.json"], ["import", "missing.json"]],
)
def test_a_failure_is_one_line_and_status_1(
    tool: ModuleType, store: SaveStore, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tool, store, *args) == 1

    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_exporting_over_an_existing_file_is_refused(
    tool: ModuleType, store: SaveStore, tmp_path: Path, played: Callable[..., str]
) -> None:
    file = tmp_path / "keep.json"
    file.write_text("precious")

    assert run(tool, store, "export", played(), str(file)) == 1
    assert file.read_text() == "precious"


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["export", "p-00000000"]])
def test_a_mistyped_command_is_one_line_and_status_2(
    tool: ModuleType, store: SaveStore, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(tool, store, *args)

    assert exit_.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_the_script_runs_on_its_own(
    store: SaveStore, played: Callable[..., str], tmp_path: Path
) -> None:
    played("Mia")
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00\xff")

    listed = subprocess.run(
        [sys.executable, str(TOOL), "--saves", str(store.root), "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    refused = subprocess.run(
        [sys.executable, str(TOOL), "--saves", str(store.root), "import", str(garbage)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )

    assert listed.returncode == 0 and "Mia" in listed.stdout
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.count("\n") == 1


def test_history_prints_every_reveal_with_its_odds_and_seed(
    tool: ModuleType, store: SaveStore, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt
    import random

    from game.config import Config
    from game.core import economy, reveals
    from game.core.content import load_content

    config = Config()
    content = load_content(config.data_dir, config.assets_dir)
    now = dt.datetime(2026, 11, 23, 12, 0)
    meta = store.create("Mia", now)
    save = store.open(meta.id, now)
    meal = next(a for a in content.actions.values() if a.energy_g >= 500)
    save.record(economy.log_action(save.state, meal, 1, day=now.date(), now=now))
    save.record(reveals.reveal(save.state, content, "ocean", random.Random(5), now))
    found = content.species[next(iter(save.state.owned))].name.en
    save.close()

    assert run(tool, store, "history", meta.id) == 0

    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Mia: ")
    assert found in out and "seed" in out and "reproduces this card" in out
    assert out.rstrip().endswith("The ledger follows every rule.")


def test_history_lists_every_violation_and_exits_1(
    tool: ModuleType, store: SaveStore, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    from game.core import economy

    now = dt.datetime(2026, 11, 23, 12, 0)
    meta = store.create("Tom", now)
    save = store.open(meta.id, now)
    save.record(economy.grant_bonus(save.state, 1_000_000, "gift", now))
    future = now + dt.timedelta(days=3650)
    save.record(economy.grant_bonus(save.state, 5, "streak-3", future))
    save.close()

    assert run(tool, store, "history", meta.id) == 1

    out = capsys.readouterr().out
    broken = [line for line in out.splitlines() if line.startswith("rule broken: ")]
    assert len(broken) == 2
    assert "follows every rule" not in out


def test_quiz_answers_travel_with_an_exported_player(
    tool: ModuleType, store: SaveStore, tmp_path: Path, played: Callable[..., str]
) -> None:
    import datetime as dt

    from game.core.quiz_answer import Answer
    from game.saves.quiz_file import read_answers, write_answers

    profile_id = played("Mia")
    at = dt.datetime(2026, 11, 23, 10, 0)
    answers = [Answer(at, "whale-shark", "habitat", True), Answer(at, "dugong", "trade", False)]
    write_answers(store.folder(profile_id), answers)
    target = SaveStore(tmp_path / "other")
    file = tmp_path / "mia.json"

    assert run(tool, store, "export", profile_id, str(file)) == 0
    assert tool.main(["import", str(file), "--saves", str(target.root)]) == 0

    (meta,) = target.list_profiles()
    assert read_answers(target.folder(meta.id)) == answers


def test_changed_quiz_answers_refuse_the_whole_import(
    tool: ModuleType, store: SaveStore, tmp_path: Path, played: Callable[..., str]
) -> None:
    import datetime as dt
    import json

    from game.core.quiz_answer import Answer
    from game.saves.quiz_file import write_answers

    profile_id = played("Mia")
    at = dt.datetime(2026, 11, 23, 10, 0)
    write_answers(store.folder(profile_id), [Answer(at, "whale-shark", "habitat", False)])
    file = tmp_path / "mia.json"
    assert run(tool, store, "export", profile_id, str(file)) == 0
    data = json.loads(file.read_text(encoding="utf-8"))
    data["quiz"]["answers"][0]["correct"] = True  # a better score, by hand
    file.write_text(json.dumps(data), encoding="utf-8")
    target = SaveStore(tmp_path / "other")

    assert tool.main(["import", str(file), "--saves", str(target.root)]) == 1
    assert target.list_profiles() == []


def test_an_export_without_quiz_answers_still_imports(
    tool: ModuleType, store: SaveStore, tmp_path: Path, played: Callable[..., str]
) -> None:
    import json

    from game.saves.quiz_file import QUIZ_FILE

    profile_id = played("Mia")
    file = tmp_path / "mia.json"
    assert run(tool, store, "export", profile_id, str(file)) == 0
    assert "quiz" not in json.loads(file.read_text(encoding="utf-8"))
    target = SaveStore(tmp_path / "other")

    assert tool.main(["import", str(file), "--saves", str(target.root)]) == 0
    (meta,) = target.list_profiles()
    assert not (target.folder(meta.id) / QUIZ_FILE).exists()


def test_deleting_a_player_deletes_their_quiz_answers(
    tool: ModuleType, store: SaveStore, played: Callable[..., str]
) -> None:
    import datetime as dt

    from game.core.quiz_answer import Answer
    from game.saves.quiz_file import QUIZ_FILE, write_answers

    profile_id = played("Mia")
    at = dt.datetime(2026, 11, 23, 10, 0)
    write_answers(store.folder(profile_id), [Answer(at, "whale-shark", "habitat", True)])
    assert run(tool, store, "delete", profile_id) == 0
    assert not list(store.root.rglob(QUIZ_FILE))
