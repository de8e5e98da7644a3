"""Helpers for the fetch tests: fetching with small limits, and a bare TCP server.

``RawServer`` accepts connections on 127.0.0.1 and hands each to a plain function in a
thread, for what an HTTP framework will not do: hang after the request, drip bytes,
lie about Content-Length, reset the connection mid-body.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from factcheck.fetch import Fetcher, FetchOptions, FetchResult, RetryPolicy

FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, max_retry_after=5.0)
"""Three attempts with waits of a few milliseconds."""


FAST_OPTIONS = FetchOptions(timeout=3.0, connect_timeout=1.0, read_timeout=1.0, retry=FAST_RETRY, robots=False)
"""robots.txt is off here: the test servers answer only the paths a test names (tests of
robots.txt turn it on)."""


def fast_options(**overrides: Any) -> FetchOptions:
    """Small timeouts and tiny back-off, so failing cases end within a second or two."""
    return replace(FAST_OPTIONS, **overrides)


def fetch(url: str, options: FetchOptions | None = None) -> FetchResult:
    """One fetch in a fresh event loop, with deterministic jitter."""

    async def run() -> FetchResult:
        async with Fetcher(options or fast_options(), random_source=lambda: 0.0) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(run())


def fetch_many(urls: list[str], options: FetchOptions) -> list[FetchResult]:
    """Several fetches through one Fetcher (one limiter), concurrently."""

    async def run() -> list[FetchResult]:
        async with Fetcher(options, random_source=lambda: 0.0) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(u) for u in urls)))

    return asyncio.run(run())


# --- a bare TCP server --------------------------------------------------------------------

Handler = Callable[[socket.socket, threading.Event], None]


class RawServer:
    """Accepts connections on 127.0.0.1 and runs ``handler(conn, stop)`` for each in a thread.

    Handlers that would wait forever wait on ``stop`` instead, which is set at teardown.
    """

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self.stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self.connections = 0
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept_loop(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            self._handler(conn, self.stop)
        except OSError:
            pass  # the client went away: expected when it gives up
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self._acceptor.join(timeout=5)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)


def read_request(conn: socket.socket) -> bytes:
    """Read one request's head (up to the blank line)."""
    conn.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def reset(conn: socket.socket) -> None:
    """Close with a TCP RST instead of a FIN (SO_LINGER with a zero timeout)."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
