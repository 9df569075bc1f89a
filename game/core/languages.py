"""Which languages the game speaks: English, and every language with a catalog in data/locale.

The list is found, never written down: adding a language means adding its catalog
(``data/locale/<tag>.po``) and the decks' text in it. Rules code only needs the tags (to accept
deck text in those languages); :mod:`game.i18n` reads the catalogs themselves.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

SOURCE_LANGUAGE = "en"  # the language the code is written in, and every fallback
CATALOG_SUFFIX = ".po"
# A BCP 47 tag as the decks write it: language, optional script, optional region (zh-Hans, pt-BR)
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?")


def catalog_languages(locale_dir: Path) -> tuple[str, ...]:
    """English first, then the tag of every catalog in ``locale_dir``, in name order."""
    files = locale_dir.glob("*" + CATALOG_SUFFIX) if locale_dir.is_dir() else []
    found = sorted(p.name.removesuffix(CATALOG_SUFFIX) for p in files)
    return (
        SOURCE_LANGUAGE,
        *(tag for tag in found if tag != SOURCE_LANGUAGE and LANGUAGE_TAG.fullmatch(tag)),
    )


@cache
def game_languages() -> tuple[str, ...]:
    """The languages of this installation of the game (its own data/locale folder)."""
    from game.config import LOCALE_DIR

    return catalog_languages(LOCALE_DIR)
