"""The Simplified Chinese catalog covers every word the game shows, and nothing else.

The words are found in the code itself (with ``ast``, so nothing is imported or run): every string
literal passed to ``tr``/``self.tr``/``ctx.tr``/``self.ctx.tr``, both words of a ``.plural`` call,
the values of a module-level table looked up inside a ``tr`` call (``tr(TRENDS[trend])``,
``tr(MEANINGS.get(code, ""))``), and the
``title``/``back_label`` class attributes that ``ScreenScene`` passes through ``tr``. A few keys
reach ``tr`` at run time and are computed here from code and data rather than listed by hand:

- action units (``self.tr(action.unit)``): the unit vocabulary and the units used in
  ``data/actions.yaml``;
- error messages shown with ``tr(str(exc))``: the messages raised with the exception classes
  (and their subclasses) that such handlers catch. A message built with an f-string cannot be
  a key as written; a catalog key is accepted when it is one rendering of such an f-string.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
DATA = ROOT / "data"
CATALOG = DATA / "locale" / "zh-Hans.yaml"
FONTS = [
    ROOT / "assets" / "fonts" / name for name in ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")
]
SCENE_ATTRIBUTES = ("title", "back_label")  # class attributes ScreenScene shows through tr


@dataclass(frozen=True)
class Word:
    text: str
    where: str  # "game/scenes/home.py:42", for messages


@dataclass
class CodeWords:
    words: list[Word]  # literal words the code translates
    errors: list[Word]  # literal messages of exceptions that reach tr(str(exc))
    error_patterns: list[tuple[re.Pattern[str], str]]  # f-string messages, as regexes


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(GAME.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _name(node: ast.expr) -> str | None:
    """``RuleError`` for ``RuleError`` and ``economy.RuleError``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_tr(call: ast.Call) -> bool:
    return _name(call.func) == "tr"


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_tables(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level ``NAME = {key: "text", ...}`` tables, by name."""
    tables: dict[str, list[str]] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Dict):
            values = [_literal(v) for v in stmt.value.values]
            for target in stmt.targets:
                if isinstance(target, ast.Name) and all(v is not None for v in values):
                    tables[target.id] = [v for v in values if v is not None]
    return tables


def _table_lookup(node: ast.expr) -> str | None:
    """``TABLE`` for ``TABLE[key]`` and ``TABLE.get(key, ...)``."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return node.value.id
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
    ):
        return node.func.value.id
    return None


def _class_bases() -> dict[str, set[str]]:
    bases: dict[str, set[str]] = {}
    for _, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(n for n in map(_name, node.bases) if n)
    return bases


def _subclasses_of(roots: set[str], bases: dict[str, set[str]]) -> set[str]:
    found = set(roots)
    grew = True
    while grew:
        grew = False
        for cls, parents in bases.items():
            if cls not in found and parents & found:
                found.add(cls)
                grew = True
    return found


def _fstring_pattern(node: ast.JoinedStr) -> re.Pattern[str]:
    parts = [re.escape(v.value) if isinstance(v, ast.Constant) else ".+?" for v in node.values]
    return re.compile("".join(parts), re.DOTALL)


def _shows(call: ast.AST, name: str) -> bool:
    """``call`` is ``tr(str(name))`` or ``tr.error(name)``: the exception reaches the player."""
    if not isinstance(call, ast.Call) or not call.args:
        return False
    arg = call.args[0]
    if isinstance(call.func, ast.Attribute) and call.func.attr == "error":
        return isinstance(arg, ast.Name) and arg.id == name
    return (
        _is_tr(call)
        and isinstance(arg, ast.Call)
        and _name(arg.func) == "str"
        and len(arg.args) == 1
        and isinstance(arg.args[0], ast.Name)
        and arg.args[0].id == name
    )


def _shown_exceptions() -> set[str]:
    """Exception classes caught by a handler that shows ``tr.error(exc)`` to the player."""
    shown: set[str] = set()
    for _, tree in _modules():
        for handler in ast.walk(tree):
            if not isinstance(handler, ast.ExceptHandler) or not handler.name:
                continue
            translated = any(
                _shows(call, handler.name) for stmt in handler.body for call in ast.walk(stmt)
            )
            if translated and handler.type is not None:
                types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
                shown.update(n for n in map(_name, types) if n)
    return shown


@cache
def code_words() -> CodeWords:
    bases = _class_bases()
    scenes = _subclasses_of({"Scene"}, bases)
    shown = _subclasses_of(_shown_exceptions(), bases)
    result = CodeWords([], [], [])
    # a table may be defined in one module (game.core.vocab) and translated in another
    tables = {name: words for _, tree in _modules() for name, words in _module_tables(tree).items()}
    for path, tree in _modules():
        for node in ast.walk(tree):
            where = f"{path}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and node.args:
                if _name(node.func) == "Message" and (text := _literal(node.args[0])):
                    result.errors.append(Word(text, where))  # a translatable sentence
                elif _is_tr(node):
                    first = node.args[0]
                    if (text := _literal(first)) is not None:
                        result.words.append(Word(text, where))
                    elif (table := _table_lookup(first)) in tables:
                        result.words += [Word(t, where) for t in tables[table] if t]
                elif isinstance(node.func, ast.Attribute) and node.func.attr == "plural":
                    result.words += [
                        Word(t, where) for t in map(_literal, node.args[1:3]) if t is not None
                    ]
            elif isinstance(node, ast.ClassDef) and node.name in scenes:
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and (text := _literal(stmt.value))
                        and any(
                            isinstance(t, ast.Name) and t.id in SCENE_ATTRIBUTES
                            for t in stmt.targets
                        )
                    ):
                        result.words.append(Word(text, f"{path}:{stmt.lineno}"))
            elif (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and _name(node.exc.func) in shown
                and node.exc.args
            ):
                message = node.exc.args[0]
                if (text := _literal(message)) is not None:
                    result.errors.append(Word(text, where))
                elif isinstance(message, ast.JoinedStr):
                    result.error_patterns.append((_fstring_pattern(message), where))
    return result


@cache
def action_units() -> frozenset[str]:
    """Every unit an action may have, and every unit the shipped actions use."""
    from game.core.vocab import ACTION_UNITS

    actions = yaml.load(
        (DATA / "actions.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )
    items = actions.get("actions", actions) if isinstance(actions, dict) else actions
    used = {
        a["unit"]
        for a in (items.values() if isinstance(items, dict) else items)
        if isinstance(a, dict) and "unit" in a
    }
    return frozenset(ACTION_UNITS) | frozenset(used)


@cache
def catalog() -> dict[str, str]:
    loaded = yaml.load(CATALOG.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert isinstance(loaded, dict), f"{CATALOG} must be a mapping of English to Chinese"
    return loaded


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# -- the catalog is well formed ------------------------------------------------------------------


def test_catalog_loads_with_the_fast_loader_as_text_to_text() -> None:
    bad = [
        f"{k!r}: {v!r}"
        for k, v in catalog().items()
        if not isinstance(k, str) or not isinstance(v, str) or not v.strip()
    ]
    assert not bad, "entries that are not English text to Chinese text:\n" + "\n".join(bad)


def test_catalog_has_no_duplicate_keys() -> None:
    # PyYAML keeps the last of two equal keys without a word; the node tree still has both.
    root = yaml.compose(CATALOG.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    seen: dict[str, int] = {}
    duplicates = []
    for key, _ in root.value:
        if key.value in seen:
            duplicates.append(
                f"{CATALOG.name}:{key.start_mark.line + 1}: {key.value!r} "
                f"(first on line {seen[key.value]})"
            )
        seen.setdefault(key.value, key.start_mark.line + 1)
    assert not duplicates, "\n".join(duplicates)


def test_every_translation_keeps_the_placeholders_of_its_english() -> None:
    wrong = []
    for english, chinese in catalog().items():
        try:
            chinese.format(**dict.fromkeys(fields(chinese), "1"))
        except (ValueError, IndexError, KeyError) as exc:
            wrong.append(f"{english!r}: {chinese!r} does not format ({exc})")
            continue
        if fields(english) != fields(chinese):
            wrong.append(
                f"{english!r}: {sorted(fields(english))} but {chinese!r}: {sorted(fields(chinese))}"
            )
    assert not wrong, "\n".join(wrong)


# -- the catalog matches the code ----------------------------------------------------------------


def test_the_scan_finds_words_in_every_kind_of_place() -> None:
    """Guards the scanner itself: if the code changes shape, an empty scan must not pass."""
    words = code_words()
    texts = {w.text for w in words.words}
    assert any(w.where.startswith("game/scenes/") for w in words.words)
    assert "Back" in texts  # ScreenScene.back_label
    assert words.errors and words.error_patterns
    assert action_units()


def test_every_word_the_code_translates_is_in_the_catalog() -> None:
    missing = sorted(
        {f"{w.where}: {w.text!r}" for w in code_words().words if w.text not in catalog()}
    )
    assert not missing, "not in zh-Hans.yaml:\n" + "\n".join(missing)


def test_every_error_message_shown_to_players_is_in_the_catalog() -> None:
    missing = sorted(
        {f"{w.where}: {w.text!r}" for w in code_words().errors if w.text not in catalog()}
    )
    assert not missing, "not in zh-Hans.yaml:\n" + "\n".join(missing)


def test_every_action_unit_is_in_the_catalog() -> None:
    missing = sorted(action_units() - catalog().keys())
    assert not missing, f"units not in zh-Hans.yaml: {missing}"


def test_catalog_has_no_stale_keys() -> None:
    words = code_words()
    known = {w.text for w in words.words} | {w.text for w in words.errors} | action_units()
    stale = [
        key
        for key in catalog()
        if key not in known and not any(p.fullmatch(key) for p, _ in words.error_patterns)
    ]
    assert not stale, (
        "in zh-Hans.yaml but no longer in the code (remove, or re-key to the new "
        "English):\n" + "\n".join(map(repr, stale))
    )


# -- the bundled font can draw every translation -------------------------------------------------


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
    for english, chinese in catalog().items():
        assert font.render(chinese, True, (0, 0, 0)).get_width() > 0
        for ch in set(chinese) - set(string.whitespace):
            if font.metrics(ch)[0] is None or picture(ch) == tofu:
                missing.setdefault(ch, set()).add(english)
    assert not missing, "\n".join(
        f"U+{ord(ch):04X} {ch!r} in {sorted(used)}" for ch, used in sorted(missing.items())
    )
