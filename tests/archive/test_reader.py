"""``WarcArchive.open``: the index (last record wins, fragments ignored, other tools' records),
and one clear ``ArchiveError`` for anything that is not a sound WARC file."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from factcheck.archive import ArchiveError, ArchiveWriter, WarcArchive

URL = "https://example.org/report"


def _write(path: Path, bodies: list[tuple[str, bytes]], *, gzip: bool = True) -> list[str]:
    ids = []
    with ArchiveWriter(path, gzip=gzip) as writer:
        for url, body in bodies:
            request = httpx.Request("GET", url)
            response = httpx.Response(200, headers={"Content-Type": "text/plain"}, request=request)
            ids.append(writer.write_exchange(request, response, body))
    return ids


def _open_error(path: Path) -> str:
    with pytest.raises(ArchiveError) as caught:
        WarcArchive.open(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    return message


def test_the_last_record_for_a_url_wins(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    ids = _write(path, [(URL, b"first"), ("https://example.org/other", b"other"), (URL, b"second")])

    archive = WarcArchive.open(path)

    recorded = archive.response(URL)
    assert recorded is not None and recorded.body == b"second" and recorded.record_id == ids[2]
    assert archive.urls == ["https://example.org/other", URL]
    assert len(archive) == 2


def test_urls_are_looked_up_as_httpx_spells_them(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    _write(path, [("https://Example.org/caf\u00e9 menu#top", b"menu")])

    archive = WarcArchive.open(path)

    assert archive.urls == ["https://example.org/caf%C3%A9%20menu"]
    for spelling in ("https://example.org/caf%C3%A9%20menu", "https://EXAMPLE.org/caf\u00e9 menu#other"):
        assert spelling in archive
        assert archive.response(spelling) is not None
    assert archive.response("https://example.org/caf%C3%A9") is None
    assert "file:///nothing" not in archive


def _foreign_warc(path: Path) -> None:
    """Records as other tools write them: a chunked body kept chunked, a revisit, metadata."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        head = StatusAndHeaders("200 OK", [("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")],
                                protocol="HTTP/1.1")
        body = b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"
        writer.write_record(writer.create_warc_record(URL, "response", payload=io.BytesIO(body),
                                                      length=len(body), http_headers=head))
        writer.write_record(writer.create_revisit_record(URL, "sha1:AAAA", URL, "2024-01-01T00:00:00Z"))
        writer.write_record(writer.create_warc_record(URL, "metadata", payload=io.BytesIO(b"a: b\r\n"),
                                                      length=6))


def test_another_tools_records_replay_dechunked_and_revisits_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "other.warc.gz"
    _foreign_warc(path)

    recorded = WarcArchive.open(path).response(URL)

    assert recorded is not None
    assert recorded.body == b"Wikipedia"
    assert recorded.headers == ((b"Content-Type", b"text/plain"), (b"Content-Length", b"9"))
    assert recorded.http_version == b"HTTP/1.1" and recorded.reason == b"OK"


def test_a_plain_warc_with_several_records(tmp_path: Path) -> None:
    path = tmp_path / "run.warc"
    ids = _write(path, [(URL, b"a" * 10), ("https://example.org/b", b"b" * 100_000)], gzip=False)

    archive = WarcArchive.open(path)

    big = archive.response("https://example.org/b")
    assert big is not None and big.body == b"b" * 100_000 and big.record_id == ids[1]


def test_an_archive_with_no_responses_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    _write(path, [])

    archive = WarcArchive.open(path)

    assert len(archive) == 0 and archive.response(URL) is None


# --- files that are not sound WARC files ----------------------------------------------------

def test_a_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _open_error(tmp_path / "absent.warc.gz")


def test_a_folder(tmp_path: Path) -> None:
    assert "is a folder" in _open_error(tmp_path)


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    assert "is empty" in _open_error(path)


@pytest.mark.parametrize("content", [
    b"<!doctype html><html><body>Not an archive</body></html>\n",
    b"hello world foo bar baz\n",                      # five fields: warcio would take it for ARC
    bytes(range(256)) * 1024,                           # binary, with no line end for a long way
    b"WARC/1.1\r\nWARC-Type: response\r\n\r\n",        # no Content-Length
])
def test_a_file_that_is_not_a_warc(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.warc"
    path.write_bytes(content)
    message = _open_error(path)
    assert "not a WARC file" in message or "Content-Length" in message


def test_a_gzip_file_that_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html>hello</html>\n"))
    assert "is not a WARC file: it begins '<html>hello</html>'" in _open_error(path)


def test_an_archive_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    _write(path, [(URL, bytes(range(256)) * 400)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])

    assert "cut short" in _open_error(path)


def test_a_plain_archive_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "run.warc"
    _write(path, [(URL, b"x" * 5000)], gzip=False)
    path.write_bytes(path.read_bytes()[:-1000])

    assert "cut short" in _open_error(path)


def test_a_corrupt_byte(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    _write(path, [(URL, bytes(range(256)) * 400)])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))

    assert "is corrupt" in _open_error(path)


def test_garbage_after_the_last_record(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    _write(path, [(URL, b"page")])
    path.write_bytes(path.read_bytes() + b"\0" * 64)

    assert "is corrupt" in _open_error(path)


def test_one_gzip_stream_instead_of_one_member_per_record(tmp_path: Path) -> None:
    plain = tmp_path / "run.warc"
    _write(plain, [(URL, b"page"), ("https://example.org/b", b"other")], gzip=False)
    path = tmp_path / "run.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))

    message = _open_error(path)
    assert "one gzip stream" in message and "warcio recompress" in message


def test_a_wrong_content_length(tmp_path: Path) -> None:
    path = tmp_path / "run.warc"
    _write(path, [(URL, b"page")], gzip=False)
    data = path.read_bytes()
    start = data.index(b"WARC-Type: response")
    length_at = data.index(b"Content-Length: ", start)
    end = data.index(b"\r\n", length_at)
    path.write_bytes(data[:length_at] + b"Content-Length: 20" + data[end:])

    assert "is corrupt" in _open_error(path)


def test_an_archive_changed_after_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "run.warc.gz"
    _write(path, [(URL, b"page")])
    archive = WarcArchive.open(path)
    _write(path, [("https://example.org/b", b"other"), (URL, b"page")])

    with pytest.raises(ArchiveError, match="changed since it was opened"):
        archive.response(URL)
