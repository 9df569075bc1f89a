"""The game window: every screen is laid out on a 1280x720 canvas, drawn at the window's size.

The canvas has ``scale`` pixels per layout unit, the largest that fits the window (1.5 in a
1920x1080 window, 0.8 in 1024x600): text, lines and pictures are drawn at the window's own
resolution (``game.ui.gfx``), never stretched, and letterboxed when the shape differs. Scenes
lay out and receive mouse positions in layout units: they never need to know how big the
window is. The canvas is made again when the window changes size (``sync``). How the canvas
gets to the window depends on the machine:

- **A graphics card** (an accelerated SDL renderer: OpenGL, Direct3D, Metal): the canvas is a
  texture of its own size, drawn in the middle of the window.
- **No graphics card**: the canvas is blitted straight into the window's own surface (SDL's
  software renderer would copy it once more, pixel by pixel).
- **No SDL window at all**: pygame's ``SCALED`` display at 1280x720, which only scales by whole
  numbers in a window (a maximised 1920x1080 window would show the canvas at 1x with wide black
  borders).
"""

from __future__ import annotations

import logging
import math
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
        self.scale = 1.0  # pixels per layout unit
        self.canvas: pygame.Surface  # made by sync (or by pygame's SCALED display), once
        self.window: Window | None = None
        self._texture: Texture | None = None
        self._renderer: Renderer | None = None
        self._synced: tuple[int, int] | None = None  # the window size last looked at
        self._made: tuple[tuple[int, int], float] | None = None  # the canvas's pixels and scale
        self.fullscreen = fullscreen
        try:
            self._open_renderer(window_size, fullscreen)
        except (pygame.error, ImportError, AttributeError) as exc:
            log.warning("no SDL window (%s); using pygame's SCALED display", exc)
            self.window = None
            self._open_scaled(window_size, fullscreen)
        self.sync()

    @property
    def accelerated(self) -> bool:
        """The graphics card shows the picture (an accelerated SDL renderer)."""
        return self._renderer is not None

    def _open_renderer(self, window_size: tuple[int, int], fullscreen: bool) -> None:
        """A window, shown by the graphics card when there is one, else by ``present``."""
        from pygame._sdl2.sdl2 import error as SDLError
        from pygame._sdl2.video import Renderer, Window

        self.window = Window(TITLE, size=window_size, resizable=True)
        self.window.minimum_size = MINIMUM_SIZE
        try:  # only an accelerated one: SDL's software renderer copies slowly (module doc)
            self._renderer = Renderer(self.window, accelerated=1)
        except (pygame.error, SDLError) as exc:
            log.info("no accelerated renderer (%s); the canvas is copied in software", exc)
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

    def sync(self) -> bool:
        """Make the canvas again if the window changed size since it was made (a resize, a
        switch to or from fullscreen); True when it did: the scene draws on the new canvas.
        Sets the scale new surfaces, fonts and pictures are made at (``gfx.set_scale``)."""
        from game.ui import gfx

        if self.window is None:  # pygame's SCALED display: always 1280x720, mapped by pygame
            gfx.set_scale(1.0)
            gfx.set_window(1.0, 0, 0)
            return False
        size = self.window_size()
        if size == self._synced:
            return False
        self._synced = size
        cw, ch = self.logical_size
        scale = min(size[0] / cw, size[1] / ch)
        if abs(scale - 1) < 1e-9:
            scale = 1.0
        pixels = gfx.to_pixels(self.logical_size, scale)
        if (pixels, scale) == self._made:
            self._place_window_rects()
            return False
        self._made = (pixels, scale)
        self.scale = scale
        gfx.set_scale(scale)
        if self._renderer is None:  # in the window surface's format: copied byte for byte
            like = self.window.get_surface()
            self.canvas = (
                pygame.Surface(self.logical_size, 0, like)
                if scale == 1
                else gfx.Canvas(self.logical_size, scale, 0, like)
            )
        else:
            from pygame._sdl2.video import Texture

            self.canvas = (
                pygame.Surface(self.logical_size)
                if scale == 1
                else gfx.Canvas(self.logical_size, scale)
            )
            self._texture = Texture(self._renderer, pixels, streaming=True)
        self._place_window_rects()
        log.info("window %dx%d: the canvas is drawn at %.3gx", size[0], size[1], scale)
        return True

    def _place_window_rects(self) -> None:
        from game.ui import gfx

        gfx.set_window(*self._letterbox())

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

    def _shown(self, window: tuple[int, int]) -> pygame.Rect:
        """Where the canvas is in a window of that size, in window pixels: in the middle, as
        large as fits (its own size once ``sync`` has made it for that window)."""
        from game.ui import gfx

        width, height = window
        pw, ph = gfx.physical_size(self.canvas)
        if pw > width or ph > height or (pw < width and ph < height):
            fit = min(width / pw, height / ph)
            pw, ph = round(pw * fit), round(ph * fit)
        shown = pygame.Rect(0, 0, pw, ph)
        shown.center = (width // 2, height // 2)
        return shown

    def _letterbox(self) -> tuple[float, float, float]:
        """Window pixels per layout unit, and the canvas's top-left corner in the window."""
        shown = self._shown(self.window_size())
        return shown.width / self.logical_size[0] or 1.0, shown.left, shown.top

    def to_canvas(self, x: float, y: float) -> tuple[int, int]:
        """The canvas point under the normalised window position (x, y) from 0 to 1, as a
        finger event gives it: the window shows the canvas letterboxed."""
        width, height = self.window_size()
        cw, ch = self.logical_size
        scale, left, top = self._letterbox()
        cx = (x * width - left) / scale
        cy = (y * height - top) / scale
        return (min(cw - 1, max(0, int(cx))), min(ch - 1, max(0, int(cy))))

    def from_window(self, event: pygame.event.Event) -> pygame.event.Event:
        """``event`` with its mouse position in layout units. The SCALED display maps positions
        itself; a window's are mapped here, unclamped as SDL does (a click on a black band
        lands outside the canvas and presses nothing)."""
        if self.window is None or event.type not in POSITIONED:
            return event
        if getattr(event, "touch", False):
            return event
        scale, left, top = self._letterbox()
        if scale == 1 and left == 0 and top == 0:
            return event
        attrs = dict(event.dict)
        x, y = event.pos
        attrs["pos"] = (math.floor((x - left) / scale), math.floor((y - top) / scale))
        if "rel" in attrs:
            attrs["rel"] = (round(attrs["rel"][0] / scale), round(attrs["rel"][1] / scale))
        return pygame.event.Event(event.type, attrs)

    def window_point(self, pos: tuple[float, float]) -> tuple[int, int]:
        """The window pixel that shows the canvas point ``pos`` (in layout units): the middle
        of it, so that ``from_window`` maps it back to ``pos``."""
        if self.window is None:
            return (int(pos[0]), int(pos[1]))
        scale, left, top = self._letterbox()
        return (int(left + (pos[0] + 0.5) * scale), int(top + (pos[1] + 0.5) * scale))

    def window_size(self) -> tuple[int, int]:
        if self.window is not None:
            width, height = self.window.size
            return (max(1, width), max(1, height))
        surface = pygame.display.get_surface()
        window = pygame.display.get_window_size() if surface is not None else self.logical_size
        return (max(1, window[0]), max(1, window[1]))

    def close(self) -> None:
        """Free the texture, renderer and window before SDL shuts down (never after)."""
        from game.ui import gfx

        gfx.set_scale(1.0)
        gfx.set_window(1.0, 0, 0)
        if self.window is not None:
            self._texture = None
            self._renderer = None
            self.window.destroy()
            self.window = None

    def present(self) -> None:
        """Show the canvas in the window."""
        if self.window is None:
            pygame.display.flip()
        elif self._texture is not None and self._renderer is not None:
            self._texture.update(self.canvas)
            self._renderer.draw_color = (*BLACK, 255)
            self._renderer.clear()
            self._texture.draw(dstrect=self._shown(self.window_size()))
            self._renderer.present()
        else:
            self._present_surface(self.window)

    def _present_surface(self, window: Window) -> None:
        from game.ui import gfx

        target = window.get_surface()  # made again by SDL after the window is resized
        bounds = target.get_rect()
        if bounds.size == gfx.physical_size(self.canvas):
            pygame.Surface.blit(target, self.canvas, (0, 0))
            window.flip()
            return
        shown = self._shown(bounds.size).clip(bounds)
        # the black bands, every frame: SDL makes a new surface, contents unknown, on a resize
        for band in (
            pygame.Rect(0, 0, bounds.width, shown.top),
            pygame.Rect(0, shown.bottom, bounds.width, bounds.height - shown.bottom),
            pygame.Rect(0, shown.top, shown.left, shown.height),
            pygame.Rect(shown.right, shown.top, bounds.width - shown.right, shown.height),
        ):
            if band.width > 0 and band.height > 0:
                target.fill(BLACK, band)
        if shown.size == gfx.physical_size(self.canvas):
            pygame.Surface.blit(target, self.canvas, shown)
        elif shown.width and shown.height:  # the window changed size since the canvas was made
            pygame.transform.smoothscale(self.canvas, shown.size, target.subsurface(shown))
        window.flip()
