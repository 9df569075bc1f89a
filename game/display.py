"""The game window: every screen draws on a fixed 1280x720 canvas, shown scaled to the window.

The picture fills any window size smoothly (letterboxed when the shape differs), and mouse
positions reach the scenes in canvas coordinates: scenes never need to know how big the window
is. How the canvas gets to the window depends on the machine:

- **A graphics card** (an accelerated SDL renderer: OpenGL, Direct3D, Metal): the canvas is a
  texture and the renderer's logical size scales it on the card; SDL maps mouse positions.
- **No graphics card** (SDL would fall back to its software renderer, which scales with linear
  filtering pixel by pixel on the processor: 11 ms a frame at 1920x1080): the canvas is scaled
  with ``pygame.transform.smoothscale`` (SIMD, about a quarter of that) straight into the
  window's own surface, only when the window's size differs, and ``from_window`` maps mouse
  positions back to the canvas.
- **No SDL window at all**: pygame's ``SCALED`` display, which only scales by whole numbers in a
  window (a maximised 1920x1080 window would show the canvas at 1x with wide black borders).
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from pygame._sdl2.video import Renderer, Texture, Window

log = logging.getLogger("ecocards")

TITLE = "EcoCards"
MINIMUM_SIZE = (320, 240)  # small classroom screens: the picture scales down to fit
BLACK = (0, 0, 0)
POSITIONED = (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)


class Display:
    def __init__(
        self, logical_size: tuple[int, int], window_size: tuple[int, int], *, fullscreen: bool
    ) -> None:
        os.environ.setdefault("SDL_RENDER_SCALE_QUALITY", "linear")  # smooth, not blocky
        self.logical_size = logical_size
        self.canvas = pygame.Surface(logical_size)
        self.window: Window | None = None
        self._texture: Texture | None = None
        self._renderer: Renderer | None = None
        self.fullscreen = fullscreen
        try:
            self._open_renderer(window_size, fullscreen)
        except (pygame.error, ImportError, AttributeError) as exc:
            log.warning("no SDL window (%s); using pygame's SCALED display", exc)
            self.window = None
            self._open_scaled(window_size, fullscreen)

    @property
    def accelerated(self) -> bool:
        """The graphics card scales the picture (an accelerated SDL renderer)."""
        return self._renderer is not None

    def _open_renderer(self, window_size: tuple[int, int], fullscreen: bool) -> None:
        """A window, scaled by the graphics card when there is one, else by ``present``."""
        from pygame._sdl2.sdl2 import error as SDLError
        from pygame._sdl2.video import Renderer, Texture, Window

        self.window = Window(TITLE, size=window_size, resizable=True)
        self.window.minimum_size = MINIMUM_SIZE
        try:  # only an accelerated one: SDL's software renderer scales slowly (module doc)
            self._renderer = Renderer(self.window, accelerated=1)
        except (pygame.error, SDLError) as exc:
            log.info("no accelerated renderer (%s); the canvas is scaled in software", exc)
            # the window's own surface: a canvas in its format scales into it byte for byte
            self.canvas = pygame.Surface(self.logical_size, 0, self.window.get_surface())
        else:
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
        if self.window is None:
            pygame.display.toggle_fullscreen()
        elif self.fullscreen:
            self.window.set_windowed()
        else:
            self.window.set_fullscreen(desktop=True)
        self.fullscreen = not self.fullscreen

    def set_fullscreen(self, on: bool) -> None:
        if on != self.fullscreen:
            self.toggle_fullscreen()

    def _letterbox(self) -> tuple[float, float, float]:
        """The canvas's scale in the window and its top-left corner there, in window pixels."""
        width, height = self.window_size()
        cw, ch = self.logical_size
        scale = min(width / cw, height / ch) or 1.0
        return scale, (width - cw * scale) / 2, (height - ch * scale) / 2

    def to_canvas(self, x: float, y: float) -> tuple[int, int]:
        """The canvas point under the normalised window position (x, y) from 0 to 1, as a
        finger event gives it: the window shows the canvas scaled and letterboxed."""
        width, height = self.window_size()
        cw, ch = self.logical_size
        scale, left, top = self._letterbox()
        cx = (x * width - left) / scale
        cy = (y * height - top) / scale
        return (min(cw - 1, max(0, int(cx))), min(ch - 1, max(0, int(cy))))

    def from_window(self, event: pygame.event.Event) -> pygame.event.Event:
        """``event`` with its mouse position in canvas coordinates. The renderer and the
        SCALED display map positions themselves; the software path maps them here, unclamped
        as SDL does (a click on a black band lands outside the canvas and presses nothing)."""
        if self.window is None or self._renderer is not None or event.type not in POSITIONED:
            return event
        if getattr(event, "touch", False) or self.window_size() == self.logical_size:
            return event
        scale, left, top = self._letterbox()
        attrs = dict(event.dict)
        x, y = event.pos
        attrs["pos"] = (int((x - left) // scale), int((y - top) // scale))
        if "rel" in attrs:
            attrs["rel"] = (round(attrs["rel"][0] / scale), round(attrs["rel"][1] / scale))
        return pygame.event.Event(event.type, attrs)

    def window_size(self) -> tuple[int, int]:
        if self.window is not None:
            width, height = self.window.size
            return (max(1, width), max(1, height))
        surface = pygame.display.get_surface()
        window = pygame.display.get_window_size() if surface is not None else self.logical_size
        return (max(1, window[0]), max(1, window[1]))

    def close(self) -> None:
        """Free the texture, renderer and window before SDL shuts down (never after)."""
        if self.window is not None:
            self._texture = None
            self._renderer = None
            self.window.destroy()
            self.window = None

    def present(self) -> None:
        """Show the canvas, scaled to the window."""
        if self.window is None:
            pygame.display.flip()
        elif self._texture is not None and self._renderer is not None:
            self._texture.update(self.canvas)
            self._renderer.draw_color = (*BLACK, 255)
            self._renderer.clear()
            self._texture.draw()
            self._renderer.present()
        else:
            self._present_surface(self.window)

    def _present_surface(self, window: Window) -> None:
        target = window.get_surface()  # made again by SDL after the window is resized
        bounds = target.get_rect()
        if bounds.size == self.logical_size:
            target.blit(self.canvas, (0, 0))
            window.flip()
            return
        cw, ch = self.logical_size
        scale = min(bounds.width / cw, bounds.height / ch)
        shown = pygame.Rect(0, 0, round(cw * scale), round(ch * scale))
        shown.center = bounds.center
        shown = shown.clip(bounds)
        # the black bands, every frame: SDL makes a new surface, contents unknown, on a resize
        for band in (
            pygame.Rect(0, 0, bounds.width, shown.top),
            pygame.Rect(0, shown.bottom, bounds.width, bounds.height - shown.bottom),
            pygame.Rect(0, shown.top, shown.left, shown.height),
            pygame.Rect(shown.right, shown.top, bounds.width - shown.right, shown.height),
        ):
            if band.width > 0 and band.height > 0:
                target.fill(BLACK, band)
        if shown.width and shown.height:
            pygame.transform.smoothscale(self.canvas, shown.size, target.subsurface(shown))
        window.flip()
