"""Drive the real App headlessly with real pygame events, the way a player's mouse would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame

from game.app import App
from game.config import Config
from game.scenes.screen import ScreenScene
from game.ui.widgets import Button

NOW = dt.datetime(2026, 11, 23, 15, 30)


class Driver:
    def __init__(
        self, saves: Path, *, data: Path | None = None, now: dt.datetime = NOW, **options: object
    ) -> None:
        config = Config(saves_dir=saves, seed=7, **({"data_dir": data} if data else {}), **options)  # type: ignore[arg-type]
        self.app = App(config, clock=lambda: now)
        self.app.start()
        self.frames(2)

    @property
    def ctx(self):  # type: ignore[no-untyped-def]
        assert self.app.ctx is not None
        return self.app.ctx

    @property
    def scene(self) -> ScreenScene:
        scene = self.ctx.manager.top
        assert isinstance(scene, ScreenScene)
        return scene

    def frames(self, count: int = 1, dt_s: float = 1 / 60) -> None:
        for _ in range(count):
            self.app.step(dt_s)

    def post(self, event_type: int, **attrs: object) -> None:
        pygame.event.post(pygame.event.Event(event_type, **attrs))

    def click_at(self, pos: tuple[int, int]) -> None:
        """A click at ``pos`` in window pixels (the canvas point at 1280x720)."""
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)
        self.frames(2)

    def button(self, label: str, nth: int = 0) -> Button:
        matches = [b for b in self.scene.buttons.buttons if b.label == label]
        assert len(matches) > nth, (
            f"no button {label!r} on {type(self.scene).__name__}: "
            f"{[b.label for b in self.scene.buttons.buttons]}"
        )
        return matches[nth]

    def wait(self, seconds: float = 1.0) -> None:
        """Let game time pass in one frame (a child looking at the screen before clicking)."""
        self.frames(1, dt_s=seconds)

    def click(self, label: str, nth: int = 0) -> None:
        """A deliberate click: after a pause, so the buttons' guard after a click has passed."""
        self.wait()
        button = self.button(label, nth)
        assert button.enabled, f"button {label!r} is disabled"
        self.click_at(self.app.display.window_point(button.rect.center))

    def type_text(self, text: str) -> None:
        for ch in text:
            self.post(pygame.TEXTINPUT, text=ch)
        self.frames(1)

    def key(self, key: int) -> None:
        self.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        self.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)
        self.frames(2)

    def new_player(self, name: str) -> None:
        """From the player list: make a player and arrive on their home screen."""
        self.click("Create a player" if not self.scene.profiles else "+ New player")
        self.type_text(name)
        self.key(pygame.K_RETURN)

    def quit(self) -> int:
        self.post(pygame.QUIT)
        self.frames(1)
        assert not self.app.running
        self.app.shutdown()
        return self.app.exit_code
