"""The hostile Red List server: the local fake API, where each special genus name gets one
kind of attack that a real server (or someone in the middle) could make."""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

from tests.tools.fake_api import FakeApi, standard_api

TRICKLE_SECONDS = 0.25  # the pause between two bytes of a trickled answer
TRICKLE_LENGTH = 400  # bytes it announces and sends one at a time (100 s at that pace)
HUGE_BYTES = 500 * 2**20  # what an endless answer sends at most


def _shark(handler: Any) -> bytes:
    return json.dumps(handler.api.taxa["Rhincodon typus"]).encode()


def _unknown_charset(handler: Any, name: str) -> None:
    handler._send(200, _shark(handler), "application/json; charset=x-no-such-charset")


def _deep_json(handler: Any, name: str) -> None:
    depth = 100_000
    handler._send(200, b"[" * depth + b"]" * depth)


def _odd_retry_after(handler: Any, name: str) -> None:
    if handler.api.hits[name] > 1:
        handler._send(200, _shark(handler))
        return
    with contextlib.suppress(OSError):
        handler.send_response(429)
        handler.send_header("Retry-After", "²")
        handler.send_header("Content-Length", "0")
        handler.end_headers()


def _odd_year(handler: Any, name: str) -> None:
    answer = json.loads(_shark(handler))
    for item in answer["assessments"]:
        item["year_published"] = "2016²"
    handler.api.assessments[2365291] = {
        **handler.api.assessments[2365291],
        "year_published": "2016²",
    }
    handler._send(200, answer)


def _stream(
    handler: Any, name: str, headers: dict[str, str], chunk: bytes, total: int, pause: float = 0.0
) -> None:
    """Send ``total`` bytes of ``chunk`` after ``headers``, counting what got out, until the
    client hangs up."""
    try:
        handler.send_response(200)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        while handler.api.sent[name] < total:
            handler.wfile.write(chunk)
            handler.wfile.flush()
            handler.api.sent[name] += len(chunk)
            if pause:
                time.sleep(pause)
    except OSError:
        pass  # the client gave up: that is the point
    handler.close_connection = True


def _trickle(handler: Any, name: str) -> None:
    _stream(
        handler,
        name,
        {"Content-Type": "application/json", "Content-Length": str(TRICKLE_LENGTH)},
        b" ",
        TRICKLE_LENGTH,
        TRICKLE_SECONDS,
    )


def _huge(handler: Any, name: str) -> None:
    _stream(
        handler,
        name,
        {"Content-Type": "application/json", "Connection": "close"},
        b" " * 2**20,
        HUGE_BYTES,
    )


def _huge_declared(handler: Any, name: str) -> None:
    with contextlib.suppress(OSError):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(HUGE_BYTES))
        handler.end_headers()
        handler.wfile.write(b"[")
    handler.close_connection = True


def _echo_token(handler: Any, name: str) -> None:
    token = handler.headers.get("Authorization", "")
    handler._send(200, f"{token} is not a token we know".encode(), "text/plain")


ATTACKS = {
    "Unknowncharset": _unknown_charset,
    "Deepjson": _deep_json,
    "Retryafter": _odd_retry_after,
    "Oddyear": _odd_year,
    "Trickle": _trickle,
    "Huge": _huge,
    "Hugedeclared": _huge_declared,
    "Echotoken": _echo_token,
}


def hostile_api() -> FakeApi:
    """The standard answers plus every attack in :data:`ATTACKS`."""
    api = standard_api()
    api.special.update(ATTACKS)
    return api
