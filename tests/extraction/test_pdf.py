"""PDF text, from PDFs made in the test with fpdf2."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from factcheck.errors import ExtractionError
from factcheck.extraction import extract
from factcheck.extraction.pdf import extract_pdf

LINES = [
    "The committee said the inter-",
    "national agreement on river traffic was signed",
    "on Tuesday in Geneva by all seven member states.",
    "Exports rose by 4.2 per cent in the first quarter.",
]


def make_pdf(pages: list[list[str]], *, title: str | None = None, user_password: str | None = None) -> bytes:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    pdf.set_font("Helvetica", size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def squash(text: str) -> str:
    return " ".join(text.split())


def test_text_of_a_multi_line_page() -> None:
    document = extract_pdf(make_pdf([LINES]))

    [text] = document.texts
    assert text.scope == "pdf"
    assert "Exports rose by 4.2 per cent in the first quarter." in text.text


def test_word_hyphenated_at_a_line_end_is_joined() -> None:
    text = extract_pdf(make_pdf([LINES])).texts[0].text

    assert "inter-national" in text
    assert "inter-\nnational" not in text


def test_sentence_over_line_ends_reads_as_one_run_of_words() -> None:
    text = extract_pdf(make_pdf([LINES])).texts[0].text

    assert ("The committee said the inter-national agreement on river traffic was signed on Tuesday "
            "in Geneva by all seven member states.") in squash(text)


@pytest.mark.parametrize(("lines", "expected"), [
    (["It costs 10-", "20 euros."], "10- 20 euros."),  # a range of numbers, not a word: not joined
    (["A dash -", "then more"], "- then more"),  # a spaced dash ends no word
])
def test_hyphen_join_is_only_between_letters(lines: list[str], expected: str) -> None:
    # lines are reflowed (a single line break is a space); only letter-hyphen-letter joins
    assert expected in extract_pdf(make_pdf([lines])).texts[0].text


def test_pages_are_separated_by_a_blank_line() -> None:
    text = extract_pdf(make_pdf([["First page text."], ["Second page text."]])).texts[0].text

    assert text == "First page text.\n\nSecond page text."


def test_title_from_metadata() -> None:
    assert extract_pdf(make_pdf([LINES], title="Annual report 2024")).title == "Annual report 2024"


@pytest.mark.parametrize("data", [
    b"%PDF-1.4 garbage",
    b"%PDF-1.7\n" + b"\x00" * 200,
    make_pdf([LINES])[:300],  # cut short
])
def test_corrupt_pdf_is_an_extraction_error(data: bytes) -> None:
    with pytest.raises(ExtractionError, match="PDF"):
        extract_pdf(data)


def test_pdf_with_a_user_password_is_refused() -> None:
    data = make_pdf([LINES], user_password="reader-secret")

    with pytest.raises(ExtractionError, match="password"):
        extract_pdf(data)


def test_pdf_encrypted_with_an_empty_user_password_is_read() -> None:
    data = make_pdf([LINES], user_password="")
    assert b"/Encrypt" in data

    text = extract_pdf(data).texts[0].text

    assert "Exports rose by 4.2 per cent in the first quarter." in text


def test_pdf_without_text_is_an_error() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)

    with pytest.raises(ExtractionError, match="no text layer"):
        extract_pdf(bytes(pdf.output()))


def test_extract_dispatches_pdf_by_content_type() -> None:
    document = extract(make_pdf([LINES]), "application/pdf")

    assert document.texts[0].scope == "pdf"
    assert "inter-national" in document.texts[0].text
