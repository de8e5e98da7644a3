"""Property tests: charset.decode never raises, whatever the bytes and the declared name."""

from __future__ import annotations

import codecs
import encodings
import encodings.aliases
import pkgutil

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.extraction.charset import decode

CODEC_NAMES = sorted(set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
                     | {m.name for m in pkgutil.iter_modules(encodings.__path__) if m.name != "aliases"}
                     | {"windows-1252", "iso-8859-1", "shift_jis", "utf-16", "utf-32", "x-user-defined"})
"""Every codec name Python knows (each module of the ``encodings`` package and every alias)."""


def _codec_of(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError, TypeError):
        return None


names = st.none() | st.text(max_size=30) | st.sampled_from(CODEC_NAMES)
bodies = st.binary(max_size=2000) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(body=bodies, declared=names, html=st.booleans())
def test_decode_never_raises(body: bytes, declared: str | None, html: bool) -> None:

    text, chosen = decode(body, declared, html=html)

    assert isinstance(text, str)
    assert codecs.lookup(chosen).name  # always a real codec


@settings(max_examples=200, deadline=None)
@given(body=bodies, meta_name=st.sampled_from(CODEC_NAMES) | st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.:", min_size=1, max_size=20))
def test_decode_never_raises_with_any_meta_declaration(body: bytes, meta_name: str) -> None:
    page = b'<html><head><meta charset="' + meta_name.encode() + b'"></head><body>' + body

    text, _ = decode(page, None, html=True)

    assert isinstance(text, str)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_utf8_round_trips_when_undeclared(text: str) -> None:
    assume("\ufeff" not in text[:1])
    body = text.encode("utf-8", "surrogatepass")
    assume(not any(0xD800 <= ord(c) <= 0xDFFF for c in text))

    assert decode(body) == (text, "utf-8")
