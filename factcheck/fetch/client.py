"""The one configured ``httpx.AsyncClient`` every web request of a run goes through.

httpx is the HTTP API of the code (requests, responses, redirect hooks, errors, and the
transports the HTTP cache wraps); the bytes travel through aiohttp, by the
``httpx-aiohttp`` transport. httpx's own connection pool slows down as concurrency
grows (500 pages of 50 KB from a local server: 0.57 s at 1 request in flight, 1.0-1.5 s
at 32-64; encode/httpx#3215), while the aiohttp transport stays at 0.2-0.4 s at any
concurrency: ``benchmarks/`` (``run.py --only fetch``) measures it side by side.
"""

from __future__ import annotations

import urllib.request
from urllib.parse import urljoin, urlsplit

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from factcheck.fetch.body import SUPPORTED_ENCODINGS
from factcheck.fetch.cache import cache_transport
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


MAX_HEADER_LINE = 64 * 1024
"""Longest status line or header field accepted, in bytes."""

ACCEPT = "text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"


def make_transport() -> httpx.AsyncBaseTransport:
    """httpx over aiohttp, with aiohttp doing nothing httpx or the fetcher already do.

    The transport asks aiohttp for the raw body (``body.read_capped`` decompresses it,
    bounded) and never to follow redirects. Here: no connection limit (``HostLimiter``
    bounds requests), no cookie jar (httpx keeps the one jar, so cookies are not sent
    twice), header lines up to 64 KB (aiohttp's 8 KB default refuses real sites' long
    cookies and security policies, which httpx accepted), and proxies from the
    environment only when it names one: aiohttp looks them up in a thread for every
    request when asked to, which costs more than the request itself on a fast network.
    """
    context = httpx.create_ssl_context()        # certifi's CAs, as httpx would use
    use_env_proxies = bool(urllib.request.getproxies())

    def session() -> aiohttp.ClientSession:
        return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0, ssl=context),
                                     cookie_jar=aiohttp.DummyCookieJar(), trust_env=use_env_proxies,
                                     max_line_size=MAX_HEADER_LINE, max_field_size=MAX_HEADER_LINE)

    return AiohttpTransport(client=session, verify=context)


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
    transport = make_transport()
    if options.cache is not None:
        transport = cache_transport(transport, options.cache, options.cache_mode, options.max_bytes)
    return httpx.AsyncClient(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False,
                             transport=transport, event_hooks={"response": [check_redirect]})
