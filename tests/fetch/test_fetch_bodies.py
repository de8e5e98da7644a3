"""Bodies over HTTP: the size cap, Content-Encodings, and compression bombs."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import brotli
import pytest
from pytest_httpserver import HTTPServer

from factcheck.fetch import FetchResult
from tests.fetch.helpers import fast_options, fetch

TEXT = ("The committee met on Tuesday and approved the budget of 4.2 million euros. " * 40).encode()
MB = 1024 * 1024


def _serve(httpserver: HTTPServer, data: bytes, encoding: str | None = None,
           content_type: str = "text/plain; charset=utf-8") -> str:
    headers = {"Content-Encoding": encoding} if encoding else {}
    httpserver.expect_request("/body").respond_with_data(data, content_type=content_type, headers=headers)
    return httpserver.url_for("/body")


def _zeros_gzip(size: int) -> bytes:
    """gzip of ``size`` zero bytes, compressed a megabyte at a time (never all in memory)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    out = [compressor.compress(block) for _ in range(size // MB)]
    return b"".join([*out, compressor.flush()])


def _zeros_brotli(size: int) -> bytes:
    compressor = brotli.Compressor(quality=5)
    block = bytes(MB)
    out = [compressor.process(block) for _ in range(size // MB)]
    return b"".join([*out, compressor.finish()])


def _fetch_traced(url: str, max_bytes: int) -> tuple[FetchResult, int]:
    """Fetch, returning the result and the peak of Python memory allocated meanwhile."""
    tracemalloc.start()
    try:
        result = fetch(url, fast_options(max_bytes=max_bytes))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def test_body_over_the_cap_is_truncated(httpserver: HTTPServer) -> None:
    data = bytes(range(256)) * 400  # 102,400 bytes
    url = _serve(httpserver, data, content_type="application/octet-stream")

    result = fetch(url, fast_options(max_bytes=1000))

    assert result.ok
    assert result.truncated is True
    assert len(result.body or b"") == 1000
    assert result.body == data[:1000]


def test_body_exactly_at_the_cap_is_whole(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, TEXT)

    result = fetch(url, fast_options(max_bytes=len(TEXT)))

    assert result.body == TEXT
    assert result.truncated is False


def test_body_one_byte_over_the_cap_is_truncated(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, TEXT)

    result = fetch(url, fast_options(max_bytes=len(TEXT) - 1))

    assert result.body == TEXT[:-1]
    assert result.truncated is True


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "GZIP"])
def test_gzip_body_is_decoded(httpserver: HTTPServer, encoding: str) -> None:
    url = _serve(httpserver, gzip.compress(TEXT), encoding)

    result = fetch(url)

    assert result.ok, result.error
    assert result.body == TEXT
    assert result.truncated is False
    assert result.content_type == "text/plain"
    assert result.charset == "utf-8"


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib-wrapped", "raw"])
def test_deflate_body_is_decoded(httpserver: HTTPServer, wbits: int) -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    url = _serve(httpserver, compressor.compress(TEXT) + compressor.flush(), "deflate")

    result = fetch(url)

    assert result.ok, result.error
    assert result.body == TEXT


def test_brotli_body_is_decoded(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, brotli.compress(TEXT), "br")

    result = fetch(url)

    assert result.ok, result.error
    assert result.body == TEXT


def test_stacked_encodings_are_undone_in_reverse(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, brotli.compress(gzip.compress(TEXT)), "gzip, br")

    result = fetch(url)

    assert result.ok, result.error
    assert result.body == TEXT


def test_compressed_body_over_the_cap_is_truncated(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, gzip.compress(TEXT), "gzip")

    result = fetch(url, fast_options(max_bytes=500))

    assert result.body == TEXT[:500]
    assert result.truncated is True


def test_gzip_bomb_is_truncated_without_exploding_memory(httpserver: HTTPServer) -> None:
    bomb = _zeros_gzip(50 * MB)
    assert len(bomb) < 100_000  # 50 MB of zeros, compressed a thousandfold
    url = _serve(httpserver, bomb, "gzip", content_type="text/html")

    result, peak = _fetch_traced(url, max_bytes=MB)

    assert result.truncated is True
    assert result.body == bytes(MB)
    assert peak < 20 * MB, f"peak {peak / MB:.1f} MB"


def test_brotli_bomb_is_truncated_without_exploding_memory(httpserver: HTTPServer) -> None:
    bomb = _zeros_brotli(50 * MB)
    assert len(bomb) < 100_000
    url = _serve(httpserver, bomb, "br", content_type="text/html")

    result, peak = _fetch_traced(url, max_bytes=MB)

    assert result.truncated is True
    assert result.body == bytes(MB)
    assert peak < 20 * MB, f"peak {peak / MB:.1f} MB"


@pytest.mark.parametrize("encoding", ["compress", "zstd", "gzip, xz"])
def test_unknown_content_encoding_is_an_error(httpserver: HTTPServer, encoding: str) -> None:
    url = _serve(httpserver, b"\x1f\x9d whatever", encoding)

    result = fetch(url)

    unknown = encoding.split(",")[-1].strip()
    assert result.error == f"unsupported Content-Encoding '{unknown}'"
    assert result.body is None
    assert result.status == 200
    assert result.attempts == 1


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_corrupt_compressed_body_is_an_error(httpserver: HTTPServer, encoding: str) -> None:
    url = _serve(httpserver, b"this was never compressed " * 10, encoding)

    result = fetch(url)

    assert result.error is not None
    assert result.error.startswith(f"corrupt {encoding} body")
    assert result.body is None
    assert result.attempts == 1


def test_identity_encoding_is_the_body_itself(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, TEXT, "identity")

    assert fetch(url).body == TEXT
