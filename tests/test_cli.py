"""The command line, as a player or teacher types it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import parse_config

ROOT = Path(__file__).resolve().parent.parent


def run_main(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_help_lists_every_option() -> None:
    result = run_main("--help")
    assert result.returncode == 0
    for option in (
        "--data DIR",
        "--saves DIR",
        "--lang {en,zh-Hans}",
        "--fullscreen",
        "--size WxH",
        "--seed N",
    ):
        assert option in result.stdout
    assert "pygame" not in result.stdout + result.stderr  # no library banner


@pytest.mark.parametrize(
    "args", [["--bogus"], ["--lang", "fr"], ["--size", "big"], ["--size", "10x10"], ["--seed", "x"]]
)
def test_bad_options_get_argparse_usage_and_exit_2(args: list[str]) -> None:
    result = run_main(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: ecocards")
    assert "Traceback" not in result.stderr


def test_options_become_the_config(tmp_path: Path) -> None:
    config = parse_config(
        [
            "--data",
            str(tmp_path),
            "--saves",
            str(tmp_path / "s"),
            "--lang",
            "zh-Hans",
            "--fullscreen",
            "--size",
            "1920x1080",
            "--seed",
            "42",
            "--reduced-motion",
        ]
    )
    assert config.data_dir == tmp_path and config.saves_dir == tmp_path / "s"
    assert config.lang == "zh-Hans" and config.fullscreen and config.reduced_motion
    assert config.window_size == (1920, 1080) and config.seed == 42


def test_defaults_are_the_checkout_folders() -> None:
    config = parse_config([])
    assert config.data_dir == ROOT / "data" and config.saves_dir == ROOT / "saves"
    assert config.lang == "en" and config.seed is None


def test_broken_content_folder_starts_to_an_error_screen_not_a_traceback(tmp_path: Path) -> None:
    """With a dummy display the game runs until killed; a timeout proves it did not crash."""
    (tmp_path / "species.yaml").write_text("editions: [\n", encoding="utf-8")
    with pytest.raises(subprocess.TimeoutExpired) as waited:
        run_main("--data", str(tmp_path), "--saves", str(tmp_path / "saves"), timeout=8)
    output = waited.value.stderr or b""
    assert b"Traceback" not in output


def test_game_core_does_not_import_pygame() -> None:
    code = (
        "import sys, game.core, game.core.content, game.core.economy, game.core.reveals, "
        "game.core.ledger, game.core.progress, game.saves.profiles\n"
        "print('pygame' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_first_frame_imports_no_content_code(tmp_path: Path) -> None:
    """The player list is on screen before the decks' models (pydantic) are imported: they
    load with the decks, at the start of the second frame."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from game.app import App\n"
        "from game.config import Config\n"
        f"app = App(Config(saves_dir=Path({str(tmp_path)!r}), mute=True))\n"
        "app.start()\n"
        "app.step(1 / 60)\n"
        "print(sorted(m for m in ('pydantic', 'game.core.content', 'game.core.models', "
        "'game.ui.cards') if m in sys.modules))\n"
    )
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
