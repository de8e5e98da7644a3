"""Requests in flight: at most N over all hosts and at most M to any one host.

The global limit bounds our sockets and memory; the per-host limit keeps one slow or
fragile site from being hammered by a claims file that cites it fifty times.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class HostLimiter:
    """Two-level semaphore: a global one and one per host, created on demand."""

    def __init__(self, concurrency: int, per_host: int) -> None:
        self._global = asyncio.Semaphore(concurrency)
        self._per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def acquire(self, host: str) -> None:
        """Wait for a request slot for ``host`` (the host's own first, so a busy host does
        not sit on global slots other hosts could use). Pair with ``release``."""
        host_sem = self._hosts.setdefault(host.lower(), asyncio.Semaphore(self._per_host))
        await host_sem.acquire()
        try:
            await self._global.acquire()
        except BaseException:
            host_sem.release()
            raise

    def release(self, host: str) -> None:
        self._global.release()
        self._hosts[host.lower()].release()

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one request slot for ``host``."""
        await self.acquire(host)
        try:
            yield
        finally:
            self.release(host)
