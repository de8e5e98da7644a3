"""Bytes and a content type in, the source's readable text out.

``extract`` decides what a body is (trusting magic bytes over a lying Content-Type)
and hands it to the reader for that kind. Anything else is refused with an
``ExtractionError`` that becomes the source's ``unreachable`` reason.
"""

from __future__ import annotations

from factcheck.errors import ExtractionError
from factcheck.extraction.charset import decode
from factcheck.extraction.html import extract_html
from factcheck.extraction.pdf import extract_pdf
from factcheck.extraction.plain import extract_plain
from factcheck.extraction.text import SourceDocument, SourceText

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown"})


def sniff(body: bytes, content_type: str | None) -> str:
    """``html``, ``pdf``, ``text`` or ``binary``: what the body really is."""
    head = body[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype in HTML_TYPES:
        return "html"
    if ctype in PDF_TYPES:
        return "pdf"
    if ctype.startswith("text/"):
        return "text"
    if ctype in UNTYPED:
        lowered = head.lower()
        if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered:
            return "html"
        return "text"
    return "binary"


def extract(body: bytes, content_type: str | None, charset: str | None = None) -> SourceDocument:
    """The readable text of a source; ``ExtractionError`` if it has none factcheck can read."""
    kind = sniff(body, content_type)
    if kind == "pdf":
        return extract_pdf(body)
    if kind == "binary":
        shown = content_type or "unknown"
        media = (content_type or "").split(";", 1)[0].strip().lower()
        if media in HTML_TYPES or media.startswith("text/"):
            raise ExtractionError(f"binary content served as {shown}")
        raise ExtractionError(f"unsupported content type {shown}: factcheck reads HTML, PDF and plain text")
    text, encoding = decode(body, charset, html=kind == "html")
    document = extract_html(text) if kind == "html" else extract_plain(text)
    return SourceDocument(document.texts, title=document.title, encoding=encoding, authors=document.authors)


__all__ = ["ExtractionError", "SourceDocument", "SourceText", "extract", "sniff"]
