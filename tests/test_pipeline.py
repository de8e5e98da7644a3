"""How the pipeline schedules sources: round-robin over hosts, and a bounded number in hand."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from factcheck import load_claims
from factcheck.fetch import FetchOptions, FetchResult
from factcheck.pipeline import Options, interleave_hosts, run


def test_sources_are_taken_round_robin_over_hosts() -> None:
    targets = ["https://a.test/1", "https://a.test/2", "https://a.test/3", "https://b.test/1",
               "https://c.test/1", "https://c.test/2"]
    assert interleave_hosts(targets) == ["https://a.test/1", "https://b.test/1", "https://c.test/1",
                                         "https://a.test/2", "https://c.test/2", "https://a.test/3"]


def test_interleaving_keeps_every_target_once() -> None:
    targets = [f"https://h{i % 3}.test/{i}" for i in range(20)] + ["sources/local.html"]
    assert sorted(interleave_hosts(targets)) == sorted(targets)


def test_downloads_do_not_run_ahead_of_the_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With checking slower than fetching, the sources fetched but not yet checked stay
    bounded by the concurrency and the workers, instead of growing with the file."""
    sources = [f"https://h{i % 5}.test/{i}" for i in range(60)]
    claims = tmp_path / "claims.yaml"
    claims.write_text("version: 1\nclaims:\n" + "".join(
        f"  - id: c{i}\n    kind: statement\n    text: Something happened\n    sources: [{url}]\n"
        for i, url in enumerate(sources)), encoding="utf-8")
    in_hand = 0
    peak = 0

    class InstantFetcher:
        def __init__(self, options: FetchOptions) -> None:
            pass

        async def __aenter__(self) -> InstantFetcher:
            return self

        async def __aexit__(self, *exc: object) -> None:
            pass

        async def fetch(self, target: str) -> FetchResult:
            nonlocal in_hand, peak
            in_hand += 1
            peak = max(peak, in_hand)
            return FetchResult(target=target, status=200, final_url=target, content_type="text/html",
                               body=b"<html><body><p>Something happened.</p></body></html>")

    async def slow_check(workers: object, fetched: FetchResult, citing: object, store: object) -> object:
        nonlocal in_hand
        await asyncio.sleep(0.001)
        in_hand -= 1
        from factcheck.sourcecheck import check_source
        return check_source(fetched, citing)  # type: ignore[arg-type]

    monkeypatch.setattr("factcheck.pipeline.Fetcher", InstantFetcher)
    monkeypatch.setattr("factcheck.pipeline._check", slow_check)
    options = Options(fetch=FetchOptions(concurrency=4), workers=0)
    report = asyncio.run(run([load_claims(claims)], options))
    assert len(report.results) == 60
    assert peak <= 4 + 2
