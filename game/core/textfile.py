"""Reading a content file as text: bounded, from a regular file, in UTF-8, with no character
YAML forbids; every refusal is a problem with its line and column.

Lines and columns are 1-based and count characters, not bytes. Line breaks are the ones YAML
itself knows (``\\n``, ``\\r\\n``, ``\\r``, U+0085, U+2028, U+2029), so a position computed here
agrees with the ones libyaml reports.
"""

from __future__ import annotations

import re
import stat
import typing
from pathlib import Path

from game.core.problems import ContentError, Problem, Severity, display_path

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_PROBLEMS_PER_FILE = 50

Position = tuple[int, int]

# Characters YAML does not allow in a stream (it allows tab, line breaks and printable text), and
# a byte-order mark after the start, which would hide inside a key or a value.
_FORBIDDEN_CHAR = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_FOREIGN_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def position_at(text: str, index: int) -> Position:
    """The 1-based line and column of character ``index`` in ``text``."""
    line, start = 1, 0
    for match in LINE_BREAK.finditer(text, 0, index):
        line += 1
        start = match.end()
    return line, index - start + 1


def read_text(path: Path) -> str:
    """The file's text, refusing oversized or special files and invalid UTF-8 with a located
    problem. A UTF-8 byte-order mark is dropped."""
    return decode_text(path, read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing oversized or special files with a located problem.

    The content cache is keyed by these bytes, so an unchanged deck is found in the cache
    without decoding its text; :func:`decode_text` checks the text when it has to be parsed."""
    shown = display_path(path)

    def refuse(message: str) -> ContentError:
        return ContentError([Problem(shown, 1, 1, Severity.ERROR, message)])

    limit = f"{MAX_FILE_BYTES // 2**20} MiB"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a device or pipe could be read forever
            raise refuse("not a regular file; a content file must be a plain .yaml file")
        if info.st_size > MAX_FILE_BYTES:
            raise refuse(
                f"file is {info.st_size / 2**20:.0f} MiB; the limit is {limit}: "
                "split it into several files in data/decks/"
            )
        with path.open("rb") as fh:
            raw = _read_bounded(fh, info.st_size)
    except OSError as exc:
        raise refuse(f"cannot read file: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a path with a NUL byte in it
        raise refuse(f"cannot read file: {exc}") from exc
    if len(raw) > MAX_FILE_BYTES:  # the file grew after stat()
        raise refuse(f"file is larger than the limit of {limit}")
    return raw


def decode_text(path: Path, raw: bytes) -> str:
    """``raw`` (the bytes of ``path``) as text; other encodings and invalid UTF-8 are refused
    with a located problem. A UTF-8 byte-order mark is dropped."""
    shown = display_path(path)
    for bom, encoding in _FOREIGN_BOMS:
        if raw.startswith(bom):
            raise ContentError(
                [
                    Problem(
                        shown,
                        1,
                        1,
                        Severity.ERROR,
                        f"file is saved as {encoding}; save it as UTF-8",
                    )
                ]
            )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        where = position_at(before, len(before))
        raise ContentError(
            [
                Problem(
                    shown,
                    *where,
                    Severity.ERROR,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def _read_bounded(fh: typing.BinaryIO, expected: int) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes, without reserving that much memory up front
    (``read(n)`` allocates ``n`` bytes before reading anything)."""
    parts: list[bytes] = []
    total = 0
    while total <= MAX_FILE_BYTES:
        chunk = fh.read(min(max(expected + 1 - total, 1 << 16), MAX_FILE_BYTES + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def check_characters(text: str, shown: str) -> None:
    found = []
    for match in _FORBIDDEN_CHAR.finditer(text):
        code = ord(match.group())
        line, col = position_at(text, match.start())
        name = (
            "a byte-order mark (U+FEFF) inside the file"
            if code == 0xFEFF
            else (f"control character U+{code:04X}")
        )
        found.append(Problem(shown, line, col, Severity.ERROR, f"{name} is not allowed in YAML"))
        if len(found) >= MAX_PROBLEMS_PER_FILE:
            break
    if found:
        raise ContentError(found)


# Something other than a comment at the start of a line (after any YAML line break).
_CONTENT_LINE = re.compile("(?:^|[\r\n\x85\u2028\u2029])[ \t\ufeff]*[^\\s#]")


def is_blank(text: str) -> bool:
    """True when the text holds nothing but blank lines and comments."""
    return _CONTENT_LINE.search(text) is None
