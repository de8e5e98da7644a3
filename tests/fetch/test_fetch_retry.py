"""What the fetcher retries, how often and how long it waits, against a local server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck.fetch import RetryPolicy
from tests.fetch.helpers import Handler, RawServer, fast_options, fetch, read_request


def _sequence(httpserver: HTTPServer, path: str, responses: list[Response]) -> list[float]:
    """Serve ``responses`` in turn at ``path`` (the last one again once exhausted);
    return the list the time of each hit is appended to."""
    hits: list[float] = []

    def handler(request: Request) -> Response:
        hits.append(time.monotonic())
        return responses[min(len(hits), len(responses)) - 1]

    httpserver.expect_request(path).respond_with_handler(handler)
    return hits


def test_503_then_200_is_retried(httpserver: HTTPServer) -> None:
    hits = _sequence(httpserver, "/flaky", [Response("busy", status=503), Response("fine")])

    result = fetch(httpserver.url_for("/flaky"))

    assert result.ok, result.error
    assert result.body == b"fine"
    assert result.status == 200
    assert result.attempts == 2
    assert len(hits) == 2


def test_retry_after_seconds_is_honoured(httpserver: HTTPServer) -> None:
    hits = _sequence(httpserver, "/slow-down", [
        Response("wait", status=429, headers={"Retry-After": "1"}), Response("now")])
    options = fast_options(timeout=5.0, retry=RetryPolicy(attempts=3, base_delay=0.01, max_retry_after=5))

    result = fetch(httpserver.url_for("/slow-down"), options)

    assert result.ok, result.error
    assert result.attempts == 2
    assert len(hits) == 2
    # the back-off alone would have waited 0.005 s; the server asked for one second
    assert hits[1] - hits[0] >= 0.9


def test_retry_after_longer_than_allowed_gives_up_at_once(httpserver: HTTPServer) -> None:
    hits = _sequence(httpserver, "/later", [
        Response("come back tomorrow", status=429, headers={"Retry-After": "120"}), Response("never")])
    options = fast_options(retry=RetryPolicy(attempts=3, base_delay=0.01, max_retry_after=5))

    started = time.monotonic()
    result = fetch(httpserver.url_for("/later"), options)

    assert result.error == ("HTTP 429 Too Many Requests (the server asked to retry after 120 s, "
                            "more than the 5 s factcheck waits)")
    assert result.status == 429
    assert result.attempts == 1
    assert len(hits) == 1
    assert time.monotonic() - started < 2


def test_retry_after_beyond_the_deadline_gives_up_at_once(httpserver: HTTPServer) -> None:
    hits = _sequence(httpserver, "/later", [
        Response("busy", status=503, headers={"Retry-After": "4"}), Response("never")])
    options = fast_options(timeout=1.5, retry=RetryPolicy(attempts=3, base_delay=0.01, max_retry_after=10))

    result = fetch(httpserver.url_for("/later"), options)

    assert result.error == "HTTP 503 Service Unavailable (no time left for attempt 2)"
    assert result.attempts == 1
    assert len(hits) == 1


@pytest.mark.parametrize(("status", "text"), [
    (404, "HTTP 404 Not Found"),
    (500, "HTTP 500 Internal Server Error"),
    (403, "HTTP 403 Forbidden"),
    (410, "HTTP 410 Gone"),
    (599, "HTTP 599"),
])
def test_client_and_server_errors_are_not_retried(httpserver: HTTPServer, status: int, text: str) -> None:
    hits = _sequence(httpserver, "/broken", [Response("no", status=status), Response("fine")])

    result = fetch(httpserver.url_for("/broken"))

    assert result.error == text
    assert result.status == status
    assert result.body is None
    assert result.attempts == 1
    assert len(hits) == 1


@pytest.mark.parametrize(("status", "text"), [
    (502, "HTTP 502 Bad Gateway"),
    (503, "HTTP 503 Service Unavailable"),
    (504, "HTTP 504 Gateway Timeout"),
    (429, "HTTP 429 Too Many Requests"),
])
def test_transient_statuses_are_retried_up_to_attempts(httpserver: HTTPServer, status: int,
                                                       text: str) -> None:
    hits = _sequence(httpserver, "/down", [Response("down", status=status)])

    result = fetch(httpserver.url_for("/down"))

    assert result.error == f"{text} (after 3 attempts)"
    assert result.status == status
    assert result.attempts == 3
    assert len(hits) == 3


def test_attempts_one_means_no_retry(httpserver: HTTPServer) -> None:
    hits = _sequence(httpserver, "/down", [Response("down", status=503), Response("fine")])

    result = fetch(httpserver.url_for("/down"), fast_options(retry=RetryPolicy(attempts=1)))

    assert result.error == "HTTP 503 Service Unavailable (after 1 attempt)"
    assert len(hits) == 1


def test_garbage_retry_after_does_not_crash_the_fetch(raw_server: Callable[[Handler], RawServer]) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: \xb2\r\n"
                     b"Content-Length: 0\r\nConnection: close\r\n\r\n")

    server = raw_server(handler)

    result = fetch(server.url("/"))

    assert result.error == "HTTP 503 Service Unavailable (after 3 attempts)"
    assert result.attempts == 3
