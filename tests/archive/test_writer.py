"""``ArchiveWriter`` on its own: a standard WARC/1.1 file, headers kept byte for byte,
local files as resource records, and a destination that only ever holds a whole archive."""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from warcio.archiveiterator import ArchiveIterator

from factcheck._version import __version__
from factcheck.archive import ArchiveError, ArchiveWriter, Truncation, WarcArchive

URL = "https://example.org/report?id=7"


def _exchange(headers: list[tuple[bytes, bytes]] | None = None, status: int = 200,
              url: str = URL) -> tuple[httpx.Request, httpx.Response]:
    request = httpx.Request("GET", url, headers={"User-Agent": "factcheck-test", "Accept": "text/html"})
    response = httpx.Response(status, headers=headers or [(b"Content-Type", b"text/html")], request=request,
                              extensions={"http_version": b"HTTP/1.1", "reason_phrase": b"OK"})
    return request, response


def _records(path: Path) -> list[Any]:
    """Every record as warcio reads it: (type, WARC headers, block bytes), once the digests
    have been checked (which warcio does only when it parses the HTTP headers)."""
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, check_digests="raise"):
            record.content_stream().read()
    with path.open("rb") as stream:
        return [(r.rec_type, r.rec_headers, r.raw_stream.read()) for r in ArchiveIterator(stream, no_record_parse=True)]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_file_is_a_standard_warc_1_1(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    request, response = _exchange()

    with ArchiveWriter(path, info={"description": "test run"}) as writer:
        record_id = writer.write_exchange(request, response, b"<p>hello</p>")
        assert writer.records == 1

    records = _records(path)
    assert [kind for kind, _, _ in records] == ["warcinfo", "response", "request"]
    assert all(headers.protocol == "WARC/1.1" for _, headers, _ in records)
    _, info_headers, info = records[0]
    assert info_headers.get_header("WARC-Filename") == "run.warc.gz"
    assert f"software: factcheck/{__version__}".encode() in info
    assert b"description: test run" in info
    _, response_headers, block = records[1]
    _, request_headers, request_block = records[2]
    assert response_headers.get_header("WARC-Record-ID") == record_id
    assert response_headers.get_header("WARC-Target-URI") == URL
    assert request_headers.get_header("WARC-Concurrent-To") == record_id
    assert request_headers.get_header("WARC-Date") == response_headers.get_header("WARC-Date")
    assert "." in response_headers.get_header("WARC-Date")                  # 1.1: to the microsecond
    assert response_headers.get_header("WARC-Truncated") is None
    assert block == b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n<p>hello</p>"
    assert request_block.startswith(b"GET /report?id=7 HTTP/1.1\r\nHost: example.org\r\n")
    assert b"User-Agent: factcheck-test\r\n" in request_block


def test_each_record_is_its_own_gzip_member(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    with ArchiveWriter(path) as writer:
        writer.write_exchange(*_exchange(), b"x")

    with path.open("rb") as stream:
        offsets = []
        iterator = ArchiveIterator(stream)
        for _ in iterator:
            offsets.append(iterator.get_record_offset())   # warcio raises for one gzip stream of many records
    assert len(offsets) == 3 and offsets[0] == 0


def test_headers_are_kept_byte_for_byte(tmp_path: Path) -> None:
    """warcio would percent-encode these (``https%3A//…``) and break the redirect."""
    path = tmp_path / "run.warc.gz"
    headers = [(b"Location", "https://example.org/caf\u00e9/d\u00e9bat".encode()),
               (b"Content-Disposition", b"attachment; filename=\"r\xe9sum\xe9.pdf\""),
               (b"Set-Cookie", b"a=1"), (b"Set-Cookie", b"b=2"),
               (b"content-length", b"999"), (b"Transfer-Encoding", b"chunked")]
    request, response = _exchange(headers, status=302)

    with ArchiveWriter(path) as writer:
        writer.write_exchange(request, response, b"moved")
    recorded = WarcArchive.open(path).response(URL)

    assert recorded is not None
    assert recorded.status == 302
    assert recorded.headers == (*headers[:4], (b"content-length", b"5"))   # length fixed, TE dropped
    assert recorded.body == b"moved"


def test_a_truncated_body_is_marked(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    with ArchiveWriter(path) as writer:
        writer.write_exchange(*_exchange(), b"first part", truncated=Truncation.LENGTH)

    _, headers, block = _records(path)[1]
    assert headers.get_header("WARC-Truncated") == "length"
    assert block.endswith(b"Content-Length: 10\r\n\r\nfirst part")


def test_a_local_file_round_trips_as_a_resource(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    source = tmp_path / "notes.txt"
    source.write_bytes("Budget: 4,2 M\u20ac\n".encode())
    uri = source.as_uri()

    with ArchiveWriter(path) as writer:
        record_id = writer.write_resource(uri, source.read_bytes(), "text/plain")
        cut_id = writer.write_resource(uri + ".big", b"\0" * 100, "application/pdf", truncated=True)
    archive = WarcArchive.open(path)

    resource = archive.resource(uri)
    assert resource is not None
    assert (resource.data, resource.content_type, resource.record_id) == (source.read_bytes(), "text/plain",
                                                                           record_id)
    assert resource.truncated is False
    cut = archive.resource(uri + ".big")
    assert cut is not None and cut.truncated and cut.record_id == cut_id
    assert archive.resource(tmp_path.joinpath("other.txt").as_uri()) is None
    assert archive.response(uri) is None
    assert [kind for kind, _, _ in _records(path)] == ["warcinfo", "resource", "resource"]


def test_an_uncompressed_archive_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "run.warc"
    with ArchiveWriter(path, gzip=False) as writer:
        record_id = writer.write_exchange(*_exchange(), b"plain")

    assert path.read_bytes().startswith(b"WARC/1.1\r\n")
    archive = WarcArchive.open(path)
    assert not archive.compressed
    recorded = archive.response(URL)
    assert recorded is not None and recorded.body == b"plain" and recorded.record_id == record_id


def test_async_use_from_an_event_loop(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"

    async def run() -> list[str]:
        async with ArchiveWriter(path) as writer:
            return list(await asyncio.gather(
                *(writer.awrite_exchange(*_exchange(url=f"{URL}&n={i}"), b"%d" % i) for i in range(20)),
                writer.awrite_resource("file:///tmp/a.txt", b"a", "text/plain")))

    ids = asyncio.run(run())
    archive = WarcArchive.open(path)
    assert len(set(ids)) == 21
    for i in range(20):
        recorded = archive.response(f"{URL}&n={i}")
        assert recorded is not None and recorded.body == b"%d" % i and recorded.record_id == ids[i]


# --- the destination ------------------------------------------------------------------------

def test_an_interrupted_run_leaves_the_old_archive_untouched(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    path.write_bytes(b"the previous archive")

    with pytest.raises(RuntimeError, match="interrupted"), ArchiveWriter(path) as writer:
        writer.write_exchange(*_exchange(), b"new")
        assert _leftovers(tmp_path) != []                     # written next to the destination
        raise RuntimeError("interrupted")

    assert path.read_bytes() == b"the previous archive"
    assert _leftovers(tmp_path) == []


def test_an_interrupted_run_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    with pytest.raises(KeyboardInterrupt), ArchiveWriter(path):
        raise KeyboardInterrupt

    assert list(tmp_path.iterdir()) == []


def test_a_clean_run_replaces_the_old_archive_keeping_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    path.write_bytes(b"the previous archive")
    path.chmod(0o640)

    with ArchiveWriter(path) as writer:
        writer.write_exchange(*_exchange(), b"new")

    assert WarcArchive.open(path).response(URL) is not None
    assert path.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_a_new_archive_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    umask = os.umask(0o022)
    try:
        with ArchiveWriter(path):
            pass
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_failed_write_poisons_the_writer_and_keeps_the_old_archive(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "run.warc.gz"
    path.write_bytes(b"the previous archive")
    real_write = os.write

    def disk_full(fd: int, data: Any) -> int:
        """Takes the first 100 bytes, then the disk is full."""
        if len(data) > 100:
            return real_write(fd, bytes(data[:100]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ArchiveError, match="would be incomplete"), ArchiveWriter(path) as writer:
        writer.write_exchange(*_exchange(), b"fine")
        [tmp] = [tmp_path / name for name in _leftovers(tmp_path)]
        size = tmp.stat().st_size
        with monkeypatch.context() as patch:
            patch.setattr(os, "write", disk_full)
            with pytest.raises(ArchiveError, match="No space left on device"):
                writer.write_exchange(*_exchange(), b"lost")
        assert tmp.stat().st_size == size                     # the part written is cut off again
        with pytest.raises(ArchiveError, match="an earlier write failed"):
            writer.write_resource("file:///a", b"a", "text/plain")

    assert path.read_bytes() == b"the previous archive"
    assert _leftovers(tmp_path) == []


def test_writing_outside_the_with_block_is_an_error(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path / "run.warc.gz")
    with pytest.raises(ArchiveError, match="closed"):
        writer.write_resource("file:///a", b"a", "text/plain")
    with writer:
        pass
    with pytest.raises(ArchiveError, match="closed"):
        writer.write_resource("file:///a", b"a", "text/plain")
    with pytest.raises(ArchiveError, match="already used"), writer:
        pass


def test_a_destination_folder_that_does_not_exist(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "run.warc.gz"
    with pytest.raises(ArchiveError) as caught, ArchiveWriter(path):
        pass
    assert str(path) in str(caught.value) and "cannot be written" in str(caught.value)
