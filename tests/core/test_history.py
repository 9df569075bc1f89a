"""A species' Red List history: the model keeps it honest, the rules read its last change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from game.core.content import load_content
from game.core.history import improved, last_change, modern
from game.core.models import Iucn, Species
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 23)
URL = "https://www.iucnredlist.org/species/712/121745669"


def iucn(**fields: Any) -> Iucn:
    base: dict[str, Any] = {"category": "VU", "year": 2016, "trend": "increasing", "url": URL}
    return Iucn.model_validate(base | fields, context={"today": TODAY})


def test_years_read_as_numbers_or_text_are_the_same_history() -> None:
    assert iucn(history={2008: "EN"}).history == iucn(history={"2008": "EN"}).history


def test_the_timeline_runs_oldest_first_and_ends_with_the_latest() -> None:
    assessment = iucn(history={"2008": "EN", "1996": "EN", "1990": "E"})
    assert assessment.timeline() == [(1990, "E"), (1996, "EN"), (2008, "EN"), (2016, "VU")]


@pytest.mark.parametrize("year", ["2016", "2020"])
def test_history_holds_only_earlier_assessments(year: str) -> None:
    with pytest.raises(ValidationError, match="not before the latest assessment"):
        iucn(history={year: "EN"})


def test_history_before_the_first_red_list_is_refused() -> None:
    with pytest.raises(ValidationError, match="before 1964"):
        iucn(history={"1950": "EN"})


def test_an_unknown_code_in_history_is_refused() -> None:
    with pytest.raises(ValidationError):
        iucn(history={"2008": "XX"})


def test_the_last_change_is_found_past_unchanged_and_unrated_years() -> None:
    change = last_change([(1996, "EN"), (2008, "EN"), (2012, "DD"), (2016, "VU")])
    assert change == ("EN", "VU", 2016) and improved(change)


def test_old_codes_compare_as_todays_nearest_category() -> None:
    assert modern("LR/lc") == "LC" and modern("E") == "EN" and modern("CR") == "CR"
    change = last_change([(1994, "LR/lc"), (2012, "LC"), (2015, "VU")])
    assert change == ("LC", "VU", 2015) and not improved(change)


def test_a_history_without_a_change_of_risk_has_no_last_change() -> None:
    assert last_change([(2008, "EN"), (2016, "EN")]) is None
    assert last_change([(2008, "DD"), (2016, "EN")]) is None


def test_a_trade_block_needs_a_cites_appendix() -> None:
    species: dict[str, Any] = {
        "id": "tiger",
        "edition": "forest",
        "name": {"en": "Tiger", "zh-Hans": "虎"},
        "scientific_name": "Panthera tigris",
        "group": "cat",
        "iucn": {"category": "EN", "year": 2022, "url": URL},
        "facts": {"en": ["Stripes."]},
        "trade": {"goods": {"en": ["Tiger bone wine"]}, "cites": "I"},
    }
    assert Species.model_validate(species, context={"today": TODAY}).trade is not None
    species["trade"]["cites"] = "IV"
    with pytest.raises(ValidationError):
        Species.model_validate(species, context={"today": TODAY})


def test_a_citation_or_a_note_saying_why_there_is_none_but_not_both() -> None:
    assert iucn(citation_note="Category from the IUCN press release of 2025.").citation is None
    with pytest.raises(ValidationError, match="either citation"):
        iucn(citation="A. 2016. X y. The IUCN Red List 2016: e.T1A2.", citation_note="none")


def test_every_bundled_species_has_a_citation_or_a_note_saying_why_not() -> None:
    content = load_content(ROOT / "data", ROOT / "assets", today=TODAY)
    missing = [
        s.id for s in content.species.values() if not (s.iucn.citation or s.iucn.citation_note)
    ]
    assert missing == []
    exact = [s for s in content.species.values() if "/species/" in s.iucn.url]
    assert len(exact) * 4 >= len(content.species) * 3  # three cards in four: the assessment itself
