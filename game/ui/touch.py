"""Touch: finger events become the mouse events every screen already understands.

A classroom smartboard sends pygame finger events (FINGERDOWN, FINGERMOTION, FINGERUP) whose
positions are fractions of the window. A finger that lifts near where it landed is a tap: a
click at that point of the canvas. A finger that travels is a swipe: it scrolls, one wheel step
for every ``STEP_PX`` of travel, the content following the finger. SDL also makes mouse events
out of touches; those are dropped, so a tap never counts twice and a swipe never presses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

# canvas pixels a finger may wander and still tap; and the travel of one scroll step
TAP_SLOP_PX = 24
STEP_PX = 60
FINGER_EVENTS = (pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP)
MOUSE_EVENTS = (
    pygame.MOUSEMOTION,
    pygame.MOUSEBUTTONDOWN,
    pygame.MOUSEBUTTONUP,
    pygame.MOUSEWHEEL,
)

ToCanvas = Callable[[float, float], tuple[int, int]]


@dataclass
class _Finger:
    finger_id: int
    start: tuple[int, int]
    last: list[int]  # where the last scroll step was counted from
    swiping: bool = False


class Touch:
    """Turns one finger at a time into clicks and wheel steps (a second finger is ignored)."""

    def __init__(self, to_canvas: ToCanvas) -> None:
        self.to_canvas = to_canvas
        self._finger: _Finger | None = None

    @staticmethod
    def from_touch(event: pygame.event.Event) -> bool:
        """A mouse event SDL made from a touch (the finger events already carry it)."""
        return event.type in MOUSE_EVENTS and bool(getattr(event, "touch", False))

    def translate(self, event: pygame.event.Event) -> list[pygame.event.Event]:
        """The mouse events that stand for the finger event ``event`` (often none)."""
        pos = self.to_canvas(event.x, event.y)
        finger = self._finger
        if event.type == pygame.FINGERDOWN:
            if finger is None:
                self._finger = _Finger(event.finger_id, pos, list(pos))
            return []
        if finger is None or event.finger_id != finger.finger_id:
            return []
        if event.type == pygame.FINGERMOTION:
            return self._moved(finger, pos)
        self._finger = None  # FINGERUP
        if finger.swiping:
            return []
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ]

    def _moved(self, finger: _Finger, pos: tuple[int, int]) -> list[pygame.event.Event]:
        dx, dy = pos[0] - finger.start[0], pos[1] - finger.start[1]
        if not finger.swiping and dx * dx + dy * dy > TAP_SLOP_PX * TAP_SLOP_PX:
            finger.swiping = True
        if not finger.swiping:
            return []
        steps = []
        for axis in (0, 1):
            while abs(pos[axis] - finger.last[axis]) >= STEP_PX:
                sign = 1 if pos[axis] > finger.last[axis] else -1
                finger.last[axis] += sign * STEP_PX
                # The content follows the finger: a finger moving down shows what is above (a
                # wheel turned up, y > 0); one moving left shows what is on the right (x > 0).
                x, y = (-sign, 0) if axis == 0 else (0, sign)
                steps.append(
                    pygame.event.Event(
                        pygame.MOUSEWHEEL,
                        x=x,
                        y=y,
                        flipped=False,
                        precise_x=float(x),
                        precise_y=float(y),
                        touch=False,
                    )
                )
        return steps
