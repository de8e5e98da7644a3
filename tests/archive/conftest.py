"""The archive tests' local servers are the fetch tests' own: a threaded pytest-httpserver on
127.0.0.1 and a bare TCP server for what an HTTP framework will not send (chunked bodies, a
connection lost mid-body). Nothing here touches the internet."""

from __future__ import annotations

from tests.fetch.conftest import _threaded_httpserver, httpserver, raw_server

__all__ = ["_threaded_httpserver", "httpserver", "raw_server"]
