"""``redlist_sync`` against a hostile server: every attack ends in one plain line and the
API-error exit code (or, when the answer is still usable, a normal report), never a traceback,
a hang, a memory blow-up or the token on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.editor.cli import EXIT_API, EXIT_DIFFERENT
from game.editor.session import MAX_ANSWER_BYTES
from game.editor.sync import main
from tests.tools.fake_api import TOKEN, FakeApi, run_tool, serve, write_deck
from tests.tools.hostile_api import HUGE_BYTES, TRICKLE_LENGTH, hostile_api


@pytest.fixture
def api() -> Iterator[FakeApi]:
    """The local server, answering some look-ups with attacks."""
    with serve(hostile_api()) as running:
        yield running


def check(api: FakeApi, tmp_path: Path, scientific: str, *args: str) -> tuple[int, str, str]:
    data = write_deck(tmp_path / "data", [("test-species", scientific)])
    return run_tool(main, ["check", "--data", str(data), *args], api)


def one_plain_line(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_unknown_charset_is_ignored_for_json(api: FakeApi, tmp_path: Path) -> None:
    code, out, err = check(api, tmp_path, "Unknowncharset answer")
    assert code == EXIT_DIFFERENT  # read and compared: the test deck differs from the shark
    assert "test-species" in out
    assert "Traceback" not in err


def test_a_deeply_nested_answer_is_a_bad_answer(api: FakeApi, tmp_path: Path) -> None:
    code, _, err = check(api, tmp_path, "Deepjson answer")
    assert code == EXIT_API
    assert "nested too deeply" in err
    assert one_plain_line(err)


def test_a_retry_after_that_is_not_a_number_falls_back_to_the_backoff(
    api: FakeApi, tmp_path: Path
) -> None:
    code, out, err = check(api, tmp_path, "Retryafter answer")
    assert code == EXIT_DIFFERENT
    assert api.hits["Retryafter answer"] == 2
    assert "test-species" in out
    assert "Traceback" not in err


def test_a_year_with_a_superscript_digit_is_not_a_year(api: FakeApi, tmp_path: Path) -> None:
    code, out, err = check(api, tmp_path, "Oddyear answer")
    assert code == EXIT_DIFFERENT
    assert "gives no year_published" in out
    assert "Traceback" not in err


def test_timeout_is_a_total_deadline_against_a_trickling_server(
    api: FakeApi, tmp_path: Path
) -> None:
    code, _, err = check(api, tmp_path, "Trickle answer", "--timeout", "1")
    sent = api.sent["Trickle answer"]
    assert code == EXIT_API
    assert "no answer within 1 s" in err
    assert one_plain_line(err)
    assert sent < TRICKLE_LENGTH // 2  # it gave up long before the server was done


def test_an_endless_answer_is_cut_at_the_size_limit(api: FakeApi, tmp_path: Path) -> None:
    code, _, err = check(api, tmp_path, "Huge answer", "--timeout", "30")
    assert code == EXIT_API
    assert "larger than" in err
    assert one_plain_line(err)
    assert api.sent["Huge answer"] < HUGE_BYTES // 4
    assert api.sent["Huge answer"] >= MAX_ANSWER_BYTES // 2


def test_an_answer_announcing_a_huge_length_is_not_read(api: FakeApi, tmp_path: Path) -> None:
    code, _, err = check(api, tmp_path, "Hugedeclared answer")
    assert code == EXIT_API
    assert "larger than" in err
    assert one_plain_line(err)


def test_a_server_echoing_the_token_in_a_web_page_never_gets_it_shown(
    api: FakeApi, tmp_path: Path
) -> None:
    code, out, err = check(api, tmp_path, "Echotoken answer")
    assert code == EXIT_API
    assert TOKEN not in out + err
    assert one_plain_line(err)
