"""Plain-text reports for the terminal: aligned tables and short value renderings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MISSING = "—"


def show(value: Any) -> str:
    """A deck or API value as one short piece of text."""
    if value is None:
        return MISSING
    text = " ".join(str(value).split())
    return text if text else "''"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; the last column is never padded."""
    if not rows:
        return ""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [str(c).ljust(w) for c, w in zip(cells[:-1], widths[:-1], strict=True)]
        return "  ".join([*padded, str(cells[-1])]).rstrip()

    rule = ["-" * w for w in widths]
    return "\n".join([line(headers), line(rule), *(line(r) for r in rows)]) + "\n"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
