"""The HTTP cache: a night's run over unchanged sources costs a 304 each, or nothing.

hishel's ``AsyncCacheTransport`` follows RFC 9111 (a private cache: freshness from
``Cache-Control``/``Expires``, or heuristically from ``Last-Modified``; conditional
requests with ``ETag``/``Last-Modified`` once stale) and stores responses raw, still
content-encoded, in SQLite; the fetcher decodes them under its cap either way. Around it:

- failures are never stored (a 404 or a 503 answered from the cache would keep a
  repaired source broken until it expires): error responses are marked ``no-store``
  before the cache sees them;
- a cache that cannot be opened or written is a warning, never a failed run: requests
  then go straight to the network;
- ``--refresh`` asks every server again (``Cache-Control: no-cache``: a conditional
  request, so an unchanged source still costs only a 304, and the copy is renewed);
- ``--offline`` answers from the cache only, stale or not, and a source never stored is
  unreachable with "not in the cache".
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path

import httpx

from factcheck.fetch.options import CacheMode

log = logging.getLogger(__name__)

MAX_CACHE_BYTES = 1024**3
"""The cache's size bound; hishel drops the least recently used entries past it."""


class NotInCache(httpx.ConnectError):
    """Offline, and the source was never stored."""


def default_cache_path() -> Path:
    """The HTTP cache unless ``--cache`` says otherwise: the user's cache folder."""
    import platformdirs

    return platformdirs.user_cache_path("factcheck", appauthor=False) / "http-cache.sqlite3"


def usable(path: Path) -> str | None:
    """Why the cache file cannot be used (None: it can), checked before a run starts."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=10)
        try:
            db.execute("PRAGMA schema_version").fetchone()
        finally:
            db.close()
    except (OSError, sqlite3.Error) as e:
        return str(e)
    return None


def cache_transport(network: httpx.AsyncBaseTransport, path: Path, mode: CacheMode,
                    max_bytes: int) -> httpx.AsyncBaseTransport:
    """``network`` behind the cache at ``path``."""
    import hishel
    from hishel.httpx import AsyncCacheTransport

    storage = hishel.AsyncSqliteStorage(database_path=path, max_stream_size=max_bytes, max_size=MAX_CACHE_BYTES)
    if mode is CacheMode.OFFLINE:
        return _Offline(AsyncCacheTransport(_NoNetwork(path), storage, rfc=False))
    cache = AsyncCacheTransport(_FailuresNotStored(network), storage, rfc=hishel.CacheOptions(shared=False))
    return _Guarded(cache, network, path, revalidate=mode is CacheMode.REFRESH)


class _FailuresNotStored(httpx.AsyncBaseTransport):
    """Marks error answers ``no-store`` on their way into the cache."""

    def __init__(self, network: httpx.AsyncBaseTransport) -> None:
        self._network = network

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._network.handle_async_request(request)
        if response.status_code >= 400:
            response.headers["cache-control"] = "no-store"
        return response

    async def aclose(self) -> None:
        await self._network.aclose()


class _Guarded(httpx.AsyncBaseTransport):
    """The cache, or the network alone once the cache has failed."""

    def __init__(self, cache: httpx.AsyncBaseTransport, network: httpx.AsyncBaseTransport, path: Path, *,
                 revalidate: bool) -> None:
        self._cache: httpx.AsyncBaseTransport | None = cache
        self._network = network
        self._path = path
        self._revalidate = revalidate

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._revalidate:
            request.headers["cache-control"] = "no-cache"
        if self._cache is not None:
            try:
                return await self._cache.handle_async_request(request)
            except (sqlite3.Error, RuntimeError) as e:     # the storage's; network errors pass
                log.warning("the HTTP cache %s failed (%s); going on without it", self._path, e)
                self._cache = None
        return await self._network.handle_async_request(request)

    async def aclose(self) -> None:
        if self._cache is not None:
            try:
                await self._cache.aclose()      # closes the network transport too
                return
            except (sqlite3.Error, RuntimeError) as e:
                log.warning("closing the HTTP cache %s failed: %s", self._path, e)
        await self._network.aclose()


class _Offline(httpx.AsyncBaseTransport):
    """Looks each request up under the key the RFC-mode cache stored it with, fresh or not."""

    def __init__(self, cache: httpx.AsyncBaseTransport) -> None:
        self._cache = cache

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # hishel's key for RFC mode (hishel/httpx/_async.py): the same entry, read without the
        # RFC rules, so a stale copy still answers. tests/fetch/test_cache.py holds us to it.
        key = hashlib.sha256(f"RFC {request.url}".encode()).hexdigest()
        request.extensions = {**request.extensions, "caching": {"key": key, "rfc": False}}
        try:
            return await self._cache.handle_async_request(request)
        except sqlite3.Error as e:
            raise NotInCache(f"offline, and the HTTP cache cannot be read ({e})") from None

    async def aclose(self) -> None:
        await self._cache.aclose()


class _NoNetwork(httpx.AsyncBaseTransport):
    def __init__(self, path: Path) -> None:
        self._path = path

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise NotInCache(f"offline, and not in the HTTP cache {self._path}")
