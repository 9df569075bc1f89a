"""libyaml's syntax errors told as an editor needs them: what to change, and where."""

from __future__ import annotations

from typing import Any

import yaml

from game.core.problems import shorten
from game.core.textfile import LINE_BREAK, Position


def mark_position(mark: Any) -> Position:
    """The 1-based line and column of a libyaml mark."""
    return (mark.line + 1, mark.column + 1)


def _line_text(source: str, line: int) -> str:
    """Line ``line`` (1-based) of ``source``, or an empty string past the end."""
    lines = LINE_BREAK.split(source)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _line_above(source: str, line: int) -> int:
    """The nearest line above ``line`` holding something other than blanks and a comment."""
    for above in range(line - 1, 0, -1):
        stripped = _line_text(source, above).strip()
        if stripped and not stripped.startswith("#"):
            return above
    return 0


def syntax_message(exc: yaml.MarkedYAMLError, source: str) -> str:
    """libyaml's complaint as a plain sentence naming the line and column it is about.

    libyaml speaks of its own workings ("while parsing a flow mapping did not find expected ','
    or '}'"); an editor needs to know what to change in the file, and where."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark, opened = exc.problem_mark, exc.context_mark
    line, col = mark_position(mark) if mark is not None else (1, 1)
    where = f"line {line}, column {col}"
    began = f"line {opened.line + 1}, column {opened.column + 1}" if opened is not None else where
    char = source[mark.index] if mark is not None and 0 <= mark.index < len(source) else ""
    text = _line_text(source, line)
    first_on_line = col == _indent(text) + 1

    if char == "\t":
        return f"YAML syntax: a tab character at {where}; YAML indents with spaces only"
    if "flow mapping" in context or "flow sequence" in context:
        left, right = ("{", "}") if "mapping" in context else ("[", "]")
        return (
            f"YAML syntax: the '{left}' at {began} is not closed properly: by {where} "
            f"there should be a ',' between its items or a '{right}' to end it"
        )
    if "quoted scalar" in context:
        if "end of stream" in problem:
            return (
                f"YAML syntax: the quote at {began} is never closed: add the closing quote "
                "at the end of the text"
            )
        return (
            f"YAML syntax: the quoted text at {began} has a problem at {where}: inside "
            "double quotes write \\\\ for a backslash, or use single quotes"
        )
    if "cannot start any token" in problem:
        return f"YAML syntax: a value cannot begin with {char!r} ({where}): put the text in quotes"
    if "simple key" in context:
        return (
            f"YAML syntax: line {began.split(',')[0].removeprefix('line ')} has text but no "
            "':' after a key: write 'key: value', or check the indentation of the lines "
            "around it"
        )
    if "mapping values are not allowed" in problem:
        before = text[: col - 1].strip().removeprefix("- ")
        if ": " not in before and not before.endswith(":"):  # the key starts its line
            above = _line_above(source, line)
            key = shorten(before, 30)
            return (
                f"YAML syntax: the key '{key}' at {where} is indented by {_indent(text)} "
                f"spaces, "
                f"which does not line it up with the keys above it (line {above} is "
                f"indented by {_indent(_line_text(source, above))}): indent it like the "
                "other keys of its mapping"
            )
        return (
            f"YAML syntax: a second ': ' on one line ({where}): put text containing ': ' in quotes"
        )
    if "expected '-' indicator" in problem:
        return (
            f"YAML syntax: line {line} is indented differently from the list begun at "
            f"{began}: line its '-' up with the other items, or its key with the keys of "
            "its item"
        )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        if not first_on_line:
            return (
                f"YAML syntax: unexpected text at {where}, after the value on that line: "
                "put the whole value in quotes, or start a new line"
            )
        return (
            f"YAML syntax: line {line} is indented differently from the keys above it "
            f"(the mapping begun at {began}): indent it like the keys it belongs with"
        )
    return (
        f"YAML syntax: the text at {where} cannot be read: check the indentation and the "
        "quotes on this line and the line above"
    )
