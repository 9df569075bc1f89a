"""Reading IUCN answers into deck terms: pure functions, no server."""

from __future__ import annotations

import pytest

from game.editor.iucn import (
    SpeciesProblem,
    choose_assessment,
    deck_category,
    parse_taxon,
    split_name,
    status_from,
)

GLOBAL = [{"description": {"en": "Global"}, "code": "1"}]
EUROPE = [{"description": {"en": "Europe"}, "code": "2"}]


def item(aid: int, year: str, *, latest: bool, scopes: list | None = None, **extra: object) -> dict:
    return {
        "assessment_id": aid,
        "sis_taxon_id": 1,
        "year_published": year,
        "latest": latest,
        "url": f"https://www.iucnredlist.org/species/1/{aid}",
        "scopes": GLOBAL if scopes is None else scopes,
        **extra,
    }


def test_latest_is_per_scope_so_the_global_one_is_chosen() -> None:
    chosen, notes = choose_assessment(
        [item(2, "2024", latest=True, scopes=EUROPE), item(1, "2020", latest=True)], "X y"
    )
    assert chosen["assessment_id"] == 1
    assert notes == []


def test_scope_is_recognised_by_its_description_too() -> None:
    chosen, _ = choose_assessment(
        [
            item(2, "2024", latest=True, scopes=EUROPE),
            item(1, "2020", latest=True, scopes=[{"description": {"en": "Global"}}]),
        ],
        "X y",
    )
    assert chosen["assessment_id"] == 1


def test_without_a_latest_flag_the_newest_global_year_wins() -> None:
    chosen, notes = choose_assessment(
        [
            item(1, "2008", latest=False),
            item(2, "2019", latest=False),
            item(3, "2023", latest=False, scopes=EUROPE),
        ],
        "X y",
    )
    assert chosen["assessment_id"] == 2
    assert any("newest year_published" in n for n in notes)


def test_only_regional_assessments_is_reported_not_used() -> None:
    with pytest.raises(SpeciesProblem, match="Europe"):
        choose_assessment([item(3, "2023", latest=True, scopes=EUROPE)], "X y")


def test_no_assessment_is_reported() -> None:
    with pytest.raises(SpeciesProblem, match="no assessment"):
        choose_assessment([], "X y")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("EN", "EN"),
        ("lc", "LC"),
        ("LR/lc", "LC"),
        ("LR/nt", "NT"),
        ("LR/cd", "NT"),
    ],
)
def test_categories_map_to_deck_codes(raw: str, expected: str) -> None:
    assert deck_category(raw)[0] == expected


def test_unknown_old_category_is_reported_without_a_crash() -> None:
    category, note = deck_category("Ex?")
    assert category is None
    assert note and "by hand" in note


def test_2025_item_category_is_preferred_to_the_assessment() -> None:
    status = status_from(
        item(1, "2021", latest=True, red_list_category_code="EN"),
        {"red_list_category": {"code": "VU"}},
    )
    assert status.category == "EN"


def test_2024_item_takes_category_and_details_from_the_assessment() -> None:
    status = status_from(
        item(7, "2017", latest=True),
        {
            "red_list_category": {
                "version": "3.1",
                "description": {"en": "Critically Endangered"},
                "code": "CR",
            },
            "population_trend": {"description": {"en": "Decreasing"}, "code": "1"},
            "criteria": "A3d",
            "citation": "Someone. 2017. A citation.",
            "year_published": "2017",
        },
    )
    assert (status.category, status.year, status.trend, status.criteria) == (
        "CR",
        2017,
        "decreasing",
        "A3d",
    )
    assert status.citation == "Someone. 2017. A citation."


@pytest.mark.parametrize(
    ("trend", "expected"),
    [
        (None, "unknown"),
        ({"description": {"en": "Stable"}, "code": "2"}, "stable"),
        ({"description": {"en": "Increasing"}, "code": "0"}, "increasing"),
        ({"description": {"en": "Unknown"}, "code": "3"}, "unknown"),
        ({"description": {"en": "Decreasing"}}, "decreasing"),
    ],
)
def test_population_trend_codes(trend: object, expected: str) -> None:
    status = status_from(
        item(1, "2020", latest=True, red_list_category_code="LC"), {"population_trend": trend}
    )
    assert status.trend == expected


def test_year_published_is_a_string_in_the_answer() -> None:
    status = status_from(item(1, "2016", latest=True, red_list_category_code="EN"), {})
    assert status.year == 2016


def test_missing_url_is_built_from_the_ids() -> None:
    raw = item(9, "2016", latest=True, red_list_category_code="EN")
    del raw["url"]
    assert status_from(raw, {}).url == "https://www.iucnredlist.org/species/1/9"


def test_common_name_language_as_object_or_string() -> None:
    taxon = parse_taxon(
        {
            "scientific_name": "A b",
            "common_names": [
                {"main": False, "name": "Other", "language": "eng"},
                {"main": True, "name": "Main", "language": {"code": "eng"}},
                {"main": True, "name": "鲸鲨", "language": "zho"},
            ],
        },
        "A b",
    )
    assert taxon.common_name("eng") == "Main"
    assert taxon.common_name("zho") == "鲸鲨"


def test_trinomial_is_split_with_an_infra_name() -> None:
    assert split_name("Neophocaena asiaeorientalis asiaeorientalis") == {
        "genus_name": "Neophocaena",
        "species_name": "asiaeorientalis",
        "infra_name": "asiaeorientalis",
    }
