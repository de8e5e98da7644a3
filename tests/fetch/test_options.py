"""FetchOptions: safe defaults, and values the fetcher cannot work with refused up front."""

from __future__ import annotations

import pytest

from factcheck._version import __version__
from factcheck.errors import OptionsError
from factcheck.fetch import DEFAULT_MAX_BYTES, USER_AGENT, FetchOptions
from factcheck.fetch.retry import DEFAULT_RETRY_POLICY


def test_defaults() -> None:
    options = FetchOptions()

    assert options.max_bytes == DEFAULT_MAX_BYTES
    assert options.user_agent == USER_AGENT
    assert USER_AGENT.startswith(f"factcheck/{__version__} ")
    assert options.retry == DEFAULT_RETRY_POLICY
    assert options.timeout > options.read_timeout > 0


@pytest.mark.parametrize(("field", "value", "message"), [
    ("concurrency", 0, "concurrency must be at least 1, not 0"),
    ("per_host", 0, "per-host must be at least 1, not 0"),
    ("timeout", 0, "timeout must be more than 0 seconds, not 0"),
    ("timeout", -1.5, "timeout must be more than 0 seconds, not -1.5"),
    ("timeout", float("nan"), "timeout must be more than 0 seconds, not nan"),
    ("max_bytes", 0, "max-bytes must be at least 1, not 0"),
    ("max_redirects", -1, "max-redirects cannot be negative (-1)"),
])
def test_unusable_values_are_refused(field: str, value: float, message: str) -> None:
    with pytest.raises(OptionsError) as caught:
        FetchOptions(**{field: value})  # type: ignore[arg-type]

    assert str(caught.value) == message
