"""Translations of the game's own words (species texts carry their languages in the decks).

English strings are the keys; ``data/locale/<lang>.yaml`` maps each to its translation, so a
translator edits a data file, never code. A missing translation falls back to English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from game.core.messages import Message, message_of


class Translator:
    def __init__(self, lang: str, catalog: dict[str, str] | None = None) -> None:
        self.lang = lang
        self.catalog = catalog or {}

    @classmethod
    def load(cls, lang: str, data_dir: Path) -> Translator:
        if lang == "en":
            return cls(lang)
        path = data_dir / "locale" / f"{lang}.yaml"
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            raw = None
        catalog = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
        return cls(lang, catalog)

    def __call__(self, text: str, /, **values: Any) -> str:
        if isinstance(text, Message):  # a sentence from the rules or the saves
            values = {k: self(v) if isinstance(v, Message) else v
                      for k, v in text.values.items()} | values
            text = text.template
        translated = self.catalog.get(text, text)
        if values:
            try:
                return translated.format(**values)
            except (KeyError, IndexError, ValueError):
                return text.format(**values)
        return translated

    def error(self, exc: BaseException) -> str:
        """What ``exc`` says, in the player's language."""
        return self(message_of(exc))

    def plural(self, count: int, one: str, other: str, /, **values: Any) -> str:
        """``one`` when ``count`` is 1, else ``other`` (Chinese has one form; its catalog maps
        both keys to the same words)."""
        return self(one if count == 1 else other, count=count, **values)
