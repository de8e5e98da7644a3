"""A local web server for the benchmarks: unique corpus pages from memory, optional latency.

``GET /page/<n>`` answers unique page ``n`` (``pages.make_page``, or ``make_sized_page``
with ``--page-bytes``) after ``--latency-ms`` milliseconds, as a typical news site takes to
send its first byte. Keep-alive is on; access logging is off. ``GET /stats`` tells the
requests and body bytes served so far. Run it in its own process, so that serving does
not share an event loop (or the GIL) with the client measured::

    python benchmarks/server.py --pages 500 --latency-ms 200
    PORT 40123

Pages are built on request from the corpus held in memory (a copy of 100 KB costs
microseconds), so 2,000 pages do not cost the server 350 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import signal
import subprocess
import sys
from pathlib import Path
from types import TracebackType

from aiohttp import web
from pages import load_corpus, make_padded_page, make_page, make_sized_page


def make_app(pages: int, page_bytes: int | None, latency: float, pad: int = 0,
             max_age: int | None = None) -> web.Application:
    """The aiohttp application serving pages ``0`` to ``pages - 1``."""
    stats = {"requests": 0, "bytes": 0}

    async def page(request: web.Request) -> web.Response:
        try:
            n = int(request.match_info["n"])
        except ValueError:
            raise web.HTTPNotFound() from None
        if not 0 <= n < pages:
            raise web.HTTPNotFound()
        if latency:
            await asyncio.sleep(latency)
        body = make_page(n)
        if page_bytes:
            body = make_sized_page(n, page_bytes)
        elif pad:
            body = make_padded_page(n, pad)
        stats["requests"] += 1
        if max_age is None:
            stats["bytes"] += len(body)
            return web.Response(body=body, content_type="text/html")
        # Validators and freshness as a news site sends them: an ETag, a Last-Modified, a max-age.
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Cache-Control": f"max-age={max_age}"}
        if request.headers.get("If-None-Match") == etag:
            stats["not_modified"] = stats.get("not_modified", 0) + 1
            return web.Response(status=304, headers=headers)
        stats["bytes"] += len(body)
        return web.Response(body=body, content_type="text/html", headers=headers)

    async def show_stats(request: web.Request) -> web.Response:
        return web.json_response(stats)

    app = web.Application()
    app.router.add_get("/page/{n}", page)
    app.router.add_get("/stats", show_stats)
    return app


LAST_MODIFIED = "Mon, 02 Nov 2026 08:00:00 GMT"


async def serve(pages: int, page_bytes: int | None, latency: float, port: int, pad: int = 0,
                max_age: int | None = None) -> None:
    """Serve until SIGTERM or SIGINT; print ``PORT <n>`` once listening."""
    load_corpus()                                   # before the port is announced: no slow first request
    runner = web.AppRunner(make_app(pages, page_bytes, latency, pad, max_age), access_log=None, keepalive_timeout=75)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port, backlog=1024)
    await site.start()
    bound = runner.addresses[0][1]
    print(f"PORT {bound}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()


class ServerProcess:
    """The server in a subprocess, for a ``with`` block: ``with ServerProcess(500) as s: s.url(0)``."""

    def __init__(self, pages: int, *, page_bytes: int | None = None, latency_ms: float = 0, pad: int = 0,
                 max_age: int | None = None) -> None:
        self.pages = pages
        self.max_age = max_age
        self.page_bytes = page_bytes
        self.pad = pad
        self.latency_ms = latency_ms
        self.port = 0
        self._process: subprocess.Popen[str] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, n: int) -> str:
        return f"{self.base}/page/{n}"

    def urls(self) -> list[str]:
        return [self.url(n) for n in range(self.pages)]

    def __enter__(self) -> ServerProcess:
        command = [sys.executable, str(Path(__file__).resolve()), "--pages", str(self.pages),
                   "--latency-ms", str(self.latency_ms)]
        if self.page_bytes:
            command += ["--page-bytes", str(self.page_bytes)]
        if self.pad:
            command += ["--pad-bytes", str(self.pad)]
        if self.max_age is not None:
            command += ["--max-age", str(self.max_age)]
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.startswith("PORT "):
            self._process.kill()
            self._process.wait()
            raise RuntimeError(f"the benchmark server did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None

    def stats(self) -> dict[str, int]:
        """Requests and bytes served so far."""
        import urllib.request

        with urllib.request.urlopen(f"{self.base}/stats", timeout=10) as response:
            data: dict[str, int] = json.load(response)
        return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=500, help="pages served: /page/0 to /page/N-1 (default 500)")
    parser.add_argument("--page-bytes", type=int, default=None,
                        help="cut or repeat every page to this many bytes (default: the real page)")
    parser.add_argument("--pad-bytes", type=int, default=0,
                        help="add this many bytes of HTML comment to every real page (default 0)")
    parser.add_argument("--max-age", type=int, default=None,
                        help="send ETag, Last-Modified and Cache-Control: max-age=N, and answer "
                             "If-None-Match with 304 (default: no caching headers)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added before each response (default 0)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: any free one)")
    args = parser.parse_args()
    asyncio.run(serve(args.pages, args.page_bytes, args.latency_ms / 1000, args.port, args.pad_bytes,
                      args.max_age))


if __name__ == "__main__":
    main()
