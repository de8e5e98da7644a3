"""extract() and sniff(): what a body really is, whatever its label, and plain text."""

from __future__ import annotations

import codecs

import pytest
from fpdf import FPDF

from factcheck.errors import ExtractionError
from factcheck.extraction import extract, sniff

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       + b"\x00" * 40)


def small_pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 8, text)
    return bytes(pdf.output())


# --- sniff --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "content_type", "kind"), [
    (b"%PDF-1.7\n...", "text/html", "pdf"),
    (b"  \n%PDF-1.4\n...", "text/plain", "pdf"),
    (b"%PDF-1.4\n...", None, "pdf"),
    (b"<html><body>x</body></html>", "text/html", "html"),
    (b"<html><body>x</body></html>", "application/xhtml+xml", "html"),
    (b"<!DOCTYPE html><p>x", "application/octet-stream", "html"),
    (b"<BODY>x", None, "html"),
    (b"no markup here", None, "text"),
    (b"no markup here", "", "text"),
    (b"a,b\n1,2", "text/csv", "text"),
    (b"anything", "application/pdf", "pdf"),
    (PNG, "text/html", "binary"),
    (PNG, "image/png", "binary"),
    (b"plain words", "image/png", "binary"),
    (codecs.BOM_UTF16_LE + "<p>x</p>".encode("utf-16-le"), "text/html", "html"),
    (b"<p>x</p>", "TEXT/HTML", "html"),
])
def test_sniff(body: bytes, content_type: str | None, kind: str) -> None:
    assert sniff(body, content_type) == kind


def test_pdf_labelled_html_is_read_as_pdf() -> None:
    document = extract(small_pdf("Served with the wrong label."), "text/html")

    assert [t.scope for t in document.texts] == ["pdf"]
    assert "Served with the wrong label." in document.texts[0].text


def test_html_labelled_octet_stream_is_read_as_html() -> None:
    body = b"<!DOCTYPE html><html><body><nav>Menu</nav><p>Body text here.</p></body></html>"

    document = extract(body, "application/octet-stream")

    assert "Body text here." in document.texts[-1].text
    assert "<p>" not in document.texts[-1].text


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["text/html", "text/plain"])
def test_binary_served_as_text_is_refused(content_type: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(PNG, content_type)

    assert str(caught.value) == f"binary content served as {content_type}"


@pytest.mark.parametrize("content_type", ["image/png", "application/zip", "video/mp4"])
def test_unsupported_content_type(content_type: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(b"\x00\x01 some bytes", content_type)

    assert str(caught.value).startswith(f"unsupported content type {content_type}")


def test_binary_without_a_type_is_refused() -> None:
    with pytest.raises(ExtractionError, match="unsupported content type unknown"):
        extract(b"\x00\x01\x02\x03", None)


@pytest.mark.parametrize(("body", "content_type"), [
    (b"", "text/plain"),
    (b"  \r\n\t \n", "text/plain"),
    (b"", None),
])
def test_empty_text_is_refused(body: bytes, content_type: str | None) -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract(body, content_type)


# --- plain text --------------------------------------------------------------------------------


def test_plain_text_line_ends_are_normalised() -> None:
    document = extract(b"first line\r\nsecond line\r\rthird line\n", "text/plain")

    assert [t.scope for t in document.texts] == ["text"]
    # a single line break is the wrapping of a paragraph; a blank line ends one
    assert document.texts[0].text == "first line second line\n\nthird line"


def test_plain_text_charset_from_the_header() -> None:
    document = extract("Привет, мир".encode("koi8-r"), "text/plain", "koi8-r")

    assert document.texts[0].text == "Привет, мир"
    assert document.encoding == "koi8-r"


def test_plain_text_keeps_markup_as_text() -> None:
    assert extract(b"a <b>literal</b> tag", "text/plain").texts[0].text == "a <b>literal</b> tag"


def test_html_charset_from_meta_through_extract() -> None:
    body = b'<html><head><meta charset="windows-1252"></head><body><p>\x93quoted\x94 text</p></body></html>'

    document = extract(body, "text/html")

    assert document.encoding == "cp1252"
    assert "\u201cquoted\u201d text" in document.texts[-1].text


def test_utf16_page_with_bom() -> None:
    body = codecs.BOM_UTF16_LE + "<html><body><p>Zoë’s page</p></body></html>".encode("utf-16-le")

    document = extract(body, "text/html")

    assert document.encoding == "utf-16-le"
    assert "Zoë’s page" in document.texts[-1].text
