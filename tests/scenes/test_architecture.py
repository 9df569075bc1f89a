"""The scene lifecycle, and scenes that reach each other only through the navigator."""

from __future__ import annotations

import ast
from pathlib import Path

from game.scenes.base import Scene, SceneManager

SCENES = Path(__file__).resolve().parents[2] / "game" / "scenes"
# bases that scenes build on (teacher_base: what the teacher-mode pages share), never destinations
SHARED = {
    "game.scenes.base",
    "game.scenes.screen",
    "game.scenes.routes",
    "game.scenes.teacher_base",
    # parts of one screen, in modules of their own to keep each small
    "game.scenes.home_today",
    "game.scenes.log_panel",
    "game.scenes.album_odds",
    "game.scenes.teacher_rules_layout",
}


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_scenes_import_no_other_scene() -> None:
    for path in SCENES.glob("*.py"):
        if path.name == "navigation.py":
            continue  # the one place that knows every scene
        others = {n for n in imported(path) if n.startswith("game.scenes")} - SHARED
        assert not others, f"{path.name} imports {sorted(others)}: go through ctx.nav"


def test_the_context_and_the_scene_base_do_not_import_each_other() -> None:
    context = imported(SCENES.parent / "context.py")
    assert {n for n in context if n.startswith("game.scenes")} <= {
        "game.scenes.base",
        "game.scenes.routes",
    }
    assert "game.context" not in imported(SCENES / "base.py")
    assert "game.context" not in imported(SCENES / "routes.py")


class Recorder(Scene):
    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log = name, log

    def start(self) -> None:
        self.log.append(f"{self.name}.start")

    def pause(self) -> None:
        self.log.append(f"{self.name}.pause")

    def resume(self) -> None:
        self.log.append(f"{self.name}.resume")

    def stop(self) -> None:
        self.log.append(f"{self.name}.stop")


def test_each_hook_is_called_once_for_its_meaning() -> None:
    log: list[str] = []
    manager = SceneManager()
    manager.reset(Recorder("a", log))
    manager.push(Recorder("b", log))
    manager.apply_pending()
    manager.replace(Recorder("c", log))
    manager.apply_pending()
    manager.pop()
    manager.apply_pending()
    assert log == ["a.start", "a.pause", "b.start", "b.stop", "c.start", "c.stop", "a.resume"]


def test_reset_stops_every_scene_once_and_resumes_none() -> None:
    log: list[str] = []
    manager = SceneManager()
    manager.reset(Recorder("a", log))
    manager.push(Recorder("b", log))
    manager.apply_pending()
    log.clear()
    manager.reset(Recorder("c", log))
    assert log == ["b.stop", "a.stop", "c.start"]
