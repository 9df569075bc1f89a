"""Round-trip editing of deck files: change a few values, keep everything else byte for byte.

ruamel.yaml keeps comments, key order, flow or block style and quoting. A file is only edited
when ruamel.yaml reproduces it exactly before any change (indentation is detected by trying the
usual layouts), so the only lines that can change are the ones a tool meant to change.
"""

from __future__ import annotations

import copy
import difflib
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import ScalarString

from game.core.content import ACTIONS_FILE, DECKS_DIR, content_files, load_content
from game.core.problems import ContentError, Problem, display_path
from game.core.yamlsrc import read_text

IUCN_ORDER = ("category", "year", "trend", "criteria", "url", "citation")
# (mapping, sequence, offset) layouts to try, the house style first.
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (2, 4, 0), (4, 6, 4), (4, 4, 0), (4, 2, 0))


class DeckError(Exception):
    """A deck file that cannot be read or edited; the message is one ``path:line:col`` line."""


@dataclass
class DeckSpecies:
    """One species entry as found in a deck file (not validated)."""

    deck: DeckFile
    index: int
    id: str
    line: int
    raw: CommentedMap

    @property
    def scientific_name(self) -> str | None:
        value = self.raw.get("scientific_name")
        return value.strip() if isinstance(value, str) else None

    @property
    def edition(self) -> str | None:
        value = self.raw.get("edition")
        return value if isinstance(value, str) else None

    @property
    def iucn(self) -> Mapping[str, Any] | None:
        value = self.raw.get("iucn")
        return value if isinstance(value, Mapping) else None

    @property
    def names(self) -> Mapping[str, Any]:
        value = self.raw.get("name")
        return value if isinstance(value, Mapping) else {}

    @property
    def where(self) -> str:
        return f"{self.deck.shown_path}:{self.line}"


def _yaml(layout: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.allow_unicode = True
    mapping, sequence, offset = layout
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


class DeckFile:
    def __init__(
        self, path: Path, text: str, data: Any, yaml: YAML, *, exact: bool, newline: str = "\n"
    ) -> None:
        self.path = path
        self.text = text
        self.data = data
        # A file of comments only loads as nothing; its text is kept in front of new content.
        self._prefix = text if data is None and text.strip() else ""
        self.yaml = yaml
        self.exact = exact
        self.newline = newline
        self.changed = False

    @classmethod
    def load(cls, path: Path) -> DeckFile:
        try:
            text = read_text(path)
        except ContentError as exc:
            raise DeckError(str(exc.problems[0])) from None
        newline = "\r\n" if "\r\n" in text else "\n"
        text = text.replace("\r\n", "\n")
        data = None
        for layout in _LAYOUTS:
            yaml = _yaml(layout)
            try:
                data = yaml.load(text)
            except MarkedYAMLError as exc:
                mark = exc.problem_mark or exc.context_mark
                line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise DeckError(
                    f"{display_path(path)}:{line}:{col}: error: YAML: {exc.problem or exc.context}"
                ) from None
            except YAMLError as exc:
                raise DeckError(f"{display_path(path)}:1:1: error: YAML: {exc}") from None
            if data is None or _dump(yaml, data) == text:
                return cls(path, text, data, yaml, exact=True, newline=newline)
        return cls(path, text, data, _yaml(_LAYOUTS[0]), exact=False, newline=newline)

    @classmethod
    def new(cls, path: Path) -> DeckFile:
        """A deck file that does not exist yet."""
        return cls(path, "", None, _yaml(_LAYOUTS[0]), exact=True)

    @property
    def shown_path(self) -> str:
        return display_path(self.path)

    def species(self) -> list[DeckSpecies]:
        items = self.data.get("species") if isinstance(self.data, Mapping) else None
        if not isinstance(items, CommentedSeq):
            return []
        found = []
        for index, item in enumerate(items):
            if isinstance(item, CommentedMap) and isinstance(item.get("id"), str):
                line = items.lc.item(index)[0] + 1 if items.lc.data else 1
                found.append(DeckSpecies(self, index, str(item["id"]), line, item))
        return found

    def edition_ids(self) -> list[str]:
        items = self.data.get("editions") if isinstance(self.data, Mapping) else None
        if not isinstance(items, list):
            return []
        return [str(e["id"]) for e in items if isinstance(e, Mapping) and "id" in e]

    def _check_editable(self) -> None:
        if self.exact:
            return
        first = _first_difference(self.text, _dump(self.yaml, self.data))
        raise DeckError(
            f"{self.shown_path}:{first}:1: error: ruamel.yaml cannot keep this "
            "file's layout exactly (first at this line), so it is not edited; "
            "make the indentation regular or edit it by hand"
        )

    def set_iucn(self, species: DeckSpecies, changes: Mapping[str, Any]) -> None:
        """Set ``iucn`` fields of one species; a value of None removes the key."""
        self._check_editable()
        iucn = species.raw.get("iucn")
        if not isinstance(iucn, CommentedMap):
            raise DeckError(
                f"{species.where}:1: error: '{species.id}' has no iucn mapping to update"
            )
        for key in IUCN_ORDER:
            if key not in changes:
                continue
            value = changes[key]
            if value is None:
                if key in iucn:
                    _remove_key(iucn, key)
            elif key in iucn:
                old = iucn[key]
                iucn[key] = (
                    type(old)(value)
                    if isinstance(old, ScalarString) and isinstance(value, str)
                    else value
                )
            else:
                before = [k for k in IUCN_ORDER[: IUCN_ORDER.index(key)] if k in iucn]
                after_key = before[-1] if before else None
                position = list(iucn).index(after_key) + 1 if after_key else 0
                _insert_key(iucn, position, after_key, key, value)
            self.changed = True

    def append_species(self, entry: CommentedMap) -> None:
        self._check_editable()
        if self.data is None:
            self.data = CommentedMap()
        if not isinstance(self.data, CommentedMap):
            raise DeckError(f"{self.shown_path}:1:1: error: the top level is not a mapping")
        items = self.data.get("species")
        if items is None:
            self.data["species"] = CommentedSeq([entry])
        elif isinstance(items, CommentedSeq):
            items.append(entry)
        else:
            raise DeckError(f"{self.shown_path}:1:1: error: 'species' is not a list")
        self.changed = True

    def render(self) -> str:
        if self.data is None:
            return self.text
        prefix = (
            self._prefix if not self._prefix or self._prefix.endswith("\n") else self._prefix + "\n"
        )
        return prefix + _dump(self.yaml, self.data)

    def written_text(self) -> str:
        return self.render().replace("\n", self.newline)

    def diff(self) -> str:
        """A unified diff from the file on disk to what :meth:`render` would write."""
        shown = self.shown_path
        before, after = (
            (shown, shown) if Path(shown).is_absolute() else (f"a/{shown}", f"b/{shown}")
        )
        lines = difflib.unified_diff(
            self.text.splitlines(keepends=True),
            self.render().splitlines(keepends=True),
            fromfile=before,
            tofile=after,
        )
        return "".join(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            for line in lines
        )

    def line_of(self, species_id: str) -> int:
        """The line of a species in the rendered text (for messages after an edit)."""
        reloaded = self.yaml.load(self.render())
        items = reloaded.get("species") if isinstance(reloaded, Mapping) else None
        if not isinstance(items, CommentedSeq):
            return 1
        for index, item in enumerate(items):
            if isinstance(item, Mapping) and item.get("id") == species_id:
                return int(items.lc.item(index)[0]) + 1
        return 1


def _dump(yaml: YAML, data: Any) -> str:
    stream = StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _first_difference(old: str, new: str) -> int:
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if a != b:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


def _split_comment(value: str) -> tuple[str, str]:
    """An end-of-line comment token holds the rest of its own line and then any blank or
    comment lines that follow; split the two."""
    end = value.find("\n")
    return (value, "") if end < 0 else (value[: end + 1], value[end + 1 :])


def _insert_key(mapping: CommentedMap, position: int, after_key: Any, key: str, value: Any) -> None:
    mapping.insert(position, key, value)
    token = mapping.ca.items.get(after_key, [None] * 4)[2] if after_key is not None else None
    if token is None:
        return
    own, tail = _split_comment(token.value)
    if tail:  # blank or comment lines after the key now follow the new key
        moved = copy.copy(token)
        moved.value = "\n" + tail
        token.value = own
        mapping.ca.items[key] = [None, None, moved, None]


def _remove_key(mapping: CommentedMap, key: str) -> None:
    keys = list(mapping)
    index = keys.index(key)
    token = mapping.ca.items.pop(key, [None] * 4)[2]
    del mapping[key]
    if token is None or index == 0:
        return
    _, tail = _split_comment(token.value)
    if not tail:
        return
    previous = keys[index - 1]
    slot = mapping.ca.items.setdefault(previous, [None, None, None, None])
    if slot[2] is None:
        moved = copy.copy(token)
        moved.value = "\n" + tail
        slot[2] = moved
    else:
        slot[2].value = slot[2].value + tail


# --- the deck set ---------------------------------------------------------------------------


def deck_paths(data_dir: Path) -> list[Path]:
    """The content files that can hold editions and species, in load order."""
    return [
        p
        for p in content_files(data_dir)
        if p.exists() and not (p.name == ACTIONS_FILE and p.parent.name != DECKS_DIR)
    ]


def load_decks(data_dir: Path) -> list[DeckFile]:
    return [DeckFile.load(path) for path in deck_paths(data_dir)]


def validate_with(data_dir: Path, assets_dir: Path, replaced: Mapping[Path, str]) -> list[Problem]:
    """Every problem :func:`load_content` finds in ``data_dir`` as it would be with the
    ``replaced`` texts, located in the real files. Nothing in ``data_dir`` is touched."""
    data_dir = data_dir.resolve()
    replaced = {p.resolve(): t for p, t in replaced.items()}
    with tempfile.TemporaryDirectory(prefix="ecocards-check-") as tmp:
        copy_dir = Path(tmp) / "data"
        for path in [*content_files(data_dir), *replaced]:
            path = path.resolve()
            if not (path.exists() or path in replaced):
                continue
            target = copy_dir / path.relative_to(data_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path in replaced:
                target.write_text(replaced[path], encoding="utf-8")
            else:
                shutil.copyfile(path, target)
        try:
            content = load_content(copy_dir, assets_dir)
        except ContentError as exc:
            found = exc.problems
        else:
            found = list(content.warnings)
        return [_relocate(p, copy_dir, data_dir) for p in found]


def _relocate(problem: Problem, copy_dir: Path, data_dir: Path) -> Problem:
    try:
        rel = Path(problem.path).resolve().relative_to(copy_dir.resolve())
    except ValueError:
        return problem
    return Problem(
        display_path(data_dir / rel), problem.line, problem.col, problem.severity, problem.message
    )
