"""Local servers for the fetch tests: nothing here ever touches the internet.

``httpserver`` is overridden to a *threaded* pytest-httpserver bound to 127.0.0.1 (the
plugin's default is single-threaded on ``localhost``), so concurrency limits can be
observed. ``raw_server`` starts a bare TCP server (``helpers.RawServer``) for what an HTTP
framework will not do: hang after the request, drip bytes, reset mid-body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytest_httpserver import HTTPServer

from tests.fetch.helpers import Handler, RawServer


@pytest.fixture(scope="session")
def _threaded_httpserver() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def httpserver(_threaded_httpserver: HTTPServer) -> Iterator[HTTPServer]:
    """A threaded pytest-httpserver on 127.0.0.1, cleared before each test; a handler that
    raised fails the test at teardown."""
    _threaded_httpserver.clear()
    yield _threaded_httpserver
    _threaded_httpserver.check_handler_errors()


@pytest.fixture
def raw_server() -> Iterator[Callable[[Handler], RawServer]]:
    """Factory: ``raw_server(handler)`` starts a server; all are stopped at teardown."""
    servers: list[RawServer] = []

    def start(handler: Handler) -> RawServer:
        server = RawServer(handler)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()
