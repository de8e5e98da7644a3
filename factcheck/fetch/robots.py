"""robots.txt, read once per site and run, as RFC 9309 says.

Rules come from protego (Scrapy's parser: Google's and RFC 9309's reading, wildcards,
longest match wins, the ``factcheck`` group over ``*``). What the fetch of robots.txt
itself answered decides as the RFC does:

- 2xx: its rules apply (and its ``Crawl-delay`` paces our requests to the site);
- 4xx: there are no rules (a site without robots.txt allows everything);
- 5xx, 429, or no answer: the site is taken as disallowing everything for this run,
  since it may be overloaded; the source is unreachable with that reason, and
  ``--ignore-robots`` overrides it.

Fetched through the run's client, so the HTTP cache keeps it like any page.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

log = logging.getLogger(__name__)

USER_AGENT_TOKEN = "factcheck"
"""The product token our User-Agent starts with, which robots.txt groups name."""
MAX_ROBOTS_BYTES = 512 * 1024
"""RFC 9309 asks parsers to read at least 500 KiB."""


@dataclass(frozen=True)
class RobotsAnswer:
    """What fetching a site's robots.txt gave."""

    status: int | None
    """The HTTP status, None when no answer came."""
    body: bytes = b""
    error: str | None = None


@dataclass(frozen=True)
class Verdict:
    """Whether one URL may be fetched, and why not."""

    allowed: bool
    reason: str | None = None
    crawl_delay: float | None = None


class _Rules:
    def __init__(self, answer: RobotsAnswer, robots_url: str) -> None:
        self._parser = None
        self._blocked: str | None = None
        self.crawl_delay: float | None = None
        status = answer.status
        if status is not None and 200 <= status < 300:
            from protego import Protego

            text = answer.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
            try:
                self._parser = Protego.parse(text)
                self.crawl_delay = self._parser.crawl_delay(USER_AGENT_TOKEN)
            except Exception as e:  # a parser on hostile input: no rules rather than no run
                log.info("%s cannot be parsed (%s); taking it as allowing everything", robots_url, e)
        elif status is not None and 400 <= status < 500 and status != 429:
            pass                                # no robots.txt: everything allowed
        else:
            why = f"HTTP {status}" if status is not None else (answer.error or "no answer")
            self._blocked = (f"blocked by robots.txt: {robots_url} could not be read ({why}), which means "
                             "'keep out' until it can (--ignore-robots overrides)")

    def check(self, url: str, robots_url: str) -> Verdict:
        if self._blocked is not None:
            return Verdict(False, self._blocked)
        if self._parser is not None and not self._parser.can_fetch(url, USER_AGENT_TOKEN):
            return Verdict(False, f"blocked by robots.txt: {robots_url} disallows it for {USER_AGENT_TOKEN} "
                                  "(--ignore-robots overrides)", self.crawl_delay)
        return Verdict(True, None, self.crawl_delay)


Fetch = Callable[[str], Awaitable[RobotsAnswer]]
"""Gets one robots.txt (the fetcher's own request, under its limits)."""


class RobotsPolicy:
    """Each site's rules, fetched on first need and shared by every source of the site."""

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._sites: dict[str, asyncio.Future[_Rules]] = {}

    async def check(self, url: str) -> Verdict:
        """May ``url`` be fetched?"""
        robots_url = robots_url_of(url)
        if robots_url is None or url == robots_url:
            return Verdict(True)
        pending = self._sites.get(robots_url)
        if pending is None:
            pending = asyncio.get_running_loop().create_future()
            self._sites[robots_url] = pending
            try:
                answer = await self._fetch(robots_url)
            except Exception as e:  # whatever went wrong, the site's sources get a reason, not a crash
                answer = RobotsAnswer(None, error=str(e) or type(e).__name__)
            pending.set_result(_Rules(answer, robots_url))
        rules = await pending
        return rules.check(url, robots_url)


def robots_url_of(url: str) -> str | None:
    """The robots.txt that governs ``url`` (None for a URL with no site)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
