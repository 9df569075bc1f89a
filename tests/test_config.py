"""Where the game finds its content and keeps its players: a checkout and an installed game."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import config


def test_a_checkout_reads_its_own_folders_and_keeps_players_beside_the_code(tmp_path: Path) -> None:
    package = tmp_path / "checkout" / "game"
    package.mkdir(parents=True)
    found = config.layout(package)
    assert not found.installed
    assert found.data_dir == tmp_path / "checkout" / "data"
    assert found.assets_dir == tmp_path / "checkout" / "assets"
    assert found.saves_dir == tmp_path / "checkout" / "saves"


def test_an_installed_game_reads_its_bundle_and_keeps_players_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))  # platformdirs on Linux
    monkeypatch.setenv("APPDATA", str(tmp_path / "home-data"))  # and on Windows
    package = tmp_path / "site-packages" / "game"
    (package / config.BUNDLE).mkdir(parents=True)
    found = config.layout(package)
    assert found.installed
    assert found.data_dir == package / config.BUNDLE / "data"
    assert found.assets_dir == package / config.BUNDLE / "assets"
    assert not found.saves_dir.is_relative_to(tmp_path / "site-packages")
    assert "EcoCards" in found.saves_dir.parts


def test_the_default_folders_hold_the_decks_and_the_fonts() -> None:
    assert (config.DATA_DIR / "species.yaml").is_file()
    assert (config.DATA_DIR / "actions.yaml").is_file()
    assert any((config.ASSETS_DIR / "fonts").glob("*.ttf"))


def test_the_default_folders_do_not_depend_on_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert config.layout() == config.layout(Path(config.__file__).resolve().parent)
    assert config.Config().data_dir.is_absolute()
