"""Sounds: each one the game plays exists and is gentle; no audio device means silence."""

from __future__ import annotations

import importlib.util
import os
import sys
import wave
from pathlib import Path

import pygame
import pytest

from game.ui import audio
from game.ui.audio import Audio
from game.ui.resources import Resources

ROOT = Path(__file__).resolve().parents[2]
SOUNDS = ROOT / "assets" / "sounds"


def _make_sounds():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "tools" / "make_sounds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sounds"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sounds_on(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    pygame.init()
    yield
    pygame.mixer.quit()


def test_the_tool_makes_exactly_the_sounds_the_game_plays() -> None:
    assert set(_make_sounds().SOUNDS) == set(audio.SOUNDS)
    assert {p.stem for p in SOUNDS.glob("*.wav")} == set(audio.SOUNDS)


@pytest.mark.parametrize("name", audio.SOUNDS)
def test_every_sound_is_short_gentle_cd_quality_mono(name: str) -> None:
    with wave.open(str(SOUNDS / f"{name}.wav")) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44_100)
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = memoryview(frames).cast("h")
    assert 0.05 < seconds <= 4.0
    assert max(abs(s) for s in samples) < 0.6 * 32767  # well below full scale: never clips
    assert abs(samples[0]) < 50 and abs(samples[-1]) < 50  # starts and ends without a click


def test_the_committed_sounds_are_what_the_recipes_make() -> None:
    tool = _make_sounds()
    recipes = tool._recipes()
    for name in ("tap", "flip", "log"):  # the short ones: the others take seconds to render
        assert tool.render(recipes[name]) == (SOUNDS / f"{name}.wav").read_bytes(), name


def test_a_sound_plays_on_a_device(sounds_on: None) -> None:
    player = Audio(Resources(ROOT / "assets"))
    assert player.available
    player.play("log")
    assert player._sounds["log"] is not None


def test_muted_or_silent_loads_and_plays_nothing(sounds_on: None) -> None:
    player = Audio(Resources(ROOT / "assets"), muted=True)
    player.play("badge")
    player.muted = False
    player.set_volume(0)
    player.play("badge")
    assert "badge" not in player._sounds


def test_without_an_audio_device_the_game_is_silent_not_broken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pygame.mixer.quit()

    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    player = Audio(Resources(ROOT / "assets"))
    assert not player.available
    player.play("reveal-legendary")  # no error
    assert player._sounds == {}


def test_a_missing_sound_file_costs_only_that_sound(sounds_on: None, tmp_path: Path) -> None:
    player = Audio(Resources(tmp_path))
    player.play("log")
    assert player._sounds == {"log": None}


def test_what_a_sound_driver_prints_goes_to_the_log_not_the_terminal(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="game.ui.audio")
    with audio._driver_chatter_to_log():
        os.write(2, b"ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\n")
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"
    assert "Unknown PCM default" in caplog.text
