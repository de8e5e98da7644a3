"""charset.decode: which charset wins, and what text comes out."""

from __future__ import annotations

import codecs

import pytest

from factcheck.extraction.charset import META_PRESCAN_BYTES, decode

CURLY = "\u201cquoted\u201d"  # “quoted”


# --- byte-order marks -----------------------------------------------------------------------


@pytest.mark.parametrize(("bom", "codec", "name"), [
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
])
def test_bom_wins_over_everything(bom: bytes, codec: str, name: str) -> None:
    body = bom + '<meta charset="koi8-r"><p>Café “ok”</p>'.encode(codec)

    text, chosen = decode(body, "iso-8859-1", html=True)

    assert chosen == name
    assert text == '<meta charset="koi8-r"><p>Café “ok”</p>'  # the BOM itself is dropped


# --- the HTTP header --------------------------------------------------------------------------


def test_header_charset_is_used() -> None:
    body = "Привет, мир".encode("koi8-r")

    assert decode(body, "koi8-r") == ("Привет, мир", "koi8-r")


def test_header_charset_name_is_forgiving() -> None:
    body = "Привет".encode("koi8-r")

    assert decode(body, ' "KOI8-R" ') == ("Привет", "koi8-r")


def test_header_beats_meta() -> None:
    body = '<meta charset="utf-8"><p>Привет</p>'.encode("koi8-r")

    text, chosen = decode(body, "koi8-r", html=True)

    assert chosen == "koi8-r"
    assert "Привет" in text


@pytest.mark.parametrize("name", ["no-such-charset", "utf-99", "", "x" * 300, "utf\x00-8", "\ud800"])
def test_invalid_header_charset_name_is_ignored(name: str) -> None:
    assert decode("café".encode(), name) == ("café", "utf-8")


def test_latin1_header_is_read_as_windows_1252() -> None:
    # WHATWG: iso-8859-1 means windows-1252, so 0x93/0x94 are curly quotes, not C1 controls
    assert decode(b"\x93quoted\x94 caf\xe9", "iso-8859-1") == (f"{CURLY} café", "cp1252")


@pytest.mark.parametrize("declared", ["iso-8859-1", "latin1", "us-ascii", "windows-1252", "iso-8859-15"])
def test_legacy_header_but_utf8_bytes_is_utf8(declared: str) -> None:
    body = "Café “ok” – 5 €".encode()

    assert decode(body, declared) == ("Café “ok” – 5 €", "utf-8")


def test_legacy_header_with_ascii_bytes_keeps_the_declaration() -> None:
    assert decode(b"plain text", "iso-8859-1") == ("plain text", "iso8859-1")


def test_utf16_declared_in_ascii_is_read_as_utf8() -> None:
    assert decode(b"plain \xc3\xa9", "utf-16") == ("plain é", "utf-8")


def test_header_that_fails_to_decode_is_passed_over() -> None:
    body = "naïve café".encode("cp1252")  # not valid UTF-8

    text, chosen = decode(body, "utf-8")

    assert chosen != "utf-8"
    assert isinstance(text, str)


# --- the <meta> declaration ---------------------------------------------------------------------


def test_meta_charset_without_header() -> None:
    body = b'<html><head><meta charset="windows-1252"></head><body><p>\x93quoted\x94</p></body></html>'

    text, chosen = decode(body, None, html=True)

    assert chosen == "cp1252"
    assert f"<p>{CURLY}</p>" in text


def test_meta_http_equiv_form() -> None:
    body = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
            "</head><body>Привет</body></html>").encode("koi8-r")

    text, chosen = decode(body, None, html=True)

    assert chosen == "koi8-r"
    assert "Привет" in text


@pytest.mark.parametrize("meta", [
    b"<META CHARSET=windows-1252>",
    b"<meta charset='windows-1252'>",
    b'<meta name="x" charset = "windows-1252" />',
])
def test_meta_spellings(meta: bytes) -> None:
    assert decode(meta + b"<p>\x93quoted\x94</p>", None, html=True)[1] == "cp1252"


def test_meta_is_ignored_for_plain_text() -> None:
    body = '<meta charset="koi8-r"> Привет'.encode()

    assert decode(body, None, html=False) == ('<meta charset="koi8-r"> Привет', "utf-8")


def test_meta_beyond_the_prescan_is_not_seen() -> None:
    body = b"<!--" + b" " * META_PRESCAN_BYTES + b'--><meta charset="koi8-r"><p>caf\xc3\xa9</p>'

    assert decode(body, None, html=True)[1] == "utf-8"


def test_meta_naming_an_unknown_charset_is_ignored() -> None:
    body = '<meta charset="klingon-8"><p>café</p>'.encode()

    assert decode(body, None, html=True) == ('<meta charset="klingon-8"><p>café</p>', "utf-8")


# --- no declaration ------------------------------------------------------------------------------


def test_valid_utf8_without_declaration() -> None:
    assert decode("Zoë’s “quote” — 3 €".encode()) == ("Zoë’s “quote” — 3 €", "utf-8")


def test_ascii_without_declaration() -> None:
    assert decode(b"just ascii") == ("just ascii", "utf-8")


def test_legacy_bytes_are_detected() -> None:
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 4
    assert decode(text.encode("cp1251")) == (text, "cp1251")


@pytest.mark.parametrize("junk", [
    bytes(range(256)),
    b"\xff\xfe\xfd\x80\x81" * 50,
    b"\x00\x01\x02\xc3",
    b"\xc3",
])
def test_undecodable_junk_still_gives_text(junk: bytes) -> None:
    text, chosen = decode(junk, None, html=True)

    assert isinstance(text, str)
    assert codecs.lookup(chosen)  # a real codec name


def test_empty_body() -> None:
    assert decode(b"") == ("", "utf-8")


# --- declarations naming codecs that are not charsets -----------------------------------------


@pytest.mark.parametrize(("body", "declared", "html"), [
    (b"<p>caf\xc3\xa9</p>", "undefined", False),
    (b'<meta charset="undefined"><p>caf\xc3\xa9</p>', None, True),
    (b"see a..b", "punycode", False),
    (b"xn--abc-", "idna", False),
], ids=["header-undefined", "meta-undefined", "punycode", "idna"])
def test_non_charset_codec_names_are_passed_over(body: bytes, declared: str | None, html: bool) -> None:
    assert decode(body, declared, html=html) == (body.decode(), "utf-8")


@pytest.mark.parametrize("declared", ["rot13", "hex", "base64", "zlib"])
def test_bytes_to_bytes_codec_names_are_passed_over(declared: str) -> None:
    assert decode("café".encode(), declared) == ("café", "utf-8")
