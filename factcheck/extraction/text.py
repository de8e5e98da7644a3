"""The extracted text of a source, as the matcher and the evidence see it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceText:
    """One readable text of a source. Offsets in evidence refer to ``text``."""

    text: str
    scope: str
    """``article`` (the page's main text), ``page`` (all its visible text), ``pdf`` or ``text``."""


@dataclass(frozen=True)
class SourceDocument:
    """Every text worth searching in one source, the most specific first.

    A page's main text comes before its whole visible text: a passage found in the
    article body is better evidence than one in a sidebar, but pull quotes and captions
    live outside the body, so the whole page is searched when the body fails.
    """

    texts: tuple[SourceText, ...]
    title: str | None = None
    encoding: str | None = None
    authors: tuple[str, ...] = ()
    """Authors the page's metadata names (``<meta name="author">`` and the like)."""
