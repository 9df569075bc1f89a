"""Every screen of the game, photographed from its real window, in both languages.

    xvfb-run -s "-screen 0 1920x1080x24" python -m tests.scenes.screenshots_all OUT \
        [--size 1024x600] [--settings text_size=150]

Under an X server (Xvfb) the game opens its real window at ``--size``; each picture is the
canvas that window shows, drawn at the window's resolution (``--root`` captures the whole X
screen instead, with ImageMagick's ``import``). With no display it runs on SDL's dummy driver.
Files are named ``<screen>-<lang>[-<size>][-<setting>].png`` (``zh`` for Chinese). A player with
six weeks of actions and cards, a class with students, and a finished edition are made up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.core import economy, reveals
from game.core.problems import Problem, Severity
from game.scenes.quiz import QuizScene
from tests.scenes.class_setup import PIN, add_history, make_class
from tests.scenes.driver import NOW, Driver

LANGS = {"en": "en", "zh-Hans": "zh"}
LONG_NAME = "Maximilian-Alexander"


class Camera:
    def __init__(self, driver: Driver, out: Path, suffix: str, *, root: bool = False) -> None:
        self.driver, self.out, self.suffix, self.root = driver, out, suffix, root
        self.taken: list[Path] = []

    def shoot(self, screen: str, *, settle: bool = True) -> None:
        driver = self.driver
        if settle:
            driver.wait(5)  # toasts gone, animations over
            driver.frames(30)  # every card drawn
        path = self.out / f"{screen}-{self.suffix}.png"
        if self.root:  # the X server's own picture of the screen, window manager and all
            subprocess.run(["import", "-window", "root", str(path)], check=True)
        else:  # the pixels the window shows, at its resolution (without the letterbox)
            pygame.image.save(driver.app.display.canvas, str(path))
        self.taken.append(path)
        print(path)


def player_flow(camera: Camera) -> None:
    driver = camera.driver
    ctx = driver.ctx
    tr = ctx.tr
    for name in ("Noah", "Amira", LONG_NAME):
        ctx.nav.new_profile()  # the name screen, which the new player's home replaces
        driver.frames(1)
        ctx.nav.create_profile(name)
        driver.frames(2)
        ctx.nav.leave_profile()
        driver.frames(2)
    camera.shoot("player-list")
    driver.click(tr("+ New player"))
    driver.type_text("Mia")
    camera.shoot("new-player")
    driver.key(pygame.K_RETURN)
    for back in range(40, 0, -1):  # six school weeks of actions
        at = NOW - dt.timedelta(days=back)
        for action in ctx.content.actions.values():
            if economy.preview(ctx.state, action, 2, at.date()) > 0:
                ctx.record(economy.log_action(ctx.state, action, 2, day=at.date(), now=at))
    meta = ctx.save.meta
    ctx.nav.leave_profile()  # and back, as on the next school day
    ctx.nav.open_profile(meta)
    camera.shoot("home")
    ctx.nav.log_action()
    driver.frames(2)
    camera.shoot("log")
    driver.key(pygame.K_ESCAPE)
    first = next(iter(ctx.content.editions))
    ctx.nav.reveal(first)
    driver.frames(2)
    driver.wait(4)
    camera.shoot("reveal", settle=False)
    driver.key(pygame.K_ESCAPE)
    for edition, count in zip(ctx.content.editions, (43, 6), strict=False):  # the album's last
        for _ in range(count):  # card and the whole edition are shot below
            ctx.record(reveals.reveal(ctx.state, ctx.content, edition, ctx.rng, NOW))
    for entry in list(ctx.views.unshown(ctx.state)):
        ctx.views.mark_shown(entry)
    ctx.nav.album(first)
    camera.shoot("album")
    owned = next(s for s in ctx.content.species_in(first) if s.id in ctx.state.owned)
    ctx.nav.card(owned.id)
    camera.shoot("card")
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_ESCAPE)
    ctx.nav.progress()
    camera.shoot("progress")
    driver.key(pygame.K_ESCAPE)
    ctx.nav.settings()
    camera.shoot("settings")
    driver.key(pygame.K_ESCAPE)
    ctx.nav.keys_help()
    camera.shoot("keys")
    driver.key(pygame.K_ESCAPE)
    ctx.nav.quiz()
    driver.frames(2)
    scene = driver.scene
    if isinstance(scene, QuizScene):
        driver.wait(1)
        driver.click_at(
            driver.app.display.window_point(scene.choice_rect(scene.question.answer).center)
        )
        camera.shoot("quiz")
    driver.key(pygame.K_ESCAPE)
    ctx.nav.edition_complete(first)
    camera.shoot("edition-complete")
    driver.key(pygame.K_ESCAPE)
    # a damaged file, repaired from its backup when the player comes back
    ctx.nav.leave_profile()
    driver.frames(2)
    (ctx.store.root / "profiles" / meta.id / "profile.json").write_text("{ damaged")
    ctx.nav.open_profile(meta)
    camera.shoot("notice")


def classroom_flow(camera: Camera) -> None:
    driver = camera.driver
    tr = driver.ctx.tr
    teacher = make_class(driver, waiting=2)
    add_history(driver, teacher, days=4, cards=3)
    driver.frames(2)
    driver.click(tr("Class"))
    camera.shoot("class-screen")
    driver.key(pygame.K_ESCAPE)
    driver.click(tr("Teacher"))
    camera.shoot("teacher-pin")
    for _ in range(2):  # chosen, then confirmed (the first time)
        driver.type_text(PIN)
        driver.key(pygame.K_RETURN)
    for page, label in (
        ("teacher-roster", "Students"),
        ("teacher-queue", "Waiting"),
        ("teacher-rules", "Class rules"),
        ("teacher-data", "Bonus and data"),
    ):
        driver.click(tr(label))
        camera.shoot(page)


def content_errors(camera: Camera) -> None:
    from game.scenes.content_errors import ContentErrorScene

    ctx = camera.driver.ctx
    problem = Problem(
        path="data/species.yaml",
        line=412,
        col=7,
        severity=Severity.ERROR,
        message="iucn.category: 'EM' is not an IUCN category (did you mean 'EN'?)",
    )
    ctx.manager.push(ContentErrorScene(ctx, [problem], startup=False))
    camera.shoot("content-errors")


FLOWS: tuple[Callable[[Camera], None], ...] = (player_flow, classroom_flow, content_errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--settings", nargs="*", default=[], help="setting=value for every shot")
    parser.add_argument("--lang", choices=sorted(LANGS), action="append")
    parser.add_argument(
        "--root", action="store_true", help="capture the X screen with ImageMagick's import"
    )
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    settings = dict(item.split("=", 1) for item in args.settings)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or list(LANGS):
        parts = [LANGS[lang]]
        if (width, height) != (1280, 720):
            parts.append(args.size)
        parts += [value for value in settings.values()]
        for flow in FLOWS:
            with tempfile.TemporaryDirectory() as saves:
                driver = Driver(Path(saves), lang=lang, window_size=(width, height))
                if settings:
                    ctx = driver.ctx
                    typed = {k: type(getattr(ctx.settings, k))(v) for k, v in settings.items()}
                    ctx.settings_store.save_machine(ctx.settings.changed(**typed), ctx.now())
                    ctx.load_settings()
                flow(Camera(driver, args.out, "-".join(parts), root=args.root))
                driver.app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
