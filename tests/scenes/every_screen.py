"""Every screen of the game, one after the other, with the longest names and texts of the decks.

``tour(saves, lang, text_size, look)`` opens each screen through the navigator, as a child or a
teacher would reach it, and calls ``look(name, driver)`` while it is on top. The player list
holds 30 players with names as long as a name may be; the log screen shows the action with the
longest name; the card page the species with the longest name; dialogs ask the longest question
of the catalog's length. Used by the text-fit test and to take screenshots.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pygame

from game.config import DATA_DIR
from game.core.problems import Problem, Severity
from game.saves.meta import MAX_NAME
from game.saves.profiles import SaveStore
from game.scenes.content_errors import ContentErrorScene
from game.scenes.crash import CrashScene
from tests.scenes.class_setup import PIN, make_class
from tests.scenes.driver import NOW, Driver

Look = Callable[[str, Driver], None]

# Names as long as a player's name may be, in wide letters and in Chinese characters.
LONG_NAMES = [
    (
        "Maximiliana Wolfeschleg",
        "Wilhelmina Montgomery-Wu",
        "欧阳明月欧阳明月欧阳明月欧阳明月欧阳明月欧阳明",
    )[n % 3][: MAX_NAME - 1]
    + chr(ord("A") + n % 26)
    for n in range(30)
]
LONG_SENTENCE = (
    "Are you sure you want to delete every entry older than twelve months for every student "
    "of the class, including the ones waiting for approval? This cannot be undone."
)


def four_editions(tmp: Path) -> Path:
    """The bundled decks with two more editions, whose titles are long."""
    data = tmp / "data4"
    shutil.copytree(DATA_DIR, data)
    deck = (data / "species.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra-{n}\n    title: {{en: Great Barrier Reef and Coral Triangle {n}, "
        f"zh-Hans: 大堡礁与珊瑚三角区特别版{n}}}\n    reveal_cost: 50\n"
        for n in range(1, 3)
    )
    (data / "species.yaml").write_text(
        deck.replace("species:\n", extra + "species:\n", 1), encoding="utf-8"
    )
    return data


def _settle(driver: Driver) -> None:
    driver.wait(6)  # toasts gone, counters rolled, animations over
    driver.frames(3)
    driver.ctx.toasts.clear()


def _back(driver: Driver) -> None:
    driver.ctx.manager.pop()
    driver.frames(2)


def _longest(names: dict[str, str]) -> str:
    return max(names, key=lambda key: len(names[key]))


def tour(saves: Path, lang: str, text_size: int, look: Look, *, data: Path | None = None) -> None:
    store = SaveStore(saves)
    for name in LONG_NAMES:
        store.create(name, NOW - dt.timedelta(days=1))
    game = Driver(saves, lang=lang, **({"data": data} if data else {}))
    ctx = game.ctx
    ctx.save_settings(ctx.settings.changed(text_size=text_size))
    game.frames(2)
    nav = ctx.nav
    _settle(game)
    look("player list", game)
    nav.settings()
    _settle(game)
    look("settings (computer)", game)
    _back(game)
    nav.new_profile()
    game.frames(2)
    game.type_text(LONG_NAMES[0][:-2])
    _settle(game)
    look("new player", game)
    _back(game)

    nav.open_profile(ctx.store.list_profiles()[0])
    game.frames(2)
    ctx.state.balance += 200_000
    game.scene.layout()  # the reveal buttons see the energy
    _settle(game)
    look("home", game)
    if data is not None:
        return

    content = ctx.content
    assert content is not None
    nav.log_action()
    game.frames(2)
    scene = game.scene
    actions = scene.actions  # type: ignore[attr-defined]
    longest = max(actions, key=lambda a: len(a.name.get(lang)))
    scene.select(longest)  # type: ignore[attr-defined]
    _settle(game)
    look("log an action", game)
    game.key(pygame.K_RETURN)  # log it: the undo button shows
    _settle(game)
    look("log an action (undo)", game)
    _back(game)
    _settle(game)
    look("home (today's actions)", game)

    for _ in range(12):
        nav.reveal("ocean")
        game.frames(2)
        game.click_at((640, 400))
        _settle(game)
    look("reveal", game)
    _back(game)
    nav.album("ocean")
    _settle(game)
    look("album", game)
    _back(game)
    species = max(content.species.values(), key=lambda s: len(s.name.get(lang)))
    nav.card(species.id)
    _settle(game)
    look("card page", game)
    _back(game)
    nav.progress()
    _settle(game)
    look("progress", game)
    _back(game)
    nav.settings()
    _settle(game)
    look("settings (player)", game)
    nav.keys_help()
    _settle(game)
    look("keys page", game)
    _back(game)
    _back(game)
    nav.edition_complete("ocean")
    _settle(game)
    look("edition complete", game)
    _back(game)
    nav.notice(LONG_SENTENCE[:60], [LONG_SENTENCE, LONG_SENTENCE])
    _settle(game)
    look("notice", game)
    _back(game)
    nav.confirm(LONG_SENTENCE, lambda: None)
    _settle(game)
    look("confirm dialog", game)
    _back(game)
    nav.ask(LONG_SENTENCE, lambda answer: None, initial=LONG_NAMES[1])
    _settle(game)
    look("ask dialog", game)
    _back(game)
    nav.quiz()
    _settle(game)
    look("quiz", game)
    game.key(pygame.K_2)  # an answer: right or not, the explanation shows
    _settle(game)
    look("quiz (answered)", game)
    quiz = game.scene
    while not quiz.finished:  # type: ignore[attr-defined]
        quiz.next() if quiz.chosen is not None else quiz.choose(0)  # type: ignore[attr-defined]
    quiz.layout()
    _settle(game)
    look("quiz results", game)
    _back(game)
    ctx.manager.push(
        ContentErrorScene(
            ctx,
            [
                Problem(f"data/decks/forest-{n}.yaml", 120 + n, 14, Severity.ERROR, LONG_SENTENCE)
                for n in range(12)
            ],
            startup=False,
        )
    )
    _settle(game)
    look("content errors", game)
    _back(game)
    ctx.manager.push(CrashScene(ctx, "/home/teacher/EcoCards/saves/logs/" + "crash-" * 12 + ".log"))
    _settle(game)
    look("crash", game)
    _back(game)

    nav.leave_profile()
    game.frames(2)
    teacher = make_class(game, waiting=2)
    nav.class_screen()
    _settle(game)
    look("class screen", game)
    _back(game)
    nav.teacher()
    game.frames(2)
    _settle(game)
    look("teacher PIN", game)
    for _ in range(2):
        game.type_text(PIN)
        game.key(pygame.K_RETURN)
    for tab in ("students", "waiting", "rules", "data"):
        nav.teacher_inside(teacher, tab)
        _settle(game)
        look(f"teacher: {tab}", game)
