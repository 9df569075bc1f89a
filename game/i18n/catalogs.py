"""Reading and checking the gettext catalogs (``data/locale/<tag>.po``) with Babel.

A catalog is what translators edit (Poedit, Weblate); this module reads one and reports every
problem as ``path:line: error: message``: a syntax error, a header without ``Language`` or
``Plural-Forms``, a translation whose ``{placeholders}`` differ from its English, or a plural
entry with the wrong number of forms. Nothing is silently ignored: the game logs each problem and
shows English where a translation cannot be trusted; the tests and ``tools/catalogs.py check``
fail.
"""

from __future__ import annotations

import io
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

from game.core.languages import CATALOG_SUFFIX, SOURCE_LANGUAGE, catalog_languages

if TYPE_CHECKING:  # read_catalog imports them: the game in English reads no catalog
    from babel.messages.catalog import Catalog, Message

TEMPLATE_NAME = "messages.pot"


@dataclass(frozen=True)
class CatalogProblem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: error: {self.message}"


def catalog_path(locale_dir: Path, lang: str) -> Path:
    return locale_dir / f"{lang}{CATALOG_SUFFIX}"


def babel_locale(lang: str) -> Locale:
    """The Babel locale of a language tag (``zh-Hans`` -> ``zh_Hans``); English if unknown."""
    try:
        return Locale.parse(lang, sep="-")
    except (ValueError, UnknownLocaleError):
        return Locale.parse(SOURCE_LANGUAGE)


def language_name(lang: str) -> str:
    """A language's name in that language ("English", "中文 (简体)")."""
    return babel_locale(lang).get_display_name() or lang


def languages(locale_dir: Path) -> dict[str, str]:
    """Every language the game can be played in, by tag, with its own name; English first."""
    return {tag: language_name(tag) for tag in catalog_languages(locale_dir)}


def fields(text: str) -> set[str]:
    """The ``{placeholders}`` of a str.format template; ValueError if it is not one."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def read_catalog(path: Path) -> tuple[Catalog | None, list[CatalogProblem]]:
    """The catalog at ``path`` and every problem in it.

    A catalog that cannot be parsed is None. Entries with a problem stay in the returned catalog;
    :func:`usable` drops them.
    """
    from babel.messages.pofile import PoFileError, read_po

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [CatalogProblem(path, 1, f"cannot read the catalog: {exc}")]
    tag = path.name.removesuffix(CATALOG_SUFFIX)
    try:
        catalog = read_po(io.StringIO(text), locale=babel_locale(tag), abort_invalid=True)
    except PoFileError as exc:
        return None, [CatalogProblem(path, exc.lineno + 1, f"not a valid PO file: {exc.args[0]}")]
    except (ValueError, UnknownLocaleError) as exc:
        return None, [CatalogProblem(path, 1, f"not a valid PO file: {exc}")]
    return catalog, header_problems(path, text, catalog) + [
        problem for message in catalog for problem in entry_problems(path, message, catalog)
    ]


def header_problems(path: Path, text: str, catalog: Catalog) -> list[CatalogProblem]:
    headers = dict(catalog.mime_headers)
    problems = []
    tag = path.name.removesuffix(CATALOG_SUFFIX)
    language = headers.get("Language", "").replace("_", "-")
    if not language:
        problems.append(CatalogProblem(path, 1, f"the header has no 'Language: {tag}'"))
    elif language != tag:
        problems.append(
            CatalogProblem(
                path, 1, f"the header says 'Language: {language}' but the file is named for '{tag}'"
            )
        )
    # Babel fills in a default when the header has none, so the file itself is looked at.
    if "Plural-Forms:" not in text:
        problems.append(
            CatalogProblem(
                path, 1, f"the header has no 'Plural-Forms' (for {tag}: {_plural_forms(tag)})"
            )
        )
    return problems


def _plural_forms(tag: str) -> str:
    from babel.messages.plurals import get_plural

    return str(get_plural(babel_locale(tag)))


def entry_problems(path: Path, message: Message, catalog: Catalog) -> list[CatalogProblem]:
    """What is wrong with one translated entry (an untranslated or fuzzy one is just missing)."""
    if not message.id or message.fuzzy or not _translated(message):
        return []
    line = message.lineno or 1
    english = [message.id] if isinstance(message.id, str) else list(message.id)
    shown = english[0][:60]
    try:
        wanted = set().union(*(fields(e) for e in english))
    except ValueError as exc:
        return [
            CatalogProblem(path, line, f"{shown!r}: the English is not a valid template ({exc})")
        ]
    forms = strings(message)
    if not isinstance(message.id, str):
        given = len([f for f in forms if f])  # Babel pads missing forms with empty strings
        if given != catalog.num_plurals:
            return [
                CatalogProblem(
                    path,
                    line,
                    f"{shown!r}: {given} plural forms, but Plural-Forms says {catalog.num_plurals}",
                )
            ]
    problems = []
    for form in forms:
        try:
            got = fields(form)
            form.format(**dict.fromkeys(got, "1"))
        except (ValueError, KeyError, IndexError) as exc:
            problems.append(
                CatalogProblem(
                    path,
                    line,
                    f"{shown!r}: the translation {form!r} is not a valid template ({exc})",
                )
            )
            continue
        # A plural form may leave out {count} ("one" can be written as a word), nothing else.
        allowed_missing = {"count"} if not isinstance(message.id, str) else set()
        if not got <= wanted or not wanted - allowed_missing <= got:
            problems.append(
                CatalogProblem(
                    path,
                    line,
                    f"{shown!r}: the translation {form!r} has placeholders "
                    f"{sorted(got)} but the English has {sorted(wanted)}",
                )
            )
    return problems


def strings(message: Message) -> list[str]:
    """An entry's translation, or its plural forms, as a list."""
    if isinstance(message.string, str):
        return [message.string]
    return list(message.string or ())


def _translated(message: Message) -> bool:
    return any(strings(message))


def usable(catalog: Catalog, problems: Iterable[CatalogProblem]) -> Catalog:
    """``catalog`` without the entries that have a problem (they fall back to English)."""
    bad_lines = {p.line for p in problems}
    for message in list(catalog):
        if message.id and message.lineno in bad_lines:
            del catalog[message.id]
    return catalog
