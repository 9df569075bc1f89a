"""Command line: parse the options, build the app, run it, and return its exit code."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from game import __version__
from game.config import LOCALE_DIR, Config
from game.i18n import languages


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"'{text}' is outside 320x240 .. 7680x4320")
    return width, height


def _percent(text: str) -> int:
    if not re.fullmatch(r"\s*\d{1,3}\s*", text) or int(text) > 100:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to 100")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    defaults = Config()
    parser = argparse.ArgumentParser(
        prog="ecocards",
        description="EcoCards: log everyday eco-actions, earn green energy, and collect real "
        "IUCN Red List species cards.",
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        default=defaults.data_dir,
        help="content folder with species.yaml, actions.yaml and decks/ "
        "(default: the game's data/ folder)",
    )
    parser.add_argument(
        "--saves",
        metavar="DIR",
        type=Path,
        default=defaults.saves_dir,
        help="where player profiles, logs and caches are kept (default: the game's saves/ folder)",
    )
    spoken = languages(LOCALE_DIR)  # English and every catalog in data/locale
    parser.add_argument(
        "--lang",
        choices=list(spoken),
        default=defaults.lang,
        help="language of the game: "
        + ", ".join(f"{tag} ({name})" for tag, name in spoken.items())
        + " (default: en)",
    )
    parser.add_argument(
        "--fullscreen", action="store_true", help="start in fullscreen (F11 toggles it)"
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        type=_size,
        default=defaults.window_size,
        help="window size, e.g. 1920x1080 (default: 1280x720); the picture scales to fit",
    )
    parser.add_argument(
        "--seed",
        metavar="N",
        type=int,
        default=None,
        help="seed for the card draws, to make a session reproducible",
    )
    parser.add_argument(
        "--volume",
        metavar="N",
        type=_percent,
        default=defaults.volume,
        help="sound volume from 0 to 100 (default: 80)",
    )
    parser.add_argument("--mute", action="store_true", help="no sound")
    parser.add_argument("--reduced-motion", action="store_true", help="turn off animations")
    parser.add_argument("--version", action="version", version=f"EcoCards {__version__}")
    return parser


# Options that a player's saved settings would otherwise set
SETTING_OPTIONS = ("lang", "fullscreen", "reduced_motion", "volume", "mute")


def given_options(argv: Sequence[str] | None) -> frozenset[str]:
    """The settings options written on the command line (they win over saved settings)."""
    parser = build_parser()
    for action in parser._actions:  # parse again with no defaults: only what was typed is set
        action.default = argparse.SUPPRESS
    given = vars(parser.parse_args(argv))
    return frozenset(name for name in SETTING_OPTIONS if name in given)


def parse_config(argv: Sequence[str] | None = None) -> Config:
    args = build_parser().parse_args(argv)
    return Config(
        data_dir=args.data.expanduser(),
        saves_dir=args.saves.expanduser(),
        lang=args.lang,
        fullscreen=args.fullscreen,
        window_size=args.size,
        seed=args.seed,
        reduced_motion=args.reduced_motion,
        volume=args.volume,
        mute=args.mute,
        forced=given_options(argv),
    )


def main(argv: Sequence[str] | None = None) -> int:
    config = parse_config(argv)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app import App  # pygame is imported only once the options are known to be good

    return App(config).run()


if __name__ == "__main__":
    sys.exit(main())
