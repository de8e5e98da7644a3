"""text_fragment_url: a link that opens a source at the evidence (``#:~:text=``).

In a text directive ``-``, ``,`` and ``&`` are syntax (prefix-, start,end, and the next
directive), so they must be percent-encoded inside the quoted words; a long passage is
selected by its first and last words; an existing fragment is replaced; only web and
file URLs get a link.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.links import FRAGMENT_WORDS, text_fragment_url

URL = "https://example.org/news/port"


def directive(link: str | None) -> str:
    assert link is not None
    head, marker, tail = link.partition("#:~:text=")
    assert marker and "#" not in head
    return tail


def test_a_short_passage_is_quoted_whole() -> None:
    assert text_fragment_url(URL, "Container volumes rose again") == f"{URL}#:~:text=Container%20volumes%20rose%20again"


@pytest.mark.parametrize(("passage", "encoded"), [
    ("a well-known port", "a%20well%2Dknown%20port"),
    ("rose 12%, to $3.4bn", "rose%2012%25%2C%20to%20%243.4bn"),
    ("Smith & Sons said", "Smith%20%26%20Sons%20said"),
    ("a 2–1 win", "a%202%E2%80%931%20win"),
    ("café “quoted”", "caf%C3%A9%20%E2%80%9Cquoted%E2%80%9D"),
    ("what? yes#no", "what%3F%20yes%23no"),
])
def test_dash_comma_ampersand_and_other_syntax_are_encoded(passage: str, encoded: str) -> None:
    assert directive(text_fragment_url(URL, passage)) == encoded


def test_a_dash_inside_words_never_reaches_the_directive_raw() -> None:
    text = directive(text_fragment_url(URL, "year-on-year growth, up 3-4 percent & more"))
    assert "-" not in text and "," not in text and "&" not in text


def test_a_long_passage_is_selected_by_its_first_and_last_words() -> None:
    words = [f"w{i}" for i in range(20)]
    start, end = directive(text_fragment_url(URL, " ".join(words))).split(",")
    assert unquote(start).split() == words[:FRAGMENT_WORDS]
    assert unquote(end).split() == words[-FRAGMENT_WORDS:]


def test_a_passage_of_twice_the_fragment_words_is_still_quoted_whole() -> None:
    words = [f"w{i}" for i in range(2 * FRAGMENT_WORDS)]
    assert "," not in directive(text_fragment_url(URL, " ".join(words)))
    words.append("extra")
    assert directive(text_fragment_url(URL, " ".join(words))).count(",") == 1


def test_a_comma_in_a_long_passage_does_not_add_a_third_part() -> None:
    passage = "Revenue, which rose, reached $3.4bn, while profit, which fell, reached $410 million, said the firm"
    assert directive(text_fragment_url(URL, passage)).count(",") == 1


def test_line_breaks_and_runs_of_spaces_become_single_spaces() -> None:
    assert directive(text_fragment_url(URL, "Container\n  volumes\trose")) == "Container%20volumes%20rose"


@pytest.mark.parametrize("url", [f"{URL}#top", f"{URL}#:~:text=old%20words", f"{URL}#"])
def test_an_existing_fragment_is_replaced(url: str) -> None:
    link = text_fragment_url(url, "new words")
    assert link == f"{URL}#:~:text=new%20words"


def test_the_query_string_is_kept() -> None:
    link = text_fragment_url("https://example.org/a?id=3&page=2", "new words")
    assert link == "https://example.org/a?id=3&page=2#:~:text=new%20words"


def test_an_empty_passage_gives_the_page_without_a_fragment() -> None:
    assert text_fragment_url(f"{URL}#top", "  \n ") == URL


@pytest.mark.parametrize("url", ["http://example.org/a", "https://example.org/a", "file:///srv/pages/a.html",
                                 "HTTPS://example.org/a"])
def test_web_and_file_urls_get_a_link(url: str) -> None:
    assert text_fragment_url(url, "words") is not None


@pytest.mark.parametrize("url", ["mailto:desk@example.org", "ftp://example.org/a.txt", "javascript:alert(1)",
                                 "data:text/html,<p>hi</p>", "example.org/a", "pages/a.html", ""])
def test_other_schemes_and_bare_paths_get_none(url: str) -> None:
    assert text_fragment_url(url, "words") is None


@given(st.text(min_size=1, max_size=120))
def test_the_directive_decodes_back_to_the_passage_words(passage: str) -> None:
    link = text_fragment_url(URL, passage)
    assert link is not None
    words = passage.split()
    if not words:
        assert link == URL
        return
    text = directive(link)
    assert urlsplit(link).fragment.startswith(":~:text=")
    assert "-" not in text and "&" not in text and "#" not in text and " " not in text
    parts = text.split(",")
    if len(words) <= 2 * FRAGMENT_WORDS:
        assert [unquote(p) for p in parts] == [" ".join(words)]
    else:
        assert [unquote(p) for p in parts] == [" ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])]
