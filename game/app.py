"""The application: the one place that opens the display, and the main loop.

Every screen is laid out on a 1280×720 canvas that game.display draws at the window's own
resolution, so every screen is laid out once and fills any window size sharply, letterboxed when
the shape differs.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.config import LOGICAL_SIZE, Config
from game.context import GameContext
from game.core.problems import summary
from game.i18n import Translator
from game.saves.profiles import SaveStore
from game.scenes.base import SceneManager
from game.ui import gfx

if TYPE_CHECKING:
    from game.ui.toasts import Placed

log = logging.getLogger("ecocards")

# With nothing moving and no input for IDLE_AFTER_S seconds, the loop only looks for input
# IDLE_POLLS_PER_S times a second and draws every IDLE_FRAME_S (a blinking caret still blinks), so
# an idle screen costs almost no processor time; any input brings back the full frame rate.
IDLE_AFTER_S = 1.5
IDLE_POLLS_PER_S = 20
IDLE_FRAME_S = 0.5


class App:
    def __init__(self, config: Config, *, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.config = config
        self.clock = clock
        self.ctx: GameContext | None = None
        self.running = False
        self.exit_code = 0
        self._crashed = False
        self._last_input = time.monotonic()
        self._decks_pending = False
        self._presented = False

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        import pygame

        from game.display import Display
        from game.ui.audio import Audio
        from game.ui.resources import Resources
        from game.ui.touch import Touch

        self._setup_logging()
        pygame.display.init()  # not pygame.init(): the sound device is opened by Audio, which
        pygame.font.init()  # stays silent where a classroom PC has none
        pygame.key.set_repeat(400, 40)
        self.display = Display(
            LOGICAL_SIZE, self.config.window_size, fullscreen=self.config.fullscreen
        )
        self.screen = self.display.canvas
        self.pg_clock = pygame.time.Clock()
        rng = random.Random(self.config.seed)
        store = SaveStore(self.config.saves_dir)
        res = Resources(self.config.assets_dir)
        tr = Translator.load(self.config.lang, self.config.locale_dir)  # logs catalog problems
        self.ctx = GameContext(
            config=self.config,
            content=None,
            store=store,
            rng=rng,
            res=res,
            tr=tr,
            manager=SceneManager(),
            audio=Audio(res, volume=self.config.volume / 100, muted=self.config.mute),
            clock=self.clock or dt.datetime.now,
        )
        from game.scenes.navigation import Navigator
        from game.scenes.profiles import ProfilesScene

        self.touch = Touch(self.display.to_canvas)
        Navigator(self.ctx)  # the one way scenes reach each other (ctx.nav)
        self.ctx.display = self.display
        self.ctx.load_settings()  # this computer's defaults, under the command line's options
        # The player list needs no decks: it is the first frame, and the decks load at the start
        # of the next one, before any input is handled (load_decks).
        self.ctx.manager.reset(ProfilesScene(self.ctx))
        self._decks_pending = True
        self.running = True

    def load_decks(self) -> None:
        """Load the decks at start-up, once; on errors with no valid decks to fall back on, the
        error screen takes the player list's place. ``step`` calls it after the first frame;
        tools that need the content at once call it after ``start``."""
        from game.scenes.content_errors import ContentErrorScene

        if not self._decks_pending:
            return
        self._decks_pending = False
        self._setup_logging(rotating=True)
        assert self.ctx is not None
        problems = self.ctx.load_content()
        if problems:
            self._report_content(problems)
        if self.ctx.content is None:
            self.ctx.manager.reset(ContentErrorScene(self.ctx, problems, startup=True))

    def run(self) -> int:
        try:
            self.start()
        except Exception as exc:  # nothing on screen yet: say it plainly on the terminal
            path = self._write_crash_log(exc)
            print(
                f"EcoCards could not start: {exc}\nDetails were written to {path}", file=sys.stderr
            )
            return 1
        import pygame

        waited = 0.0
        while self.running:
            if self._idle():  # look for input a few times a second, sleeping in between
                waited += self.pg_clock.tick(IDLE_POLLS_PER_S) / 1000
                if waited < IDLE_FRAME_S and not pygame.event.peek():
                    continue
            else:
                waited += self.pg_clock.tick(self.config.fps) / 1000
            self.step(min(waited, 0.1))
            waited = 0.0
        self.shutdown()
        return self.exit_code

    def _idle(self) -> bool:
        """Nothing moves and no one has touched a key, the mouse or the screen for a while."""
        assert self.ctx is not None
        return (
            time.monotonic() - self._last_input > IDLE_AFTER_S
            and not self.ctx.toasts
            and not self.ctx.manager.animating
        )

    def step(self, dt_s: float) -> None:
        """One frame: events, update, draw. Any unexpected error becomes the error screen."""
        import pygame

        assert self.ctx is not None
        try:
            if self.display.sync():  # the window changed size: a canvas at its resolution
                self.screen = self.display.canvas
            # Input waits for the second frame, when the decks are loaded.
            events = pygame.event.get() if self._presented else []
            if self._presented:  # the first frame is on screen: now the decks
                self.load_decks()
            for event in events:
                self._last_input = time.monotonic()  # any event may change what is shown
                self._dispatch(self.display.from_window(event))
                if not self.running:
                    return
            self.ctx.manager.apply_pending()
            self.ctx.manager.update(dt_s)
            self.ctx.manager.apply_pending()
            for toast in self.ctx.toasts:
                toast.seconds_left -= dt_s
            self.ctx.toasts = [t for t in self.ctx.toasts if t.seconds_left > 0]
            self.ctx.begin_frame()
            self.ctx.manager.draw(self.screen)
            self._draw_deck_banner()
            self._draw_toasts()
            self.display.present()
            self._presented = True
        except Exception as exc:
            self._crash(exc)

    def shutdown(self) -> None:
        import pygame

        if self.ctx is not None:
            try:
                self.ctx.close_profile()
            except Exception as exc:  # closing must never hide the way out
                log.exception("closing the profile failed: %s", exc)
        if getattr(self, "display", None) is not None:
            self.display.close()
        for handler in log.handlers:
            handler.close()
        pygame.quit()

    # -- events ------------------------------------------------------------------------------

    def _dispatch(self, event: object) -> None:
        import pygame

        from game.ui.touch import FINGER_EVENTS

        assert self.ctx is not None
        if event.type == pygame.QUIT:  # type: ignore[attr-defined]
            self.running = False
            return
        if self.touch.from_touch(event):  # type: ignore[arg-type]
            return  # the finger events themselves say what the touch meant
        if event.type in FINGER_EVENTS:  # type: ignore[attr-defined]
            for mouse in self.touch.translate(event):  # type: ignore[arg-type]
                self._dispatch(mouse)
            return
        if event.type == pygame.KEYDOWN:  # type: ignore[attr-defined]
            key = event.key  # type: ignore[attr-defined]
            if key == pygame.K_F11:
                self.display.toggle_fullscreen()
                self.ctx.settings = self.ctx.settings.changed(fullscreen=self.display.fullscreen)
                return
            if key == pygame.K_F1 and not self._crashed:
                self.ctx.nav.keys_help()
                return
            if key == pygame.K_F5 and not self._crashed:
                self._reload_content()
                return
        if self.ctx.manager.handle_event(event):  # type: ignore[arg-type]
            return
        if (
            event.type == pygame.KEYDOWN  # type: ignore[attr-defined]
            and event.key == pygame.K_ESCAPE  # type: ignore[attr-defined]
            and len(self.ctx.manager.stack) > 1
        ):
            self.ctx.manager.pop()

    def _reload_content(self) -> None:
        from game.scenes.content_errors import ContentErrorScene

        assert self.ctx is not None
        had_content = self.ctx.content is not None
        problems = self.ctx.load_content()
        manager = self.ctx.manager
        # Pending changes first, so that two quick presses of F5 see the screen the first showed.
        manager.apply_pending()
        showing_errors = isinstance(manager.top, ContentErrorScene)
        if problems:
            self._report_content(problems)
            screen = ContentErrorScene(self.ctx, problems, startup=self.ctx.content is None)
            if showing_errors:  # one error screen, brought up to date: never a pile of them
                manager.replace(screen)
            else:
                manager.push(screen)
            return
        if not had_content:
            from game.scenes.profiles import ProfilesScene

            manager.reset(ProfilesScene(self.ctx))
        elif showing_errors:
            manager.pop()
        assert self.ctx.content is not None
        self.ctx.toast(self.ctx.tr("Decks reloaded: {n} species.", n=len(self.ctx.content.species)))

    @staticmethod
    def _report_content(problems: list) -> None:  # type: ignore[type-arg]
        for problem in problems:
            print(problem, file=sys.stderr)
        print(summary(problems), file=sys.stderr)

    # -- drawing -----------------------------------------------------------------------------

    def _draw_deck_banner(self) -> None:
        """A strip along the bottom while the game plays with the last valid decks."""
        assert self.ctx is not None
        count = len([p for p in self.ctx.deck_problems if p.severity.value == "error"])
        if not count:
            return
        from game.scenes.content_errors import ContentErrorScene
        from game.ui import draw, theme

        if isinstance(self.ctx.manager.top, ContentErrorScene):
            return
        import pygame

        text = self._banner_text(count)
        font = self.ctx.res.fitting_font(18, text, LOGICAL_SIZE[0] - 32, bold=True)
        height = font.get_linesize() + 4
        strip = pygame.Rect(0, LOGICAL_SIZE[1] - height, LOGICAL_SIZE[0], height)
        gfx.rect(self.screen, theme.DANGER, strip)
        draw.text(
            self.screen,
            draw.clip(text, font, strip.width - 32),
            font,
            theme.WHITE,
            strip.center,
            "center",
        )

    def _banner_text(self, count: int) -> str:
        assert self.ctx is not None
        return self.ctx.tr.plural(
            count,
            "For the editor: the deck files have {count} error, so the game is using the last "
            "decks that worked. Fix it, then press F5.",
            "For the editor: the deck files have {count} errors, so the game is using the last "
            "decks that worked. Fix them, then press F5.",
        )

    def banner_height(self) -> int:
        """How tall the deck banner is (0 when it is not shown)."""
        assert self.ctx is not None
        count = len([p for p in self.ctx.deck_problems if p.severity.value == "error"])
        if not count:
            return 0
        text = self._banner_text(count)
        return (
            self.ctx.res.fitting_font(18, text, LOGICAL_SIZE[0] - 32, bold=True).get_linesize() + 4
        )

    def toast_layout(self) -> list[Placed]:
        """Where each toast goes on the current screen, the newest lowest."""
        import pygame

        from game.ui import toasts

        assert self.ctx is not None
        scene = self.ctx.manager.top
        return toasts.place(
            [(t.message, t.error) for t in self.ctx.toasts],
            self.ctx.res,
            pygame.Rect((0, 0), LOGICAL_SIZE),
            scene.controls() if scene is not None else [],
            LOGICAL_SIZE[1] - 24 - self.banner_height(),
        )

    def _draw_toasts(self) -> None:
        assert self.ctx is not None
        if not self.ctx.toasts:
            return
        from game.ui import toasts

        toasts.draw_toasts(self.screen, self.ctx.res, self.toast_layout())

    # -- errors ------------------------------------------------------------------------------

    def _setup_logging(self, *, rotating: bool = False) -> None:
        """The game's log file. Until the first frame is up it is a plain file, opened only if
        something is written (``logging.handlers`` and the modules it pulls in cost milliseconds
        of that frame); ``load_decks`` then makes it one that rotates at 512 kB."""
        path = self.config.logs_dir / "ecocards.log"
        try:
            self.config.logs_dir.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler
            if rotating:
                from logging.handlers import RotatingFileHandler

                handler = RotatingFileHandler(
                    path, maxBytes=512_000, backupCount=3, encoding="utf-8"
                )
            else:
                handler = logging.FileHandler(path, encoding="utf-8", delay=True)
        except OSError:
            handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        for old in log.handlers:
            old.close()
        log.handlers[:] = [handler]
        log.setLevel(logging.INFO)
        log.propagate = False

    def _write_crash_log(self, exc: BaseException) -> Path | str:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        details = "".join(traceback.format_exception(exc))
        try:
            self.config.logs_dir.mkdir(parents=True, exist_ok=True)
            for n in range(1, 100):  # two errors in one second each keep their own log
                path = self.config.logs_dir / (
                    f"crash-{stamp}.log" if n == 1 else f"crash-{stamp}-{n}.log"
                )
                try:
                    with path.open("x", encoding="utf-8") as fh:
                        fh.write(details)
                    return path
                except FileExistsError:
                    continue
            raise OSError("too many crash logs in one second")
        except OSError:
            print(details, file=sys.stderr)
            return "(the log could not be written; details above)"

    def _crash(self, exc: Exception) -> None:
        path = self._write_crash_log(exc)
        log.error("unexpected error, see %s", path)
        self.exit_code = 1
        if self._crashed:  # the error screen itself failed: stop here
            print(f"EcoCards stopped after an unexpected error. Details: {path}", file=sys.stderr)
            self.running = False
            return
        self._crashed = True
        from game.scenes.crash import CrashScene

        assert self.ctx is not None
        try:
            self.ctx.close_profile()
        except Exception:
            log.exception("closing the profile after a crash failed")
        self.ctx.manager.reset(CrashScene(self.ctx, str(path)))
