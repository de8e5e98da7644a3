"""Plain text sources: the text itself, line ends normalised."""

from __future__ import annotations

import re

from factcheck.errors import ExtractionError
from factcheck.extraction.text import SourceDocument, SourceText

_WRAP = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")


def reflow(text: str) -> str:
    """A single line break between two lines is the wrapping of a paragraph: a space.
    Blank lines (paragraph breaks) stay."""
    return _WRAP.sub(" ", text)


def extract_plain(text: str) -> SourceDocument:
    """The text with Windows and old Mac line ends made ``\\n``."""
    text = reflow(text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise ExtractionError("the file is empty")
    return SourceDocument((SourceText(text, "text"),))
