"""Bytes for a source: knows URLs, HTTP and files, nothing of claims or matching."""

from factcheck.fetch.fetcher import Fetcher, fetch_all
from factcheck.fetch.options import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_BYTES,
    DEFAULT_PER_HOST,
    DEFAULT_TIMEOUT,
    USER_AGENT,
    FetchOptions,
)
from factcheck.fetch.result import FetchResult
from factcheck.fetch.retry import RetryPolicy

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_PER_HOST",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "FetchOptions",
    "FetchResult",
    "Fetcher",
    "RetryPolicy",
    "fetch_all",
]
