"""retry.py: the pure retry policy, without a server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.fetch.retry import (
    RETRY_STATUSES,
    RetryDecision,
    RetryPolicy,
    backoff_delay,
    decide,
    is_retryable_status,
    parse_retry_after,
)

NOW = datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC)
POLICY = RetryPolicy(attempts=3, base_delay=0.5, max_delay=8.0, max_retry_after=30.0)


def zero() -> float:
    return 0.0


def almost_one() -> float:
    return 0.999999


# --- parse_retry_after ----------------------------------------------------------------------


@pytest.mark.parametrize(("value", "seconds"), [
    ("0", 0.0),
    ("1", 1.0),
    ("120", 120.0),
    (" 7 ", 7.0),
])
def test_retry_after_seconds(value: str, seconds: float) -> None:
    assert parse_retry_after(value) == seconds


def test_retry_after_http_date_in_the_future() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now=NOW) == 30.0


def test_retry_after_http_date_in_the_past_is_zero() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now=NOW) == 0.0


def test_retry_after_http_date_uses_the_clock_without_now() -> None:
    soon = datetime.now(UTC) + timedelta(seconds=90)
    seconds = parse_retry_after(soon.strftime("%a, %d %b %Y %H:%M:%S GMT"))

    assert seconds is not None
    assert 80 <= seconds <= 90


@pytest.mark.parametrize("value", [None, "", "soon", "1.5", "-3", "10s", "Wed, 32 Foo 2015", "0x10"])
def test_retry_after_garbage_is_none(value: str | None) -> None:
    assert parse_retry_after(value, now=NOW) is None


@pytest.mark.parametrize("value", ["²", "1²"])
def test_retry_after_superscript_digits_are_none(value: str) -> None:
    assert parse_retry_after(value, now=NOW) is None


_DATE_LIKE = st.builds(
    "{}, {} {} {} {:02}:{:02}:{:02} {}".format,
    st.sampled_from(["Wed", "Sun", "Xyz"]), st.integers(0, 99),
    st.sampled_from(["Jan", "Oct", "Dec", "Foo"]), st.integers(0, 99_999),
    st.integers(0, 99), st.integers(0, 99), st.integers(0, 99),
    st.sampled_from(["GMT", "UTC", "+2359", "-2359", "+9999", "PST", ""]))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40) | _DATE_LIKE)
def test_retry_after_never_raises_on_ascii(value: str) -> None:
    seconds = parse_retry_after(value, now=NOW)
    assert seconds is None or seconds >= 0


# --- statuses -----------------------------------------------------------------------------


def test_retryable_statuses() -> None:
    assert {429, 502, 503, 504} == RETRY_STATUSES
    assert all(is_retryable_status(s) for s in (429, 502, 503, 504))
    assert not any(is_retryable_status(s) for s in (200, 301, 400, 401, 403, 404, 410, 500, 501))


# --- backoff_delay --------------------------------------------------------------------------


@pytest.mark.parametrize(("attempt", "window"), [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (6, 8.0),
                                                 (20, 8.0)])
def test_backoff_window_doubles_up_to_max_delay(attempt: int, window: float) -> None:
    assert backoff_delay(POLICY, attempt, zero) == window / 2
    assert backoff_delay(POLICY, attempt, almost_one) == pytest.approx(window, rel=1e-5)


@given(attempt=st.integers(1, 60), r=st.floats(0.0, 1.0, exclude_max=True),
       base=st.floats(0.001, 5.0), cap=st.floats(0.001, 60.0))
def test_backoff_stays_in_its_window(attempt: int, r: float, base: float, cap: float) -> None:
    policy = RetryPolicy(base_delay=base, max_delay=cap)
    window = min(cap, base * 2 ** (attempt - 1))

    delay = backoff_delay(policy, attempt, lambda: r)

    assert window / 2 <= delay <= window
    assert delay <= cap
    assert delay > 0  # never fires immediately


@given(attempt=st.integers(1, 30), r=st.floats(0.0, 1.0, exclude_max=True))
def test_backoff_never_shrinks(attempt: int, r: float) -> None:
    assert backoff_delay(POLICY, attempt + 1, lambda: r) >= backoff_delay(POLICY, attempt, lambda: r)


# --- decide ---------------------------------------------------------------------------------


def test_decide_not_retryable() -> None:
    decision = decide(POLICY, 1, retryable=False, retry_after=None, remaining=30, random=zero)

    assert decision == RetryDecision(False)
    assert decision.reason is None  # the failure speaks for itself


def test_decide_attempts_exhausted() -> None:
    decision = decide(POLICY, 3, retryable=True, retry_after=None, remaining=30, random=zero)

    assert decision == RetryDecision(False, reason="after 3 attempts")


def test_decide_retry_after_too_long() -> None:
    decision = decide(POLICY, 1, retryable=True, retry_after=31, remaining=100, random=zero)

    assert not decision.retry
    assert decision.reason == "the server asked to retry after 31 s, more than the 30 s factcheck waits"


def test_decide_retry_after_at_the_limit_is_honoured() -> None:
    decision = decide(POLICY, 1, retryable=True, retry_after=30, remaining=100, random=zero)

    assert decision == RetryDecision(True, delay=30)


def test_decide_not_enough_time_left_for_the_backoff() -> None:
    decision = decide(POLICY, 2, retryable=True, retry_after=None, remaining=0.4, random=zero)

    assert decision == RetryDecision(False, reason="no time left for attempt 3")


def test_decide_not_enough_time_left_for_retry_after() -> None:
    decision = decide(POLICY, 1, retryable=True, retry_after=5, remaining=4.9, random=zero)

    assert decision == RetryDecision(False, reason="no time left for attempt 2")


def test_decide_normal_retry_uses_the_backoff() -> None:
    decision = decide(POLICY, 1, retryable=True, retry_after=None, remaining=30, random=zero)

    assert decision == RetryDecision(True, delay=0.25)


def test_decide_retry_after_replaces_the_backoff() -> None:
    decision = decide(POLICY, 2, retryable=True, retry_after=3, remaining=30, random=almost_one)

    assert decision == RetryDecision(True, delay=3)


def test_decide_exhaustion_wins_over_retry_after() -> None:
    decision = decide(RetryPolicy(attempts=2), 2, retryable=True, retry_after=1000, remaining=30, random=zero)

    assert decision.reason == "after 2 attempts"
