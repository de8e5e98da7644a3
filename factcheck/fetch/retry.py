"""What is retried, and how long to wait before the next attempt: pure functions.

Kept apart from the HTTP code so the policy can be read in one place and tested
without a server (the shape follows lychee's ``retry.rs``). A transient failure is a
connection error, a timeout, or a 429/502/503/504 answer; everything else (404, 500,
a TLS or DNS failure, a bad redirect) fails at once, because asking again would only
waste the user's time and the server's.
"""

from __future__ import annotations

import email.utils
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

RETRY_STATUSES = frozenset({429, 502, 503, 504})
"""HTTP statuses that mean 'try again later'."""


@dataclass(frozen=True)
class RetryPolicy:
    """How persistently one source is retried (all within its total deadline)."""

    attempts: int = 3
    """Requests at most, the first included."""
    base_delay: float = 0.5
    """Seconds before the second attempt; doubles after each failure."""
    max_delay: float = 8.0
    """No back-off wait is longer than this."""
    max_retry_after: float = 30.0
    """The longest ``Retry-After`` honoured; a server asking for more is given up on."""


DEFAULT_RETRY_POLICY = RetryPolicy()


def is_retryable_status(status: int) -> bool:
    """Whether an HTTP status is worth asking again."""
    return status in RETRY_STATUSES


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date), or None."""
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"[0-9]{1,10}", value):          # ASCII digits only: "²".isdigit() is true
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return max(seconds, 0.0)


def backoff_delay(policy: RetryPolicy, attempt: int, random: Callable[[], float]) -> float:
    """Exponential back-off with jitter after failed attempt number ``attempt`` (1-based).

    Half the window is fixed and half random ("equal jitter"), so retries from many
    concurrent fetches spread out but never fire immediately.
    """
    window = min(policy.max_delay, policy.base_delay * math.pow(2, attempt - 1))
    return window / 2 + random() * window / 2


@dataclass(frozen=True)
class RetryDecision:
    """Whether to try again and after how long; ``reason`` says why not."""

    retry: bool
    delay: float = 0.0
    reason: str | None = None


def decide(policy: RetryPolicy, attempt: int, *, retryable: bool, retry_after: float | None,
           remaining: float, random: Callable[[], float]) -> RetryDecision:
    """Decide what follows failed attempt number ``attempt`` (1-based).

    ``retryable`` is whether the failure is transient; ``retry_after`` the server's
    requested wait, if any; ``remaining`` the seconds left before the source's deadline.
    """
    if not retryable:
        return RetryDecision(False)
    if attempt >= policy.attempts:
        return RetryDecision(False, reason=f"after {attempt} attempt{'s' if attempt != 1 else ''}")
    if retry_after is not None:
        if retry_after > policy.max_retry_after:
            return RetryDecision(False, reason=f"the server asked to retry after {retry_after:g} s, "
                                 f"more than the {policy.max_retry_after:g} s factcheck waits")
        delay = retry_after
    else:
        delay = backoff_delay(policy, attempt, random)
    if delay >= remaining:
        return RetryDecision(False, reason=f"no time left for attempt {attempt + 1}")
    return RetryDecision(True, delay=delay)
