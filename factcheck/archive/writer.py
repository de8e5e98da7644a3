"""Writing an evidence archive: every response read during a run, as a standard WARC file.

The file appears at its destination only when the run ends cleanly: records go to a
temporary file in the same folder, which is flushed to disk and renamed over the
destination (``os.replace``), so an interrupted run never leaves half an archive, nor
destroys the previous one.

Records are built and gzip-compressed by warcio into memory, off the lock, then appended
to the file in one ``os.write`` loop under a ``threading.Lock``: responses that finish at
the same moment (from worker threads, as ``ArchivingTransport`` does) never interleave,
and a failed append is cut off again so the file stays valid.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import tempfile
import threading
from collections.abc import Mapping
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from types import TracebackType
from typing import IO

import httpx
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped,unused-ignore]

from factcheck._version import __version__
from factcheck.archive.records import (
    WARC_VERSION,
    ArchiveError,
    RawHead,
    Truncation,
    new_record_id,
    request_head,
    response_head,
    url_key,
    warc_date,
)

Body = bytes | IO[bytes]
"""A body to archive: bytes, or a seekable binary file (read from its start)."""


class ArchiveWriter:
    """A WARC file being written; use as a context manager (``with`` or ``async with``).

    The write methods are thread-safe and block on disk and compression; from asyncio
    code call the ``a``-prefixed ones, which run them in a worker thread. A write that
    fails raises ``ArchiveError`` and poisons the writer: later writes raise too, and the
    close raises instead of installing an incomplete archive.
    """

    def __init__(self, path: str | os.PathLike[str], *, gzip: bool = True,
                 info: Mapping[str, str] | None = None) -> None:
        self.path = Path(path)
        """Where the archive appears when the with-block ends without an exception."""
        self.gzip = gzip
        """Each record its own gzip member (the ``.warc.gz`` convention), else plain WARC."""
        self.records = 0
        """Exchanges (response and request record) and resources written so far."""
        self._info = dict(info or {})
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._tmp: Path | None = None
        self._used = False
        self._error: ArchiveError | None = None

    # --- opening and closing --------------------------------------------------------------

    def __enter__(self) -> ArchiveWriter:
        self._open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self._commit()
        else:
            self._abort()

    async def __aenter__(self) -> ArchiveWriter:
        await asyncio.to_thread(self._open)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if exc_type is None:
            await asyncio.to_thread(self._commit)
        else:
            self._abort()

    def _open(self) -> None:
        with self._lock:
            if self._used:
                raise ArchiveError(self.path, "this ArchiveWriter was already used; make a new one per file")
            self._used = True
            directory = self.path.parent if str(self.path.parent) else Path()
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
            except OSError as e:
                raise ArchiveError(self.path, f"cannot be written: {e.strerror or e}") from None
            self._fd, self._tmp = fd, Path(tmp)
        try:
            self._append(self._encode_warcinfo())
        except BaseException:
            self._abort()
            raise

    def _commit(self) -> None:
        """Flush to disk and rename over the destination, unless a write failed."""
        with self._lock:
            fd, tmp, self._fd = self._fd, self._tmp, None
        if fd is None or tmp is None:
            return
        try:
            if self._error is not None:
                raise ArchiveError(self.path, f"not written, it would be incomplete: {self._error.message}")
            try:
                os.fsync(fd)
                os.close(fd)
                fd = None
                _copy_mode(tmp, self.path)
                os.replace(tmp, self.path)
            except OSError as e:
                raise ArchiveError(self.path, f"cannot be written: {e.strerror or e}") from None
            _fsync_directory(self.path.parent)
        except BaseException:
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def _abort(self) -> None:
        """Drop the temporary file; the destination, if any, stays as it was."""
        with self._lock:
            fd, tmp, self._fd = self._fd, self._tmp, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()

    # --- records ---------------------------------------------------------------------------

    def write_exchange(self, request: httpx.Request, response: httpx.Response, body: Body, *,
                       truncated: Truncation | None = None, record_id: str | None = None,
                       date: datetime | None = None) -> str:
        """Archive one HTTP exchange: a ``response`` record, then a ``request`` record.

        ``body`` is the body as it came off the wire (de-chunked, still content-encoded:
        what ``response.aiter_raw()`` yields), possibly cut short, in which case
        ``truncated`` says why. The request record points at the response by
        ``WARC-Concurrent-To``; both carry the same ``WARC-Date`` (``date``, default now).
        Returns the response record's ``WARC-Record-ID`` (``record_id`` when given: the
        transport hands the id out before the body has been read).
        """
        stream, length = _stream_of(body)
        record_id = record_id or new_record_id()
        when = warc_date(date)
        url = url_key(str(request.url))
        reason = response.extensions.get("reason_phrase") or response.reason_phrase.encode("ascii")
        head = response_head(response.extensions.get("http_version", b"HTTP/1.1"), response.status_code,
                             reason, response.headers.raw, length)
        try:
            request_body = request.content
        except httpx.RequestNotRead:             # a streamed upload: its bytes are gone
            request_body = b""
        out = io.BytesIO()
        writer = self._warcio(out)
        response_headers = {"WARC-Record-ID": record_id, "WARC-Date": when}
        if truncated is not None:
            response_headers["WARC-Truncated"] = str(truncated)
        records = [
            writer.create_warc_record(url, "response", payload=stream, length=length, http_headers=RawHead(head),
                                      warc_headers_dict=response_headers),
            writer.create_warc_record(url, "request", payload=io.BytesIO(request_body), length=len(request_body),
                                      http_headers=RawHead(request_head(request.method, request.url.raw_path,
                                                                        request.headers.raw)),
                                      warc_headers_dict={"WARC-Date": when, "WARC-Concurrent-To": record_id}),
        ]
        for record in records:
            writer.write_record(record)
        self._append(out.getvalue(), counted=1)
        return record_id

    def write_resource(self, uri: str, data: bytes, content_type: str, *, truncated: bool = False,
                       date: datetime | None = None) -> str:
        """Archive a local file's bytes as a ``resource`` record; returns its record id.

        ``truncated`` marks bytes cut at the size cap (``WARC-Truncated: length``), so a
        replay reports the source as truncated, as the live run did.
        """
        record_id = new_record_id()
        headers = {"WARC-Record-ID": record_id, "WARC-Date": warc_date(date)}
        if truncated:
            headers["WARC-Truncated"] = str(Truncation.LENGTH)
        out = io.BytesIO()
        writer = self._warcio(out)
        writer.write_record(writer.create_warc_record(uri, "resource", payload=io.BytesIO(data), length=len(data),
                                                      warc_content_type=content_type,
                                                      warc_headers_dict=headers))
        self._append(out.getvalue(), counted=1)
        return record_id

    async def awrite_exchange(self, request: httpx.Request, response: httpx.Response, body: Body, *,
                              truncated: Truncation | None = None, record_id: str | None = None,
                              date: datetime | None = None) -> str:
        """``write_exchange`` in a worker thread, so compression and disk do not stall the loop."""
        return await asyncio.to_thread(self.write_exchange, request, response, body, truncated=truncated,
                                       record_id=record_id, date=date)

    async def awrite_resource(self, uri: str, data: bytes, content_type: str, *, truncated: bool = False,
                              date: datetime | None = None) -> str:
        """``write_resource`` in a worker thread."""
        return await asyncio.to_thread(self.write_resource, uri, data, content_type, truncated=truncated,
                                       date=date)

    # --- internals -------------------------------------------------------------------------

    def _warcio(self, out: IO[bytes]) -> WARCWriter:
        return WARCWriter(out, gzip=self.gzip, warc_version=WARC_VERSION)

    def _encode_warcinfo(self) -> bytes:
        info = {
            "software": f"factcheck/{__version__} (warcio/{version('warcio')})",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            **self._info,
        }
        out = io.BytesIO()
        writer = self._warcio(out)
        writer.write_record(writer.create_warcinfo_record(self.path.name, info))
        return out.getvalue()

    def _append(self, data: bytes, counted: int = 0) -> None:
        """Append whole records, or nothing: a failed write is cut off again."""
        with self._lock:
            if self._fd is None:
                raise ArchiveError(self.path, "is closed: records are written inside its with-block")
            if self._error is not None:
                raise ArchiveError(self.path, f"an earlier write failed: {self._error.message}")
            fd = self._fd
            start = os.lseek(fd, 0, os.SEEK_CUR)
            view = memoryview(data)
            try:
                while view:
                    view = view[os.write(fd, view):]
            except OSError as e:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, start)
                    os.lseek(fd, start, os.SEEK_SET)
                self._error = ArchiveError(self.path, f"cannot be written: {e.strerror or e}")
                raise ArchiveError(self.path, self._error.message) from e
            self.records += counted


def _stream_of(body: Body) -> tuple[IO[bytes], int]:
    if isinstance(body, bytes | bytearray | memoryview):
        data = bytes(body)
        return io.BytesIO(data), len(data)
    length = body.seek(0, os.SEEK_END)
    body.seek(0)
    return body, length


def _copy_mode(tmp: Path, destination: Path) -> None:
    """mkstemp creates the file 0600: give it the old file's mode, or what the umask allows."""
    with contextlib.suppress(OSError):
        if destination.exists():
            os.chmod(tmp, destination.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); best effort, not possible everywhere."""
    with contextlib.suppress(OSError):
        fd = os.open(directory if str(directory) else ".", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
