"""What the writer and the reader share: the WARC version, truncation reasons, the error,
and HTTP message heads kept as the bytes that crossed the wire.

warcio builds and digests the records, but it re-encodes HTTP headers on the way out
(``StatusAndHeaders.to_ascii_bytes`` percent-encodes any non-ASCII value, so a raw
UTF-8 ``Location`` would come back as ``https%3A//…`` and break the redirect) and decodes
them on the way in (UTF-8, else Latin-1, per line). Heads are therefore encoded and
parsed here, as bytes, and handed to warcio ready-made.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

import httpx
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped,unused-ignore]
from warcio.timeutils import datetime_to_iso_date  # type: ignore[import-untyped,unused-ignore]

from factcheck.errors import FactcheckError

WARC_VERSION = "WARC/1.1"
"""Written by ``ArchiveWriter``. warcio reads 1.0 and 1.1 alike; 1.1 (ISO 28500:2017) dates
records to the microsecond, where 1.0 rounds to the second."""

HeaderList = Sequence[tuple[bytes, bytes]]
"""HTTP header fields as received: names in their original case, repeats kept, in order."""


class Truncation(StrEnum):
    """Why a record holds less than the whole body (the WARC-Truncated values of the standard)."""

    LENGTH = "length"
    """The reader stopped early: the body went past the size cap, or was not needed."""
    TIME = "time"
    """The body stopped coming in time."""
    DISCONNECT = "disconnect"
    """The connection was lost mid-body."""
    UNSPECIFIED = "unspecified"


class ArchiveError(FactcheckError):
    """A WARC archive that cannot be written or read; names the file and what is wrong.

    Defined here rather than in ``factcheck.errors`` so the archive stays one plug-in;
    it is a ``FactcheckError``, so the CLI prints it as one message and exits 2.
    """

    def __init__(self, path: str | Path, message: str, hint: str | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


def new_record_id() -> str:
    """A fresh ``WARC-Record-ID`` (``<urn:uuid:…>``), known before its record is written."""
    return f"<urn:uuid:{uuid.uuid4()}>"


def url_key(uri: str) -> str:
    """How a URL is written as WARC-Target-URI and looked up again: as httpx spells the
    request's URL (percent-encoded, IDNA host), without the fragment no server sees.
    Other URIs (``file://``) are kept exactly as given."""
    if uri[:5].lower() == "http:" or uri[:6].lower() == "https:":
        try:
            return str(httpx.URL(uri).copy_with(fragment=None))
        except (httpx.InvalidURL, ValueError, TypeError):
            return uri
    return uri


def warc_date(moment: datetime | None = None) -> str:
    """A WARC/1.1 ``WARC-Date``: UTC, to the microsecond."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    return str(datetime_to_iso_date(moment, use_micros=True))


def response_head(http_version: bytes, status: int, reason: bytes, headers: HeaderList,
                   body_length: int) -> bytes:
    """The status line and header block of a recorded response, made self-consistent.

    The body is stored de-chunked (aiohttp undoes Transfer-Encoding) but still
    content-encoded, at the length actually read: Transfer-Encoding is dropped and the
    first Content-Length is set to that length (added at the end when there was none).
    """
    lines = [b"%s %d %s" % (http_version, status, reason) if reason else b"%s %d" % (http_version, status)]
    length_written = False
    for name, value in headers:
        lower = name.lower()
        if lower == b"transfer-encoding":
            continue
        if lower == b"content-length":
            if length_written:
                continue
            value = str(body_length).encode()
            length_written = True
        lines.append(name + b": " + value)
    if not length_written:
        lines.append(b"Content-Length: " + str(body_length).encode())
    return b"\r\n".join(lines) + b"\r\n\r\n"


def request_head(method: str, target: bytes, headers: HeaderList) -> bytes:
    """The request line and header block of a request, as handed to the transport."""
    lines = [method.encode("ascii") + b" " + target + b" HTTP/1.1"]
    lines.extend(name + b": " + value for name, value in headers)
    return b"\r\n".join(lines) + b"\r\n\r\n"


class RawHead(StatusAndHeaders):  # type: ignore[misc,unused-ignore]
    """HTTP headers warcio writes byte for byte instead of re-encoding them (see the module doc)."""

    def __init__(self, head: bytes) -> None:
        first, *rest = head.rstrip(b"\r\n").split(b"\r\n")
        protocol, _, statusline = first.decode("latin-1").partition(" ")
        fields = [(n.decode("latin-1"), v.decode("latin-1").strip()) for n, _, v in (line.partition(b":")
                                                                                      for line in rest)]
        super().__init__(statusline, fields, protocol=protocol)
        self._head = head

    def compute_headers_buffer(self, header_filter: object = None) -> None:
        self.headers_buff = self._head


class ResponseParts(NamedTuple):
    """A recorded HTTP response split into its parts, bytes throughout."""

    http_version: bytes
    status: int
    reason: bytes
    headers: list[tuple[bytes, bytes]]
    body: bytes


def parse_response(block: bytes) -> ResponseParts:
    """Split a response record's block into status line, header fields and body.

    Raises ``ValueError`` saying what is wrong. A chunked body (other tools store the
    bytes before de-chunking) is de-chunked here, so replay hands the fetcher what
    aiohttp would have.
    """
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0 or (0 <= block.find(b"\n\n") < end):
        end, sep = block.find(b"\n\n"), 2
    if end < 0:
        raise ValueError("no end to the HTTP header block")
    head, body = block[:end], block[end + sep:]
    lines = [line.rstrip(b"\r") for line in head.split(b"\n")]
    version, _, rest = lines[0].partition(b" ")
    code, _, reason = rest.partition(b" ")
    if not version.upper().startswith(b"HTTP/") or not code.isdigit():
        raise ValueError(f"not an HTTP status line: {lines[0][:80]!r}")
    headers: list[tuple[bytes, bytes]] = []
    for line in lines[1:]:
        if line[:1] in (b" ", b"\t") and headers:          # obsolete line folding
            name, value = headers[-1]
            headers[-1] = (name, value + b" " + line.strip(b" \t"))
            continue
        name, colon, value = line.partition(b":")
        if colon and name.strip():
            headers.append((name.rstrip(b" \t"), value.strip(b" \t")))
    if any(n.lower() == b"transfer-encoding" and b"chunked" in v.lower() for n, v in headers):
        body = dechunk(body)
        headers = [(n, v) for n, v in headers if n.lower() not in (b"transfer-encoding", b"content-length")]
        headers.append((b"Content-Length", str(len(body)).encode()))
    return ResponseParts(version, int(code), reason.strip(b" \t"), headers, body)


def dechunk(data: bytes) -> bytes:
    """The payload of a chunked transfer coding (trailers ignored); ``ValueError`` if malformed."""
    parts: list[bytes] = []
    pos = 0
    while True:
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            raise ValueError("chunked body cut short")
        size_text = data[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise ValueError(f"bad chunk size {size_text[:20]!r}") from None
        if size == 0:
            return b"".join(parts)
        start = eol + 2
        if len(data) < start + size:
            raise ValueError("chunked body cut short")
        parts.append(data[start:start + size])
        pos = start + size + 2

