"""JSON over HTTP for the editor tools: timeouts, bounded retries, a delay and a response cache.

Every failure becomes an :class:`ApiError` whose message is one line an editor can act on. No
message ever contains request headers, so a token sent in a header cannot leak into output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

import game
from game.saves.atomic import write_atomic

DEFAULT_TIMEOUT = 30.0
MAX_WAIT = 60.0  # no single retry wait is longer than this, whatever the server asks for


class ApiError(Exception):
    """A request that did not give a usable answer. ``str()`` is a one-line message."""


class Unauthorized(ApiError):
    """401: the token is missing, wrong or revoked."""


class NotFound(ApiError):
    """404 with a JSON body: the API understood the question and knows no such thing."""


class Refused(ApiError):
    """403, a 404 web page (not an API address) or another 4xx answer."""


class Unreachable(ApiError):
    """No answer: a timeout, a connection error, or 429/5xx until the retries ran out."""


class BadAnswer(ApiError):
    """An answer that is not JSON, or not in the shape the API documents."""


def make_session(tool: str) -> requests.Session:
    """The one session a tool uses, with a User-Agent naming the tool and the game's version."""
    session = requests.Session()
    session.headers["User-Agent"] = (
        f"EcoCards-{tool}/{game.__version__} (content editor tool) "
        f"python-requests/{requests.__version__}"
    )
    session.headers["Accept"] = "application/json"
    return session


@dataclass(frozen=True)
class RetryPolicy:
    """Retry 429 and 5xx answers ``retries`` times, waiting ``backoff * 2**n`` seconds."""

    retries: int = 3
    backoff: float = 1.0

    def wait(self, attempt: int, retry_after: str | None) -> float:
        wait = float(self.backoff * 2**attempt)
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, float(retry_after))
        return min(wait, MAX_WAIT)


class ResponseCache:
    """Answers kept on disk by URL, so that a second run is instant and works offline.

    Only successful JSON answers and JSON "not found" answers are kept. The key is the URL, which
    never holds the token (that travels in a header)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, url: str) -> Path:
        return self.folder / f"{hashlib.sha256(url.encode()).hexdigest()[:40]}.json"

    def get(self, url: str) -> tuple[int, Any] | None:
        try:
            entry = json.loads(self._file(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("url") != url:
            return None
        return int(entry["status"]), entry.get("body")

    def put(self, url: str, status: int, body: Any) -> None:
        data = json.dumps({"url": url, "status": status, "body": body}, ensure_ascii=False)
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs speed
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self._file(url), data.encode("utf-8"), durable=False)


class JsonClient:
    """GET JSON from one API, politely: a delay between calls, a timeout on each, bounded
    retries on 429 and 5xx only."""

    def __init__(
        self,
        session: requests.Session,
        base_url: str,
        *,
        service: str,
        base_option: str,
        headers: Mapping[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        delay: float = 0.0,
        cache: ResponseCache | None = None,
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
        self.retry = retry or RetryPolicy()
        self.delay = delay
        self.cache = cache
        self.auth_hint = auth_hint
        self._sleep = sleep
        self._clock = clock
        self._last_call: float | None = None
        self.network_calls = 0

    def url(self, path: str, params: Mapping[str, str] | None = None) -> str:
        request = requests.Request("GET", f"{self.base_url}/{path.lstrip('/')}", params=params)
        return str(request.prepare().url)

    def get(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """The parsed JSON answer; raises an :class:`ApiError` subclass on any failure."""
        url = self.url(path, params)
        if self.cache is not None:
            hit = self.cache.get(url)
            if hit is not None:
                status, body = hit
                if status == 404:
                    raise NotFound(f"{self.service}: not found: {url}")
                return body
        status, body = self._fetch(url)
        if self.cache is not None:
            self.cache.put(url, status, body)
        if status == 404:
            raise NotFound(f"{self.service}: not found: {url}")
        return body

    def _pause(self) -> None:
        if self.delay > 0 and self._last_call is not None:
            left = self.delay - (self._clock() - self._last_call)
            if left > 0:
                self._sleep(left)

    def _fetch(self, url: str) -> tuple[int, Any]:
        attempts = self.retry.retries + 1
        for attempt in range(attempts):
            self._pause()
            try:
                self.network_calls += 1
                response = self.session.get(url, headers=self._headers,
                                            timeout=(self.timeout, self.timeout))
            except requests.Timeout:
                raise Unreachable(f"{self.service}: no answer within {self.timeout:g} s "
                                  f"from {url} (--timeout)") from None
            except requests.ConnectionError as exc:
                raise Unreachable(f"{self.service}: cannot connect to {_host(url)} "
                                  f"({_reason(exc)})") from None
            except requests.RequestException as exc:
                raise Unreachable(f"{self.service}: request to {url} failed "
                                  f"({type(exc).__name__})") from None
            finally:
                self._last_call = self._clock()
            status = response.status_code
            if status == 429 or status >= 500:
                if attempt + 1 < attempts:
                    self._sleep(self.retry.wait(attempt, response.headers.get("Retry-After")))
                    continue
                what = "still rate-limited (429)" if status == 429 else f"server error {status}"
                raise Unreachable(f"{self.service}: {what} after {attempts} attempts: {url}")
            return self._interpret(url, response)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns/raises

    def _interpret(self, url: str, response: requests.Response) -> tuple[int, Any]:
        status = response.status_code
        if status == 401:
            raise Unauthorized(f"{self.service}: the token was refused (401 Unauthorized)"
                               + (f"; {self.auth_hint}" if self.auth_hint else ""))
        body = _json_or_none(response)
        if status == 404:
            if body is _NOT_JSON:
                raise Refused(f"{self.service}: {url} is not an API address (404 with a web "
                              f"page, not JSON): check {self.base_option}")
            return 404, body
        if status == 403:
            raise Refused(f"{self.service}: the request was refused (403 Forbidden): {url}")
        if status >= 400:
            raise Refused(f"{self.service}: HTTP {status} for {url}")
        if status != 200:
            raise BadAnswer(f"{self.service}: unexpected HTTP {status} for {url}")
        if body is _NOT_JSON:
            kind = response.headers.get("Content-Type", "unknown type").split(";")[0]
            raise BadAnswer(f"{self.service}: the answer from {url} is not valid JSON ({kind}, "
                            f"{_first_chars(response.text)})")
        return 200, body


_NOT_JSON: Any = object()


def _json_or_none(response: requests.Response) -> Any:
    try:
        return json.loads(response.content.decode(response.encoding or "utf-8",
                                                  errors="replace"))
    except ValueError:
        return _NOT_JSON


def _first_chars(text: str) -> str:
    flat = " ".join(text.split())
    return f"starts {flat[:40]!r}" if flat else "empty"


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


def _reason(exc: Exception) -> str:
    text = str(exc)
    found = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if found:
        return found.group(1).strip()
    for needle, reason in (("Name or service not known", "unknown host"),
                           ("nodename nor servname", "unknown host"),
                           ("getaddrinfo failed", "unknown host"),
                           ("Connection refused", "connection refused"),
                           ("Connection aborted", "connection closed by the server"),
                           ("RemoteDisconnected", "connection closed by the server"),
                           ("SSL", "TLS/SSL error")):
        if needle in text:
            return reason
    return "connection failed"


def ensure_mapping(data: Any, service: str, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise BadAnswer(f"{service}: expected a JSON object for {what}, got "
                        f"{type(data).__name__}")
    return data

