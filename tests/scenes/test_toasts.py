"""Toasts are placed where they cover no control: a message never hides the next button."""

from __future__ import annotations

from pathlib import Path

from tests.scenes.driver import Driver


def _covered(game: Driver) -> list[str]:
    controls = game.scene.buttons.buttons
    placed = game.app.toast_layout()
    assert placed, "no toast to check"
    return [b.label for b in controls for p in placed if p.rect.colliderect(b.rect)]


def test_a_toast_on_home_covers_no_button(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    for n in range(3):  # three at once, the most that are kept
        game.ctx.toast(f"A message long enough to need some room on the screen, number {n}.")
    game.frames(1)
    assert _covered(game) == []


def test_the_toast_after_logging_covers_no_button(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Log an eco-action")
    scene = game.scene
    game.click_at(scene.tile_rect(0).center)  # type: ignore[attr-defined]
    game.click("Log it!")
    assert game.ctx.toasts
    assert _covered(game) == []


def test_a_toast_over_the_album_covers_no_card(tmp_path: Path) -> None:
    game = Driver(tmp_path)
    game.new_player("Mia")
    game.click("Open album")
    game.ctx.toast("Not found yet: reveal cards to discover it.")
    game.frames(1)
    placed = game.app.toast_layout()
    assert placed and not any(
        p.rect.colliderect(control) for control in game.scene.controls() for p in placed
    )
