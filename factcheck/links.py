"""Links that open a source at the evidence: URL text fragments (``#:~:text=``).

Browsers that support text fragments (Chrome, Edge, Safari, Firefox) scroll to the
passage and highlight it; others open the page. See https://wicg.github.io/scroll-to-text-fragment/
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

FRAGMENT_WORDS = 4
"""Words quoted at each end of a long passage (``text=start,end``)."""


def text_fragment_url(url: str, passage: str) -> str | None:
    """``url`` with a text fragment selecting ``passage``; None for what is not a web or file URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "file"):
        return None
    words = passage.split()
    if not words:
        return urlunsplit(parts._replace(fragment=""))
    if len(words) <= 2 * FRAGMENT_WORDS:
        directive = _encode(" ".join(words))
    else:
        directive = _encode(" ".join(words[:FRAGMENT_WORDS])) + "," + _encode(" ".join(words[-FRAGMENT_WORDS:]))
    return urlunsplit(parts._replace(fragment="")) + "#:~:text=" + directive


def _encode(text: str) -> str:
    """Percent-encode for a text directive: ``-``, ``,`` and ``&`` are syntax there."""
    return quote(text, safe="").replace("-", "%2D")
