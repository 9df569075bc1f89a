"""The game's own words in the player's language (species texts carry theirs in the decks).

- :mod:`game.i18n.translator`: :class:`Translator`, what scenes call (``tr(text, **values)``,
  ``tr.plural``, ``tr.number``, ``tr.date``...).
- :mod:`game.i18n.catalogs`: reading and checking the ``.po`` catalogs, the list of languages.
- :mod:`game.i18n.extract`: finding every translatable string in the code, and refreshing the
  template and the catalogs (``python tools/catalogs.py update``).
"""

from __future__ import annotations

from game.i18n.catalogs import CatalogProblem, language_name, languages
from game.i18n.translator import Translator

__all__ = ["CatalogProblem", "Translator", "language_name", "languages"]
