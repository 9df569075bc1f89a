"""Every catalog in data/locale covers every word the game shows, and the bundled font draws it.

The strings are found the way translators get them: Babel's extraction over the code (the
marks are in ``game/i18n/extract.py``, the files in ``babel.cfg``). A scan of the code with
``ast`` guards the extraction itself: every literal passed to ``tr``, ``plural``, ``N_``,
``N_plural`` or ``Message`` must be in the template, and every error raised to players must be a
``Message`` (a plain string there would never reach a catalog).
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from game.core.languages import catalog_languages
from game.i18n.catalogs import TEMPLATE_NAME, babel_locale, catalog_path, languages
from game.i18n.extract import check, template

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
LOCALE = ROOT / "data" / "locale"
TRANSLATED = catalog_languages(LOCALE)[1:]
FONTS = [
    ROOT / "assets" / "fonts" / name for name in ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
]
MARKS = {"tr": (0,), "plural": (1, 2), "N_": (0,), "N_plural": (0, 1), "Message": (0,)}
PLAYER_ERRORS = {"RuleError", "SaveError", "ProfileBusy"}


@cache
def code_template() -> Catalog:
    return template(ROOT)


@cache
def english_ids() -> frozenset[str]:
    ids: set[str] = set()
    for message in code_template():
        if message.id:
            ids.update([message.id] if isinstance(message.id, str) else message.id)
    return frozenset(ids)


def read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, abort_invalid=True)


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(GAME.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


# -- the languages are the catalogs --------------------------------------------------------------


def test_there_is_a_translated_catalog_to_check() -> None:
    assert TRANSLATED, "no data/locale/<tag>.po: the checks below would pass on nothing"


def test_the_languages_are_english_and_the_catalogs_each_with_its_own_name() -> None:
    found = languages(LOCALE)
    assert list(found) == ["en", *sorted(p.stem for p in LOCALE.glob("*.po"))]
    assert all(name and name != tag for tag, name in found.items() if tag != "en")


def test_the_command_line_offers_exactly_those_languages() -> None:
    from game.cli import build_parser

    lang = next(a for a in build_parser()._actions if a.dest == "lang")
    assert list(lang.choices or []) == list(languages(LOCALE))


# -- the code's words and the template -----------------------------------------------------------


def test_extraction_sees_every_literal_the_code_translates() -> None:
    missed = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or (mark := _name(node.func)) not in MARKS:
                continue
            if mark == "plural" and not isinstance(node.func, ast.Attribute):
                continue
            for index in MARKS[mark]:
                arg = node.args[index] if index < len(node.args) else None
                text = arg.value if isinstance(arg, ast.Constant) else None
                if isinstance(text, str) and text and text not in english_ids():
                    missed.append(f"{path}:{node.lineno}: {text!r}")
    assert not missed, (
        "marked in the code but not extracted (is a translated call nested "
        "inside another call's arguments?):\n" + "\n".join(missed)
    )


def test_errors_raised_to_players_are_messages() -> None:
    plain = [
        f"{path}:{node.lineno}"
        for path, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and _name(node.exc.func) in PLAYER_ERRORS
        and node.exc.args
        and isinstance(node.exc.args[0], ast.Constant | ast.JoinedStr)
    ]
    assert not plain, "raise these with Message(...) so they are translated:\n" + "\n".join(plain)


def test_the_committed_template_matches_the_code() -> None:
    committed = {m.id for m in read(LOCALE / TEMPLATE_NAME) if m.id}
    wanted = {m.id for m in code_template() if m.id}
    assert committed == wanted, (
        "data/locale/messages.pot is stale: run python tools/catalogs.py update"
    )


# -- every catalog -------------------------------------------------------------------------------


def test_every_catalog_is_complete_and_well_formed() -> None:
    problems = check(ROOT, LOCALE)
    assert not problems, "\n".join(map(str, problems)) + "\n(python tools/catalogs.py update)"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_catalog_has_the_plural_rules_of_its_language(lang: str) -> None:
    catalog = read(catalog_path(LOCALE, lang))
    assert catalog.num_plurals == get_plural(babel_locale(lang)).num_plurals
    plurals = [m for m in catalog if m.id and not isinstance(m.id, str)]
    assert plurals and all(len(m.string) == catalog.num_plurals and all(m.string) for m in plurals)


# -- the bundled font can draw every translation -------------------------------------------------


def _translations() -> Iterator[tuple[str, str]]:
    for lang in TRANSLATED:
        for message in read(catalog_path(LOCALE, lang)):
            if not message.id:
                continue
            english = message.id if isinstance(message.id, str) else message.id[0]
            strings = [message.string] if isinstance(message.string, str) else message.string
            yield from ((english, text) for text in strings if text)


@pytest.fixture(scope="module", params=FONTS, ids=lambda p: p.stem)
def font(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    import pygame

    pygame.font.init()
    return pygame.font.Font(request.param, 24)


def test_the_bundled_font_has_a_glyph_for_every_character(font) -> None:  # type: ignore[no-untyped-def]
    import pygame

    def picture(ch: str) -> bytes:
        return pygame.image.tobytes(font.render(ch, True, (0, 0, 0), (255, 255, 255)), "RGB")

    # ``metrics`` is not None for a character the subset font lacks (it measures the .notdef
    # box instead), so a missing glyph is also recognised by drawing the same box as a private
    # use character that no font maps.
    tofu = picture("\ue000")
    missing: dict[str, set[str]] = {}
    for english, translated in _translations():
        assert font.render(translated, True, (0, 0, 0)).get_width() > 0
        for ch in set(translated) - set(string.whitespace):
            if font.metrics(ch)[0] is None or picture(ch) == tofu:
                missing.setdefault(ch, set()).add(english)
    assert not missing, "\n".join(
        f"U+{ord(ch):04X} {ch!r} in {sorted(used)}" for ch, used in sorted(missing.items())
    )
