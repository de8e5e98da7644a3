"""Findings reused for unchanged sources: the key, the store, and a second run that reads nothing."""

from __future__ import annotations

import logging
import os
import pickle
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck import load_claims
from factcheck.fetch import FetchResult
from factcheck.model import Claim, Kind, SourceRef
from factcheck.outcome import SourceOutcome
from factcheck.pipeline import Options, verify
from factcheck.state.findings import FindingsStore, findings_path, job_key

PAGE = (b"<html><body><article><h1>Harbour</h1><p>The port handled 41 million tonnes of cargo last year, "
        b"its harbour master said on Monday.</p></article></body></html>")


def _fetched(body: bytes = PAGE, ctype: str = "text/html") -> FetchResult:
    return FetchResult("https://news.test/a", body=body, status=200, final_url="https://news.test/a",
                       content_type=ctype)


def _claim(text: str = "The port handled 41 million tonnes") -> Claim:
    return Claim(id="c", kind=Kind.FIGURE, text=text, sources=(SourceRef("https://news.test/a", "https://news.test/a"),))


def test_the_key_follows_bytes_claims_and_type() -> None:
    key = job_key(_fetched(), [_claim()])
    assert key == job_key(_fetched(), [_claim()])
    assert key != job_key(_fetched(PAGE + b" "), [_claim()])
    assert key != job_key(_fetched(), [_claim("The port handled 42 million tonnes")])
    assert key != job_key(_fetched(ctype="text/plain"), [_claim()])
    assert key != job_key(_fetched(), [_claim(), _claim()])
    assert job_key(FetchResult("https://news.test/a", error="HTTP 404 Not Found"), [_claim()]) is None


def test_an_outcome_round_trips_and_failures_are_not_kept(tmp_path: Path) -> None:
    store = FindingsStore(tmp_path / "f.sqlite3")
    outcome = SourceOutcome(target="https://news.test/a", status=200, text_hash="abc")
    store.put("k", outcome)
    store.put("bad", replace(outcome, error="timed out"))
    assert store.get("k") == outcome
    assert store.get("bad") is None
    assert store.get("missing") is None
    store.close()


class _Evil:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo pwned > /dev/null",))


def test_a_tampered_store_cannot_run_code(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "f.sqlite3"
    store = FindingsStore(path)
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO factcheck_findings VALUES ('k', ?, 0)", (pickle.dumps(_Evil()),))
        db.execute("UPDATE factcheck_findings SET used = 1e12")
    store = FindingsStore(path)
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        assert store.get("k") is None
    assert any("not allowed" in r.getMessage() for r in caplog.records)


def test_a_function_of_the_package_is_not_callable_from_the_store(tmp_path: Path) -> None:
    """Only classes of factcheck may be built: a function such as the atomic writer may not."""
    from factcheck.state import findings

    class _Call:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (findings.findings_path, ("x",))

    path = tmp_path / "f.sqlite3"
    FindingsStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO factcheck_findings VALUES ('k', ?, 1e12)", (pickle.dumps(_Call()),))
    assert FindingsStore(path).get("k") is None


def test_the_store_lives_beside_the_cache() -> None:
    assert findings_path(Path("/c/http-cache.sqlite3")) == Path("/c/http-cache-findings.sqlite3")


def test_a_second_run_over_unchanged_sources_reads_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nclaims:\n  - id: tonnes\n    kind: figure\n    text: The port handled 41 million tonnes\n"
        "    sources: [page.html]\n", encoding="utf-8")
    options = Options(workers=0, findings=tmp_path / "findings.sqlite3")
    first = verify([load_claims(tmp_path / "claims.yaml")], options)

    def must_not_run(*args: object) -> object:
        raise AssertionError("the source was read again")

    monkeypatch.setattr("factcheck.sourcecheck.check_source", must_not_run)
    second = verify([load_claims(tmp_path / "claims.yaml")], options)
    assert [(r.verdict, r.evidence, r.sources) for r in second.results] == \
           [(r.verdict, r.evidence, r.sources) for r in first.results]

    (tmp_path / "page.html").write_bytes(PAGE.replace(b"41", b"42"))       # edited: read again
    with pytest.raises(AssertionError, match="read again"):
        verify([load_claims(tmp_path / "claims.yaml")], options)
