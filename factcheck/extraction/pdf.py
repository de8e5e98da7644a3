"""A PDF's text, by pypdf (pure Python, maintained, no system libraries).

Words hyphenated at a line end are joined (``inter-\\nnational`` reads
``inter-national``; normalisation then ignores the hyphen between letters), so a
quote that runs over a line end is still found.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from factcheck.errors import ExtractionError
from factcheck.extraction.plain import reflow
from factcheck.extraction.text import SourceDocument, SourceText

log = logging.getLogger(__name__)

_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
MAX_PDF_PAGES = 2000
"""Pages read at most: enough for any report, bounded for a hostile file."""


def extract_pdf(data: bytes) -> SourceDocument:
    """The text of every page, pages separated by a blank line."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except (PyPdfError, NotImplementedError, ValueError) as e:
                raise ExtractionError(f"encrypted PDF that cannot be opened: {e}") from None
            if not unlocked:
                raise ExtractionError("encrypted PDF: a password is needed to read it")
        pages = []
        for index, page in enumerate(reader.pages):
            if index >= MAX_PDF_PAGES:
                log.info("PDF has more than %d pages; the rest is not read", MAX_PDF_PAGES)
                break
            pages.append(page.extract_text() or "")
        title = None
        meta = reader.metadata
        if meta is not None and meta.title:
            title = str(meta.title)
    except ExtractionError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, ZeroDivisionError, AssertionError) as e:
        raise ExtractionError(f"unreadable PDF: {type(e).__name__}: {e}") from None
    text = reflow(_LINE_END_HYPHEN.sub("-", "\n\n".join(p.strip() for p in pages))).strip()
    if not text:
        raise ExtractionError("the PDF has no text layer (a scan?): nothing to check")
    return SourceDocument((SourceText(text, "pdf"),), title=title)
