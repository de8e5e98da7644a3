"""Politeness against local servers: robots.txt, a per-host pace, and a host that answers 429."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck.fetch.robots import RobotsAnswer, RobotsPolicy, robots_url_of
from tests.fetch.helpers import fast_options, fetch, fetch_many

PAGE = "<html><body><p>The port handled 41 million tonnes.</p></body></html>"


class Log:
    """Records when each path was requested."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, float]] = []
        self._lock = threading.Lock()

    def page(self, request: Request) -> Response:
        with self._lock:
            self.hits.append((request.path, time.monotonic()))
        return Response(PAGE, content_type="text/html")

    def paths(self) -> list[str]:
        return [p for p, _ in self.hits]


def site(server: HTTPServer, robots: str | None, status: int = 200) -> Log:
    log = Log()
    if robots is not None:
        server.expect_request("/robots.txt").respond_with_handler(
            lambda r: (log.page(r), Response(robots, status=status, content_type="text/plain"))[1])
    for path in ("/news/a", "/news/b", "/private/c", "/tools/d"):
        server.expect_request(path).respond_with_handler(log.page)
    return log


ROBOTS = """User-agent: *
Disallow: /private

User-agent: factcheck
Disallow: /tools
"""


def test_a_disallowed_page_is_not_fetched(httpserver: HTTPServer) -> None:
    log = site(httpserver, ROBOTS)
    result = fetch(httpserver.url_for("/tools/d"), fast_options(robots=True))
    assert result.error is not None and result.error.startswith("blocked by robots.txt")
    assert "--ignore-robots" in result.error
    assert log.paths() == ["/robots.txt"]


def test_our_group_is_the_one_that_applies(httpserver: HTTPServer) -> None:
    """'*' disallows /private, but robots.txt has a group for factcheck, which does not."""
    site(httpserver, ROBOTS)
    assert fetch(httpserver.url_for("/private/c"), fast_options(robots=True)).ok


def test_without_robots_txt_everything_is_allowed(httpserver: HTTPServer) -> None:
    site(httpserver, "not here", status=404)
    assert fetch(httpserver.url_for("/tools/d"), fast_options(robots=True)).ok


def test_a_robots_txt_that_fails_means_keep_out(httpserver: HTTPServer) -> None:
    site(httpserver, "overloaded", status=503)
    result = fetch(httpserver.url_for("/news/a"), fast_options(robots=True))
    assert result.error is not None and "could not be read (HTTP 503)" in result.error


def test_ignore_robots_fetches_anyway(httpserver: HTTPServer) -> None:
    log = site(httpserver, ROBOTS)
    assert fetch(httpserver.url_for("/tools/d"), fast_options(robots=False)).ok
    assert "/robots.txt" not in log.paths()


def test_robots_txt_is_read_once_per_site(httpserver: HTTPServer) -> None:
    log = site(httpserver, ROBOTS)
    urls = [httpserver.url_for(p) for p in ("/news/a", "/news/b", "/private/c", "/tools/d")]
    results = fetch_many(urls, fast_options(robots=True))
    assert [r.ok for r in results] == [True, True, True, False]
    assert log.paths().count("/robots.txt") == 1


def test_crawl_delay_paces_the_site(httpserver: HTTPServer) -> None:
    log = site(httpserver, "User-agent: *\nCrawl-delay: 0.3\n")
    urls = [httpserver.url_for(p) for p in ("/news/a", "/news/b", "/private/c")]
    fetch_many(urls, fast_options(robots=True, per_host=3, timeout=5.0))
    starts = sorted(t for p, t in log.hits if p != "/robots.txt")
    assert len(starts) == 3
    assert starts[-1] - starts[0] >= 0.55           # two gaps of 0.3 s (less a little clock slack)


def test_max_rate_paces_one_host(httpserver: HTTPServer) -> None:
    log = site(httpserver, None)
    urls = [httpserver.url_for(p) for p in ("/news/a", "/news/b", "/private/c", "/tools/d")]
    fetch_many(urls, fast_options(per_host=4, max_rate=10.0, timeout=5.0))
    starts = sorted(t for _, t in log.hits)
    assert starts[-1] - starts[0] >= 0.28            # three gaps of 0.1 s


def test_a_host_answering_429_is_left_alone(httpserver: HTTPServer) -> None:
    """One source's 429 with Retry-After holds every request to that host, not just its own."""
    hits: list[tuple[str, float]] = []
    answered = {"busy": False}

    def busy(request: Request) -> Response:
        hits.append((request.path, time.monotonic()))
        if not answered["busy"]:
            answered["busy"] = True
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response(PAGE, content_type="text/html")

    def other(request: Request) -> Response:
        hits.append((request.path, time.monotonic()))
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/busy").respond_with_handler(busy)
    httpserver.expect_request("/other").respond_with_handler(other)
    options = fast_options(per_host=1, timeout=5.0)
    results = fetch_many([httpserver.url_for("/busy"), httpserver.url_for("/other")], options)
    assert all(r.ok for r in results)
    first_429 = hits[0][1]
    later = [t for _, t in hits[1:]]
    assert min(later) - first_429 >= 0.95


def test_robots_url_of() -> None:
    assert robots_url_of("https://news.test:8443/a/b?c=d#e") == "https://news.test:8443/robots.txt"
    assert robots_url_of("file:///tmp/x.html") is None


@pytest.mark.parametrize(("answer", "allowed"), [
    (RobotsAnswer(200, b"User-agent: *\nDisallow: /\n"), False),
    (RobotsAnswer(200, b"\xff\xfe garbage \x00"), True),
    (RobotsAnswer(401), True),
    (RobotsAnswer(429), False),
    (RobotsAnswer(500), False),
    (RobotsAnswer(None, error="connection refused"), False),
])
def test_what_the_robots_fetch_answered_decides(answer: RobotsAnswer, allowed: bool) -> None:
    import asyncio

    async def fetch_robots(url: str) -> RobotsAnswer:
        return answer

    verdict = asyncio.run(RobotsPolicy(fetch_robots).check("https://news.test/page"))
    assert verdict.allowed is allowed


def test_the_report_says_robots_txt_was_ignored(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from factcheck.cli import app

    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nclaims:\n  - id: a\n    text: The port handled 41 million tonnes\n    sources: [page.html]\n",
        encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(tmp_path / "claims.yaml"), "-f", "json", "--ignore-robots",
                                      "--no-state", "--no-cache"])
    assert json.loads(result.stdout)["run"]["robots"].startswith("not honoured")
    plain = CliRunner().invoke(app, ["verify", str(tmp_path / "claims.yaml"), "-f", "json", "--no-state",
                                     "--no-cache"])
    assert "robots" not in json.loads(plain.stdout)["run"]
