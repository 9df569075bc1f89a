"""Sounds: played when there is an audio device, silent (and never an error) when there is none.

Many classroom PCs have no sound card or a muted one; the game runs the same either way. Sounds
are short WAV files in ``assets/sounds/`` (made by ``tools/make_sounds.py``), loaded once each
through :class:`~game.ui.resources.Resources` and played at the player's volume.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from collections.abc import Iterator

import pygame

from game.ui.resources import MissingResource, Resources

log = logging.getLogger(__name__)

SOUNDS_DIR = "sounds"
TIERS = ("common", "uncommon", "rare", "very-rare", "legendary", "lost")
# every sound the game plays: logging an action, a card turning, a fanfare per rarity tier,
# a new badge, a finished edition, and a quiet tap for buttons
SOUNDS = ("log", "flip", *(f"reveal-{tier}" for tier in TIERS), "badge", "edition-complete", "tap")


@contextlib.contextmanager
def _driver_chatter_to_log() -> Iterator[None]:
    """Send what the sound libraries print to the process's stderr into the game's log instead.

    Without a sound card, libasound writes a dozen "ALSA lib ... Unknown PCM default" lines
    straight to file descriptor 2 while SDL looks for a device: harmless, but alarming in the
    terminal a teacher started the game from. They are kept, at info level, in the log.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, AttributeError, ValueError):  # no stderr at all (a windowed launcher)
        yield
        return
    with tempfile.TemporaryFile() as chatter:
        os.dup2(chatter.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            chatter.seek(0)
            text = chatter.read(64 * 1024).decode("utf-8", "replace").strip()
            if text:
                log.info("the sound driver said:\n%s", text)


class Audio:
    """The game's sounds, with a volume (0 to 1) and a mute switch."""

    def __init__(self, res: Resources, *, volume: float = 0.8, muted: bool = False) -> None:
        self.res = res
        self.volume = min(max(volume, 0.0), 1.0)
        self.muted = muted
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self.available = self._open_device()

    @staticmethod
    def _open_device() -> bool:
        if pygame.mixer.get_init():
            return True
        with _driver_chatter_to_log():
            try:
                pygame.mixer.init(frequency=44_100, size=-16, channels=2, buffer=512)
            except pygame.error as exc:  # no device, no driver, or the device is busy
                log.info("no sound: %s", exc)
                return False
        return True

    def set_volume(self, volume: float) -> None:
        self.volume = min(max(volume, 0.0), 1.0)

    def play(self, name: str) -> None:
        """Play ``assets/sounds/<name>.wav`` at the current volume; nothing when muted or silent."""
        if not self.available or self.muted or self.volume <= 0:
            return
        sound = self._load(name)
        if sound is not None:
            sound.set_volume(self.volume)
            sound.play()

    def _load(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self._sounds:
            try:
                path = self.res.resolve(f"{SOUNDS_DIR}/{name}.wav")
                self._sounds[name] = pygame.mixer.Sound(path)
            except (MissingResource, pygame.error) as exc:  # a missing file costs the sound only
                log.warning("sound %s not played: %s", name, exc)
                self._sounds[name] = None
        return self._sounds[name]

    def close(self) -> None:
        if self.available and pygame.mixer.get_init():
            pygame.mixer.quit()
        self.available = False
