"""The scene lifecycle and the stack that holds scenes.

Each hook has one meaning (after Tuxemon's state stack and Arcade's views):

- ``start`` once, when the scene is first shown;
- ``pause`` when another scene is pushed over it, ``resume`` when that one is gone;
- ``stop`` once, when the scene leaves the stack for good (popped, replaced or reset).

No hook changes the player's save: spending and saving happen in an explicit action (see
:mod:`game.scenes.navigation`) before a scene is shown. ``handle_event`` returns True when it
consumed the event; ``update(dt)`` advances time in seconds; ``draw`` only draws. Push, pop and
replace take effect between frames; events that arrive while a change is pending are dropped, so
a second click cannot act on a screen that is already on its way out.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame


class Scene:
    #: whether the scene below is drawn first (for dialogs over a screen)
    overlay = False

    def start(self) -> None:
        """Shown for the first time."""

    def pause(self) -> None:
        """Covered by a scene pushed over it."""

    def resume(self) -> None:
        """Uncovered again: the scene over it is gone."""

    def stop(self) -> None:
        """Gone from the stack for good; called exactly once."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def controls(self) -> list[pygame.Rect]:
        """Where the scene's controls are on screen: messages are placed clear of them."""
        return []

    @property
    def animating(self) -> bool:
        """Something moves by itself (a tween, a rolling counter): the main loop keeps its full
        frame rate while it does, and slows down once nothing moves and no one touches a key."""
        return False


class SceneManager:
    def __init__(self) -> None:
        self.stack: list[Scene] = []
        self._pending: list[Callable[[], None]] = []

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    @property
    def changing(self) -> bool:
        """A push, pop or replace is waiting for the end of the frame."""
        return bool(self._pending)

    def push(self, scene: Scene) -> None:
        self._pending.append(lambda: self._push(scene))

    def pop(self) -> None:
        self._pending.append(self._pop)

    def replace(self, scene: Scene) -> None:
        self._pending.append(lambda: self._replace(scene))

    def reset(self, scene: Scene) -> None:
        """Clear the stack and show ``scene`` (at once: used when recovering from an error).

        Every scene on the stack is stopped once, the top first; none is resumed on the way.
        """
        self._pending.clear()
        while self.stack:
            self.stack.pop().stop()
        self.stack.append(scene)
        scene.start()

    def apply_pending(self) -> None:
        while self._pending:
            self._pending.pop(0)()

    def _push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].pause()
        self.stack.append(scene)
        scene.start()

    def _replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop().stop()
        self.stack.append(scene)
        scene.start()

    def _pop(self) -> None:
        if not self.stack:
            return
        self.stack.pop().stop()
        if self.stack:
            self.stack[-1].resume()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self._pending:
            return True  # the screen is changing: this event belongs to no one
        return self.top.handle_event(event) if self.top else False

    def update(self, dt: float) -> None:
        if self.top:
            self.top.update(dt)

    @property
    def animating(self) -> bool:
        return bool(self._pending) or any(scene.animating for scene in self.stack[-2:])

    def draw(self, surface: pygame.Surface) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for scene in self.stack[first:]:
            scene.draw(surface)
