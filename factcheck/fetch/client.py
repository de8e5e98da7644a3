"""The one configured ``httpx.AsyncClient`` every web request of a run goes through."""

from __future__ import annotations

import httpx

from factcheck.fetch.body import SUPPORTED_ENCODINGS
from factcheck.fetch.options import FetchOptions

ACCEPT = "text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"


def make_client(options: FetchOptions) -> httpx.AsyncClient:
    """A client with our timeouts and headers.

    Redirects are not followed by httpx: the fetcher follows them itself, to count
    them, refuse non-HTTP targets and (later) check each hop's address. Compression
    is announced here but undone by ``body.read_capped``, which bounds the output.
    """
    timeout = httpx.Timeout(connect=options.connect_timeout, read=options.read_timeout,
                            write=options.read_timeout, pool=None)
    headers = {
        "User-Agent": options.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": ", ".join(SUPPORTED_ENCODINGS),
        "Accept-Language": "en;q=1, *;q=0.5",
    }
    return httpx.AsyncClient(timeout=timeout, headers=headers, follow_redirects=False)
