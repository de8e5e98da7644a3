"""The HTTP cache against a local server: 304 revalidation, freshness, offline, refresh,
failures never stored, and a broken cache that only warns."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import logging
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck.fetch import FetchOptions
from factcheck.fetch.cache import cache_transport, usable
from factcheck.fetch.client import make_transport
from factcheck.fetch.options import CacheMode
from tests.fetch.helpers import fast_options, fetch

PAGE = b"<html><body><p>The port handled 41 million tonnes.</p></body></html>"


class Site:
    """A page with an ETag; counts full answers and 304s."""

    def __init__(self, server: HTTPServer, body: bytes = PAGE, cache_control: str = "max-age=0") -> None:
        self.body = body
        self.cache_control = cache_control
        self.full = 0
        self.not_modified = 0
        self.status = 200
        server.expect_request("/page").respond_with_handler(self.handle)
        self.url = server.url_for("/page")

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'

    def handle(self, request: Request) -> Response:
        if self.status != 200:
            self.full += 1
            return Response(b"down", status=self.status, headers={"Cache-Control": "max-age=3600"})
        headers = {"ETag": self.etag, "Cache-Control": self.cache_control, "Content-Type": "text/html"}
        if request.headers.get("If-None-Match") == self.etag:
            self.not_modified += 1
            return Response(status=304, headers=headers)
        self.full += 1
        return Response(self.body, headers=headers)


def cached(tmp_path: Path, mode: CacheMode = CacheMode.NORMAL) -> FetchOptions:
    return fast_options(cache=tmp_path / "cache.sqlite3", cache_mode=mode)


def test_an_unchanged_page_costs_a_304(httpserver: HTTPServer, tmp_path: Path) -> None:
    site = Site(httpserver)
    first = fetch(site.url, cached(tmp_path))
    second = fetch(site.url, cached(tmp_path))
    assert (site.full, site.not_modified) == (1, 1)
    assert first.body == second.body == PAGE
    assert (first.cached, second.cached) == (None, "revalidated")


def test_a_changed_page_is_fetched_again(httpserver: HTTPServer, tmp_path: Path) -> None:
    site = Site(httpserver)
    fetch(site.url, cached(tmp_path))
    site.body = PAGE.replace(b"41", b"42")
    again = fetch(site.url, cached(tmp_path))
    assert again.body == site.body
    assert site.full == 2


def test_a_fresh_copy_is_used_without_asking(httpserver: HTTPServer, tmp_path: Path) -> None:
    site = Site(httpserver, cache_control="max-age=600")
    fetch(site.url, cached(tmp_path))
    second = fetch(site.url, cached(tmp_path))
    assert (site.full, site.not_modified) == (1, 0)
    assert second.cached == "fresh" and second.body == PAGE


def test_refresh_asks_the_server_even_for_a_fresh_copy(httpserver: HTTPServer, tmp_path: Path) -> None:
    site = Site(httpserver, cache_control="max-age=600")
    fetch(site.url, cached(tmp_path))
    refreshed = fetch(site.url, cached(tmp_path, CacheMode.REFRESH))
    assert site.not_modified + site.full == 2
    assert refreshed.body == PAGE


def test_offline_answers_from_the_cache_even_stale(httpserver: HTTPServer, tmp_path: Path) -> None:
    site = Site(httpserver, cache_control="max-age=0")         # stale at once
    fetch(site.url, cached(tmp_path))
    httpserver.clear()                                         # the network is gone
    offline = fetch(site.url, cached(tmp_path, CacheMode.OFFLINE))
    assert offline.ok and offline.body == PAGE


def test_offline_without_a_copy_is_unreachable_without_asking(httpserver: HTTPServer, tmp_path: Path) -> None:
    site = Site(httpserver)
    result = fetch(site.url, replace(cached(tmp_path, CacheMode.OFFLINE), retry=fast_options().retry))
    assert result.error is not None and "not in the HTTP cache" in result.error
    assert site.full == 0


@pytest.mark.parametrize("status", [404, 503])
def test_failures_are_never_stored(httpserver: HTTPServer, tmp_path: Path, status: int) -> None:
    """An error sent with a long max-age must not keep a repaired source broken, even when
    its body is read to the end (the fetcher does not read it today; the cache must not
    depend on that)."""
    site = Site(httpserver)
    site.status = status

    async def twice() -> list[int]:
        transport = cache_transport(make_transport(), tmp_path / "cache.sqlite3", CacheMode.NORMAL, 10**6)
        async with httpx.AsyncClient(transport=transport) as client:
            first = await client.get(site.url)          # read whole
            site.status = 200
            second = await client.get(site.url)
            return [first.status_code, second.status_code]

    assert asyncio.run(twice()) == [status, 200]
    assert site.full == 2


def test_compressed_pages_are_stored_raw_and_decoded_under_the_cap(httpserver: HTTPServer, tmp_path: Path) -> None:
    body = gzip.compress(PAGE)
    httpserver.expect_request("/gz").respond_with_response(Response(body, headers={
        "Content-Encoding": "gzip", "ETag": '"x"', "Cache-Control": "max-age=600", "Content-Type": "text/html"}))
    url = httpserver.url_for("/gz")
    assert fetch(url, cached(tmp_path)).body == PAGE
    assert fetch(url, cached(tmp_path)).body == PAGE


def test_a_cache_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not sqlite, just text " * 100)
    assert usable(path) is not None
    assert usable(tmp_path / "new" / "cache.sqlite3") is None


def test_a_cache_that_fails_at_run_time_only_warns(httpserver: HTTPServer, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    """hishel refuses a database with a foreign 'entries' table: the fetch goes on without it."""
    import sqlite3

    path = tmp_path / "cache.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE entries (something TEXT)")
    site = Site(httpserver)
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        result = fetch(site.url, fast_options(cache=path))
    assert result.ok and result.body == PAGE
    assert any("HTTP cache" in r.getMessage() for r in caplog.records)
