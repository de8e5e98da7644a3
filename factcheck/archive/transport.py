"""httpx transports that archive what is fetched, and answer from an archive instead of the network.

Both sit below the fetcher, so its redirects, retries, size cap, decompression and
charset logic run unchanged: online the archive records exactly the bytes the fetcher
read; on replay the fetcher reads those bytes again and reaches the same results.
Each response carries its record's id in ``response.extensions["warc_record_id"]``.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import httpx

from factcheck.archive.reader import WarcArchive
from factcheck.archive.records import ArchiveError, Truncation, new_record_id, url_key
from factcheck.archive.writer import ArchiveWriter

log = logging.getLogger(__name__)

RECORD_ID = "warc_record_id"
"""The ``response.extensions`` key of the archive record's ``WARC-Record-ID``."""
TRUNCATED = "warc_truncated"
"""The ``response.extensions`` key set on replay when the record holds a cut body."""

SPOOL_BYTES = 1024 * 1024
"""Bytes of a body kept in memory while it is read; beyond, the copy goes to a temporary file."""
REPLAY_CHUNK = 64 * 1024


class ArchivingTransport(httpx.AsyncBaseTransport):
    """Passes requests to ``inner`` and archives each exchange when its response is closed.

    The body is copied as the caller reads it, so the archive holds exactly what was
    read: all of it (the response record is whole), or the part read before the caller
    closed the response (``WARC-Truncated: length``: the size cap, or a redirect or
    error whose body was never wanted; not when Content-Length shows nothing was left),
    before a timeout (``time``) or a lost connection (``disconnect``). The record id is
    in ``response.extensions`` as soon as the response is returned; the record is
    written, in a worker thread, when the response is closed (``aread``/``aiter_*`` to
    the end, or ``aclose``), so a response never closed is not archived. Failures to
    write are logged, never raised into the fetch: the writer raises them when closed.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, writer: ArchiveWriter) -> None:
        self._inner = inner
        self._writer = writer
        self._warned = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        record_id = new_record_id()
        date = datetime.now(UTC)
        assert isinstance(response.stream, httpx.AsyncByteStream)

        async def finish(copy: IO[bytes], truncated: Truncation | None) -> None:
            def write() -> None:
                try:
                    self._writer.write_exchange(request, response, copy, truncated=truncated,
                                                record_id=record_id, date=date)
                finally:
                    copy.close()

            try:
                await asyncio.to_thread(write)
            except ArchiveError as e:
                (log.debug if self._warned else log.warning)("%s not archived: %s", request.url, e)
                self._warned = True

        response.stream = _TeeStream(response.stream, finish, _expected_length(request, response))
        response.extensions[RECORD_ID] = record_id
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class _TeeStream(httpx.AsyncByteStream):
    """The inner stream, with a copy of every chunk handed out and the archive written on close."""

    def __init__(self, inner: httpx.AsyncByteStream,
                 finish: Callable[[IO[bytes], Truncation | None], Awaitable[None]],
                 expected_length: int | None) -> None:
        self._inner = inner
        self._finish = finish
        self._copy: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (closed by finish)
        self._truncated: Truncation | None = Truncation.LENGTH   # until the stream is read to its end
        self._expected = expected_length
        self._size = 0
        self._finished = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                self._copy.write(chunk)
                self._size += len(chunk)
                yield chunk
        except (httpx.TimeoutException, asyncio.CancelledError, TimeoutError):
            self._truncated = Truncation.TIME
            raise
        except Exception:
            self._truncated = Truncation.DISCONNECT
            raise
        self._truncated = None

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if not self._finished:
                self._finished = True      # the copy now belongs to finish, which closes it
                if self._truncated is Truncation.LENGTH and self._size == self._expected:
                    self._truncated = None  # closed unread, but there was nothing (more) to read
                await self._finish(self._copy, self._truncated)


def _expected_length(request: httpx.Request, response: httpx.Response) -> int | None:
    """The body's size on the wire when the head tells it: 0 for HEAD, 1xx, 204 and 304,
    which have no body (RFC 9110 §6.4.1), else a single valid Content-Length. A body
    closed after that many bytes (none, for an empty redirect) was not cut short."""
    if request.method == "HEAD" or response.status_code < 200 or response.status_code in (204, 304):
        return 0
    values = {v.strip() for v in response.headers.get_list("content-length")}
    if len(values) != 1 or "transfer-encoding" in response.headers:
        return None
    value = values.pop()
    return int(value) if value.isdigit() else None


class NotArchivedError(httpx.ConnectError):
    """Replay was asked for a URL the archive does not hold (a ``TransportError``, so the
    fetcher reports the source as unreachable with this message)."""

    def __init__(self, url: str, archive: Path, *, request: httpx.Request | None = None) -> None:
        self.url = url
        self.archive = archive
        super().__init__(f"not in the archive {archive}: {url}", request=request)


class ReplayTransport(httpx.AsyncBaseTransport):
    """Answers every request from a ``WarcArchive``, never from the network.

    The response has the recorded status, reason, headers and raw (still encoded) body,
    so a recorded 301 replays as a 301 and the fetcher then asks for its Location. A
    record cut short replays its bytes, then fails as the live read did: ``ReadTimeout``
    for ``time``, ``ReadError`` otherwise, which a fetcher with the same size cap never
    reaches for ``length``. Records are read from disk in a worker thread.
    """

    def __init__(self, archive: WarcArchive) -> None:
        self.archive = archive

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = url_key(str(request.url))
        recorded = await asyncio.to_thread(self.archive.response, url)
        if recorded is None:
            raise NotArchivedError(url, self.archive.path, request=request)
        extensions: dict[str, object] = {"http_version": recorded.http_version, RECORD_ID: recorded.record_id}
        if recorded.reason:
            extensions["reason_phrase"] = recorded.reason
        if recorded.truncated:
            extensions[TRUNCATED] = recorded.truncated
        cut = None
        if recorded.truncated:
            message = (f"the archive {self.archive.path} holds only the first {len(recorded.body)} bytes "
                       f"of {url} (WARC-Truncated: {recorded.truncated})")
            cut = (httpx.ReadTimeout if recorded.truncated == Truncation.TIME else httpx.ReadError)(message,
                                                                                                    request=request)
        return httpx.Response(recorded.status, headers=list(recorded.headers), request=request,
                              stream=_ReplayStream(recorded.body, cut), extensions=extensions)


class _ReplayStream(httpx.AsyncByteStream):
    def __init__(self, body: bytes, cut: httpx.TransportError | None) -> None:
        self._body = body
        self._cut = cut

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self._body), REPLAY_CHUNK):
            yield self._body[start:start + REPLAY_CHUNK]
        if self._cut is not None:
            raise self._cut
