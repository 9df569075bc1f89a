"""The scene lifecycle and the stack that holds scenes.

A scene is entered when it becomes the top of the stack and exited when it stops being the top.
``handle_event`` returns True when it consumed the event; ``update(dt)`` advances time in seconds;
``draw`` only draws and never changes state. Push, pop and replace take effect between frames.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.context import GameContext


class Scene:
    #: whether the scene below is drawn first (for dialogs over a screen)
    overlay = False

    def __init__(self, ctx: GameContext) -> None:
        self.ctx = ctx

    def enter(self) -> None:
        """Became the top scene (first time, or after the scene above it was popped)."""

    def exit(self) -> None:
        """Stopped being the top scene (popped, replaced, or covered by a pushed scene)."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass


class SceneManager:
    def __init__(self) -> None:
        self.stack: list[Scene] = []
        self._pending: list[Callable[[], None]] = []

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        self._pending.append(lambda: self._push(scene))

    def pop(self) -> None:
        self._pending.append(self._pop)

    def replace(self, scene: Scene) -> None:
        self._pending.append(lambda: self._replace(scene))

    def reset(self, scene: Scene) -> None:
        """Clear the stack and show ``scene`` (at once: used when recovering from an error)."""
        self._pending.clear()
        while self.stack:
            self._pop(reveal_below=False)
        self._push(scene)

    def apply_pending(self) -> None:
        while self._pending:
            self._pending.pop(0)()

    def _push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].exit()
        self.stack.append(scene)
        scene.enter()

    def _replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter()

    def _pop(self, reveal_below: bool = True) -> None:
        if not self.stack:
            return
        self.stack.pop().exit()
        if reveal_below and self.stack:
            self.stack[-1].enter()

    def handle_event(self, event: pygame.event.Event) -> bool:
        return self.top.handle_event(event) if self.top else False

    def update(self, dt: float) -> None:
        if self.top:
            self.top.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for scene in self.stack[first:]:
            scene.draw(surface)
