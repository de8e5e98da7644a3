"""The one configured ``httpx.AsyncClient`` every web request of a run goes through."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import httpx

from factcheck.fetch.body import SUPPORTED_ENCODINGS
from factcheck.fetch.options import FetchOptions


class UnfollowableRedirect(Exception):
    """A redirect whose Location is not an http(s) URL with a host and a valid port."""

    def __init__(self, location: str, reason: str, status: int) -> None:
        self.location = location
        self.reason = reason
        self.status = status
        super().__init__(reason)


async def check_redirect(response: httpx.Response) -> None:
    """Refuse a redirect httpx could not even represent (``javascript:``, port 99999)
    before httpx tries to: it builds the next request for every redirect, even when not
    following it, and fails there with an error that names neither cause nor Location."""
    if not response.has_redirect_location:
        return
    location = response.headers["location"].strip()
    try:
        parts = urlsplit(urljoin(str(response.url), location))
        port = parts.port
    except ValueError:
        raise UnfollowableRedirect(location, f"redirected to an invalid URL {location[:80]!r}",
                                   response.status_code) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnfollowableRedirect(location, f"redirected to a {scheme or 'relative'}: URL, which is not followed",
                                   response.status_code)
    if not parts.hostname or (port is not None and not 0 < port < 65536):
        raise UnfollowableRedirect(location, f"redirected to an invalid URL {location[:80]!r}", response.status_code)


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
    return httpx.AsyncClient(timeout=timeout, headers=headers, follow_redirects=False,
                             event_hooks={"response": [check_redirect]})
