"""Every source of a run fetched once, politely, within its deadline.

``Fetcher.fetch(target)`` never raises for a source that cannot be read: it returns a
``FetchResult`` whose ``error`` says why, which the pipeline turns into an
``unreachable`` source. Web requests retry transient failures (``retry.py`` decides),
follow redirects by hand (bounded, HTTP(S) only) and stream the body under a cap
(``body.py``). Local files are read in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from factcheck.fetch.body import BodyError, read_capped
from factcheck.fetch.client import make_client
from factcheck.fetch.limits import HostLimiter
from factcheck.fetch.local import read_local
from factcheck.fetch.options import FetchOptions
from factcheck.fetch.result import FetchResult
from factcheck.fetch.retry import decide, is_retryable_status, parse_retry_after

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class _Failure:
    """One failed attempt: what to tell the user and whether trying again may help."""

    reason: str
    retryable: bool
    status: int | None = None
    retry_after: float | None = None


class Fetcher:
    """Fetches sources with one shared client and limiter; use as an async context manager."""

    def __init__(self, options: FetchOptions | None = None, *,
                 client: httpx.AsyncClient | None = None,
                 random_source: Callable[[], float] = random.random) -> None:
        self.options = options or FetchOptions()
        self._client = client
        self._own_client = client is None
        self._limiter = HostLimiter(self.options.concurrency, self.options.per_host)
        self._random = random_source

    async def __aenter__(self) -> Fetcher:
        if self._client is None:
            self._client = make_client(self.options)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._own_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(self, target: str) -> FetchResult:
        """Fetch one absolute ``http(s)://`` or ``file://`` URL."""
        scheme = urlsplit(target).scheme.lower()
        if scheme == "file":
            return await asyncio.to_thread(read_local, target, self.options.max_bytes)
        if scheme not in ("http", "https"):
            return FetchResult(target, error=f"unsupported URL scheme '{scheme}:'")
        try:
            async with asyncio.timeout(self.options.timeout):
                return await self._fetch_web(target)
        except TimeoutError:
            return FetchResult(target, error=f"timed out: no complete answer within "
                               f"{self.options.timeout:g} s")

    async def _fetch_web(self, target: str) -> FetchResult:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.options.timeout
        attempt = 0
        while True:
            attempt += 1
            outcome = await self._attempt(target)
            if isinstance(outcome, FetchResult):
                return replace(outcome, attempts=attempt)
            decision = decide(self.options.retry, attempt, retryable=outcome.retryable,
                              retry_after=outcome.retry_after, remaining=deadline - loop.time(),
                              random=self._random)
            if not decision.retry:
                reason = outcome.reason + (f" ({decision.reason})" if decision.reason else "")
                return FetchResult(target, status=outcome.status, error=reason, attempts=attempt)
            log.info("retrying %s in %.1f s: %s", target, decision.delay, outcome.reason)
            await asyncio.sleep(decision.delay)

    async def _attempt(self, target: str) -> FetchResult | _Failure:
        """One request, following redirects; the body is read within the host's slot."""
        assert self._client is not None, "use Fetcher as 'async with Fetcher() as f'"
        url = target
        for _hop in range(self.options.max_redirects + 1):
            host = urlsplit(url).hostname or ""
            async with self._limiter.slot(host):
                try:
                    request = self._client.build_request("GET", url)
                    response = await self._client.send(request, stream=True)
                except httpx.HTTPError as e:
                    return _failure_of(e)
                try:
                    status = response.status_code
                    if status in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            return _Failure(f"HTTP {status} redirect without a Location", False, status)
                        next_url = urljoin(str(response.url), location.strip())
                        scheme = urlsplit(next_url).scheme.lower()
                        if scheme not in ("http", "https"):
                            return _Failure(f"redirected to a {scheme}: URL, which is not followed",
                                            False, status)
                        url = next_url
                        continue
                    if status >= 400:
                        return _Failure(_status_text(status), is_retryable_status(status), status,
                                        parse_retry_after(response.headers.get("retry-after")))
                    if status != 200 and status != 203:
                        return _Failure(f"{_status_text(status)}: no content to check", False, status)
                    try:
                        body = await read_capped(response.aiter_raw(), response.headers.get(
                            "content-encoding"), self.options.max_bytes)
                    except BodyError as e:
                        return _Failure(str(e), False, status)
                    except httpx.HTTPError as e:
                        failure = _failure_of(e)
                        return _Failure(f"{failure.reason} while reading the body", failure.retryable,
                                        status)
                    ctype, charset = _content_type(response.headers.get("content-type"))
                    return FetchResult(target, body=body.data, status=status, final_url=str(response.url),
                                       content_type=ctype, charset=charset, truncated=body.truncated)
                finally:
                    await response.aclose()
        return _Failure(f"more than {self.options.max_redirects} redirects", False)


async def fetch_all(targets: Iterable[str], options: FetchOptions | None = None) -> dict[str, FetchResult]:
    """Fetch each distinct target once, concurrently; a convenience over ``Fetcher``."""
    unique = list(dict.fromkeys(targets))
    async with Fetcher(options) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(t) for t in unique))
    return dict(zip(unique, results, strict=True))


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower() or None, charset


def _failure_of(error: httpx.HTTPError) -> _Failure:
    """A user-readable reason for an httpx exception, and whether it is transient."""
    text = str(error) or type(error).__name__
    if isinstance(error, httpx.ConnectTimeout):
        return _Failure("timed out connecting", True)
    if isinstance(error, httpx.ReadTimeout):
        return _Failure("timed out waiting for the server", True)
    if isinstance(error, httpx.TimeoutException):
        return _Failure("timed out", True)
    if isinstance(error, httpx.ConnectError):
        cause = error.__context__ or error.__cause__
        if isinstance(cause, ssl.SSLError) or "SSL" in text or "certificate" in text.lower():
            return _Failure(f"TLS error: {_short(text)}", False)
        if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
            return _Failure("host name not found (DNS)", False)
        if "Connection refused" in text or "Errno 111" in text:
            return _Failure("connection refused", True)
        return _Failure(f"cannot connect: {_short(text)}", True)
    if isinstance(error, httpx.RemoteProtocolError):
        return _Failure(f"the server broke the HTTP protocol: {_short(text)}", True)
    if isinstance(error, httpx.ReadError | httpx.WriteError):
        return _Failure(f"connection lost: {_short(text)}", True)
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return _Failure(f"invalid URL: {_short(text)}", False)
    if isinstance(error, httpx.DecodingError):
        return _Failure(f"undecodable body: {_short(text)}", False)
    return _Failure(_short(text), isinstance(error, httpx.TransportError))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
