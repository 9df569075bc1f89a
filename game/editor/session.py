"""The HTTP session of the editor tools: bounded retries, a size limit and a response cache.

Retries are urllib3's ``Retry`` (429 and 5xx only, honouring a valid ``Retry-After``); every
answer is read as it streams in and refused past a size limit, before anything (the cache
included) holds it; with a cache folder, answers are kept by requests-cache for a limited time.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from urllib3.exceptions import InvalidHeader
from urllib3.util.retry import Retry

import game

DEFAULT_CACHE_HOURS = 24.0
MAX_WAIT = 20.0  # no single retry wait is longer than this, whatever the server asks for
# Red List and GBIF answers are a few kilobytes to a few hundred; anything near this is hostile.
MAX_ANSWER_BYTES = 16 * 2**20
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_CHUNK = 1 << 16


class AnswerTooLarge(requests.RequestException):
    """Raised while streaming an answer past :data:`MAX_ANSWER_BYTES`."""


class PoliteRetry(Retry):
    """urllib3's ``Retry`` with a server's ``Retry-After`` bounded by :data:`MAX_WAIT`.

    urllib3 accepts only ASCII digits or an HTTP date there; anything else (``²``, ``1e9``)
    makes it use the backoff instead of failing the request."""

    def parse_retry_after(self, retry_after: str) -> float:
        try:
            seconds = super().parse_retry_after(retry_after)
        except InvalidHeader:
            return 0.0  # no valid wait given: the backoff applies
        return min(seconds, MAX_WAIT)


def retry_policy(retries: int, backoff: float) -> PoliteRetry:
    """Retry 429 and 5xx answers ``retries`` times; waits grow as ``backoff`` × 2, 4, 8…"""
    return PoliteRetry(
        total=retries,
        connect=retries,
        read=False,  # a timeout is reported at once, as a timeout
        status=retries,
        other=0,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        backoff_factor=backoff,
        backoff_max=MAX_WAIT,
        respect_retry_after_header=True,
        raise_on_status=False,  # the last answer comes back, and is explained
    )


class BoundedAdapter(HTTPAdapter):
    """An adapter that reads every answer as it streams in, refusing one larger than
    ``max_bytes`` (its declared length first) and stopping at the request's deadline."""

    def __init__(self, max_bytes: int, retry: Retry) -> None:
        super().__init__(max_retries=retry)
        self.max_bytes = max_bytes

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        response = super().send(
            request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies
        )
        try:
            response._content = self._read(response)  # what requests does once it has read it
        except BaseException:
            response.close()
            raise
        return response

    def _read(self, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isascii() and declared.isdigit() and int(declared) > self.max_bytes:
            raise AnswerTooLarge(f"{declared} bytes announced")
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_content(_CHUNK):
            total += len(chunk)
            if total > self.max_bytes:
                raise AnswerTooLarge(f"more than {self.max_bytes} bytes")
            if _deadline_passed():
                raise requests.Timeout("the deadline passed while reading")
            chunks.append(chunk)
        return b"".join(chunks)


_request_deadline = threading.local()  # when the request of this thread must end


def _deadline_passed() -> bool:
    deadline = getattr(_request_deadline, "at", None)
    return deadline is not None and time.monotonic() > deadline


def make_session(
    tool: str,
    *,
    retries: int = 3,
    backoff: float = 1.0,
    cache: Path | None = None,
    cache_hours: float = DEFAULT_CACHE_HOURS,
    max_bytes: int = MAX_ANSWER_BYTES,
) -> requests.Session:
    """The one session a tool uses: a User-Agent naming the tool and the game's version, the
    retry policy and size limit, and with ``cache`` a cache of answers in that folder that
    expire after ``cache_hours`` (the token, sent in a header, is never stored)."""
    session: requests.Session
    if cache is None:
        session = requests.Session()
    else:
        max_age = dt.timedelta(hours=cache_hours)
        cached = requests_cache.CachedSession(
            str(cache),
            backend="filesystem",
            serializer="json",
            expire_after=max_age,
            allowable_codes=(200, 404),
            allowable_methods=("GET",),
            cache_control=False,
            stale_if_error=False,
        )
        # Answers expire when they are written; one kept under a longer --cache-hours must not
        # outlive the age asked for now.
        if max_age:
            cached.cache.delete(expired=True, invalid=True, older_than=max_age)
        else:  # a zero timedelta reads as "no limit" there
            cached.cache.clear()  # type: ignore[no-untyped-call]
        session = cached
    adapter = BoundedAdapter(max_bytes, retry_policy(retries, backoff))
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = (
        f"EcoCards-{tool}/{game.__version__} (content editor tool) "
        f"python-requests/{requests.__version__}"
    )
    session.headers["Accept"] = "application/json"
    return session


def start_deadline(seconds: float) -> None:
    """The request this thread makes next must be read within ``seconds``."""
    _request_deadline.at = time.monotonic() + seconds
