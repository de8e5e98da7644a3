"""Bytes for a source: knows URLs, HTTP and files, nothing of claims or matching.

Names are imported when first used: the options and their defaults (which the CLI's
help shows) do not need the HTTP client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_EXPORTS = {
    "Fetcher": "factcheck.fetch.fetcher",
    "fetch_all": "factcheck.fetch.fetcher",
    "DEFAULT_CONCURRENCY": "factcheck.fetch.options",
    "DEFAULT_MAX_BYTES": "factcheck.fetch.options",
    "DEFAULT_PER_HOST": "factcheck.fetch.options",
    "DEFAULT_TIMEOUT": "factcheck.fetch.options",
    "USER_AGENT": "factcheck.fetch.options",
    "FetchOptions": "factcheck.fetch.options",
    "FetchResult": "factcheck.fetch.result",
    "RetryPolicy": "factcheck.fetch.retry",
}

__all__ = [
    "DEFAULT_CONCURRENCY", "DEFAULT_MAX_BYTES", "DEFAULT_PER_HOST", "DEFAULT_TIMEOUT", "USER_AGENT", "FetchOptions",
    "FetchResult", "Fetcher", "RetryPolicy", "fetch_all",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'factcheck.fetch' has no attribute {name!r}")
