"""Three ways to download a list of URLs at a given concurrency, each reading every body fully.

* ``httpx``: a bare ``httpx.AsyncClient()`` with its default settings, each response
  streamed (``aiter_raw``), requests bounded by a semaphore;
* ``aiohttp``: a bare ``aiohttp.ClientSession()``, same streaming and bound;
* ``factcheck``: ``factcheck.fetch.Fetcher(FetchOptions(concurrency=c, per_host=c))``,
  bounded by its own limiter (retries, redirects, size cap and all).

Run as a script, it fetches in a fresh process and prints one JSON line (the time the
fetch itself took, the bytes read): the end-to-end benchmark measures the wall time of
that process beside ``factcheck verify``'s::

    python benchmarks/fetchers.py aiohttp 16 URLS_FILE
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

CHUNK = 64 * 1024


async def fetch_httpx(urls: Sequence[str], concurrency: int) -> int:
    """Bytes read from ``urls`` by a bare httpx client, ``concurrency`` at a time."""
    import httpx

    bound = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient() as client:

        async def one(url: str) -> int:
            async with bound, client.stream("GET", url) as response:
                response.raise_for_status()
                return sum([len(chunk) async for chunk in response.aiter_raw(CHUNK)])

        return sum(await asyncio.gather(*(one(u) for u in urls)))


async def fetch_aiohttp(urls: Sequence[str], concurrency: int) -> int:
    """Bytes read from ``urls`` by a bare aiohttp session, ``concurrency`` at a time."""
    import aiohttp

    bound = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as session:

        async def one(url: str) -> int:
            async with bound, session.get(url) as response:
                response.raise_for_status()
                return sum([len(chunk) async for chunk in response.content.iter_chunked(CHUNK)])

        return sum(await asyncio.gather(*(one(u) for u in urls)))


async def fetch_factcheck(urls: Sequence[str], concurrency: int) -> int:
    """Bytes read from ``urls`` by factcheck's Fetcher with ``concurrency`` in flight."""
    from factcheck.fetch import Fetcher, FetchOptions

    async with Fetcher(FetchOptions(concurrency=concurrency, per_host=concurrency)) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    failed = [r for r in results if not r.ok]
    if failed:
        raise RuntimeError(f"{len(failed)} fetches failed, e.g. {failed[0].target}: {failed[0].error}")
    return sum(len(r.body or b"") for r in results)


CLIENTS: dict[str, Callable[[Sequence[str], int], Awaitable[int]]] = {
    "httpx": fetch_httpx,
    "aiohttp": fetch_aiohttp,
    "factcheck": fetch_factcheck,
}


def timed_fetch(client: str, urls: Sequence[str], concurrency: int) -> tuple[float, int]:
    """Seconds and bytes of one fetch of ``urls`` with ``client`` in a new event loop."""
    start = time.perf_counter()
    total = asyncio.run(CLIENTS[client](urls, concurrency))
    return time.perf_counter() - start, total


def main() -> None:
    if len(sys.argv) != 4 or sys.argv[1] not in CLIENTS:
        sys.exit(f"usage: fetchers.py {{{'|'.join(CLIENTS)}}} CONCURRENCY URLS_FILE")
    urls = Path(sys.argv[3]).read_text().split()
    seconds, total = timed_fetch(sys.argv[1], urls, int(sys.argv[2]))
    print(json.dumps({"seconds": seconds, "bytes": total, "pages": len(urls)}))


if __name__ == "__main__":
    main()
