"""Archive what a local server sends through ``ArchivingTransport``, replay it through
``ReplayTransport``: the same status, headers and raw bytes, the same record ids, and
the fetcher reaching the same results from the archive as it did online."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer
from warcio.archiveiterator import ArchiveIterator

from factcheck.archive import (
    RECORD_ID,
    TRUNCATED,
    ArchiveWriter,
    ArchivingTransport,
    NotArchivedError,
    ReplayTransport,
    WarcArchive,
)
from factcheck.fetch import Fetcher, FetchResult
from factcheck.fetch.client import check_redirect, make_transport
from tests.fetch.helpers import Handler, RawServer, fast_options, read_request

PAGE = "<html><head><title>Budget</title></head><body><p>The council approved 4.2 million euros.</p></body></html>"
LONG = ("The committee met on Tuesday and approved the budget. " * 2000).encode()    # 110 KB
BIG = bytes(range(256)) * 1200                                                        # 300 KB


@dataclass
class Seen:
    """One response as the client saw it."""

    status: int
    headers: list[tuple[bytes, bytes]]
    raw: bytes
    record_id: str


def _serve_pages(httpserver: HTTPServer) -> dict[str, str]:
    httpserver.expect_request("/page").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8", headers={"X-Note": "caf\u00e9"})
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(LONG), content_type="text/plain; charset=utf-8", headers={"Content-Encoding": "gzip"})
    httpserver.expect_request("/moved").respond_with_data("moved", status=301, headers={"Location": "/page"})
    httpserver.expect_request("/missing").respond_with_data("no such page", status=404)
    httpserver.expect_request("/big").respond_with_data(BIG, content_type="application/octet-stream")
    return {name: httpserver.url_for(f"/{name}") for name in ("page", "gz", "moved", "missing", "big")}


async def _exchange(client: httpx.AsyncClient, url: str, *, partial: bool = False) -> Seen:
    """GET ``url`` and read its raw body: all of it, or (``partial``) one chunk then close."""
    response = await client.send(client.build_request("GET", url), stream=True)
    parts: list[bytes] = []
    try:
        async for chunk in response.aiter_raw():
            parts.append(chunk)
            if partial:
                break
    finally:
        await response.aclose()
    return Seen(response.status_code, list(response.headers.raw), b"".join(parts), response.extensions[RECORD_ID])


def _record(path: Path, urls: list[str], partial: frozenset[str] = frozenset()) -> dict[str, Seen]:
    async def run() -> dict[str, Seen]:
        with ArchiveWriter(path) as writer:
            async with httpx.AsyncClient(transport=ArchivingTransport(make_transport(), writer)) as client:
                return {url: await _exchange(client, url, partial=url in partial) for url in urls}

    return asyncio.run(run())


def _replay(path: Path, urls: list[str]) -> dict[str, Seen]:
    async def run() -> dict[str, Seen]:
        async with httpx.AsyncClient(transport=ReplayTransport(WarcArchive.open(path))) as client:
            return {url: await _exchange(client, url, partial=url.endswith("/big"))
                    for url in urls}

    return asyncio.run(run())


def _without_length(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    return [(n, v) for n, v in headers if n.lower() != b"content-length"]


def test_replay_gives_back_status_headers_and_raw_bytes(httpserver: HTTPServer, tmp_path: Path) -> None:
    urls = _serve_pages(httpserver)
    path = tmp_path / "run.warc.gz"

    online = _record(path, list(urls.values()), partial=frozenset({urls["big"]}))
    replayed = _replay(path, list(urls.values()))

    for name in ("page", "gz", "moved", "missing"):
        assert replayed[urls[name]] == online[urls[name]], name
    assert online[urls["gz"]].raw[:2] == b"\x1f\x8b"               # still gzip: the raw body
    assert online[urls["moved"]].status == 301
    assert (b"Location", b"/page") in replayed[urls["moved"]].headers
    assert online[urls["missing"]].raw == b"no such page"
    assert (b"X-Note", b"caf\xe9") in replayed[urls["page"]].headers           # Latin-1, kept as sent

    big_online, big_replayed = online[urls["big"]], replayed[urls["big"]]
    assert 0 < len(big_online.raw) < len(BIG)                        # one chunk, then closed
    assert big_replayed.raw == big_online.raw
    assert big_replayed.record_id == big_online.record_id
    assert big_replayed.status == 200
    assert _without_length(big_replayed.headers) == _without_length(big_online.headers)
    assert (b"Content-Length", str(len(big_online.raw)).encode()) in big_replayed.headers


def test_record_ids_are_returned_and_found_again(httpserver: HTTPServer, tmp_path: Path) -> None:
    urls = _serve_pages(httpserver)
    path = tmp_path / "run.warc.gz"

    online = _record(path, list(urls.values()), partial=frozenset({urls["big"]}))
    archive = WarcArchive.open(path)

    ids = {seen.record_id for seen in online.values()}
    assert len(ids) == len(urls)
    for url, seen in online.items():
        assert seen.record_id.startswith("<urn:uuid:")
        assert archive.record_id(url) == seen.record_id
        recorded = archive.response(url)
        assert recorded is not None and recorded.record_id == seen.record_id
    with path.open("rb") as stream:
        response_ids = {r.rec_headers.get_header("WARC-Record-ID")
                        for r in ArchiveIterator(stream) if r.rec_type == "response"}
    assert response_ids == ids


def test_a_body_cut_short_is_marked_truncated(httpserver: HTTPServer, tmp_path: Path) -> None:
    urls = _serve_pages(httpserver)
    path = tmp_path / "run.warc.gz"

    online = _record(path, [urls["big"], urls["page"]], partial=frozenset({urls["big"]}))

    archive = WarcArchive.open(path)
    big, page = archive.response(urls["big"]), archive.response(urls["page"])
    assert big is not None and page is not None
    assert big.truncated == "length"
    assert big.body == online[urls["big"]].raw
    assert page.truncated is None


def test_replaying_past_the_recorded_bytes_fails_as_a_read_error(httpserver: HTTPServer, tmp_path: Path) -> None:
    urls = _serve_pages(httpserver)
    path = tmp_path / "run.warc.gz"
    online = _record(path, [urls["big"]], partial=frozenset({urls["big"]}))

    async def read_all() -> tuple[bytes, httpx.Response]:
        async with httpx.AsyncClient(transport=ReplayTransport(WarcArchive.open(path))) as client:
            response = await client.send(client.build_request("GET", urls["big"]), stream=True)
            parts: list[bytes] = []
            with pytest.raises(httpx.ReadError, match="holds only the first"):
                async for chunk in response.aiter_raw():
                    parts.append(chunk)
            await response.aclose()
            return b"".join(parts), response

    data, response = asyncio.run(read_all())
    assert data == online[urls["big"]].raw
    assert response.extensions[TRUNCATED] == "length"


def test_a_url_not_in_the_archive_is_a_connect_error_naming_the_file(httpserver: HTTPServer,
                                                                     tmp_path: Path) -> None:
    urls = _serve_pages(httpserver)
    path = tmp_path / "run.warc.gz"
    _record(path, [urls["page"]])

    async def ask() -> None:
        async with httpx.AsyncClient(transport=ReplayTransport(WarcArchive.open(path))) as client:
            await client.get(urls["gz"])

    with pytest.raises(NotArchivedError) as caught:
        asyncio.run(ask())
    assert isinstance(caught.value, httpx.ConnectError)
    assert "not in the archive" in str(caught.value)
    assert str(path) in str(caught.value) and urls["gz"] in str(caught.value)


# --- the fetcher, online then from the archive ---------------------------------------------

def _client(transport: httpx.AsyncBaseTransport) -> httpx.AsyncClient:
    """Configured as ``make_client`` does, over the given transport."""
    return httpx.AsyncClient(transport=transport, follow_redirects=False, trust_env=False,
                             event_hooks={"response": [check_redirect]})


def _fetch_all(transport: Callable[[], httpx.AsyncBaseTransport], urls: list[str],
               max_bytes: int) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        async with _client(transport()) as client, \
                Fetcher(fast_options(max_bytes=max_bytes), client=client, random_source=lambda: 0.0) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(u) for u in urls)))

    return asyncio.run(run())


def test_the_fetcher_reaches_the_same_results_from_the_archive(httpserver: HTTPServer, tmp_path: Path) -> None:
    urls = _serve_pages(httpserver)
    targets = [urls["page"], urls["gz"], urls["moved"], urls["missing"], urls["big"]]
    path = tmp_path / "run.warc.gz"

    with ArchiveWriter(path) as writer:
        online = _fetch_all(lambda: ArchivingTransport(make_transport(), writer), targets, max_bytes=50_000)
    httpserver.clear()                                              # nothing is served any more
    archive = WarcArchive.open(path)
    replayed = _fetch_all(lambda: ReplayTransport(archive), targets, max_bytes=50_000)

    assert replayed == online
    by_url = dict(zip(targets, online, strict=True))
    assert by_url[urls["page"]].ok and by_url[urls["page"]].body == PAGE.encode()
    assert by_url[urls["gz"]].truncated and by_url[urls["gz"]].body == LONG[:50_000]
    assert by_url[urls["moved"]].final_url == urls["page"]
    assert by_url[urls["missing"]].status == 404
    assert by_url[urls["big"]].truncated
    recorded_gz, recorded_big = archive.response(urls["gz"]), archive.response(urls["big"])
    assert recorded_gz is not None and recorded_gz.truncated is None     # all its raw bytes were read
    assert recorded_big is not None and recorded_big.truncated == "length"


def test_the_fetcher_reports_a_url_missing_from_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    with ArchiveWriter(path):
        pass
    archive = WarcArchive.open(path)

    [result] = _fetch_all(lambda: ReplayTransport(archive), ["http://127.0.0.1:9/absent"], max_bytes=1000)

    assert result.error is not None
    assert "not in the archive" in result.error and "empty.warc.gz" in result.error


def test_concurrent_responses_are_written_whole(httpserver: HTTPServer, tmp_path: Path) -> None:
    for i in range(40):
        httpserver.expect_request(f"/p{i}").respond_with_data(f"page {i} ".encode() * (100 + 500 * i))
    urls = [httpserver.url_for(f"/p{i}") for i in range(40)]
    path = tmp_path / "many.warc.gz"

    async def run() -> list[httpx.Response]:
        with ArchiveWriter(path) as writer:
            async with httpx.AsyncClient(transport=ArchivingTransport(make_transport(), writer)) as client:
                return list(await asyncio.gather(*(client.get(u) for u in urls)))

    responses = asyncio.run(run())
    archive = WarcArchive.open(path)

    assert len(archive.urls) == 40
    for url, response in zip(urls, responses, strict=True):
        recorded = archive.response(url)
        assert recorded is not None
        assert recorded.body == response.content
        assert recorded.record_id == response.extensions[RECORD_ID]
    with path.open("rb") as stream:
        types = [r.rec_type for r in ArchiveIterator(stream, check_digests="raise")]
    assert types.count("response") == types.count("request") == 40


# --- what only a bare server sends -----------------------------------------------------------

def _chunked(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                 b"Connection: close\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n")


def _cut(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly this")
    conn.shutdown(socket.SHUT_RDWR)


def test_a_chunked_body_is_stored_dechunked_with_its_length(raw_server: Callable[[Handler], RawServer],
                                                            tmp_path: Path) -> None:
    url = raw_server(_chunked).url("/chunked")
    path = tmp_path / "run.warc.gz"

    online = _record(path, [url])
    recorded = WarcArchive.open(path).response(url)

    assert online[url].raw == b"hello, world"
    assert (b"Transfer-Encoding", b"chunked") in online[url].headers
    assert recorded is not None and recorded.body == b"hello, world"
    assert recorded.headers == (
        (b"Content-Type", b"text/plain"), (b"Connection", b"close"), (b"Content-Length", b"12"))
    with path.open("rb") as stream:                       # warcio reads it as a standard response
        bodies = [r.content_stream().read() for r in ArchiveIterator(stream) if r.rec_type == "response"]
    assert bodies == [b"hello, world"]


def test_a_connection_lost_mid_body_is_recorded_and_replayed_as_such(
        raw_server: Callable[[Handler], RawServer], tmp_path: Path) -> None:
    url = raw_server(_cut).url("/cut")
    path = tmp_path / "run.warc.gz"

    async def online() -> None:
        with ArchiveWriter(path) as writer:
            async with httpx.AsyncClient(transport=ArchivingTransport(make_transport(), writer)) as client:
                with pytest.raises(httpx.TransportError):
                    await client.get(url)

    asyncio.run(online())
    archive = WarcArchive.open(path)
    recorded = archive.response(url)
    assert recorded is not None
    assert recorded.truncated == "disconnect"
    assert recorded.body == b"only this"

    [result] = _fetch_all(lambda: ReplayTransport(archive), [url], max_bytes=1000)
    assert result.error is not None and "while reading the body" in result.error


def test_a_response_closed_unread_is_truncated_unless_its_body_was_empty(httpserver: HTTPServer,
                                                                        tmp_path: Path) -> None:
    httpserver.expect_request("/redirect").respond_with_data("", status=302, headers={"Location": "/x"})
    httpserver.expect_request("/gone").respond_with_data("this page is gone", status=410)
    urls = [httpserver.url_for("/redirect"), httpserver.url_for("/gone")]
    path = tmp_path / "run.warc.gz"

    async def run() -> None:
        with ArchiveWriter(path) as writer:
            async with httpx.AsyncClient(transport=ArchivingTransport(make_transport(), writer)) as client:
                for url in urls:
                    response = await client.send(client.build_request("GET", url), stream=True)
                    await response.aclose()

    asyncio.run(run())
    archive = WarcArchive.open(path)
    redirect, gone = archive.response(urls[0]), archive.response(urls[1])

    assert redirect is not None and redirect.truncated is None and redirect.body == b""
    assert gone is not None and gone.truncated == "length" and gone.body == b""
    assert gone.status == 410
