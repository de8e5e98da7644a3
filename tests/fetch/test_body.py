"""body.read_capped fed from an async generator of raw chunks: decoding and the cap."""

from __future__ import annotations

import asyncio
import gzip
import random
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Iterable

import brotli
import pytest

from factcheck.fetch.body import Body, BodyError, read_capped

TEXT = b"".join(f"Line {i}: the quick brown fox jumps over the lazy dog.\n".encode() for i in range(500))
MB = 1024 * 1024


async def _chunks(parts: Iterable[bytes]) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


def read(parts: Iterable[bytes], encoding: str | None, max_bytes: int = 10 * MB) -> Body:
    return asyncio.run(read_capped(_chunks(parts), encoding, max_bytes))


def split(data: bytes, size: int) -> list[bytes]:
    return [data[i:i + size] for i in range(0, len(data), size)]


def deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


ENCODED = {
    "identity": TEXT,
    "gzip": gzip.compress(TEXT),
    "deflate": deflate(TEXT, zlib.MAX_WBITS),
    "br": brotli.compress(TEXT),
    "gzip, br": brotli.compress(gzip.compress(TEXT)),
    "deflate, gzip": gzip.compress(deflate(TEXT, zlib.MAX_WBITS)),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
@pytest.mark.parametrize("chunk", [1, 7, 1000, 1 << 20])
def test_decodes_whatever_the_chunking(encoding: str, chunk: int) -> None:
    body = read(split(ENCODED[encoding], chunk), encoding)

    assert body.data == TEXT
    assert body.truncated is False


@pytest.mark.parametrize("encoding", [None, "", "identity", " Identity "])
def test_no_encoding_is_the_raw_bytes(encoding: str | None) -> None:
    assert read(split(TEXT, 100), encoding).data == TEXT


def test_empty_body() -> None:
    assert read([], None) == Body(b"", truncated=False)
    assert read([], "gzip") == Body(b"", truncated=False)


def test_raw_deflate_in_one_chunk() -> None:
    assert read([deflate(TEXT, -zlib.MAX_WBITS)], "deflate").data == TEXT


@pytest.mark.parametrize("chunk", [2, 64, 4096])
def test_raw_deflate_in_chunks(chunk: int) -> None:
    assert read(split(deflate(TEXT, -zlib.MAX_WBITS), chunk), "deflate").data == TEXT


def test_raw_deflate_dripped_byte_by_byte() -> None:
    assert read(split(deflate(TEXT, -zlib.MAX_WBITS), 1), "deflate").data == TEXT


@pytest.mark.parametrize(("encoding", "cap"), [
    (encoding, cap)
    for encoding in ENCODED for cap in (1, 100, 4096, len(TEXT) - 1)
])
def test_cap_truncates_exactly(encoding: str, cap: int) -> None:
    body = read(split(ENCODED[encoding], 512), encoding, max_bytes=cap)

    assert body.truncated is True
    assert body.data == TEXT[:cap]


@pytest.mark.parametrize("encoding", list(ENCODED))
def test_cap_equal_to_the_size_keeps_everything(encoding: str) -> None:
    body = read(split(ENCODED[encoding], 512), encoding, max_bytes=len(TEXT))

    assert body == Body(TEXT, truncated=False)


def test_cap_stops_reading_the_stream() -> None:
    pulled: list[int] = []

    async def endless() -> AsyncIterator[bytes]:
        while True:
            pulled.append(1)
            yield b"x" * 1000

    body = asyncio.run(read_capped(endless(), None, 2500))

    assert body == Body(b"x" * 2500, truncated=True)
    assert len(pulled) == 3


def test_gzip_bomb_output_is_bounded() -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(compressor.compress(bytes(MB)) for _ in range(50)) + compressor.flush()

    async def traced() -> tuple[Body, int]:
        tracemalloc.start()
        try:
            body = await read_capped(_chunks(split(bomb, 65536)), "gzip", MB)
            return body, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    body, peak = asyncio.run(traced())

    assert body == Body(bytes(MB), truncated=True)
    assert peak < 5 * MB, f"peak {peak / MB:.1f} MB"  # 50 MB if decoded whole


@pytest.mark.parametrize(("encoding", "message"), [
    ("compress", "unsupported Content-Encoding 'compress'"),
    ("gzip, zstd", "unsupported Content-Encoding 'zstd'"),
    ("x-custom", "unsupported Content-Encoding 'x-custom'"),
])
def test_unknown_encoding(encoding: str, message: str) -> None:
    with pytest.raises(BodyError) as caught:
        read([b"abc"], encoding)

    assert str(caught.value) == message


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_corrupt_data(encoding: str) -> None:
    with pytest.raises(BodyError, match=rf"^corrupt {encoding} body"):
        read([b"\x1f\x8b\x08\x00 definitely not compressed data " * 4], encoding)


def test_corrupt_data_after_a_good_start() -> None:
    good = gzip.compress(TEXT)
    damaged = good[:200] + bytes(b ^ 0xFF for b in good[200:400]) + good[400:]

    with pytest.raises(BodyError, match=r"^corrupt gzip body"):
        read(split(damaged, 100), "gzip")


def _gzip_with_sync_flushes(data: bytes, every: int) -> bytes:
    """gzip as a streaming server writes it: a sync flush (an empty stored block) after every
    ``every`` bytes."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    parts = []
    for i in range(0, len(data), every):
        parts.append(compressor.compress(data[i:i + every]))
        parts.append(compressor.flush(zlib.Z_SYNC_FLUSH))
    parts.append(compressor.flush())
    return b"".join(parts)


def test_stacked_encodings_capped_at_every_size() -> None:
    content = random.Random(7).randbytes(3000)
    encoded = brotli.compress(_gzip_with_sync_flushes(content, 100), quality=1)

    wrong = []
    for cap in range(1, len(content) + 2):
        body = read([encoded], "gzip, br", max_bytes=cap)
        expected = Body(content[:cap], truncated=True) if cap < len(content) else Body(content, False)
        if body != expected:
            wrong.append((cap, len(body.data), body.truncated))

    assert wrong == []


def test_double_gzip_capped_small() -> None:
    encoded = gzip.compress(gzip.compress(TEXT))

    body = read([encoded], "gzip, gzip", max_bytes=10)

    assert body == Body(TEXT[:10], truncated=True)


def test_double_gzip_capped_at_every_size() -> None:
    content = random.Random(7).randbytes(3000)
    encoded = gzip.compress(_gzip_with_sync_flushes(content, 100))

    wrong = []
    for cap in range(1, len(content) + 2):
        body = read([encoded], "gzip, gzip", max_bytes=cap)
        expected = Body(content[:cap], truncated=True) if cap < len(content) else Body(content, False)
        if body != expected:
            wrong.append((cap, len(body.data), body.truncated))

    assert wrong == []
