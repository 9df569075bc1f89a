"""The player's language: gettext lookups, plurals by the catalog's rules, numbers and dates.

English strings in the code are the message ids; ``data/locale/<tag>.po`` translates them
(translators edit it with Poedit or Weblate). The catalog is compiled in memory when the game
starts, so there is no build step. Anything missing or broken in a catalog falls back to English,
and every problem is logged as ``path:line: error: message``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import logging
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale

from game.core.languages import SOURCE_LANGUAGE
from game.core.messages import Message, message_of
from game.i18n.catalogs import CatalogProblem, babel_locale, catalog_path, read_catalog, usable

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from babel.numbers import NumberPattern

# Babel's formatting modules (dates, numbers, lists, the .mo writer) are imported where they are
# used: the first frame of the game, in English, needs none of them.

log = logging.getLogger(__name__)


def _compiled(catalog: Catalog) -> gettext.NullTranslations:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out, as gettext does
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class Translator:
    """Translates the game's words into one language. Built once by the app and shared."""

    def __init__(
        self,
        lang: str = SOURCE_LANGUAGE,
        catalog: Catalog | None = None,
        problems: Iterable[CatalogProblem] = (),
    ) -> None:
        self.lang = lang
        self._numbers: dict[tuple[object, ...], str] = {}
        self.locale: Locale = babel_locale(lang)
        self.problems = list(problems)  # what was wrong with the catalog (already logged)
        self._gettext = _compiled(catalog) if catalog is not None else gettext.NullTranslations()

    @classmethod
    def load(cls, lang: str, locale_dir: Path) -> Translator:
        """The translator for ``lang``, from ``locale_dir/<lang>.po``.

        Problems in the catalog are logged and kept in ``problems``: a catalog that cannot be
        read gives English everywhere; an entry with a problem gives English for that entry.
        """
        if lang == SOURCE_LANGUAGE:
            return cls(lang)
        path = catalog_path(locale_dir, lang)
        if not path.is_file():
            problems = [CatalogProblem(path, 1, f"there is no catalog for '{lang}'")]
            catalog = None
        else:
            catalog, problems = read_catalog(path)
        for problem in problems:
            log.error("%s (English is shown instead)", problem)
        return cls(lang, usable(catalog, problems) if catalog is not None else None, problems)

    # -- words -----------------------------------------------------------------------------

    def __call__(self, text: str, /, **values: Any) -> str:
        """``text`` in the player's language, with ``values`` filled in.

        ``text`` may be a :class:`Message` from the rules or the saves; values given here win
        over the message's own.
        """
        if isinstance(text, Message):
            values = {**text.values, **values}
            text = text.template
        if not text:
            return text
        return self._fill(text, self._gettext.gettext(text), values)

    def plural(self, count: float, one: str, other: str, /, **values: Any) -> str:
        """The form of ``one``/``other`` the language uses for ``count`` (gettext's ngettext);
        ``{count}`` is filled in as a number of the player's locale."""
        return self._fill(
            one if count == 1 else other,
            self._gettext.ngettext(one, other, _plural_n(count)),
            {"count": count, **values},
        )

    def error(self, exc: BaseException) -> str:
        """What ``exc`` says, in the player's language."""
        return self(message_of(exc))

    def _fill(self, english: str, translated: str, values: dict[str, Any]) -> str:
        if not values:
            return translated
        shown = {name: self.value(value) for name, value in values.items()}
        try:
            return translated.format(**shown)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            log.error(
                "the %s translation of %r does not fit its values (%s); English is shown",
                self.lang,
                english,
                exc,
            )
            return english.format(**shown)

    def value(self, value: Any) -> str:
        """How a value reads inside a sentence: messages translated, numbers and dates in the
        player's locale, deck texts in the player's language."""
        if isinstance(value, Message):
            return self(value)
        if isinstance(value, bool) or value is None:
            return str(value)
        if isinstance(value, int | float):
            return self.number(value)
        if isinstance(value, dt.datetime):
            return self.datetime(value)
        if isinstance(value, dt.date):
            return self.date(value)
        get = getattr(value, "get", None)  # a deck Text: its words in this language
        if callable(get) and hasattr(value, "en"):
            return str(get(self.lang))
        return str(value)

    # -- numbers, dates, lists (Babel, for the player's locale) ----------------------------

    def number(self, value: float, digits: int | None = None) -> str:
        """``1,234`` / ``12.5``: grouped for the locale; ``digits`` fixes the decimals."""

        def made() -> str:
            from babel.numbers import format_decimal

            if digits is None:
                return str(format_decimal(value, locale=self.locale))
            pattern = _with_digits(self.locale.decimal_formats.get(None), digits)
            return str(pattern.apply(value, self.locale))

        return self._kept(("number", type(value), value, digits), made)

    def percent(self, fraction: float, digits: int = 0) -> str:
        """``12%`` / ``12.5%`` / ``12,5 %`` for 0.125, in the locale's own pattern."""

        def made() -> str:
            from babel.numbers import format_percent

            if self.locale.percent_formats.get(None) is None:
                return str(format_percent(fraction, locale=self.locale))
            pattern = _with_digits(self.locale.percent_formats.get(None), digits)
            return str(pattern.apply(fraction, self.locale))

        return self._kept(("percent", type(fraction), fraction, digits), made)

    def _kept(self, key: tuple[object, ...], made: Callable[[], str]) -> str:
        """A formatted number, kept once made: screens show the same few numbers every frame,
        and Babel takes tens of microseconds for each (a millisecond of a 1920x1080 frame)."""
        shown = self._numbers.get(key)
        if shown is None:
            shown = made()
            if len(self._numbers) >= 4096:
                self._numbers.clear()
            self._numbers[key] = shown
        return shown

    def date(self, day: dt.date, style: str = "medium") -> str:
        """``Dec 6, 2026`` / ``2026年12月6日``."""
        from babel.dates import format_date

        return format_date(day, format=style, locale=self.locale)

    def day_month(self, day: dt.date, *, numeric: bool = False) -> str:
        """``Dec 6`` / ``12月6日`` (numeric: ``12/6``): a day of this year."""
        from babel.dates import format_skeleton

        return format_skeleton("Md" if numeric else "MMMd", day, locale=self.locale)

    def datetime(self, moment: dt.datetime, style: str = "short") -> str:
        from babel.dates import format_datetime

        return format_datetime(moment, format=style, locale=self.locale)

    def join(self, items: Iterable[str]) -> str:
        """``a, b, and c`` / ``a、b和c``."""
        from babel.lists import format_list

        words = list(items)
        return format_list(words, locale=self.locale) if words else ""


def _with_digits(pattern: NumberPattern | None, digits: int) -> NumberPattern:
    """The locale's number pattern with exactly ``digits`` decimals."""
    from babel.numbers import parse_pattern

    copied = parse_pattern(pattern.pattern if pattern is not None else "#,##0.###")
    copied.frac_prec = (digits, digits)
    return copied


def _plural_n(count: float) -> int:
    """gettext chooses forms for whole numbers; a fraction (1.5 km) reads like a plural."""
    if isinstance(count, int):
        return count
    return int(count) if float(count).is_integer() else max(2, math.ceil(count))
