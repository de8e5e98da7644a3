"""``fetch``: 500 unique 50 KB pages from the local server, three clients, four concurrencies.

Each repeat runs every (concurrency, client) pair once, in turn, so that a slow moment
of the machine falls on all of them alike; the table gives the median of the repeats.
"""

from __future__ import annotations

import statistics

from common import Context, Table, fmt_bytes, fmt_ratio, log
from fetchers import CLIENTS, timed_fetch
from server import ServerProcess

CONCURRENCIES = (1, 8, 32, 64)
PAGE_BYTES = 50 * 1024


def run_fetch(ctx: Context) -> None:
    pages, repeats = (200, 3) if ctx.quick else (500, 3)
    seconds: dict[tuple[str, int], list[float]] = {(c, n): [] for c in CLIENTS for n in CONCURRENCIES}
    with ServerProcess(pages, page_bytes=PAGE_BYTES) as server:
        urls = server.urls()
        timed_fetch("aiohttp", urls[:20], 4)                   # warm the server's and client's code paths
        for r in range(repeats):
            log(f"fetch: repeat {r + 1} of {repeats}")
            for n in CONCURRENCIES:
                for client in CLIENTS:
                    took, total = timed_fetch(client, urls, n)
                    if total != pages * PAGE_BYTES:
                        raise RuntimeError(f"{client} read {total} bytes, not {pages * PAGE_BYTES}")
                    seconds[client, n].append(took)
    med = {key: statistics.median(v) for key, v in seconds.items()}

    table = Table(f"fetch: {pages} unique pages of {fmt_bytes(PAGE_BYTES)} from a local aiohttp server "
                  f"(median of {repeats}; seconds, pages/s)",
                  ["client", *(f"c={n}" for n in CONCURRENCIES), *(f"c={n} / fastest" for n in CONCURRENCIES)])
    for client in CLIENTS:
        cells = [f"{med[client, n]:.2f} s, {pages / med[client, n]:.0f}/s" for n in CONCURRENCIES]
        ratios = [fmt_ratio(med[client, n] / min(med[c, n] for c in CLIENTS)) for n in CONCURRENCIES]
        table.add(client, *cells, *ratios)
    table.notes.append("httpx: bare httpx.AsyncClient() (default settings), each body streamed; aiohttp: bare "
                       "aiohttp.ClientSession(); both bounded by a semaphore. factcheck: Fetcher(FetchOptions("
                       "concurrency=c, per_host=c)). The server runs in its own process on the same machine.")
    ctx.table(table)
    ctx.figures["fetch"] = {"pages": pages, "page_bytes": PAGE_BYTES,
                            "seconds": {f"{client}/c={n}": v for (client, n), v in seconds.items()}}
