"""Broken and hostile content files: each gets one clear error at the right line and column.

Every test writes a data folder (the small fixture deck plus one extra file) and asserts on the
exact message and its ``line:col``. Nothing here may raise anything but :class:`ContentError`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest

from game.core import yamlsrc
from game.core.content import load_content
from game.core.problems import ContentError, Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
TODAY = dt.date(2026, 11, 23)

# A valid deck file; the line numbers in the tests below refer to it.
OTTER = """\
species:
  - id: sea-otter
    edition: ocean
    name: {en: Sea Otter, zh-Hans: 海獭}
    scientific_name: Enhydra lutris
    group: otter
    iucn:
      category: EN
      year: 2021
      trend: decreasing
      url: https://www.iucnredlist.org/search?query=Enhydra%20lutris
    facts: {en: [Sea otters hold hands while they sleep.], zh-Hans: [海獭睡觉时会手拉手。]}
    helped_by: [skip-plastic-bag]
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A valid data folder: the fixture deck, with an empty decks/ folder for the extra file."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES, folder)
    (folder / "decks").mkdir()
    (tmp_path / "assets" / "cards").mkdir(parents=True)
    return folder


def errors(data: Path, name: str = "decks/extra.yaml") -> list[tuple[int, int, str]]:
    """(line, col, message) of every error in the file ``name`` of the data folder."""
    with pytest.raises(ContentError) as caught:
        load_content(data, data.parent / "assets", today=TODAY)
    shown = str((data / name).resolve())
    return [
        (p.line, p.col, p.message)
        for p in caught.value.problems
        if p.severity is Severity.ERROR and Path(p.path).resolve() == Path(shown)
    ]


def write(data: Path, text: str, name: str = "decks/extra.yaml") -> Path:
    path = data / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_otter_deck_is_valid(data: Path) -> None:
    write(data, OTTER)
    content = load_content(data, data.parent / "assets", today=TODAY)
    assert "sea-otter" in content.species


# --- reading the bytes --------------------------------------------------------------------


def test_a_tab_used_for_indentation_is_named(data: Path) -> None:
    write(data, OTTER.replace("    group: otter", "\tgroup: otter"))
    assert errors(data) == [
        (6, 1, "YAML syntax: a tab character at line 6, column 1; YAML indents with spaces only")
    ]


def test_invalid_utf8_points_at_the_bad_byte(data: Path) -> None:
    raw = OTTER.encode().replace(b"Sea Otter", b"Sea \xff Otter")
    (data / "decks" / "extra.yaml").write_bytes(raw)
    assert errors(data) == [(4, 20, "not valid UTF-8 (byte 0xff); save the file as UTF-8")]


def test_a_utf8_byte_order_mark_is_accepted_and_moves_no_column(data: Path) -> None:
    (data / "decks" / "extra.yaml").write_bytes(
        b"\xef\xbb\xbf" + OTTER.replace("species:", "specie:").encode()
    )
    assert errors(data) == [(1, 1, "unknown key 'specie' (did you mean 'species'?)")]


def test_a_utf16_file_is_named_as_such(data: Path) -> None:
    (data / "decks" / "extra.yaml").write_bytes(OTTER.encode("utf-16"))
    assert errors(data) == [(1, 1, "file is saved as UTF-16; save it as UTF-8")]


def test_a_control_character_is_located(data: Path) -> None:
    write(data, OTTER.replace("Sea Otter,", "Sea\x07Otter,"))
    assert errors(data) == [(4, 19, "control character U+0007 is not allowed in YAML")]


@pytest.mark.parametrize("text", ["", "\n\n   \n", "# only a comment\n# and another\n"])
def test_an_empty_file_is_an_error(data: Path, text: str) -> None:
    write(data, text)
    assert errors(data) == [(1, 1, "file is empty: it needs at least one 'key: value' line")]


def test_a_file_over_the_size_limit_is_refused_before_reading(data: Path) -> None:
    path = data / "decks" / "extra.yaml"
    with path.open("wb") as fh:  # sparse: costs no disk space and is never read
        fh.truncate(yamlsrc.MAX_FILE_BYTES + 2**20)
    limit = yamlsrc.MAX_FILE_BYTES // 2**20
    assert errors(data) == [
        (
            1,
            1,
            f"file is {limit + 1} MiB; the limit is {limit} MiB: split it "
            "into several files in data/decks/",
        )
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_device_is_not_read(data: Path) -> None:
    os.symlink("/dev/zero", data / "decks" / "extra.yaml")
    assert errors(data) == [(1, 1, "not a regular file; a content file must be a plain .yaml file")]


# --- YAML structure -----------------------------------------------------------------------


def test_a_syntax_error_points_at_where_the_parser_stopped(data: Path) -> None:
    write(data, OTTER.replace("helped_by: [skip-plastic-bag]", "helped_by: [skip-plastic-bag"))
    assert errors(data) == [
        (
            14,
            1,
            "YAML syntax: the '[' at line 13, column 16 is not closed "
            "properly: by line 14, column 1 there should be a ',' "
            "between its items or a ']' to end it",
        )
    ]


def test_a_wrongly_indented_line_gets_an_indentation_hint(data: Path) -> None:
    write(data, OTTER.replace("    group: otter", "   group: otter"))
    assert errors(data) == [
        (
            6,
            4,
            "YAML syntax: line 6 is indented differently from the list "
            "begun at line 2, column 3: line its '-' up with the other "
            "items, or its key with the keys of its item",
        )
    ]


def test_a_top_level_list_is_not_a_deck(data: Path) -> None:
    write(data, "- id: sea-otter\n- id: tiger\n")
    assert errors(data) == [
        (1, 1, "the top level must be a mapping with 'editions:' and/or 'species:', not a list")
    ]


def test_a_second_document_is_refused(data: Path) -> None:
    write(data, OTTER + "---\nspecies: []\n")
    assert errors(data) == [(14, 1, "only one YAML document per file ('---')")]


def test_every_duplicate_key_is_reported(data: Path) -> None:
    write(
        data,
        OTTER.replace("    group: otter\n", "    group: otter\n    group: mammal\n").replace(
            "      trend: decreasing\n", "      trend: decreasing\n      year: 2015\n"
        ),
    )
    assert errors(data) == [
        (7, 5, "duplicate key 'group' (first at line 6); each key may appear once"),
        (12, 7, "duplicate key 'year' (first at line 10); each key may appear once"),
    ]


def test_nesting_deeper_than_the_limit_is_refused(data: Path) -> None:
    depth = yamlsrc.MAX_DEPTH
    write(data, "species: " + "[" * 5000 + "]" * 5000 + "\n")
    # the mapping is level 1, the first '[' at column 10 level 2: the refused one opens level 33
    assert errors(data) == [(1, 10 + depth - 1, f"nested more than {depth} levels deep")]


@pytest.mark.parametrize(
    ("prefix", "opener", "levels_before"),
    [
        # brackets inside quotes and comments are text: only the real ones count
        ("species: [\"[[[\", 'it''s [', # [[[ a comment\n  ", "[", 2),
        # a flow mapping inside block levels: species (1), the list (2), the entry (3)
        ("species:\n  - id: x\n    facts: ", "{a: ", 3),
    ],
)
def test_deep_flow_nesting_is_refused_at_its_bracket(
    data: Path, prefix: str, opener: str, levels_before: int
) -> None:
    depth = yamlsrc.MAX_DEPTH
    closer = "]" if opener == "[" else "}"
    text = prefix + opener * 2000 + "1" + closer * 2000 + ("]" if "[" in prefix else "") + "\n"
    write(data, text)
    refused = len(prefix) + len(opener) * (depth - levels_before)  # opens level depth + 1
    line = text.count("\n", 0, refused) + 1
    col = refused - (text.rfind("\n", 0, refused) + 1) + 1
    assert errors(data) == [(line, col, f"nested more than {depth} levels deep")]


# --- hostile YAML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object/apply:os.system ['touch {marker}']", "!!python/object/apply:os.system"),
        ("!!python/object/new:pathlib.Path ['{marker}']", "!!python/object/new:pathlib.Path"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!python/module:os", "!!python/module:os"),
        ("!<tag:yaml.org,2002:python/object:os.PathLike> {{}}", "!!python/object:os.PathLike"),
        ("!custom '{marker}'", "!custom"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {{a, b}}", "!!set"),
    ],
)
def test_python_and_other_tags_are_refused_never_run(
    data: Path, tmp_path: Path, value: str, shown: str
) -> None:
    marker = tmp_path / "ran"
    write(data, OTTER.replace("group: otter", "group: " + value.format(marker=marker)))
    assert errors(data) == [
        (
            6,
            12,
            f"the tag '{shown}' is not allowed in content files; write "
            "plain values without '!' tags",
        )
    ]
    assert not marker.exists()


def test_a_tag_directive_cannot_smuggle_a_python_tag(data: Path) -> None:
    write(
        data,
        "%TAG !p! tag:yaml.org,2002:python/\n---\n"
        + OTTER.replace("group: otter", "group: !p!name:os.system"),
    )
    assert errors(data) == [
        (
            8,
            12,
            "the tag '!!python/name:os.system' is not allowed in content "
            "files; write plain values without '!' tags",
        )
    ]


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def _merge_bomb(levels: int = 24) -> str:
    lines = ["x0: &x0 {a: 1, b: 2}"]
    lines += [f"x{i}: &x{i} {{<<: [*x{i - 1}, *x{i - 1}], k{i}: {i}}}" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BILLION_LAUGHS, (1, 4, "anchors (&name) are not allowed; write the value out in full")),
        (_merge_bomb(), (1, 5, "anchors (&name) are not allowed; write the value out in full")),
        (
            "species:\n  - *otter\n",
            (2, 5, "aliases (*name) are not allowed; write the value out in full"),
        ),
        (
            "species:\n  - <<: {id: x}\n",
            (2, 5, "merge keys ('<<') are not allowed; write the keys out in full"),
        ),
    ],
    ids=["billion-laughs", "merge-key-bomb", "alias", "merge-key"],
)
def test_alias_and_merge_bombs_are_refused_in_bounded_memory(
    data: Path, text: str, expected: tuple[int, int, str]
) -> None:
    write(data, text)
    tracemalloc.start()
    try:
        found = errors(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == [expected]
    assert peak < 20 * 2**20


def test_an_impossible_date_is_named(data: Path) -> None:
    write(data, OTTER.replace("year: 2021", "year: 2021-13-45"))
    assert errors(data) == [
        (
            9,
            13,
            "cannot read '2021-13-45' as a date (a date is written "
            "2026-01-31; put other text in quotes)",
        )
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!int", "cannot read '' as a whole number"),
        ("!!float ''", "cannot read '' as a number"),
        ("!!bool maybe", "cannot read 'maybe' as true/false"),
        (
            "!!timestamp soon",
            "cannot read 'soon' as a date (a date is written 2026-01-31; put other text in quotes)",
        ),
    ],
)
def test_a_value_that_its_tag_cannot_read_is_named(data: Path, value: str, message: str) -> None:
    write(data, OTTER.replace("year: 2021", f"year: {value}"))
    assert errors(data) == [(9, 13, message)]


def test_a_number_too_long_to_read_is_refused_without_echoing_it(data: Path) -> None:
    write(data, OTTER.replace("year: 2021", "year: " + "9" * 6000))
    assert errors(data) == [(9, 13, "a number with 6000 digits is far too long")]


# --- the models -----------------------------------------------------------------------------


def test_a_wrong_type_names_what_was_expected_and_found(data: Path) -> None:
    write(data, OTTER.replace("year: 2021", "year: twenty"))
    assert errors(data) == [(9, 13, "iucn.year: expected a whole number, got text 'twenty'")]


def test_a_bare_no_read_as_false_gets_a_quoting_hint(data: Path) -> None:
    write(data, OTTER.replace("category: EN", "category: NO"))
    assert errors(data) == [
        (
            8,
            17,
            "iucn.category: expected one of: EX, EW, CR, EN, VU, NT, LC, "
            "DD, NE; got false (YAML reads a bare yes/no/on/off as "
            "true/false: put the value in quotes)",
        )
    ]


def test_missing_required_keys_point_at_the_item(data: Path) -> None:
    write(data, OTTER.replace("    scientific_name: Enhydra lutris\n", ""))
    assert errors(data) == [(2, 5, "missing required key 'scientific_name'")]


def test_an_unknown_key_suggests_the_close_one(data: Path) -> None:
    write(data, OTTER.replace("scientific_name:", "scientfic_name:"))
    assert errors(data) == [
        (5, 5, "unknown key 'scientfic_name' (did you mean 'scientific_name'?)")
    ]


def test_an_unknown_key_without_a_close_one_lists_the_known_keys(data: Path) -> None:
    write(data, OTTER.replace("      trend: decreasing\n", "      mood: grumpy\n"))
    assert errors(data) == [
        (
            10,
            7,
            "unknown key 'mood'; expected one of: category, year, trend, "
            "criteria, url, citation, citation_note, history",
        )
    ]


def test_an_id_used_in_two_files_is_reported_with_both_places(data: Path) -> None:
    write(data, OTTER.replace("id: sea-otter", "id: whale-shark"))
    assert errors(data) == [
        (
            2,
            9,
            f"duplicate species id 'whale-shark': already defined at {data / 'species.yaml'}:10:9",
        )
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-60", "reveal_cost: -60 is out of range: it must be > 0"),
        ("0", "reveal_cost: 0 is out of range: it must be > 0"),
        (
            "100000000000000000000",
            "reveal_cost: a 21-digit number is out of range: it must be <= 1000000",
        ),
        ("60.5", "reveal_cost: expected a whole number, got 60.5"),
        (".inf", "reveal_cost: expected a whole number, got inf"),
    ],
    ids=["negative", "zero", "absurd", "fraction", "infinite"],
)
def test_numbers_out_of_range_are_refused(data: Path, value: str, message: str) -> None:
    write(data, f"editions:\n  - id: coast\n    title: {{en: Coast}}\n    reveal_cost: {value}\n")
    assert errors(data) == [(4, 18, message)]


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (2027, "iucn.year: assessment year 2027 is in the future (this year is 2026)"),
        (
            1963,
            "iucn.year: assessment year 1963 is before 1964, when the first Red List was published",
        ),
    ],
)
def test_an_assessment_year_must_be_possible(data: Path, year: int, message: str) -> None:
    write(data, OTTER.replace("year: 2021", f"year: {year}"))
    assert errors(data) == [(9, 13, message)]


def test_an_unknown_iucn_category_suggests_the_right_one(data: Path) -> None:
    write(data, OTTER.replace("category: EN", "category: en"))
    assert errors(data) == [
        (
            8,
            17,
            "iucn.category: 'en' is not allowed (did you mean 'EN'?); "
            "use one of: EX, EW, CR, EN, VU, NT, LC, DD, NE",
        )
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://www.iucnredlist.org/species/7750/164576728",
        "https://example.com/otter",
        "www.iucnredlist.org/species/7750/164576728",
        "https://www.iucnredlist.org.evil.example/x",
    ],
)
def test_a_url_that_is_not_the_red_list_is_refused(data: Path, url: str) -> None:
    write(
        data,
        OTTER.replace(
            "url: https://www.iucnredlist.org/search?query=Enhydra%20lutris", f"url: {url}"
        ),
    )
    assert errors(data) == [
        (
            11,
            12,
            f"iucn.url: '{url}' is not a Red List address: use the "
            "species' page, https://www.iucnredlist.org/species/"
            "<taxon id>/<assessment id>",
        )
    ]


# --- art paths ------------------------------------------------------------------------------


def _with_art(art: str) -> str:
    return OTTER.replace("    group: otter\n", f"    group: otter\n    art: {art}\n")


@pytest.mark.parametrize(
    "art",
    [
        "../secret.png",
        "cards/../../secret.png",
        "/etc/secret.png",
        "'C:\\secret.png'",
        "'..\\secret.png'",
    ],
)
def test_an_art_path_cannot_leave_assets(data: Path, art: str) -> None:
    write(data, _with_art(art))
    shown = art.strip("'")
    assert errors(data) == [
        (
            7,
            10,
            f"art path '{shown}' must stay inside assets/ (a relative "
            "path such as art/whale-shark.svg)",
        )
    ]


def test_an_art_symlink_cannot_lead_out_of_assets(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    try:
        os.symlink(outside, data.parent / "assets" / "cards" / "otter.png")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    write(data, _with_art("cards/otter.png"))
    assert errors(data) == [
        (7, 10, "art path 'cards/otter.png' leads outside assets/ (through a symbolic link)")
    ]


def test_an_art_path_with_a_nul_byte_is_refused(data: Path) -> None:
    write(data, _with_art('"cards/otter\\0.png"'))
    assert errors(data) == [(7, 10, "art path contains a control character")]


def test_a_missing_art_file_is_named(data: Path) -> None:
    write(data, _with_art("cards/otter.png"))
    [(line, col, message)] = errors(data)
    assert (line, col) == (7, 10)
    assert message.startswith("art file not found: ") and message.endswith("otter.png")
