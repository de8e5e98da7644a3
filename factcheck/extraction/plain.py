"""Plain text sources: the text itself, line ends normalised."""

from __future__ import annotations

from factcheck.errors import ExtractionError
from factcheck.extraction.text import SourceDocument, SourceText


def extract_plain(text: str) -> SourceDocument:
    """The text with Windows and old Mac line ends made ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ExtractionError("the file is empty")
    return SourceDocument((SourceText(text, "text"),))
