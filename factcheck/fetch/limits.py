"""Requests in flight and their pace: at most N over all hosts, M to any one host, and
requests to one host started no faster than its rate allows.

The global limit bounds our sockets and memory; the per-host limit keeps one slow or
fragile site from being hammered by a claims file that cites it fifty times; the pace
(``--max-rate``, or the site's robots.txt ``Crawl-delay`` when slower) spreads the
requests to one site out in time; and a site that answers 429 is left alone, for as
long as it asked or for a back-off that doubles while it keeps asking.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

MAX_CRAWL_DELAY = 30.0
"""The longest robots.txt ``Crawl-delay`` honoured, in seconds."""
MAX_HOLD = 60.0
"""The longest a host asking for 429 is left alone, whatever its Retry-After says."""


class _Host:
    __slots__ = ("backoff", "delay", "next_start", "semaphore")

    def __init__(self, per_host: int) -> None:
        self.semaphore = asyncio.Semaphore(per_host)
        self.next_start = 0.0
        """Loop time before which no request to the host may start."""
        self.delay = 0.0
        """The host's own minimum interval (robots.txt Crawl-delay)."""
        self.backoff = 0.0
        """The current 429 back-off (0 when the host is not asking us to slow down)."""


class HostLimiter:
    """Two-level semaphore with a per-host pace, created on demand."""

    def __init__(self, concurrency: int, per_host: int, max_rate: float = 0.0, *,
                 backoff: tuple[float, float] = (0.5, 8.0)) -> None:
        """``backoff``: the first and the longest wait after a 429 without Retry-After (the
        retry policy's, so that one source and its whole host slow down alike)."""
        self._global = asyncio.Semaphore(concurrency)
        self._per_host = per_host
        self._interval = 1.0 / max_rate if max_rate > 0 else 0.0
        self._first_backoff, self._max_backoff = backoff
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        key = host.lower()
        state = self._hosts.get(key)
        if state is None:
            state = self._hosts[key] = _Host(self._per_host)
        return state

    async def acquire(self, host: str) -> None:
        """Wait for a request slot for ``host``: the host's own first, then its turn in
        time, then a global slot (so a busy or paced host does not sit on global slots
        other hosts could use). Pair with ``release``."""
        state = self._host(host)
        await state.semaphore.acquire()
        try:
            loop = asyncio.get_running_loop()
            now = loop.time()
            start = max(now, state.next_start)
            state.next_start = start + max(self._interval, state.delay)
            if start > now:
                await asyncio.sleep(start - now)
            await self._global.acquire()
        except BaseException:
            state.semaphore.release()
            raise

    def release(self, host: str) -> None:
        self._global.release()
        self._host(host).semaphore.release()

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one request slot for ``host``."""
        await self.acquire(host)
        try:
            yield
        finally:
            self.release(host)

    def set_crawl_delay(self, host: str, seconds: float) -> None:
        """The site's robots.txt asks for at least ``seconds`` between requests."""
        self._host(host).delay = min(max(seconds, 0.0), MAX_CRAWL_DELAY)

    def too_many_requests(self, host: str, retry_after: float | None) -> float:
        """The host answered 429: no request to it starts for a while. Returns how long."""
        state = self._host(host)
        state.backoff = min(self._max_backoff, state.backoff * 2 if state.backoff else self._first_backoff)
        wait = min(max(retry_after or 0.0, state.backoff), MAX_HOLD)
        loop = asyncio.get_running_loop()
        state.next_start = max(state.next_start, loop.time() + wait)
        return wait

    def answered(self, host: str) -> None:
        """The host answered something other than 429: its back-off starts over."""
        state = self._hosts.get(host.lower())
        if state is not None:
            state.backoff = 0.0
