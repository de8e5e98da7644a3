"""Reading a response body without trusting its size or its compression.

httpx decodes each network chunk whole, so a 64 KB chunk of a gzip bomb comes out of
``iter_bytes()`` as tens of megabytes at once (encode/httpx#3090 discusses limits).
Here the raw bytes are read and decoded by incremental decoders whose output is
bounded on every call, so memory never exceeds the cap by more than one chunk.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

import brotli

SUPPORTED_ENCODINGS = ("gzip", "deflate", "br")
"""Content-Encodings factcheck can decode (what it sends in ``Accept-Encoding``)."""


class BodyError(Exception):
    """A body that cannot be decoded: an unknown or corrupt Content-Encoding."""


class _Decoder(Protocol):
    def decode(self, data: bytes, limit: int) -> bytes:
        """Decode ``data``, returning at most ``limit`` bytes; keep the rest pending."""

    def pending(self) -> bool:
        """Whether output is waiting that a call with empty input would return."""


class _Identity:
    def __init__(self) -> None:
        self._rest = b""

    def decode(self, data: bytes, limit: int) -> bytes:
        data = self._rest + data
        self._rest = data[limit:]
        return data[:limit]

    def pending(self) -> bool:
        return bool(self._rest)


class _Zlib:
    """gzip or deflate. Deflate is sent zlib-wrapped or raw in the wild: the first two
    bytes tell which (a zlib header is a multiple of 31 with compression method 8)."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._obj: Any = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
        self._head = b""

    def decode(self, data: bytes, limit: int) -> bytes:
        if self._obj is None:
            self._head += data
            if len(self._head) < 2:
                return b""
            cmf, flg = self._head[0], self._head[1]
            wrapped = (cmf & 0x0F) == 8 and (cmf * 256 + flg) % 31 == 0
            self._obj = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            data, self._head = self._head, b""
        data = self._obj.unconsumed_tail + data
        try:
            return bytes(self._obj.decompress(data, max(limit, 1)))
        except zlib.error as e:
            raise BodyError(f"corrupt {self._encoding} body: {e}") from None

    def pending(self) -> bool:
        return self._obj is not None and bool(self._obj.unconsumed_tail)


class _Brotli:
    """Brotli with a bounded output buffer (brotli >= 1.2). Once the buffer limit is hit,
    the decoder must be drained with empty input before it accepts more, so input that
    arrives meanwhile waits in a queue."""

    def __init__(self) -> None:
        self._obj = brotli.Decompressor()
        self._queue = b""

    def decode(self, data: bytes, limit: int) -> bytes:
        self._queue += data
        try:
            if self._obj.can_accept_more_data():
                data, self._queue = self._queue, b""
                return bytes(self._obj.process(data, output_buffer_limit=max(limit, 1)))
            return bytes(self._obj.process(b"", output_buffer_limit=max(limit, 1)))
        except brotli.error as e:
            raise BodyError(f"corrupt br body: {e}") from None

    def pending(self) -> bool:
        return bool(self._queue) or not self._obj.can_accept_more_data()


def _decoders(content_encoding: str | None) -> list[_Decoder]:
    names = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
    chain: list[_Decoder] = []
    for name in reversed(names):            # the last encoding applied is undone first
        if name in ("identity", ""):
            continue
        if name in ("gzip", "x-gzip"):
            chain.append(_Zlib("gzip"))
        elif name == "deflate":
            chain.append(_Zlib("deflate"))
        elif name == "br":
            chain.append(_Brotli())
        else:
            raise BodyError(f"unsupported Content-Encoding {name!r}")
    return chain or [_Identity()]


@dataclass(frozen=True)
class Body:
    """What was read: at most ``max_bytes`` of decoded content."""

    data: bytes
    truncated: bool
    """True when the body went on past the cap and was cut there."""


async def read_capped(chunks: AsyncIterator[bytes], content_encoding: str | None,
                      max_bytes: int) -> Body:
    """Decode a raw byte stream, stopping as soon as ``max_bytes`` of output exist."""
    chain = _decoders(content_encoding)
    parts: list[bytes] = []
    size = 0
    async for raw in chunks:
        data = raw
        while True:
            moved = False
            for decoder in chain:
                data = decoder.decode(data, max_bytes - size + 1)
                moved = moved or bool(data)
            if data:
                parts.append(data)
                size += len(data)
                if size > max_bytes:
                    return Body(b"".join(parts)[:max_bytes], truncated=True)
            if not moved or not any(d.pending() for d in chain):
                break
            data = b""                         # drain what the decoders still hold
    return Body(b"".join(parts), truncated=False)
