"""Property tests: whatever bytes an editor saves, the loader answers with located problems.

Random text, random bytes and randomly mutated real decks go through :func:`load_content`. It
either loads, or raises :class:`ContentError` with at least one error; every problem it reports
for the file points at a line and column that exist in that file.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.content import load_content
from game.core.problems import ContentError, Problem, Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
DECK = (FIXTURES / "species.yaml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 23)
# The line breaks YAML knows; libyaml counts lines by these.
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def data() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ecocards-props-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(FIXTURES, folder)
        (folder / "decks").mkdir()
        yield folder


def problems_for(data: Path, raw: bytes) -> list[Problem]:
    """Load the deck with ``raw`` as an extra deck file; the problems found, if any."""
    path = data / "decks" / "extra.yaml"
    path.write_bytes(raw)
    try:
        content = load_content(data, data.parent / "assets", today=TODAY)
    except ContentError as exc:
        assert exc.errors, "a ContentError must carry at least one error"
        return exc.problems
    return list(content.warnings)


def assert_located_inside(raw: bytes, problems: list[Problem], data: Path) -> None:
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
    lines = LINE_BREAK.split(text)
    target = (data / "decks" / "extra.yaml").resolve()
    for problem in problems:
        assert problem.severity in (Severity.ERROR, Severity.WARNING)
        assert problem.message and "Traceback" not in problem.message
        if Path(problem.path).resolve() != target:
            continue
        assert 1 <= problem.line <= len(lines), problem
        assert 1 <= problem.col <= len(lines[problem.line - 1]) + 1, problem


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_gives_located_problems(data: Path, text: str) -> None:
    raw = text.encode("utf-8")
    assert_located_inside(raw, problems_for(data, raw), data)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_located_problems(data: Path, raw: bytes) -> None:
    assert_located_inside(raw, problems_for(data, raw), data)


YAML_BITS = st.sampled_from(
    [
        ":",
        ": ",
        "- ",
        "\n",
        "\n  ",
        "\t",
        "'",
        '"',
        "[",
        "]",
        "{",
        "}",
        ",",
        "#",
        "&a ",
        "*a",
        "<<: ",
        "!!python/name:os.system ",
        "!x ",
        "---\n",
        "? ",
        "|\n",
        ">\n",
        "%TAG ! x\n",
        "~",
        "yes",
        "1e999",
        "-1",
        "0x1F",
        "2026-13-45",
        "\u2028",
        "\r",
        "\x85",
        "\ufeff",
        "鲸",
        "\x00",
    ]
)


@st.composite
def mutated_decks(draw: st.DrawFn) -> str:
    """The fixture deck with a few slices removed, duplicated or replaced by YAML syntax."""
    text = DECK
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "replace"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "insert":
            text = text[:start] + draw(YAML_BITS) + text[start:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(st.text(max_size=8)) + text[end:]
    return text.replace("id: ", "id: x-", 1)  # keep its ids apart from species.yaml's


@SETTINGS
@given(mutated_decks())
def test_mutated_decks_give_located_problems(data: Path, text: str) -> None:
    raw = text.encode("utf-8", errors="surrogatepass")
    assert_located_inside(raw, problems_for(data, raw), data)
