"""The validated content cache.

The cache must give back exactly what validating gives, and must never be trusted when it is
damaged, cut short, stale or of another format: it is then ignored and written again.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from game.core import content as content_module
from game.core.content import Content, load_content
from game.core.problems import ContentError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES, folder)
    (tmp_path / "assets" / "cards").mkdir(parents=True)
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "saves" / "cache"


def load(data: Path, cache: Path | None) -> Content:
    return load_content(data, data.parent / "assets", cache_dir=cache, today=TODAY)


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("content-*"))


def same(a: Content, b: Content) -> bool:
    return (a.editions, a.species, a.actions, a.tree_equivalent, a.warnings) == (
        b.editions,
        b.species,
        b.actions,
        b.tree_equivalent,
        b.warnings,
    )


@pytest.fixture
def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, validating fails the test: the content must come from the cache."""

    def refuse(*args: Any, **kwargs: Any) -> Content:
        raise AssertionError("validated in-process")

    monkeypatch.setattr(content_module, "_validate", refuse)


def test_a_cached_load_gives_the_same_content(data: Path, cache: Path) -> None:
    fresh = load(data, cache)
    assert fresh.warnings, "the fixture deck should give warnings, so that they are compared"
    assert len(cache_files(cache)) == 1
    assert same(load(data, cache), fresh)
    assert same(load(data, None), fresh)


def test_an_unchanged_deck_is_read_from_the_cache(
    data: Path, cache: Path, request: pytest.FixtureRequest
) -> None:
    fresh = load(data, cache)
    request.getfixturevalue("no_validation")
    assert same(load(data, cache), fresh)


def test_the_cache_stays_in_the_cache_folder(data: Path, cache: Path) -> None:
    before = sorted(p.name for p in data.rglob("*"))
    load(data, cache)
    assert sorted(p.name for p in data.rglob("*")) == before
    assert [p.parent for p in cache_files(cache)] == [cache]


def test_a_changed_deck_is_validated_again(data: Path, cache: Path) -> None:
    load(data, cache)
    species = data / "species.yaml"
    first = next(sp for sp in load(data, None).species.values())
    text = species.read_text(encoding="utf-8")
    assert f"en: {first.name.en}" in text
    species.write_text(
        text.replace(f"en: {first.name.en}", "en: Renamed Creature", 1), encoding="utf-8"
    )
    assert load(data, cache).species[first.id].name.en == "Renamed Creature"
    assert len(cache_files(cache)) == 1, "the stale cache file is removed"


def test_a_changed_deck_with_an_error_is_reported_not_read_from_the_cache(
    data: Path, cache: Path
) -> None:
    load(data, cache)
    species = data / "species.yaml"
    species.write_text(
        species.read_text(encoding="utf-8").replace("category: ", "categry: ", 1), encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load(data, cache)
    assert any("did you mean 'category'" in p.message for p in caught.value.errors)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: b"not json at all\n" + raw, id="garbage-first-line"),
        pytest.param(lambda raw: raw[: len(raw) // 2], id="cut-mid-line"),
        pytest.param(
            lambda raw: raw[: raw.rindex(b"\n", 0, len(raw) - 1) + 1], id="last-species-missing"
        ),
        pytest.param(
            lambda raw: raw.replace(b'"category":"', b'"category":"XX', 1), id="invalid-value"
        ),
        pytest.param(lambda raw: raw.replace(b'"format":', b'"format":1', 1), id="other-format"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: b"\xff\xfe\x00garbage", id="binary"),
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(data: Path, cache: Path, damage: Any) -> None:
    fresh = load(data, cache)
    [path] = cache_files(cache)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    assert same(load(data, cache), fresh)
    [rebuilt] = cache_files(cache)
    assert rebuilt.read_bytes() == good


def test_an_old_cache_file_is_ignored_and_removed(data: Path, cache: Path) -> None:
    cache.mkdir(parents=True)
    old = cache / "content-0123456789abcdef0123456789abcdef.json"
    old.write_text('{"format": 1, "bundle": {}, "warnings": []}', encoding="utf-8")
    load(data, cache)
    assert old not in cache_files(cache)
    assert len(cache_files(cache)) == 1


def test_an_unwritable_cache_only_costs_speed(data: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "saves"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    assert same(load(data, blocker / "cache"), load(data, None))


def test_a_missing_art_file_means_validating_again(data: Path, cache: Path) -> None:
    art = data.parent / "assets" / "cards" / "otter.png"
    art.write_bytes(b"\x89PNG\r\n\x1a\n")
    species = data / "species.yaml"
    text = species.read_text(encoding="utf-8")
    first_id = next(iter(load(data, None).species))
    with_art = f"id: {first_id}\n    art: cards/otter.png\n"
    species.write_text(text.replace(f"id: {first_id}\n", with_art, 1), encoding="utf-8")
    assert load(data, cache).species[first_id].art == "cards/otter.png"
    art.unlink()
    with pytest.raises(ContentError) as caught:
        load(data, cache)
    assert any("art file not found" in p.message for p in caught.value.errors)
