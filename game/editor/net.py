"""JSON over HTTP for the editor tools, safe against any server.

Every request has a total deadline (connecting, waiting, reading and retrying included), bounded
retries on 429 and 5xx (urllib3's ``Retry``, which honours a valid ``Retry-After``), and a size
limit checked while the answer streams in. Answers can be kept in a cache with an expiry
(requests-cache). Every failure becomes an :class:`ApiError` whose message is one line an editor
can act on; no message ever holds a request header or a response body, so a token cannot leak
into output even when a server echoes it.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import requests
import requests_cache
from urllib3.util.retry import Retry

from game.editor.session import MAX_ANSWER_BYTES, RETRY_STATUSES, AnswerTooLarge, start_deadline

DEFAULT_TIMEOUT = 60.0
_MIME = re.compile(r"[A-Za-z0-9.+-]{1,40}/[A-Za-z0-9.+-]{1,60}")


class ApiError(Exception):
    """A request that did not give a usable answer. ``str()`` is a one-line message."""


class Unauthorized(ApiError):
    """401: the token is missing, wrong or revoked."""


class NotFound(ApiError):
    """404 with a JSON body: the API understood the question and knows no such thing."""


class Refused(ApiError):
    """403, a 404 web page (not an API address) or another 4xx answer."""


class Unreachable(ApiError):
    """No answer: the deadline passed, a connection error, or 429/5xx until retries ran out."""


class BadAnswer(ApiError):
    """An answer that is too large, not JSON, or not in the shape the API documents."""


class JsonClient:
    """GET JSON from one API, politely: a delay between calls and a deadline on each."""

    def __init__(
        self,
        session: requests.Session,
        base_url: str,
        *,
        service: str,
        base_option: str,
        headers: Mapping[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        delay: float = 0.0,
        refresh: bool = False,
        auth_hint: str = "",
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.service = service
        self.base_option = base_option
        self._headers = dict(headers or {})
        self.timeout = timeout
        self.delay = delay
        self.refresh = refresh
        self.auth_hint = auth_hint
        self._sleep = sleep
        self._clock = clock
        self._last_call: float | None = None

    def url(self, path: str, params: Mapping[str, str] | None = None) -> str:
        request = requests.Request("GET", f"{self.base_url}/{path.lstrip('/')}", params=params)
        return str(request.prepare().url)

    def get(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """The parsed JSON answer; raises an :class:`ApiError` subclass on any failure."""
        url = self.url(path, params)
        try:
            status, body = self._interpret(url, self._fetch(url))
        except ApiError as exc:
            raise type(exc)(self._scrub(str(exc))) from None
        if status == 404:
            raise NotFound(f"{self.service}: not found: {url}")
        return body

    def _scrub(self, text: str) -> str:
        """``text`` without any header value sent (a server may have echoed the token)."""
        for secret in self._headers.values():
            if secret:
                text = text.replace(secret, "[token]")
        return text

    def _pause(self) -> None:
        if self.delay > 0 and self._last_call is not None:
            left = self.delay - (self._clock() - self._last_call)
            if left > 0:
                self._sleep(left)

    def _fetch(self, url: str) -> requests.Response:
        """The answer, within the deadline. The request runs in a helper thread: no socket
        timeout can bound a server that sends one byte every few seconds, but waiting for the
        thread can."""
        self._pause()
        outcome: list[requests.Response | BaseException] = []
        session = self.session
        timeout = (self.timeout, self.timeout)

        def request() -> None:
            start_deadline(self.timeout)
            try:
                if self.refresh and isinstance(session, requests_cache.CachedSession):
                    outcome.append(
                        session.get(url, headers=self._headers, timeout=timeout, force_refresh=True)
                    )
                else:
                    outcome.append(session.get(url, headers=self._headers, timeout=timeout))
            except BaseException as exc:  # handed over to the caller's thread
                outcome.append(exc)

        worker = threading.Thread(target=request, name=f"{self.service} request", daemon=True)
        worker.start()
        worker.join(self.timeout)
        self._last_call = self._clock()
        if worker.is_alive() or not outcome:  # left behind: it stops at its own deadline
            raise Unreachable(
                f"{self.service}: no answer within {self.timeout:g} s from {url} (--timeout)"
            )
        result = outcome[0]
        if isinstance(result, BaseException):
            raise self._failure(url, result) from None
        return result

    def _failure(self, url: str, exc: BaseException) -> ApiError:
        if isinstance(exc, AnswerTooLarge):
            return BadAnswer(
                f"{self.service}: the answer from {url} is larger than "
                f"{MAX_ANSWER_BYTES // 2**20} MiB; it was not read"
            )
        if isinstance(exc, requests.Timeout):
            return Unreachable(
                f"{self.service}: no answer within {self.timeout:g} s from {url} (--timeout)"
            )
        if isinstance(exc, requests.ConnectionError):
            return Unreachable(f"{self.service}: cannot connect to {_host(url)} ({_reason(exc)})")
        if isinstance(exc, requests.RequestException):
            return Unreachable(f"{self.service}: request to {url} failed ({type(exc).__name__})")
        if isinstance(exc, Exception):  # whatever a broken answer made a library raise
            return BadAnswer(
                f"{self.service}: the answer from {url} could not be read ({type(exc).__name__})"
            )
        raise exc  # KeyboardInterrupt, SystemExit

    def _interpret(self, url: str, response: requests.Response) -> tuple[int, Any]:
        status = response.status_code
        if status in RETRY_STATUSES:
            attempts = _attempts(response)
            what = "still rate-limited (429)" if status == 429 else f"server error {status}"
            raise Unreachable(f"{self.service}: {what} after {attempts}: {url}")
        if status == 401:
            raise Unauthorized(
                f"{self.service}: the token was refused (401 Unauthorized)"
                + (f"; {self.auth_hint}" if self.auth_hint else "")
            )
        if any(secret and secret.encode() in response.content for secret in self._headers.values()):
            raise BadAnswer(
                f"{self.service}: the answer from {url} repeats the token sent with "
                "the request; it was not used"
            )
        body = _json_or_none(response.content)
        if status == 404:
            if body is _NOT_JSON:
                raise Refused(
                    f"{self.service}: {url} is not an API address (404 with a web "
                    f"page, not JSON): check {self.base_option}"
                )
            return 404, body
        if status == 403:
            raise Refused(f"{self.service}: the request was refused (403 Forbidden): {url}")
        if status >= 400:
            raise Refused(f"{self.service}: HTTP {status} for {url}")
        if status != 200:
            raise BadAnswer(f"{self.service}: unexpected HTTP {status} for {url}")
        if body is _TOO_DEEP:
            raise BadAnswer(
                f"{self.service}: the answer from {url} is nested too deeply to be an API answer"
            )
        if body is _NOT_JSON:
            # Never the body itself: a server may echo the token there.
            kind = response.headers.get("Content-Type", "").split(";")[0].strip()
            kind = kind if _MIME.fullmatch(kind) else "unknown type"
            raise BadAnswer(
                f"{self.service}: the answer from {url} is not valid JSON ({kind}, "
                f"{len(response.content)} bytes)"
            )
        return 200, body


_NOT_JSON: Any = object()
_TOO_DEEP: Any = object()


def _json_or_none(content: bytes) -> Any:
    """The JSON in ``content``. JSON is UTF-8 (or UTF-16/32, which ``json`` detects), so a
    charset the server names, known or not, is not used."""
    try:
        return json.loads(content)
    except RecursionError:
        return _TOO_DEEP
    except ValueError:  # UnicodeDecodeError included
        return _NOT_JSON


def _attempts(response: requests.Response) -> str:
    retries = getattr(response.raw, "retries", None)
    count = len(retries.history) + 1 if isinstance(retries, Retry) else 1
    return f"{count} attempt" + ("" if count == 1 else "s")


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


def _reason(exc: BaseException) -> str:
    text = str(exc)
    found = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if found:
        return found.group(1).strip()
    for needle, reason in (
        ("Name or service not known", "unknown host"),
        ("nodename nor servname", "unknown host"),
        ("getaddrinfo failed", "unknown host"),
        ("Connection refused", "connection refused"),
        ("Connection aborted", "connection closed by the server"),
        ("RemoteDisconnected", "connection closed by the server"),
        ("SSL", "TLS/SSL error"),
    ):
        if needle in text:
            return reason
    return "connection failed"


def ensure_mapping(data: Any, service: str, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise BadAnswer(f"{service}: expected a JSON object for {what}, got {type(data).__name__}")
    return data
