"""Safe, bounded YAML reading that remembers where every key and value came from.

Content files are read from the event stream of libyaml, so that hostile input is refused before it
can cost time or memory: anchors and aliases (the "billion laughs" and merge-key bombs), tags other
than the plain YAML types (``!!python/object`` and friends), very deep nesting, oversized files,
duplicate keys and invalid UTF-8 are all reported as problems with their line and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from game.core.problems import ContentError, Problem, Severity, display_path

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32

try:  # libyaml is several times faster; fall back to the pure-Python parser where it is missing.
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_resolver = Resolver()
_constructor = SafeConstructor()


Position = tuple[int, int]


@dataclass
class YamlDocument:
    """Parsed data plus the 1-based line and column of every key and value in it."""

    path: Path
    data: Any
    # id(container) -> {key or index: (key position, value position)}
    _marks: dict[int, dict[Any, tuple[Position, Position]]] = field(default_factory=dict, repr=False)
    _starts: dict[int, Position] = field(default_factory=dict, repr=False)

    @property
    def shown_path(self) -> str:
        return display_path(self.path)

    def locate(self, loc: Sequence[Any], *, key: bool = False) -> Position:
        """Position of the node at ``loc``, or of the deepest existing ancestor.

        With ``key=True`` a mapping entry points at its key rather than its value, which is what an
        editor wants to see for an unknown or misspelt key.
        """
        node = self.data
        best = self._starts.get(id(node), (1, 1))
        for i, step in enumerate(loc):
            marks = self._marks.get(id(node))
            if marks is None or step not in marks:
                break
            key_pos, value_pos = marks[step]
            last = i == len(loc) - 1
            best = key_pos if (key and last) else value_pos
            node = node[step]
        return best

    def problem(self, loc: Sequence[Any], message: str, *, key: bool = False,
                severity: Severity = Severity.ERROR) -> Problem:
        line, col = self.locate(loc, key=key)
        return Problem(self.shown_path, line, col, severity, message)


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _scalar_value(event: Any) -> Any:
    tag = event.tag
    if tag is not None and tag != "!" and not event.implicit[0]:
        # An explicit tag: only the plain YAML scalar types are allowed.
        if tag not in _PLAIN_TAGS:
            raise _Refused(event.start_mark, f"the tag '{tag}' is not allowed in content files")
    else:
        if event.style:  # quoted or block scalar: always text
            return event.value
        tag = _resolver.resolve(ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return _constructor.construct_object(node)
    except (ConstructorError, ValueError) as exc:
        raise _Refused(event.start_mark, f"cannot read '{event.value}' as {tag.rsplit(':', 1)[-1]}") from exc


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


_HINTS = (
    ("mapping values are not allowed", "a ':' where a value was expected: put text containing ': ' "
     "in quotes"),
    ("could not find expected ':'", "a line without 'key: value': check the indentation above"),
)


def _syntax_message(exc: yaml.MarkedYAMLError, source: str) -> str:
    problem = exc.problem or "invalid YAML"
    text = f"{exc.context} {problem}" if exc.context else problem
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(source):
        char = source[mark.index]
        if char == "\t":
            return "YAML syntax: a tab character; YAML indents with spaces only"
        text += f" ({char!r})"  # libyaml does not name the character
    for needle, hint in _HINTS:
        if needle in text:
            return f"YAML syntax: {hint}"
    return f"YAML syntax: {text}"


def read_text(path: Path) -> str:
    """The file's text, refusing oversized files and invalid UTF-8 with a located problem."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError([Problem(shown, 1, 1, Severity.ERROR,
                                        f"file is {size / 2**20:.0f} MiB; the limit is "
                                        f"{MAX_FILE_BYTES // 2**20} MiB")])
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(shown, 1, 1, Severity.ERROR,
                                    f"cannot read file: {exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ContentError([Problem(shown, line, col, Severity.ERROR,
                                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                                    "save the file as UTF-8")]) from exc
    return text.removeprefix("\ufeff")


def load_yaml(path: Path, text: str | None = None) -> YamlDocument:
    """Parse one content file. Raises :class:`ContentError` with located problems."""
    if text is None:
        text = read_text(path)
    doc = YamlDocument(path=path, data=None)
    shown = doc.shown_path
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise ContentError([Problem(shown, 1, 1, Severity.ERROR, "file is empty")])

    stack: list[tuple[Any, Any]] = []  # (container, pending key for mappings or None)
    key_marks: list[Position | None] = []
    documents = 0
    root: Any = None
    marks = doc._marks
    starts = doc._starts

    def attach(value: Any, start: Any) -> bool:
        """Put a finished value into its parent; False when it opened the document root."""
        nonlocal root
        if not stack:
            root = value
            return False
        parent, pending = stack[-1]
        if isinstance(parent, list):
            marks[id(parent)][len(parent)] = (_pos(start), _pos(start))
            parent.append(value)
        elif pending is _NO_KEY:
            if not isinstance(value, str | int | float | bool) and value is not None:
                raise _Refused(start, "a key must be plain text")
            key = str(value) if not isinstance(value, str) else value
            if key in parent:
                raise _Refused(start, f"duplicate key '{key}'")
            stack[-1] = (parent, key)
            key_marks.append(_pos(start))
        else:
            marks[id(parent)][pending] = (key_marks.pop(), _pos(start))
            parent[pending] = value
            stack[-1] = (parent, _NO_KEY)
        return True

    try:
        for event in yaml.parse(text, Loader=_Parser):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None:
                    raise _Refused(event.start_mark, "anchors (&name) are not allowed; "
                                   "write the value out in full")
                attach(_scalar_value(event), event.start_mark)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    raise _Refused(event.start_mark, "anchors (&name) are not allowed; "
                                   "write the value out in full")
                if event.tag is not None and not event.implicit and event.tag not in _PLAIN_TAGS:
                    raise _Refused(event.start_mark,
                                   f"the tag '{event.tag}' is not allowed in content files")
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
                container: Any = {} if kind is yaml.MappingStartEvent else []
                marks[id(container)] = {}
                starts[id(container)] = _pos(event.start_mark)
                attach(container, event.start_mark)
                stack.append((container, _NO_KEY if kind is yaml.MappingStartEvent else None))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.AliasEvent:
                raise _Refused(event.start_mark, "aliases (*name) are not allowed; "
                               "write the value out in full")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(event.start_mark, "only one YAML document per file ('---')")
    except _Refused as exc:
        line, col = _pos(exc.mark)
        raise ContentError([Problem(shown, line, col, Severity.ERROR, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark is not None else (1, 1)
        raise ContentError([Problem(shown, line, col, Severity.ERROR, _syntax_message(exc, text))]) from None
    except yaml.reader.ReaderError as exc:  # control characters: a position, not a mark
        before = text[: exc.position]
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        raise ContentError([Problem(shown, line, col, Severity.ERROR,
                                    f"control character U+{code:04X} is not allowed in "
                                    "YAML")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(shown, 1, 1, Severity.ERROR, f"YAML: {exc}")]) from None

    doc.data = root
    if root is not None and id(root) not in starts:
        starts[id(root)] = (1, 1)
    return doc


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()
