"""Take the text-size and palette screenshots headless, with the test Driver and a made-up player.

    PYTHONPATH=. python -m tests.scenes.screenshots_access docs/screenshots

writes settings-150-{en,zh}.png, home-150-{en,zh}.png and log-150-{en,zh}.png (the settings,
home and log screens at 150 % text) and album-colour-blind-en.png (an album in the
colour-blind-safe palette). Each is the game's whole 1280×720 picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.core import economy, reveals
from game.scenes.log_action import LogActionScene
from tests.scenes.driver import NOW, Driver

LANGS = {"en": "en", "zh-Hans": "zh"}


def save(driver: Driver, path: Path) -> None:
    driver.wait(5)  # the toasts have gone, the counters rolled
    driver.frames(30)  # every card drawn
    pygame.image.save(driver.app.screen, str(path))
    print(path)


def player(saves: Path, lang: str, **settings: object) -> Driver:
    """Mia, with a few actions logged today and a few cards from each edition."""
    driver = Driver(saves, lang=lang)
    ctx = driver.ctx
    driver.click(ctx.tr("Create a player"))
    driver.type_text("Mia")
    driver.key(pygame.K_RETURN)
    assert ctx.content is not None
    for action_id, quantity in (("cycle-instead-of-car", 3), ("skip-plastic-bag", 2)):
        action = ctx.content.actions.get(action_id)
        if action is not None:
            ctx.record(economy.log_action(ctx.state, action, quantity, day=NOW.date(), now=NOW))
    ctx.record(economy.grant_bonus(ctx.state, 6000, "screenshot", NOW))
    for edition in ctx.content.editions:
        for _ in range(8):
            ctx.record(reveals.reveal(ctx.state, ctx.content, edition, ctx.rng, NOW))
    for entry in list(ctx.views.unshown(ctx.state)):
        ctx.views.mark_shown(entry)
    ctx.save_settings(ctx.settings.changed(**settings))
    driver.scene.layout()
    return driver


def large_text(lang: str, out: Path) -> None:
    tag = LANGS[lang]
    with tempfile.TemporaryDirectory() as saves:
        driver = player(Path(saves), lang, text_size=150)
        save(driver, out / f"home-150-{tag}.png")
        driver.ctx.nav.log_action()
        driver.frames(2)
        scene = driver.scene
        assert isinstance(scene, LogActionScene)
        train = next((a for a in scene.actions if a.id == "train-instead-of-car"), scene.actions[0])
        scene.select(train)
        save(driver, out / f"log-150-{tag}.png")
        driver.key(pygame.K_ESCAPE)
        driver.ctx.nav.settings()
        save(driver, out / f"settings-150-{tag}.png")


def settings_pages(lang: str, out: Path) -> None:
    tag = LANGS[lang]
    with tempfile.TemporaryDirectory() as saves:
        driver = player(Path(saves), lang)
        driver.ctx.nav.settings()
        save(driver, out / f"settings-player-{tag}.png")
        driver.key(pygame.K_ESCAPE)
        driver.ctx.nav.leave_profile()
        driver.frames(2)
        driver.ctx.nav.settings()
        save(driver, out / f"settings-computer-{tag}.png")


def colour_blind_album(out: Path) -> None:
    with tempfile.TemporaryDirectory() as saves:
        driver = player(Path(saves), "en", palette="colour-blind")
        driver.ctx.nav.album("ocean")
        save(driver, out / "album-colour-blind-en.png")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        large_text(lang, out)
        settings_pages(lang, out)
    colour_blind_album(out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
