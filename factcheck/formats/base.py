"""The formatter protocol and the one map from format name to formatter.

A formatter takes a finished Report and returns text; it never fetches, matches or
decides anything. Progress lines and summaries on stderr are the CLI's concern.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from factcheck.model import Report


class OutputFormat(StrEnum):
    """The names ``--format`` accepts."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    CSV = "csv"
    CLAIMREVIEW = "claimreview"


@dataclass(frozen=True)
class RenderOptions:
    """How the text will be shown (only the table uses them)."""

    color: bool = False
    """Emit terminal colour codes."""
    width: int | None = None
    """Columns available; None for the formatter's default."""


class Formatter(Protocol):
    def __call__(self, report: Report, options: RenderOptions, /) -> str:
        """The whole report as text, ending with a newline."""
