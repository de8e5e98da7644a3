"""How sources are fetched, with the defaults the CLI's help shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from factcheck._version import __version__
from factcheck.errors import OptionsError
from factcheck.fetch.retry import DEFAULT_RETRY_POLICY, RetryPolicy

DEFAULT_CONCURRENCY = 16
"""Requests in flight at once over all hosts."""
DEFAULT_PER_HOST = 4
"""Requests in flight at once to one host: polite, yet enough for a claims file that
cites one site many times."""
DEFAULT_TIMEOUT = 30.0
"""Seconds allowed for one source, all included: connect, redirects, retries, body."""
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 15.0
"""Seconds of silence tolerated between two reads of one response."""
DEFAULT_MAX_REDIRECTS = 10
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Decoded bytes read from one source; a page is far smaller, a long report PDF fits."""
DEFAULT_MAX_RATE = 10.0
"""Requests per second at most to one host: polite to any news site, and no limit on a
claims file that cites a few pages of each."""
USER_AGENT = f"factcheck/{__version__} (fact-checking tool: reads the sources an article cites)"


class CacheMode(StrEnum):
    """How the HTTP cache is used in a run (see ``fetch/cache.py``)."""

    NORMAL = "normal"
    """RFC 9111: fresh copies served, stale ones revalidated."""
    REFRESH = "refresh"
    """Every source asked of its server again (conditionally); the cache updated."""
    OFFLINE = "offline"
    """The cache only: no request reaches the network."""


@dataclass(frozen=True)
class FetchOptions:
    """Limits and manners of fetching; every field has a safe default."""

    concurrency: int = DEFAULT_CONCURRENCY
    per_host: int = DEFAULT_PER_HOST
    timeout: float = DEFAULT_TIMEOUT
    """The total deadline of one source: a server that drips a byte a second ends here."""
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT
    retry: RetryPolicy = field(default=DEFAULT_RETRY_POLICY)
    max_rate: float = DEFAULT_MAX_RATE
    """Requests per second at most to one host (0: no limit); a slower robots.txt
    ``Crawl-delay`` wins."""
    robots: bool = True
    """Honour robots.txt (``--ignore-robots`` turns it off)."""
    cache: Path | None = None
    """The HTTP cache (SQLite) to use; None: no cache."""
    cache_mode: CacheMode = CacheMode.NORMAL

    def __post_init__(self) -> None:
        if self.concurrency < 1:
            raise OptionsError(f"concurrency must be at least 1, not {self.concurrency}")
        if self.per_host < 1:
            raise OptionsError(f"per-host must be at least 1, not {self.per_host}")
        if not self.timeout > 0:
            raise OptionsError(f"timeout must be more than 0 seconds, not {self.timeout:g}")
        if self.max_bytes < 1:
            raise OptionsError(f"max-bytes must be at least 1, not {self.max_bytes}")
        if not self.max_rate >= 0:
            raise OptionsError(f"max-rate cannot be negative ({self.max_rate:g})")
        if self.max_redirects < 0:
            raise OptionsError(f"max-redirects cannot be negative ({self.max_redirects})")
