"""Make the game's sounds: short, gentle tones synthesised from sine partials, written as WAV.

    python tools/make_sounds.py [--out assets/sounds] [--check]

Every sound is computed from a fixed recipe (and a fixed seed for the one noisy one), so running
the tool again writes the same bytes; ``--check`` only says whether the files in the folder are
the ones the recipes make. The sounds are made for EcoCards and dedicated to the public domain
(CC0), as ``assets/LICENSES.md`` says.

The palette is a children's music box: soft bell and marimba-like tones in C major, quick
attacks, long gentle decays, peaks well below full scale. The reveal fanfares grow with rarity;
the sound for a Lost species is low, slow and quiet.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import struct
import sys
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

RATE = 44_100
PEAK = 0.45  # of full scale: about -7 dBFS, gentle on small speakers and headphones
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def note(name: str) -> float:
    """The frequency of a note such as ``C5`` or ``F#4`` (A4 = 440 Hz)."""
    steps = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}[name[0]]
    rest = name[1:]
    if rest.startswith("#"):
        steps, rest = steps + 1, rest[1:]
    elif rest.startswith("b"):
        steps, rest = steps - 1, rest[1:]
    return 440.0 * 2 ** ((steps + 12 * (int(rest) - 4)) / 12)


@dataclass(frozen=True)
class Tone:
    """One struck tone: partials (frequency ratio, level, decay per second) under an envelope."""

    freq: float
    start: float  # seconds from the beginning of the sound
    length: float
    level: float = 1.0
    partials: tuple[tuple[float, float, float], ...] = ((1.0, 1.0, 3.0),)
    attack: float = 0.006

    def add_to(self, buffer: list[float]) -> None:
        first = round(self.start * RATE)
        count = min(round(self.length * RATE), len(buffer) - first)
        attack = max(1, round(self.attack * RATE))
        release = min(count, round(0.03 * RATE))  # a short fade so no tone ends in a click
        steps = [
            (2 * math.pi * self.freq * ratio / RATE, level, math.exp(-decay / RATE))
            for ratio, level, decay in self.partials
            if self.freq * ratio < RATE / 2.2
        ]
        for step, level, fall in steps:
            gain = self.level * level
            for i in range(count):
                envelope = min(1.0, i / attack) * min(1.0, (count - i) / release)
                buffer[first + i] += gain * envelope * math.sin(step * i)
                gain *= fall


BELL = ((1.0, 1.0, 2.5), (2.0, 0.35, 4.0), (3.0, 0.18, 6.0), (4.2, 0.08, 9.0))
MARIMBA = ((1.0, 1.0, 6.0), (4.0, 0.25, 18.0), (10.0, 0.05, 40.0))
SOFT = ((1.0, 1.0, 1.2), (2.0, 0.2, 2.0), (3.0, 0.05, 3.0))
GLASS = ((1.0, 1.0, 4.0), (2.76, 0.3, 7.0), (5.4, 0.12, 12.0))


def arpeggio(
    notes: Sequence[str],
    gap: float,
    length: float,
    partials: tuple[tuple[float, float, float], ...],
    *,
    start: float = 0.0,
    level: float = 1.0,
) -> list[Tone]:
    return [Tone(note(n), start + i * gap, length, level, partials) for i, n in enumerate(notes)]


def chord(
    notes: Sequence[str],
    start: float,
    length: float,
    partials: tuple[tuple[float, float, float], ...],
    level: float = 0.6,
) -> list[Tone]:
    return [
        Tone(note(n), start, length, level / len(notes) * 2, partials, attack=0.02) for n in notes
    ]


def sparkles(seed: int, count: int, start: float, span: float, level: float) -> list[Tone]:
    """High glassy twinkles at fixed, seeded moments."""
    rng = random.Random(seed)
    pitches = ["C7", "E7", "G7", "D7", "A6", "G6"]
    return [
        Tone(note(rng.choice(pitches)), start + rng.random() * span, 0.5, level, GLASS)
        for _ in range(count)
    ]


def swish(seed: int, length: float, level: float) -> Callable[[list[float]], None]:
    """A soft filtered-noise sweep: the air a card makes as it turns."""

    def add(buffer: list[float]) -> None:
        rng = random.Random(seed)
        count = round(length * RATE)
        low = lower = 0.0
        for i in range(count):
            t = i / count
            cutoff = 0.01 + 0.11 * math.sin(math.pi * t)  # opens, then closes again
            low += cutoff * (rng.uniform(-1.0, 1.0) - low)
            lower += cutoff * (low - lower)  # two poles: a soft rush of air, not a hiss
            buffer[i] += level * math.sin(math.pi * t) ** 2 * lower

    return add


@dataclass(frozen=True)
class Recipe:
    length: float
    parts: tuple[Tone | Callable[[list[float]], None], ...]
    peak: float = PEAK  # of full scale; quieter for small and solemn moments


def _recipes() -> dict[str, Recipe]:
    tiers = {
        "reveal-common": Recipe(0.9, (*arpeggio(["E5", "G5"], 0.09, 0.8, MARIMBA),), peak=0.35),
        "reveal-uncommon": Recipe(
            1.0, (*arpeggio(["C5", "E5", "G5"], 0.09, 0.9, MARIMBA),), peak=0.4
        ),
        "reveal-rare": Recipe(
            1.4,
            (
                *arpeggio(["C5", "E5", "G5", "C6"], 0.09, 1.2, BELL),
                *sparkles(3, 3, 0.4, 0.6, 0.12),
            ),
        ),
        "reveal-very-rare": Recipe(
            1.9,
            (
                *arpeggio(["G4", "C5", "E5", "G5", "C6"], 0.08, 1.5, BELL),
                *chord(["C5", "E5", "G5"], 0.45, 1.4, SOFT, 0.35),
                *sparkles(4, 5, 0.4, 1.0, 0.12),
            ),
        ),
        "reveal-legendary": Recipe(
            3.2,
            (
                *arpeggio(["C4", "G4", "C5", "E5", "G5", "C6", "E6"], 0.085, 1.6, BELL, level=0.9),
                *chord(["C4", "G4", "C5", "E5", "G5"], 0.62, 2.5, SOFT, 0.5),
                *arpeggio(["G5", "C6"], 0.16, 1.8, BELL, start=1.3, level=0.7),
                *sparkles(5, 10, 0.5, 2.2, 0.12),
            ),
            peak=0.55,
        ),
        # a Lost species: low, slow and quiet, a minor chord that fades away
        "reveal-lost": Recipe(
            3.0,
            (
                *arpeggio(["A3", "C4", "E4"], 0.28, 2.6, SOFT, level=0.55),
                *chord(["A3", "E4", "A4"], 0.9, 2.1, SOFT, 0.25),
            ),
            peak=0.25,
        ),
    }
    return {
        # logging an action: two quick rising marimba notes
        "log": Recipe(0.6, tuple(arpeggio(["G5", "C6"], 0.08, 0.5, MARIMBA, level=0.9))),
        # the card turning over
        "flip": Recipe(
            0.35, (swish(1, 0.3, 0.9), Tone(note("C6"), 0.22, 0.13, 0.25, MARIMBA)), peak=0.3
        ),
        **tiers,
        "badge": Recipe(
            1.3,
            (
                *arpeggio(["E6", "G6", "C7"], 0.11, 1.0, GLASS, level=0.7),
                *sparkles(6, 3, 0.35, 0.5, 0.1),
            ),
        ),
        "edition-complete": Recipe(
            3.6,
            (
                *arpeggio(["C5", "E5", "G5"], 0.16, 0.5, MARIMBA),
                *arpeggio(["E5", "G5", "C6"], 0.16, 0.5, MARIMBA, start=0.6),
                *chord(["C4", "G4", "C5", "E5", "G5", "C6"], 1.2, 2.4, BELL, 0.7),
                *sparkles(7, 12, 1.2, 2.0, 0.12),
            ),
        ),
        # a quiet tap for pressing a button or moving the focus
        "tap": Recipe(0.12, (Tone(note("A5"), 0.0, 0.11, 0.35, MARIMBA, attack=0.002),), peak=0.2),
    }


SOUNDS = tuple(_recipes())


def render(recipe: Recipe) -> bytes:
    """The recipe as a 16-bit mono WAV file, its peak scaled to the recipe's."""
    buffer = [0.0] * round(recipe.length * RATE)
    for part in recipe.parts:
        if isinstance(part, Tone):
            part.add_to(buffer)
        else:
            part(buffer)
    loudest = max(abs(x) for x in buffer) or 1.0
    scale = recipe.peak * 32767 / loudest
    fade = round(0.01 * RATE)  # start and end at silence
    for i in range(fade):
        buffer[i] *= i / fade
        buffer[-1 - i] *= i / fade
    frames = struct.pack(f"<{len(buffer)}h", *(round(x * scale) for x in buffer))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the .wav files")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a file differs from its recipe",
    )
    args = parser.parse_args(argv)
    if not args.check:
        args.out.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, recipe in _recipes().items():
        path = args.out / f"{name}.wav"
        data = render(recipe)
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path.name)
            continue
        path.write_bytes(data)
        print(f"{path}: {recipe.length:.2f} s, {len(data) // 1024} KiB")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python tools/make_sounds.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
