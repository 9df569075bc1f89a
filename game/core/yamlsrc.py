"""Safe, bounded YAML reading that remembers where every key and value came from.

Content files are read from the event stream of libyaml, so that hostile input is refused before it
can cost time or memory: anchors and aliases (the "billion laughs" and merge-key bombs), tags other
than the plain YAML types (``!!python/object`` and friends), very deep nesting, oversized files,
duplicate keys and invalid UTF-8 are all reported as problems with their line and column.

Lines and columns are 1-based and count characters, as in :mod:`game.core.textfile`, which
reads the file; :mod:`game.core.yamlerrors` words libyaml's syntax errors.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import sys
import typing
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.core.problems import ContentError, Problem, Severity, display_path, shorten
from game.core.textfile import (
    LINE_BREAK,
    MAX_PROBLEMS_PER_FILE,
    Position,
    check_characters,
    decode_text,
    is_blank,
    position_at,
    read_bytes,
)
from game.core.textfile import MAX_FILE_BYTES as MAX_FILE_BYTES  # for the tools and tests
from game.core.textfile import read_text as read_text  # for the editor
from game.core.yamlerrors import mark_position, syntax_message
from game.core.yamlscalars import PLAIN_TAGS, Refused, plain_text, refuse_tag, scalar_value

MAX_DEPTH = 32

try:  # libyaml is several times faster; fall back to the pure-Python parser where it is missing.
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

# The positions in one container, each packed into one number by _pack: the container's own start,
# then the key and the value position of each mapping entry in order, or the position of each
# sequence item. A tuple of tuples per key would take ten times the memory of the data it marks.
Marks: typing.TypeAlias = "array[int]"  # typecode "Q"


def _pack(line: int, col: int) -> int:
    return line << 32 | col


def _unpack(packed: int) -> Position:
    return packed >> 32, packed & 0xFFFFFFFF


def _inside(text: str, position: Position) -> Position:
    """``position`` moved onto the text when it lies past the end of its line or of the file
    (libyaml reports the end of a file without a final line break on a line of its own)."""
    lines = LINE_BREAK.split(text)
    line = min(max(position[0], 1), len(lines))
    col = position[1] if line == position[0] else len(lines[line - 1]) + 1
    return line, min(max(col, 1), len(lines[line - 1]) + 1)


@dataclass
class YamlDocument:
    """Parsed data plus the 1-based line and column of every key and value in it."""

    path: Path
    data: Any
    # id(container) -> its packed positions (see Marks)
    _marks: dict[int, Marks] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def shown_path(self) -> str:
        return display_path(self.path)

    def locate(self, loc: Sequence[Any], *, key: bool = False) -> Position:
        """Position of the node at ``loc``, or of the deepest existing ancestor.

        With ``key=True`` a mapping entry points at its key rather than its value, which is what an
        editor wants to see for an unknown or misspelt key.
        """
        node = self.data
        marks = self._marks.get(id(node))
        best = marks[0] if marks else _pack(1, 1)
        for i, step in enumerate(loc):
            marks = self._marks.get(id(node))
            if marks is None:
                break
            if type(node) is dict:
                if step not in node:
                    break
                at = 1 + 2 * list(node).index(step)  # entries are marked in insertion order
                key_pos, value_pos = marks[at], marks[at + 1]
            elif isinstance(step, int) and 0 <= step < len(node):
                key_pos = value_pos = marks[1 + step]
            else:
                break
            last = i == len(loc) - 1
            best = key_pos if (key and last) else value_pos
            node = node[step]
        return _unpack(best)

    def problem(
        self,
        loc: Sequence[Any],
        message: str,
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        line, col = self.locate(loc, key=key)
        return Problem(self.shown_path, line, col, severity, message)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic data.

    Content data has no reference cycles, so reference counting frees it all; the collections
    that its many small objects would trigger only cost time (about half of a large load).
    On the way out the objects made meanwhile are moved to the oldest generation without being
    scanned (``freeze`` then ``unfreeze``): otherwise the first young collection after the pause
    walks all of them at once (a quarter of a second for a 10,000-species deck)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def load_yaml(path: Path, source: str | bytes | None = None) -> YamlDocument:
    """Parse one content file, given its text or its bytes (read from ``path`` when neither is
    given). Raises :class:`ContentError` with located problems.

    Bytes are handed to libyaml as they are: it would otherwise keep a UTF-8 copy of the text
    while it parses, and the text itself (four times the bytes for Chinese) need not be kept.
    Its positions count characters either way."""
    if source is None:
        source = read_bytes(path)
    doc = YamlDocument(path=path, data=None)
    shown = doc.shown_path
    text = decode_text(path, source) if isinstance(source, bytes) else source
    if is_blank(text):
        raise ContentError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    Severity.ERROR,
                    "file is empty: it needs at least one 'key: value' line",
                )
            ]
        )
    check_characters(text, shown)
    if isinstance(source, bytes):
        del text  # decoded again below only to describe a problem
    try:
        with gc_paused():
            doc.data, duplicates = _Builder(doc, source).run()
    except Refused as exc:
        text = _text_of(source)
        where = _inside(text, exc.position)
        raise ContentError([Problem(shown, *where, Severity.ERROR, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        text = _text_of(source)
        mark = exc.problem_mark or exc.context_mark
        line, col = _inside(text, mark_position(mark) if mark is not None else (1, 1))
        message = syntax_message(exc, text)
        raise ContentError([Problem(shown, line, col, Severity.ERROR, message)]) from None
    except yaml.reader.ReaderError as exc:  # pragma: no cover - _check_characters runs first
        raise ContentError([Problem(shown, 1, 1, Severity.ERROR, f"YAML: {exc}")]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml marks all of its errors
        raise ContentError([Problem(shown, 1, 1, Severity.ERROR, f"YAML: {exc}")]) from None
    if duplicates:
        raise ContentError(duplicates)
    return doc


def _text_of(source: str | bytes) -> str:
    """The text libyaml reads from ``source`` (a UTF-8 byte-order mark is not part of it)."""
    return source.decode("utf-8-sig") if isinstance(source, bytes) else source


class _Builder:
    """Builds plain Python data from libyaml's events, one call per mapping or sequence, and
    records the position of every key and value as it goes.

    This runs once per event of every content file, so it is written for speed: types are
    compared with ``is``, and the common plain-text scalar is handled in the loops themselves
    and skips the YAML type resolver."""

    def __init__(self, doc: YamlDocument, source: str | bytes) -> None:
        self.source = source
        self.marks = doc._marks
        self.shown = doc.shown_path
        self.next_event: Callable[[], Any] = yaml.parse(source, Loader=_Parser).__next__
        self.last: Any = None  # the last event read: a libyaml error comes after it
        self.depth = 0  # collections open: at a libyaml error, the ones open where it stopped
        self.flows = 0  # of them, flow collections ([...] and {...})
        self.dropped: list[Any] = []  # values of duplicate keys, kept so their ids stay unique
        self.duplicates: list[Problem] = []

    def run(self) -> tuple[Any, list[Problem]]:
        try:
            return self._document(), self.duplicates
        except yaml.MarkedYAMLError:
            # libyaml looks ahead through a flow collection ("[[[[...") before it hands over its
            # first event, and newer builds refuse deep nesting themselves while they do: the
            # file is reported as too deep in the same words whichever check refuses it.
            text = _text_of(self.source)
            after = self.last.end_mark.index if self.last is not None else 0
            allowed = MAX_DEPTH - self.depth + self.flows
            too_deep = _deep_flow_bracket(text, after, self.flows, allowed)
            if too_deep is None:
                raise
            raise Refused(
                position_at(text, too_deep), f"nested more than {MAX_DEPTH} levels deep"
            ) from None

    def _document(self) -> Any:
        self.last = self.next_event()  # the stream's start
        self.last = event = self.next_event()
        if type(event) is yaml.StreamEndEvent:  # only comments, directives or '...'
            return None
        self.last = event = self.next_event()  # the first event after the document's start
        root = self._node(event, _start_of(event))
        self.last = self.next_event()  # the document's end
        self.last = event = self.next_event()
        if type(event) is yaml.DocumentStartEvent:
            raise Refused(
                mark_position(event.start_mark), "only one YAML document per file ('---')"
            )
        return root

    def _node(self, event: Any, start: int) -> Any:
        """The value of the node that ``event`` begins, which begins at ``start``."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None:
                _refuse_anchor(start)
            return scalar_value(event)
        if kind is yaml.AliasEvent:
            raise Refused(
                _unpack(start), "aliases (*name) are not allowed; write the value out in full"
            )
        self._open(event, start)
        flow = bool(event.flow_style)
        self.flows += flow
        marks: Marks = array("Q", (start,))
        is_map = kind is yaml.MappingStartEvent
        container = self._mapping(marks) if is_map else self._sequence(marks)
        self.marks[id(container)] = marks
        self.depth -= 1
        self.flows -= flow
        return container

    def _open(self, event: Any, start: int) -> None:
        """Checks a mapping or sequence that begins: no anchor, no tag, not too deep."""
        if event.anchor is not None:
            _refuse_anchor(start)
        if event.tag is not None and not event.implicit and event.tag not in PLAIN_TAGS:
            refuse_tag(event)
        if self.depth >= MAX_DEPTH:
            raise Refused(_unpack(start), f"nested more than {MAX_DEPTH} levels deep")
        self.depth += 1

    def _sequence(self, marks: Marks) -> list[Any]:
        items: list[Any] = []
        next_event, scalar, intern = self.next_event, yaml.ScalarEvent, sys.intern
        while True:
            self.last = event = next_event()
            kind = type(event)
            if kind is yaml.SequenceEndEvent:
                return items
            mark = event.start_mark
            start = (mark.line + 1) << 32 | (mark.column + 1)  # _pack, inlined
            marks.append(start)
            if kind is scalar and event.anchor is None and plain_text(event):
                items.append(intern(event.value))
            else:
                items.append(self._node(event, start))

    def _mapping(self, marks: Marks) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        next_event, scalar, intern = self.next_event, yaml.ScalarEvent, sys.intern
        while True:
            self.last = event = next_event()
            if type(event) is yaml.MappingEndEvent:
                return mapping
            mark = event.start_mark
            key_start = (mark.line + 1) << 32 | (mark.column + 1)
            key = self._key(event, key_start)
            duplicate = key in mapping
            if duplicate:
                self._duplicate(mapping, marks, key, key_start)
            self.last = event = next_event()
            mark = event.start_mark
            start = (mark.line + 1) << 32 | (mark.column + 1)
            if type(event) is scalar and event.anchor is None and plain_text(event):
                value = intern(event.value)
            else:
                value = self._node(event, start)
            if duplicate:
                self.dropped.append(value)
                continue
            mapping[key] = value
            marks.append(key_start)
            marks.append(start)

    def _key(self, event: Any, start: int) -> str:
        """A mapping key: always kept as the text the editor wrote."""
        kind = type(event)
        if kind is not yaml.ScalarEvent:
            if kind is yaml.AliasEvent:
                self._node(event, start)  # refuses it
            self._open(event, start)
            raise Refused(_unpack(start), "a key must be plain text, not a list or mapping")
        if event.anchor is not None:
            _refuse_anchor(start)
        key: str = sys.intern(event.value)  # a few names, repeated in every item
        explicit_tag = event.tag is not None and event.tag != "!" and not event.implicit[0]
        if explicit_tag and event.tag not in PLAIN_TAGS:
            refuse_tag(event)
        if key == "<<" and not event.style and not explicit_tag:
            raise Refused(
                _unpack(start), "merge keys ('<<') are not allowed; write the keys out in full"
            )
        return key

    def _duplicate(self, mapping: dict[str, Any], marks: Marks, key: str, start: int) -> None:
        first = _unpack(marks[1 + 2 * list(mapping).index(key)])[0]
        self.duplicates.append(
            Problem(
                self.shown,
                *_unpack(start),
                Severity.ERROR,
                f"duplicate key '{shorten(key)}' (first at line {first}); each key may appear once",
            )
        )
        if len(self.duplicates) >= MAX_PROBLEMS_PER_FILE:
            raise Refused(_unpack(start), "too many duplicate keys; stopped reading here")


def _start_of(event: Any) -> int:
    return _pack(*mark_position(event.start_mark))


def _deep_flow_bracket(text: str, start: int, depth: int, allowed: int) -> int | None:
    """The index of the first bracket after ``start`` that opens a flow collection more than
    ``allowed`` flow levels deep, when ``depth`` flow collections are already open there; None when
    the flow collections close (or the text ends) without one. Quoted text and comments are
    skipped: inside a flow collection they are the only places a bracket is not one."""
    index, end = start, len(text)
    while index < end:
        char = text[index]
        if char in "[{":
            depth += 1
            if depth > allowed:
                return index
        elif char in "]}":
            depth -= 1
            if depth <= 0:
                return None
        elif char == '"':
            index += 1
            while index < end and text[index] != '"':
                index += 2 if text[index] == "\\" else 1
        elif char == "'":
            index = text.find("'", index + 1)
            while 0 <= index < end - 1 and text[index + 1] == "'":  # '' is a quote inside
                index = text.find("'", index + 2)
            if index < 0:
                return None
        elif char == "#" and (index == 0 or text[index - 1] in " \t\r\n"):
            newline = text.find("\n", index)
            index = end if newline < 0 else newline
        index += 1
    return None


def _refuse_anchor(start: int) -> None:
    raise Refused(_unpack(start), "anchors (&name) are not allowed; write the value out in full")
