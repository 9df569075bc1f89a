"""Every eco-action shows its arithmetic, and its energy follows the catalogue's rounding rule."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from game.core.content import load_content
from game.core.models import Action

ROOT = Path(__file__).resolve().parent.parent.parent
ACTIONS = list(
    load_content(ROOT / "data", ROOT / "assets", today=dt.date(2026, 11, 23)).actions.values()
)


def step(grams: int) -> int:
    """The rounding step of data/actions.yaml's header: 1, 5, 10 or 100 g."""
    return 1 if grams < 10 else 5 if grams < 100 else 10 if grams < 1000 else 100


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.id)
def test_energy_is_the_result_the_source_text_works_out(action: Action) -> None:
    text = action.source.text
    assert f"{action.energy_g:,} g" in text or f"{action.energy_g} g" in text, text


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.id)
def test_energy_is_a_friendly_number_of_the_documented_step(action: Action) -> None:
    assert action.energy_g % step(action.energy_g) == 0


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.id)
def test_a_rounded_figure_is_never_rounded_up(action: Action) -> None:
    text = action.source.text
    if "rounded down to" not in text:
        return
    worked_out = text.split("rounded down to")[0]
    number, unit = re.findall(r"([\d][\d,]*(?:\.\d+)?) (kg|g)\b", worked_out)[-1]
    grams = float(number.replace(",", "")) * (1000 if unit == "kg" else 1)
    assert grams >= action.energy_g, text
    assert grams - action.energy_g < step(action.energy_g), text  # the nearest step down
