"""HTTP heads as bytes: what ``response_head`` writes, ``parse_response`` reads back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.archive.records import dechunk, parse_response, response_head, url_key

_TOKEN = st.binary(min_size=1, max_size=20).filter(
    lambda b: all(33 <= c < 127 and c != ord(":") for c in b))
_VALUE = st.binary(max_size=60).map(lambda b: bytes(c for c in b if c not in b"\r\n")).map(
    lambda b: b.strip(b" \t"))
_HEADERS = st.lists(st.tuples(_TOKEN, _VALUE), max_size=12).map(
    lambda hs: [(n, v) for n, v in hs if n.lower() not in (b"content-length", b"transfer-encoding")])


@given(status=st.integers(100, 599), reason=_VALUE, headers=_HEADERS, body=st.binary(max_size=200))
def test_a_response_head_reads_back_as_written(status: int, reason: bytes, headers: list[tuple[bytes, bytes]],
                                               body: bytes) -> None:
    head = response_head(b"HTTP/1.1", status, reason, headers, len(body))

    parts = parse_response(head + body)

    assert (parts.http_version, parts.status, parts.reason, parts.body) == (b"HTTP/1.1", status, reason, body)
    assert parts.headers == [*headers, (b"Content-Length", str(len(body)).encode())]


def test_content_length_is_fixed_in_place_and_transfer_encoding_dropped() -> None:
    head = response_head(b"HTTP/1.1", 200, b"OK", [(b"Transfer-Encoding", b"chunked"), (b"Content-Length", b"9"),
                                                  (b"X", b"y"), (b"Content-Length", b"9")], 3)
    assert head == b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nX: y\r\n\r\n"


def test_folded_header_lines_are_joined() -> None:
    parts = parse_response(b"HTTP/1.0 200 OK\r\nX-Long: one\r\n  two\r\nA: b\r\n\r\nbody")
    assert parts.headers == [(b"X-Long", b"one two"), (b"A", b"b")]


@pytest.mark.parametrize("block", [b"HTTP/1.1 200 OK\r\nA: b", b"GET / HTTP/1.1\r\n\r\n", b"HTTP/1.1 OK\r\n\r\n"])
def test_not_a_response(block: bytes) -> None:
    with pytest.raises(ValueError):
        parse_response(block)


@given(st.lists(st.binary(min_size=1, max_size=40), max_size=8))
def test_dechunk_undoes_chunking(chunks: list[bytes]) -> None:
    data = b"".join(b"%x;ext=1\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\nTrailer: x\r\n\r\n"
    assert dechunk(data) == b"".join(chunks)


@pytest.mark.parametrize("data", [b"5\r\nabc", b"zz\r\nabc\r\n0\r\n\r\n", b"3\r\nabc\r\n"])
def test_dechunk_refuses_a_broken_body(data: bytes) -> None:
    with pytest.raises(ValueError):
        dechunk(data)


def test_url_key() -> None:
    assert url_key("https://Example.org/a b#frag") == "https://example.org/a%20b"
    assert url_key("file:///tmp/a b.txt") == "file:///tmp/a b.txt"
