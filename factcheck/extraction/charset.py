"""Bytes to text, choosing the charset the way browsers do, then by evidence.

Order: a byte-order mark; the HTTP header; an HTML page's ``<meta>`` declaration; strict
UTF-8; statistical detection (charset-normalizer); windows-1252 as the last resort,
which decodes any byte. A declaration that fails to decode the bytes, or that names no
known charset, is passed over rather than trusted. Legacy single-byte declarations are
read as windows-1252 (as the WHATWG Encoding Standard does), and a page declared as one
of them whose bytes are valid, non-ASCII UTF-8 is read as UTF-8: that mislabelling is
common, and the reverse coincidence practically never happens.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SINGLE_BYTE_WESTERN = {"ascii", "iso8859-1", "cp1252", "iso8859-15"}
_NOT_PAGE_CODECS = frozenset({"undefined", "idna", "punycode", "raw-unicode-escape", "unicode-escape",
                              "palmos", "mbcs", "oem"})
_CP1252_PUNCTUATION = re.compile(rb"[\x91-\x97\x85]")
"""Bytes that are curly quotes, dashes and the ellipsis in windows-1252 and control
characters elsewhere: text that has them and is not UTF-8 is windows-1252."""
META_PRESCAN_BYTES = 8192
"""How far into a page the ``<meta charset>`` is looked for (browsers look at 1024 bytes;
pages that put it later are common enough to look further)."""


def decode(body: bytes, declared: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """The text of ``body`` and the name of the charset used to decode it."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, errors="replace"), name
    candidates = [declared] if declared else []
    if html:
        match = _META.search(body[:META_PRESCAN_BYTES])
        if match:
            candidates.append(match.group(1).decode("ascii", "replace"))
    for name in candidates:
        codec = _codec(name)
        if codec is None:
            continue
        if codec in _SINGLE_BYTE_WESTERN and not body.isascii():
            utf8 = _strict(body, "utf-8")
            if utf8 is not None:
                return utf8, "utf-8"
            codec = "cp1252"
        text = _strict(body, codec)
        if text is not None:
            return text, codec
    text = _strict(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    if _CP1252_PUNCTUATION.search(body):
        text = _strict(body, "cp1252")
        if text is not None:
            return text, "cp1252"
    guess = from_bytes(body[:200_000]).best()
    if guess is not None and guess.encoding:
        codec = _codec(guess.encoding)
        if codec:
            text = _strict(body, codec)
            if text is not None:
                return text, codec
    return body.decode("cp1252", errors="replace"), "cp1252"


def _codec(name: str) -> str | None:
    """The Python codec name for a declared charset, or None if unknown."""
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    codec = info.name
    if codec.startswith(("utf-16", "utf-32")):
        # A page that can declare this in ASCII is not UTF-16 (WHATWG: read as UTF-8).
        return "utf-8"
    return codec


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeError, LookupError, ValueError, TypeError):
        # "undefined", "idna", "punycode"... are codecs, but not for page text
        return None
