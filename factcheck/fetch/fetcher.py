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
import socket
import ssl
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import aiohttp
import httpx

from factcheck.fetch.body import BodyError, read_capped
from factcheck.fetch.client import UnfollowableRedirect, make_client
from factcheck.fetch.limits import HostLimiter
from factcheck.fetch.local import read_local
from factcheck.fetch.options import CacheMode, FetchOptions
from factcheck.fetch.result import FetchResult
from factcheck.fetch.retry import decide, is_retryable_status, parse_retry_after
from factcheck.fetch.robots import MAX_ROBOTS_BYTES, RobotsAnswer, RobotsPolicy

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
        retry = self.options.retry
        self._limiter = HostLimiter(self.options.concurrency, self.options.per_host, self.options.max_rate,
                                    backoff=(retry.base_delay, retry.max_delay))
        self._random = random_source
        offline = self.options.cache_mode is CacheMode.OFFLINE      # no request reaches any site
        self._robots = RobotsPolicy(self._fetch_robots) if self.options.robots and not offline else None

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
        """Fetch one absolute ``http(s)://`` or ``file://`` URL; never raises for a bad source."""
        scheme = urlsplit(target).scheme.lower()
        if scheme == "file":
            return await asyncio.to_thread(read_local, target, self.options.max_bytes)
        if scheme not in ("http", "https"):
            return FetchResult(target, error=f"unsupported URL scheme '{scheme}:'")
        state = _State()
        try:
            return await self._fetch_web(target, state)
        except TimeoutError:
            return FetchResult(target, status=state.status, attempts=state.attempts,
                               error=f"timed out: no complete answer within {self.options.timeout:g} s")

    async def _fetch_web(self, target: str, state: _State) -> FetchResult:
        loop = asyncio.get_running_loop()
        while True:
            state.attempts += 1
            outcome = await self._attempt(target, state)
            if isinstance(outcome, FetchResult):
                return replace(outcome, attempts=state.attempts)
            state.status = outcome.status
            remaining = (state.deadline or loop.time() + self.options.timeout) - loop.time()
            decision = decide(self.options.retry, state.attempts, retryable=outcome.retryable,
                              retry_after=outcome.retry_after, remaining=remaining, random=self._random)
            if not decision.retry:
                reason = outcome.reason + (f" ({decision.reason})" if decision.reason else "")
                return FetchResult(target, status=outcome.status, error=reason, attempts=state.attempts)
            log.info("retrying %s in %.1f s: %s", target, decision.delay, outcome.reason)
            await asyncio.sleep(decision.delay)

    async def _attempt(self, target: str, state: _State) -> FetchResult | _Failure:
        """One request, following redirects, each hop within its host's slot.

        The source's deadline starts when its first request may go out: time spent
        queueing behind other sources of the same host is not held against it.
        """
        url = target
        for _hop in range(self.options.max_redirects + 1):
            host = urlsplit(url).hostname or ""
            if self._robots is not None:
                verdict = await self._robots.check(url)
                if verdict.crawl_delay:
                    self._limiter.set_crawl_delay(host, verdict.crawl_delay)
                if not verdict.allowed:
                    return _Failure(verdict.reason or "blocked by robots.txt", False, state.status)
            async with asyncio.timeout_at(state.deadline):
                await self._limiter.acquire(host)
            try:
                if state.deadline is None:
                    state.deadline = asyncio.get_running_loop().time() + self.options.timeout
                async with asyncio.timeout_at(state.deadline):
                    outcome = await self._request(url, state)
            finally:
                self._limiter.release(host)
            if isinstance(outcome, str):
                url = outcome                        # a redirect: the next hop
                continue
            if isinstance(outcome, FetchResult):
                return replace(outcome, target=target)
            return outcome
        return _Failure(f"more than {self.options.max_redirects} redirects", False, state.status)

    async def _request(self, url: str, state: _State) -> FetchResult | _Failure | str:
        """One HTTP exchange: the result, a failure, or the URL a redirect points to."""
        assert self._client is not None, "use Fetcher as 'async with Fetcher() as f'"
        try:
            request = self._client.build_request("GET", url)
            response = await self._client.send(request, stream=True)
        except (httpx.HTTPError, aiohttp.ClientError) as e:
            return _failure_of(e)
        except UnfollowableRedirect as e:
            return _Failure(e.reason, False, e.status)
        except (TimeoutError, asyncio.CancelledError):
            raise
        except Exception as e:  # a hostile answer (bad Location, impossible port) must not end the run
            return _Failure(f"cannot fetch: {_short(str(e) or type(e).__name__)}", False)
        try:
            status = state.status = response.status_code
            host = urlsplit(url).hostname or ""
            if status == 429:
                wait = self._limiter.too_many_requests(host, parse_retry_after(response.headers.get("retry-after")))
                log.info("%s answered 429: no request to it for %.1f s", host, wait)
            else:
                self._limiter.answered(host)
            if status in REDIRECT_STATUSES:
                return _redirect_target(response)
            if status >= 400:
                return _Failure(_status_text(status), is_retryable_status(status), status,
                                parse_retry_after(response.headers.get("retry-after")))
            if status not in (200, 203):
                return _Failure(f"{_status_text(status)}: no content to check", False, status)
            try:
                body = await read_capped(response.aiter_raw(), response.headers.get("content-encoding"),
                                         self.options.max_bytes)
            except BodyError as e:
                return _Failure(str(e), False, status)
            except (httpx.HTTPError, aiohttp.ClientError) as e:
                failure = _failure_of(e)
                return _Failure(f"{failure.reason} while reading the body", failure.retryable, status)
            ctype, charset = _content_type(response.headers.get("content-type"))
            return FetchResult(url, body=body.data, status=status, final_url=str(response.url),
                               content_type=ctype, charset=charset, truncated=body.truncated,
                               cached=_cache_state(response))
        finally:
            await response.aclose()


    async def _fetch_robots(self, robots_url: str) -> RobotsAnswer:
        """A site's robots.txt, within the site's limits; redirects followed (RFC 9309: five)."""
        assert self._client is not None
        url = robots_url
        async with asyncio.timeout(self.options.timeout):
            for _hop in range(6):
                host = urlsplit(url).hostname or ""
                async with self._limiter.slot(host):
                    try:
                        response = await self._client.send(self._client.build_request("GET", url), stream=True)
                    except UnfollowableRedirect as e:
                        return RobotsAnswer(e.status, error=e.reason)
                    except (httpx.HTTPError, aiohttp.ClientError) as e:
                        return RobotsAnswer(None, error=_failure_of(e).reason)
                    try:
                        if response.status_code in REDIRECT_STATUSES:
                            target = _redirect_target(response)
                            if isinstance(target, _Failure):
                                return RobotsAnswer(response.status_code, error=target.reason)
                            url = target
                            continue
                        if response.status_code >= 300:
                            return RobotsAnswer(response.status_code)
                        body = await read_capped(response.aiter_raw(), response.headers.get("content-encoding"),
                                                 MAX_ROBOTS_BYTES)
                        return RobotsAnswer(response.status_code, body.data)
                    except (BodyError, httpx.HTTPError, aiohttp.ClientError) as e:
                        return RobotsAnswer(None, error=str(e))
                    finally:
                        await response.aclose()
        return RobotsAnswer(None, error="too many redirects")


@dataclass
class _State:
    """What one source's fetch has done so far, kept across attempts and hops."""

    attempts: int = 0
    status: int | None = None
    deadline: float | None = None
    """Loop time by which the source must be done; set when its first request can go out."""


def _cache_state(response: httpx.Response) -> str | None:
    caching = response.extensions.get("caching") or {}
    if caching.get("revalidated"):
        return "revalidated"
    return "fresh" if caching.get("from_cache") else None


def _redirect_target(response: httpx.Response) -> str | _Failure:
    status = response.status_code
    location = response.headers.get("location")
    if not location:
        return _Failure(f"HTTP {status} redirect without a Location", False, status)
    try:
        next_url = urljoin(str(response.url), location.strip())
        parts = urlsplit(next_url)
        _ = parts.port                              # raises for a port out of range
    except ValueError:
        return _Failure(f"redirected to an invalid URL {_short(location, 80)!r}", False, status)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return _Failure(f"redirected to a {scheme or 'relative'}: URL, which is not followed", False, status)
    if not parts.hostname:
        return _Failure(f"redirected to a URL without a host: {_short(location, 80)!r}", False, status)
    return str(next_url)


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


def _failure_of(error: Exception) -> _Failure:
    """A user-readable reason for a failed exchange, and whether it is transient.

    The aiohttp transport raises httpx errors from aiohttp's; aiohttp's say more (its
    mapping files a refused connection and a server hanging up under "connect
    timeout"), so they are read first.
    """
    causes = list(_causes(error))
    cause = next((c for c in causes if isinstance(c, aiohttp.ClientError)), None)
    if cause is not None:
        return _aiohttp_failure(cause, causes)
    text = str(error) or type(error).__name__
    if isinstance(error, httpx.ConnectTimeout):
        return _Failure("timed out connecting", True)
    if isinstance(error, httpx.ReadTimeout):
        return _Failure("timed out waiting for the server", True)
    if isinstance(error, httpx.TimeoutException):
        return _Failure("timed out", True)
    if isinstance(error, httpx.ConnectError):
        return _connect_failure(text, causes)
    if isinstance(error, httpx.RemoteProtocolError):
        return _Failure(f"the server broke the HTTP protocol: {_short(text)}", True)
    if isinstance(error, httpx.ReadError | httpx.WriteError):
        return _Failure(f"connection lost: {_short(text)}", True)
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return _Failure(f"invalid URL: {_short(text)}", False)
    if isinstance(error, httpx.DecodingError):
        return _Failure(f"undecodable body: {_short(text)}", False)
    return _Failure(_short(text), isinstance(error, httpx.TransportError))


def _aiohttp_failure(error: aiohttp.ClientError, causes: list[BaseException]) -> _Failure:
    text = str(error) or type(error).__name__
    if isinstance(error, aiohttp.ConnectionTimeoutError):
        return _Failure("timed out connecting", True)
    if isinstance(error, aiohttp.ServerTimeoutError):
        return _Failure("timed out waiting for the server", True)
    if isinstance(error, aiohttp.ClientConnectorError):
        return _connect_failure(text, causes)
    if isinstance(error, aiohttp.ServerDisconnectedError):
        return _Failure("the server broke the HTTP protocol: it closed the connection without a complete answer",
                        True)
    if isinstance(error, aiohttp.ClientPayloadError):
        return _Failure(f"the server broke the HTTP protocol: {_short(_payload_reason(error, causes))}", True)
    if isinstance(error, aiohttp.ClientResponseError):    # an answer aiohttp could not parse
        return _Failure(f"the server broke the HTTP protocol: {_short((error.message or text).rstrip('.'))}", True)
    if isinstance(error, aiohttp.ClientOSError | aiohttp.ClientConnectionError):
        return _Failure(f"connection lost: {_short(text)}", True)
    if isinstance(error, aiohttp.InvalidURL):
        return _Failure(f"invalid URL: {_short(text)}", False)
    return _Failure(_short(text), False)


def _connect_failure(text: str, causes: list[BaseException]) -> _Failure:
    """Why no connection could be made: the name, the TLS handshake, or the host itself."""
    texts = " ".join(str(c) for c in causes)
    if (any(isinstance(c, ssl.SSLError | aiohttp.ClientSSLError) for c in causes)
            or "SSL" in texts or "certificate" in texts.lower()):
        return _Failure(f"TLS error: {_short(text)}", False)
    if (any(isinstance(c, socket.gaierror | aiohttp.ClientConnectorDNSError) for c in causes)
            or "Name or service not known" in texts):
        return _Failure("host name not found (DNS)", False)
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "Connection refused" in texts:
        return _Failure("connection refused", True)
    return _Failure(f"cannot connect: {_short(text)}", True)


def _payload_reason(error: aiohttp.ClientPayloadError, causes: list[BaseException]) -> str:
    """aiohttp's payload errors wrap the parser's, whose message says what was wrong."""
    for cause in causes:
        message = getattr(cause, "message", None)
        if cause is not error and isinstance(message, str) and message:
            return message.rstrip(".")
    return str(error).rstrip(".") or "the body was cut short"


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error and everything it was raised from (anyio wraps the OS error twice)."""
    seen: set[int] = set()
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, BaseExceptionGroup):
            stack.extend(current.exceptions)
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                stack.append(linked)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
