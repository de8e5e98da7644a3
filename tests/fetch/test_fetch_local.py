"""Local sources: ``file://`` URLs read through ``Fetcher.fetch`` like any other source."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fetch.helpers import fast_options, fetch


def test_existing_file_is_read(tmp_path: Path) -> None:
    page = tmp_path / "source.html"
    page.write_bytes(b"<html><body><p>Local text.</p></body></html>")

    result = fetch(page.as_uri())

    assert result.ok, result.error
    assert result.body == page.read_bytes()
    assert result.content_type == "text/html"
    assert result.final_url == page.as_uri()
    assert result.status is None
    assert result.truncated is False


@pytest.mark.parametrize(("name", "content_type"), [
    ("report.pdf", "application/pdf"),
    ("notes.txt", "text/plain"),
    ("data.unknownext", "application/octet-stream"),
])
def test_content_type_is_guessed_from_the_name(tmp_path: Path, name: str, content_type: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"content")

    assert fetch(path.as_uri()).content_type == content_type


def test_percent_encoded_path_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "with space é.txt"
    path.write_text("spaced", encoding="utf-8")
    uri = path.as_uri()
    assert "%20" in uri

    result = fetch(uri)

    assert result.body == b"spaced"


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"

    result = fetch(missing.as_uri())

    assert result.error == "no such file"
    assert result.body is None
    assert not result.ok


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    result = fetch(tmp_path.as_uri())

    assert result.error == "is a folder, not a file"
    assert result.body is None


def test_file_over_the_cap_is_truncated(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"0123456789" * 100)

    result = fetch(path.as_uri(), fast_options(max_bytes=25))

    assert result.body == b"0123456789012345678901234"
    assert result.truncated is True


def test_file_exactly_at_the_cap_is_whole(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 25)

    result = fetch(path.as_uri(), fast_options(max_bytes=25))

    assert result.body == b"x" * 25
    assert result.truncated is False


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    try:
        if _can_read(path):
            pytest.skip("running with privileges that ignore file modes")
        result = fetch(path.as_uri())
    finally:
        path.chmod(0o600)

    assert result.error == "permission denied"


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True
