"""Reading an evidence archive back: which URLs it holds, and their recorded bytes.

``WarcArchive.open`` reads the whole file once, checking it as it goes, and keeps only
an index (URI -> where its record starts); record bodies are read again when asked for,
so a large archive costs little memory. Files are read by hand, record by record, with
warcio parsing the WARC header lines: warcio's ``ArchiveIterator`` prints to stderr and
carries on when a gzip member is corrupt or a Content-Length is wrong, where a file
given as evidence must be refused with one clear ``ArchiveError``.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from warcio.statusandheaders import (  # type: ignore[import-untyped,unused-ignore]
    StatusAndHeaders,
    StatusAndHeadersParser,
    StatusAndHeadersParserException,
)

from factcheck.archive.records import ArchiveError, parse_response, url_key

_BLOCK = 64 * 1024
_MAX_LINE = 64 * 1024
"""Longest WARC header line accepted: a binary file has no line ends to stop at."""
_MAX_HEADER = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_PARSER = StatusAndHeadersParser(["WARC/1.1", "WARC/1.0", "WARC/0.18", "WARC/0.17"])
_RECOMPRESS_HINT = "recompress it with one gzip member per record: warcio recompress IN.warc.gz OUT.warc.gz"


@dataclass(frozen=True)
class ArchivedResponse:
    """An HTTP response as recorded, ready to be replayed."""

    url: str
    """The WARC-Target-URI."""
    status: int
    reason: bytes
    """The reason phrase of the status line."""
    http_version: bytes
    """``HTTP/1.1`` or ``HTTP/1.0``."""
    headers: tuple[tuple[bytes, bytes], ...]
    """Header fields as received, in order (Transfer-Encoding dropped, Content-Length = body size)."""
    body: bytes
    """As read off the wire: still content-encoded (gzip, br…)."""
    record_id: str
    """The response record's WARC-Record-ID."""
    truncated: str | None
    """The record's WARC-Truncated value (``length``, ``time``, ``disconnect``…), or None if whole."""


@dataclass(frozen=True)
class ArchivedResource:
    """A local file's bytes as recorded."""

    uri: str
    """The ``file://`` URI it was read from."""
    data: bytes
    content_type: str
    """The record's Content-Type (``application/octet-stream`` if it had none)."""
    record_id: str
    truncated: bool
    """The bytes were cut at the size cap when archived (WARC-Truncated)."""


@dataclass(frozen=True)
class _Entry:
    offset: int
    """Where the record (its gzip member, in a .warc.gz) starts in the file."""
    record_id: str
    truncated: str | None


class WarcArchive:
    """An indexed WARC file: its response records by URL, its resource records by URI.

    When a URI was recorded more than once, the last record wins. Revisit, request,
    metadata and warcinfo records are read past. Reads open the file afresh each time,
    so one archive may serve several threads.
    """

    def __init__(self, path: Path, compressed: bool, responses: dict[str, _Entry],
                 resources: dict[str, _Entry]) -> None:
        """Use ``WarcArchive.open``."""
        self.path = path
        self.compressed = compressed
        """Gzip, one member per record (else a plain WARC)."""
        self._responses = responses
        self._resources = resources

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> WarcArchive:
        """Read and check the whole file, indexing its records (blocking).

        Raises ``ArchiveError`` naming the file and what is wrong with it: missing, not
        a WARC file, corrupt or cut short, one gzip stream instead of one member per record.
        """
        path = Path(path)
        responses: dict[str, _Entry] = {}
        resources: dict[str, _Entry] = {}
        try:
            with path.open("rb") as file:
                compressed = file.read(2) == _GZIP_MAGIC
                file.seek(0)
                count = 0
                for offset, headers in _records(file, path, compressed):
                    count += 1
                    _index(headers, offset, responses, resources)
        except FileNotFoundError:
            raise ArchiveError(path, "no such file") from None
        except IsADirectoryError:
            raise ArchiveError(path, "is a folder, not a WARC file") from None
        except PermissionError:
            raise ArchiveError(path, "permission denied") from None
        except OSError as e:
            raise ArchiveError(path, f"cannot be read: {e.strerror or e}") from None
        if count == 0:
            raise ArchiveError(path, "is empty: not a WARC file")
        return cls(path, compressed, responses, resources)

    def __len__(self) -> int:
        """URIs with a response or resource record."""
        return len(self._responses) + len(self._resources)

    def __contains__(self, uri: object) -> bool:
        return isinstance(uri, str) and (url_key(uri) in self._responses or uri in self._resources)

    @property
    def urls(self) -> list[str]:
        """URLs with a response record, in the order they were first recorded."""
        return list(self._responses)

    @property
    def resource_uris(self) -> list[str]:
        """URIs with a resource record (local files)."""
        return list(self._resources)

    def record_id(self, uri: str) -> str | None:
        """The WARC-Record-ID that answers ``uri`` (a response, else a resource), without reading it."""
        entry = self._responses.get(url_key(uri)) or self._resources.get(uri)
        return entry.record_id if entry else None

    def response(self, url: str) -> ArchivedResponse | None:
        """The recorded response for ``url``, or None if the archive has none (blocking)."""
        key = url_key(url)
        entry = self._responses.get(key)
        if entry is None:
            return None
        _, block = self._read(entry)
        try:
            parts = parse_response(block)
        except ValueError as e:
            raise ArchiveError(self.path, f"the response recorded for {key} is not valid HTTP: {e}") from None
        return ArchivedResponse(key, parts.status, parts.reason, parts.http_version, tuple(parts.headers),
                                parts.body, entry.record_id, entry.truncated)

    def resource(self, uri: str) -> ArchivedResource | None:
        """The recorded bytes of a local file, or None if the archive has none (blocking)."""
        entry = self._resources.get(uri)
        if entry is None:
            return None
        headers, block = self._read(entry)
        content_type = headers.get_header("Content-Type") or "application/octet-stream"
        return ArchivedResource(uri, block, content_type, entry.record_id, entry.truncated is not None)

    def _read(self, entry: _Entry) -> tuple[StatusAndHeaders, bytes]:
        """The record at ``entry``: it was checked by ``open``, so any failure now means the
        file was replaced or rewritten meanwhile."""
        try:
            with self.path.open("rb") as file:
                file.seek(entry.offset)
                stream: IO[bytes] = io.BufferedReader(_GzipMember(file, self.path)) if self.compressed else file
                found = _read_header(stream, self.path, entry.offset)
                if found is not None:
                    headers, length = found
                    block = stream.read(length)
                    if len(block) == length and headers.get_header("WARC-Record-ID") == entry.record_id:
                        return headers, block
        except OSError as e:
            raise ArchiveError(self.path, f"cannot be read: {e.strerror or e}") from None
        except ArchiveError:
            pass
        raise ArchiveError(self.path, "has changed since it was opened", "open the archive again")


def _index(headers: StatusAndHeaders, offset: int, responses: dict[str, _Entry],
           resources: dict[str, _Entry]) -> None:
    kind = (headers.get_header("WARC-Type") or "").lower()
    uri = (headers.get_header("WARC-Target-URI") or "").strip()
    if uri.startswith("<") and uri.endswith(">"):          # wget 1.19 wrote them so
        uri = uri[1:-1]
    if kind not in ("response", "resource") or not uri:
        return
    entry = _Entry(offset, headers.get_header("WARC-Record-ID") or "", headers.get_header("WARC-Truncated"))
    if kind == "resource":
        resources.pop(uri, None)                           # re-inserted: the order is the last record's
        resources[uri] = entry
    elif uri[:5].lower() == "http:" or uri[:6].lower() == "https:":
        key = url_key(uri)
        responses.pop(key, None)
        responses[key] = entry


def _records(file: IO[bytes], path: Path, compressed: bool) -> Iterator[tuple[int, StatusAndHeaders]]:
    """Each record's offset and WARC headers, its block read past and checked."""
    return _gzip_records(file, path) if compressed else _plain_records(file, path)


def _gzip_records(file: IO[bytes], path: Path) -> Iterator[tuple[int, StatusAndHeaders]]:
    offset = 0
    while True:
        file.seek(offset)
        if not file.read(1):
            return
        file.seek(offset)
        member = _GzipMember(file, path)
        stream = io.BufferedReader(member, _BLOCK)
        found = _read_header(stream, path, offset)
        if found is not None:
            headers, length = found
            _skip(stream, length, path, offset)
            trailer = stream.read(4)
            rest = stream.read(5)
            if trailer.strip(b"\r\n") or rest:
                if (trailer + rest).lstrip(b"\r\n").startswith(b"WARC"):
                    raise ArchiveError(path, "is one gzip stream, not one gzip member per record", _RECOMPRESS_HINT)
                raise ArchiveError(path, f"is corrupt: the record at byte {offset} is longer than its Content-Length")
            yield offset, headers
        offset = member.end()


def _plain_records(file: IO[bytes], path: Path) -> Iterator[tuple[int, StatusAndHeaders]]:
    size = os.fstat(file.fileno()).st_size
    while True:
        offset = file.tell()
        line = file.readline(_MAX_LINE)
        while line and not line.strip(b"\r\n"):             # the blank lines that end a record
            offset = file.tell()
            line = file.readline(_MAX_LINE)
        if not line:
            return
        file.seek(offset)
        found = _read_header(file, path, offset)
        if found is None:
            return
        headers, length = found
        if file.tell() + length > size:
            raise ArchiveError(path, f"is cut short: the record at byte {offset} ends past the end of the file")
        file.seek(length, os.SEEK_CUR)
        yield offset, headers


def _read_header(stream: IO[bytes], path: Path, offset: int) -> tuple[StatusAndHeaders, int] | None:
    """The WARC headers at the stream's position and the block length they declare;
    None at the end of the data."""
    try:
        headers = _PARSER.parse(_Lines(stream, path, offset))
    except EOFError:
        return None
    except StatusAndHeadersParserException as e:
        first = str(e.statusline).strip()[:60]
        if offset == 0:
            raise ArchiveError(path, f"is not a WARC file: it begins {first!r}, not 'WARC/1.1'") from None
        raise ArchiveError(path, f"is corrupt: the record at byte {offset} begins {first!r}") from None
    except ArchiveError:
        raise
    except Exception as e:         # whatever else warcio's parser may raise: still one clear error
        raise ArchiveError(path, f"is corrupt: the record at byte {offset} cannot be parsed ({e})") from None
    try:
        length = int(headers.get_header("Content-Length") or "")
    except ValueError:
        length = -1
    if length < 0:
        raise ArchiveError(path, f"is corrupt: the record at byte {offset} has no valid Content-Length")
    return headers, length


def _skip(stream: IO[bytes], length: int, path: Path, offset: int) -> None:
    while length > 0:
        data = stream.read(min(length, _BLOCK))
        if not data:
            raise ArchiveError(path, f"is corrupt: the record at byte {offset} is shorter than its Content-Length")
        length -= len(data)


class _Lines:
    """``readline`` with a bound, for warcio's header parser: a binary file given by
    mistake must not be read into memory in search of a line end."""

    def __init__(self, stream: IO[bytes], path: Path, offset: int) -> None:
        self._stream = stream
        self._path = path
        self._offset = offset
        self._total = 0

    def readline(self, size: int = -1) -> bytes:
        line = self._stream.readline(_MAX_LINE)
        self._total += len(line)
        if (len(line) >= _MAX_LINE and not line.endswith(b"\n")) or self._total > _MAX_HEADER:
            what = "is not a WARC file" if self._offset == 0 else f"is corrupt at byte {self._offset}"
            raise ArchiveError(self._path, f"{what}: its header lines run on without end")
        return line


class _GzipMember(io.RawIOBase):
    """One gzip member of the file, decompressed as it is read; errors are ArchiveErrors.

    Reading stops at the member's end, so a record's bytes can be checked against its
    Content-Length; ``end()`` gives the offset of the next member.
    """

    def __init__(self, file: IO[bytes], path: Path) -> None:
        super().__init__()
        self._file = file
        self._path = path
        self._start = file.tell()
        self._zlib: Any = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while not self._zlib.eof:
            data = self._zlib.unconsumed_tail or self._file.read(_BLOCK)
            if not data:
                raise ArchiveError(self._path, f"is cut short: the gzip member at byte {self._start} ends early")
            try:
                out = self._zlib.decompress(data, len(view))
            except zlib.error as e:
                hint = None if self._start else "is it a .warc.gz file?"
                raise ArchiveError(self._path, f"is corrupt: the gzip member at byte {self._start}: {e}",
                                   hint) from None
            if out:
                view[: len(out)] = out
                return len(out)
        return 0

    def end(self) -> int:
        """Read to the end of the member; the file offset where the next one starts."""
        while self.readinto(bytearray(_BLOCK)):
            pass
        return self._file.tell() - len(self._zlib.unused_data)
