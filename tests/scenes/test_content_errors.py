"""Broken decks: the game starts to an error screen, and F5 reloads once they are fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from game.scenes.content_errors import ContentErrorScene
from game.scenes.profiles import ProfilesScene
from tests.scenes.driver import Driver

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "mini"


def copy_of_mini(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    return data


def break_a_category(data: Path) -> int:
    """Give the first species an unknown category; returns the line it is on."""
    path = data / "species.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if "category:" in line)
    lines[index] = lines[index].split("category:")[0] + "category: XX\n"
    path.write_text("".join(lines), encoding="utf-8")
    return index + 1


def test_broken_decks_start_to_the_error_screen_and_f5_recovers(tmp_path: Path, capsys) -> None:
    data = copy_of_mini(tmp_path)
    original = (data / "species.yaml").read_text(encoding="utf-8")
    line = break_a_category(data)
    game = Driver(tmp_path / "saves", data=data)
    scene = game.scene
    assert isinstance(scene, ContentErrorScene) and scene.startup
    [problem] = [p for p in scene.problems if p.severity.value == "error"]
    assert Path(problem.path).name == "species.yaml" and problem.line == line
    assert "XX" in problem.message
    assert f"species.yaml:{line}:" in capsys.readouterr().err  # and on stderr, for editors

    game.key(pygame.K_F5)  # still broken: still the error screen
    assert isinstance(game.scene, ContentErrorScene)
    (data / "species.yaml").write_text(original, encoding="utf-8")
    game.key(pygame.K_F5)
    assert isinstance(game.scene, ProfilesScene)
    assert game.ctx.content is not None
    assert game.quit() == 0


def test_a_failed_reload_keeps_the_decks_in_use(tmp_path: Path) -> None:
    data = copy_of_mini(tmp_path)
    game = Driver(tmp_path / "saves", data=data)
    before = game.ctx.content
    assert isinstance(game.scene, ProfilesScene)
    break_a_category(data)
    game.key(pygame.K_F5)
    assert isinstance(game.scene, ContentErrorScene) and not game.scene.startup
    assert game.ctx.content is before
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.scene, ProfilesScene)
    assert game.quit() == 0
