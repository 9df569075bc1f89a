"""The game window: every screen draws on a fixed 1280x720 canvas, shown scaled to the window.

An SDL renderer with a logical size does the scaling, so the picture fills any window size
smoothly (letterboxed when the shape differs) and mouse positions arrive in canvas
coordinates: scenes never need to know how big the window is. pygame's own ``SCALED`` flag
only scales by whole numbers in a window (a maximised 1920x1080 window would show the canvas
at 1x with wide black borders), so it is only the fallback when no renderer can be made.
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from pygame._sdl2.video import Renderer, Texture

log = logging.getLogger("ecocards")

TITLE = "EcoCards"
MINIMUM_SIZE = (320, 240)  # small classroom screens: the picture scales down to fit


class Display:
    def __init__(
        self, logical_size: tuple[int, int], window_size: tuple[int, int], *, fullscreen: bool
    ) -> None:
        os.environ.setdefault("SDL_RENDER_SCALE_QUALITY", "linear")  # smooth, not blocky
        self.logical_size = logical_size
        self.canvas = pygame.Surface(logical_size)
        self._texture: Texture | None = None
        self._renderer: Renderer | None = None
        self.fullscreen = fullscreen
        try:
            self._open_renderer(window_size, fullscreen)
        except (pygame.error, ImportError, AttributeError) as exc:
            log.warning("no SDL renderer (%s); using pygame's SCALED display", exc)
            self._open_scaled(window_size, fullscreen)

    def _open_renderer(self, window_size: tuple[int, int], fullscreen: bool) -> None:
        from pygame._sdl2.video import Renderer, Texture, Window

        self.window = Window(TITLE, size=window_size, resizable=True)
        self.window.minimum_size = MINIMUM_SIZE
        self._renderer = Renderer(self.window)
        self._renderer.logical_size = self.logical_size
        self._texture = Texture(self._renderer, self.logical_size, streaming=True)
        if fullscreen:
            self.window.set_fullscreen(desktop=True)

    def _open_scaled(self, window_size: tuple[int, int], fullscreen: bool) -> None:
        flags = pygame.SCALED | pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
        with warnings.catch_warnings():  # "no fast renderer" under a software-only driver
            warnings.simplefilter("ignore")
            self.canvas = pygame.display.set_mode(self.logical_size, flags)
        pygame.display.set_caption(TITLE)
        if window_size != self.logical_size and not fullscreen:
            with warnings.catch_warnings():  # the only way to size a SCALED display's window
                warnings.simplefilter("ignore", DeprecationWarning)
                window = pygame.Window.from_display_module()
            window.minimum_size = MINIMUM_SIZE
            window.size = window_size

    def toggle_fullscreen(self) -> None:
        if self._texture is None:
            pygame.display.toggle_fullscreen()
        elif self.fullscreen:
            self.window.set_windowed()
        else:
            self.window.set_fullscreen(desktop=True)
        self.fullscreen = not self.fullscreen

    def set_fullscreen(self, on: bool) -> None:
        if on != self.fullscreen:
            self.toggle_fullscreen()

    def to_canvas(self, x: float, y: float) -> tuple[int, int]:
        """The canvas point under the normalised window position (x, y) from 0 to 1, as a
        finger event gives it: the window shows the canvas scaled and letterboxed."""
        width, height = self.window_size()
        cw, ch = self.logical_size
        scale = min(width / cw, height / ch) or 1.0
        left, top = (width - cw * scale) / 2, (height - ch * scale) / 2
        cx = (x * width - left) / scale
        cy = (y * height - top) / scale
        return (min(cw - 1, max(0, int(cx))), min(ch - 1, max(0, int(cy))))

    def window_size(self) -> tuple[int, int]:
        if self._texture is not None:
            return tuple(self.window.size)  # type: ignore[return-value]
        surface = pygame.display.get_surface()
        window = pygame.display.get_window_size() if surface is not None else self.logical_size
        return (max(1, window[0]), max(1, window[1]))

    def close(self) -> None:
        """Free the texture, renderer and window before SDL shuts down (never after)."""
        if self._texture is not None:
            self._texture = None
            self._renderer = None
            self.window.destroy()

    def present(self) -> None:
        """Show the canvas: scaled to the window by the renderer."""
        if self._texture is None or self._renderer is None:
            pygame.display.flip()
            return
        self._texture.update(self.canvas)
        self._renderer.draw_color = (0, 0, 0, 255)
        self._renderer.clear()
        self._texture.draw()
        self._renderer.present()
