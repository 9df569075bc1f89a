"""Settings: machine-wide defaults in the saves folder, and each player's own choices.

``<saves>/settings.json`` holds this computer's defaults (what the player list is shown with);
``profiles/<id>/settings.json`` holds what one player chose, applied when they open their game.
A player's file keeps only what they changed, so a teacher's new default still reaches every
player who never touched that setting. Every write is atomic; a damaged file is set aside and
the defaults are used, so a broken settings file never keeps anyone from playing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from game.saves.atomic import CorruptFile, dump_json, quarantine, read_json, write_atomic

log = logging.getLogger("ecocards")

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1
MAX_SETTINGS_BYTES = 64 * 1024
VOLUME_STEP = 10
TEXT_SIZES = (100, 125, 150)  # percent of the normal text size
PALETTES = ("standard", "colour-blind")  # the ids of game.ui.theme's palettes


@dataclass(frozen=True)
class Settings:
    lang: str = "en"
    reduced_motion: bool = False
    volume: int = 80  # percent
    mute: bool = False
    fullscreen: bool = False
    avatar: str = ""  # the picture of a player (a group name); empty: chosen from the name
    text_size: int = 100  # percent, one of TEXT_SIZES
    palette: str = "standard"  # one of PALETTES

    def changed(self, **values: Any) -> Settings:
        """A copy with ``values``; the volume is kept between 0 and 100, and a text size or
        palette the game does not have becomes the nearest size or the standard palette."""
        new = replace(self, **values)
        return replace(
            new,
            volume=min(100, max(0, new.volume)),
            text_size=min(TEXT_SIZES, key=lambda size: abs(size - new.text_size)),
            palette=new.palette if new.palette in PALETTES else PALETTES[0],
        )


_TYPES = {f.name: type(getattr(Settings(), f.name)) for f in fields(Settings)}


def _valid(data: object) -> dict[str, Any]:
    """The known keys of ``data`` whose values have the right type (others are dropped)."""
    if not isinstance(data, dict):
        return {}
    return {
        key: value
        for key, value in data.items()
        if key in _TYPES and type(value) is _TYPES[key]  # bool is not an int here
    }


def read_overrides(path: Path, now: dt.datetime) -> dict[str, Any]:
    """The settings stored in ``path`` ({} when there is none); a damaged file is set aside."""
    try:
        data = read_json(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return {}
    except CorruptFile as exc:
        log.warning("settings file %s is damaged (%s); using the defaults", path, exc.reason)
        with contextlib.suppress(OSError):
            quarantine(path, now)
        return {}
    except OSError as exc:
        log.warning("settings file %s cannot be read (%s); using the defaults", path, exc)
        return {}
    values = _valid(data.get("settings") if isinstance(data, dict) else None)
    return values


def write_overrides(path: Path, values: dict[str, Any]) -> None:
    """Store ``values`` in ``path`` atomically; raises OSError when it cannot be written."""
    document = {"schema_version": SETTINGS_VERSION, "settings": _valid(values)}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dump_json(document))


class SettingsStore:
    """The settings files of one saves folder."""

    def __init__(self, saves_dir: Path) -> None:
        self.defaults_path = saves_dir / SETTINGS_FILE
        self.profiles_dir = saves_dir / "profiles"

    def player_path(self, profile_id: str) -> Path:
        return self.profiles_dir / profile_id / SETTINGS_FILE

    def machine(self, now: dt.datetime, base: Settings | None = None) -> Settings:
        """This computer's defaults, over ``base`` (what the game starts with)."""
        return (base or Settings()).changed(**read_overrides(self.defaults_path, now))

    def player(self, profile_id: str, now: dt.datetime, base: Settings | None = None) -> Settings:
        """What ``profile_id`` plays with: their choices over this computer's defaults."""
        own = read_overrides(self.player_path(profile_id), now)
        return self.machine(now, base).changed(**own)

    def avatar(self, profile_id: str, now: dt.datetime) -> str:
        """The picture ``profile_id`` chose ("" when none yet)."""
        value = read_overrides(self.player_path(profile_id), now).get("avatar", "")
        return str(value)

    def save_machine(
        self, settings: Settings, now: dt.datetime, base: Settings | None = None
    ) -> None:
        """Keep what differs from what the game starts with (and what was set before)."""
        before = read_overrides(self.defaults_path, now)
        start = base or Settings()
        values = {
            key: value
            for key, value in asdict(settings).items()
            if key != "avatar"  # a picture belongs to a player
            and (key in before or value != getattr(start, key))
        }
        write_overrides(self.defaults_path, values)

    def save_player(
        self, profile_id: str, settings: Settings, now: dt.datetime, base: Settings | None = None
    ) -> None:
        """Keep what differs from this computer's defaults (and what the player set before)."""
        machine = self.machine(now, base)
        own = read_overrides(self.player_path(profile_id), now)
        values = {
            key: value
            for key, value in asdict(settings).items()
            if key in own or value != getattr(machine, key)
        }
        write_overrides(self.player_path(profile_id), values)
