"""Network faults, deadlines and concurrency limits, against local servers.

Timing is asserted only as generous upper bounds that prove a deadline works.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.fetch.helpers import (
    FAST_RETRY,
    Handler,
    RawServer,
    closed_port,
    fast_options,
    fetch,
    fetch_many,
    read_request,
    reset,
)

RawFactory = Callable[[Handler], RawServer]


def test_connection_refused_is_retried_then_reported() -> None:
    url = f"http://127.0.0.1:{closed_port()}/page"

    result = fetch(url)

    assert result.error is not None
    assert result.error.endswith("(after 3 attempts)")
    assert result.status is None
    assert result.body is None
    assert result.attempts == 3


def test_connection_refused_says_so() -> None:
    result = fetch(f"http://127.0.0.1:{closed_port()}/page")

    assert result.error == "connection refused (after 3 attempts)"


def test_silent_server_times_out_within_the_deadline(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        stop.wait()  # accept the request, never answer

    server = raw_server(handler)
    options = fast_options(timeout=3.0, read_timeout=0.3)

    started = time.monotonic()
    result = fetch(server.url("/"), options)
    elapsed = time.monotonic() - started

    assert result.error == "timed out waiting for the server (after 3 attempts)"
    assert result.attempts == 3
    assert server.connections == 3
    assert elapsed < options.timeout + 2


def test_dripping_server_is_cut_by_the_total_timeout(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
        while not stop.wait(0.2):  # a byte every 0.2 s, forever: never a read timeout
            conn.sendall(b"x")

    server = raw_server(handler)
    options = fast_options(timeout=1.5, read_timeout=1.0)

    started = time.monotonic()
    result = fetch(server.url("/drip"), options)
    elapsed = time.monotonic() - started

    assert result.error == "timed out: no complete answer within 1.5 s"
    assert result.body is None
    assert elapsed < options.timeout + 2
    assert server.connections == 1


def test_slow_headers_are_cut_by_the_total_timeout(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        while not stop.wait(0.2):
            conn.sendall(b"X-Slow: y\r\n")

    server = raw_server(handler)
    options = fast_options(timeout=1.0, read_timeout=1.0)

    started = time.monotonic()
    result = fetch(server.url("/"), options)

    assert result.error == "timed out: no complete answer within 1 s"
    assert time.monotonic() - started < options.timeout + 2


def test_deadline_result_counts_the_request_made(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        while not stop.wait(0.2):
            conn.sendall(b"x")

    server = raw_server(handler)

    result = fetch(server.url("/"), fast_options(timeout=0.8))

    assert result.error is not None
    assert result.error.startswith("timed out")
    assert result.attempts == 1


def _headers_then(body_part: bytes, length: int) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {length}\r\n\r\n"
            .encode() + body_part)


def test_reset_mid_body_is_retried_then_reported(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(_headers_then(b"a" * 100, 10_000))
        time.sleep(0.05)
        reset(conn)

    server = raw_server(handler)

    result = fetch(server.url("/"))

    assert result.error is not None
    assert result.error.endswith("while reading the body (after 3 attempts)")
    assert result.body is None
    assert result.status == 200
    assert result.attempts == 3
    assert server.connections == 3


def test_body_shorter_than_content_length_is_retried_then_reported(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(_headers_then(b"only part of it", 5000))  # then a clean close (FIN)

    server = raw_server(handler)

    result = fetch(server.url("/"))

    assert result.error is not None
    assert result.error.startswith("the server broke the HTTP protocol")
    assert result.error.endswith("while reading the body (after 3 attempts)")
    assert result.attempts == 3


def test_reset_then_success_recovers(raw_server: RawFactory) -> None:
    calls: list[int] = []

    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        calls.append(1)
        if len(calls) == 1:
            conn.sendall(_headers_then(b"partial", 1000))
            reset(conn)
        else:
            conn.sendall(_headers_then(b"complete", 8))

    server = raw_server(handler)

    result = fetch(server.url("/"))

    assert result.ok, result.error
    assert result.body == b"complete"
    assert result.attempts == 2


# --- concurrency limits -------------------------------------------------------------------


class _Gauge:
    """Counts requests in progress in the server and remembers the most seen at once."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.active = 0
        self.max_seen = 0
        self.hosts: list[str] = []
        self._lock = threading.Lock()

    def handler(self, request: Request) -> Response:
        with self._lock:
            self.active += 1
            self.max_seen = max(self.max_seen, self.active)
            self.hosts.append(request.host.split(":")[0])
        time.sleep(self.hold)
        with self._lock:
            self.active -= 1
        return Response(request.path)


def _serve_gauge(httpserver: HTTPServer, hold: float) -> _Gauge:
    gauge = _Gauge(hold)
    httpserver.expect_request(re.compile("/p.*")).respond_with_handler(gauge.handler)
    return gauge


def test_per_host_limit_holds(httpserver: HTTPServer) -> None:
    gauge = _serve_gauge(httpserver, hold=0.25)
    urls = [httpserver.url_for(f"/p{i}") for i in range(6)]

    results = fetch_many(urls, fast_options(per_host=2, concurrency=16))

    assert [r.body for r in results] == [f"/p{i}".encode() for i in range(6)]
    assert gauge.max_seen == 2  # never more than two, and the two were used


def test_global_limit_holds_over_hosts(httpserver: HTTPServer) -> None:
    gauge = _serve_gauge(httpserver, hold=0.15)
    urls = [f"http://{host}:{httpserver.port}/p{i}" for i in range(3) for host in ("127.0.0.1", "localhost")]

    results = fetch_many(urls, fast_options(per_host=4, concurrency=1))

    assert all(r.ok for r in results), [r.error for r in results]
    assert gauge.max_seen == 1


def test_per_host_limit_is_per_host(httpserver: HTTPServer) -> None:
    gauge = _serve_gauge(httpserver, hold=0.25)
    urls = [f"http://{host}:{httpserver.port}/p{i}" for i in range(2) for host in ("127.0.0.1", "localhost")]

    results = fetch_many(urls, fast_options(per_host=1, concurrency=16))

    assert all(r.ok for r in results), [r.error for r in results]
    assert sorted(gauge.hosts) == ["127.0.0.1", "127.0.0.1", "localhost", "localhost"]
    assert gauge.max_seen == 2  # one request per host at a time, the two hosts in parallel


def test_waiting_for_a_host_slot_does_not_eat_the_deadline(httpserver: HTTPServer) -> None:
    gauge = _serve_gauge(httpserver, hold=0.5)
    urls = [httpserver.url_for(f"/p{i}") for i in range(4)]

    results = fetch_many(urls, fast_options(per_host=1, timeout=1.2, read_timeout=1.0))

    # each request takes 0.5 s, well within its 1.2 s; only the queue is longer
    assert [r.error for r in results] == [None] * 4
    assert gauge.max_seen == 1


# --- what the HTTP layer accepts and how it reports malformed answers -----------------------


def test_a_long_header_line_is_accepted(raw_server: RawFactory) -> None:
    """Real sites send security policies and cookies longer than 8 KB in one header."""
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: s=" + b"a" * 20_000
                     + b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")

    result = fetch(raw_server(handler).url("/"))

    assert result.ok, result.error
    assert result.body == b"ok"


def test_an_answer_that_is_not_http_is_reported_as_such(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")

    result = fetch(raw_server(handler).url("/"), fast_options(retry=replace(FAST_RETRY, attempts=1)))

    assert result.error is not None
    assert result.error.startswith("the server broke the HTTP protocol: ")
    assert result.error.endswith("(after 1 attempt)")


def test_a_server_hanging_up_without_an_answer_is_not_called_a_timeout(raw_server: RawFactory) -> None:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.close()

    result = fetch(raw_server(handler).url("/"), fast_options(retry=replace(FAST_RETRY, attempts=1)))

    assert result.error == ("the server broke the HTTP protocol: it closed the connection without a "
                            "complete answer (after 1 attempt)")
