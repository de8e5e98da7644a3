"""What fetching one source produced."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FetchResult:
    """The bytes of one source, or why there are none."""

    target: str
    """The absolute URL asked for."""
    body: bytes | None = None
    """Decoded content (Content-Encoding undone), at most the size cap; None on failure."""
    status: int | None = None
    """The last HTTP status seen; None for local files and failures before any answer."""
    error: str | None = None
    """None on success, else a short reason for the user."""
    final_url: str | None = None
    """Where redirects ended."""
    content_type: str | None = None
    """The media type, lower case, without parameters."""
    charset: str | None = None
    """The charset parameter of Content-Type, if any."""
    truncated: bool = False
    """The body went on past the size cap and was cut there."""
    attempts: int = 0
    """Requests made (retries included, redirects not)."""
    cached: str | None = None
    """``fresh`` when the HTTP cache answered without asking the server, ``revalidated``
    when the server confirmed the cached copy (a 304); None when the server sent it."""

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None
