"""Settings files: a player's file keeps only their own choices, over this computer's defaults."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.saves.settings import Settings, SettingsStore

NOW = dt.datetime(2026, 11, 23, 15, 30)


def test_a_player_keeps_only_what_differs_so_new_defaults_still_reach_them(
    tmp_path: Path,
) -> None:
    store = SettingsStore(tmp_path)
    store.save_player("p-00000001", Settings(mute=True), NOW)
    store.save_machine(Settings(volume=40), NOW)
    assert store.player("p-00000001", NOW) == Settings(mute=True, volume=40)


def test_values_of_the_wrong_type_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"schema_version": 1, "settings": {"volume": "loud", "mute": 1, "x": 2}}),
        "utf-8",
    )
    assert SettingsStore(tmp_path).machine(NOW) == Settings()


@given(st.integers(min_value=-1000, max_value=1000))
def test_the_volume_stays_between_0_and_100(volume: int) -> None:
    assert 0 <= Settings().changed(volume=volume).volume <= 100
