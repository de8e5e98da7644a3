"""HTML pages: the article text (trafilatura) and the whole visible text of the page."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from factcheck.errors import ExtractionError
from factcheck.extraction import SourceDocument, extract
from factcheck.extraction.html import extract_html, visible_text

DATA = Path(__file__).resolve().parent.parent / "data" / "fetch_extraction"

PULL_QUOTE = '"We are building the city our children deserve," the mayor told reporters.'
ARTICLE_SENTENCE = ("The city council approved a budget of 4.2 million euros on Tuesday, after a debate "
                    "that lasted more than six hours.")

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Budget approved | The Daily Example</title>
<style>.style-marker {{ color: red }} body::after {{ content: "STYLE-MARKER" }}</style>
<script>var tracking = "SCRIPT-MARKER-HEAD";</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<h1>City council approves the 2024 budget</h1>
<p class="byline">By Jane Reporter, 12 March 2024</p>
<p>The city council approved a budget of 4.2 million euros on Tuesday, after a debate that lasted
more than six hours. The mayor said the new budget would fund <em>three</em> new schools and repair
the <a href="/bridge">old bridge</a> over the river.</p>
<p>Opposition councillors voted against the plan, arguing that the spending on roads was too low
and that the increase in property taxes would hurt families who are already struggling.</p>
<p>The budget will take effect on the first of April, and the first school is expected to open in
September of next year, according to the council's own timetable published on its website.</p>
<p>Local business owners welcomed the bridge repairs, which they said had been promised for a decade
and were essential for deliveries from the industrial zone on the north bank of the river.</p>
</article>
<aside class="pull-quote"><blockquote>{PULL_QUOTE}</blockquote></aside>
</main>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
<script>document.write("SCRIPT-MARKER-BODY")</script>
<noscript>NOSCRIPT-MARKER</noscript>
<template><p>TEMPLATE-MARKER</p></template>
</body></html>"""


def squash(text: str) -> str:
    """Whitespace runs as one space: how the matcher will see the text."""
    return " ".join(text.split())


def texts_by_scope(document: SourceDocument) -> dict[str, str]:
    return {t.scope: t.text for t in document.texts}


def visible(markup: str) -> str:
    return visible_text(lxml_html.document_fromstring(markup))


# --- a realistic page ---------------------------------------------------------------------------


def test_page_gives_article_then_page_text() -> None:
    document = extract(PAGE.encode(), "text/html")

    assert [t.scope for t in document.texts] == ["article", "page"]
    assert document.title == "Budget approved | The Daily Example"
    assert document.encoding == "utf-8"


def test_article_text_is_the_main_text() -> None:
    article = texts_by_scope(extract(PAGE.encode(), "text/html"))["article"]

    assert ARTICLE_SENTENCE in squash(article)
    assert "fund three new schools and repair the old bridge over the river" in squash(article)
    assert "Politics" not in article  # navigation
    assert "All rights reserved" not in article  # footer


def test_pull_quote_outside_the_article_is_in_the_page_text() -> None:
    texts = texts_by_scope(extract(PAGE.encode(), "text/html"))

    assert PULL_QUOTE in squash(texts["page"])
    assert ARTICLE_SENTENCE in squash(texts["page"])
    assert "Copyright 2024 The Daily Example" in texts["page"]


@pytest.mark.parametrize("marker", [
    "SCRIPT-MARKER-HEAD", "SCRIPT-MARKER-BODY", "STYLE-MARKER", "style-marker", "NOSCRIPT-MARKER",
    "TEMPLATE-MARKER", "document.write", "color: red",
])
def test_script_and_style_never_appear(marker: str) -> None:
    document = extract(PAGE.encode(), "text/html")

    for text in document.texts:
        assert marker not in text.text, text.scope


# --- the visible-text walk ------------------------------------------------------------------


@pytest.mark.parametrize(("markup", "expected"), [
    ("<p>the <em>quick</em> fox</p>", "the quick fox"),
    ("<p>inter<b>nation</b>al</p>", "international"),
    ("<p>a <a href='#'><span>linked</span></a>, word</p>", "a linked, word"),
    ("<p>be<!-- a comment -->fore</p>", "before"),
    ("<p><strong>bold</strong><i>italic</i></p>", "bolditalic"),
])
def test_inline_tags_do_not_split_words(markup: str, expected: str) -> None:
    assert visible(markup) == expected


@pytest.mark.parametrize(("markup", "lines"), [
    ("<div>one</div><div>two</div>", ["one", "two"]),
    ("<p>one</p><p>two</p>", ["one", "two"]),
    ("<ul><li>one</li><li>two</li></ul>", ["one", "two"]),
    ("<h2>Title</h2>Text after", ["Title", "Text after"]),
    ("line<br>break", ["line", "break"]),
    ("<section>a</section><blockquote>b</blockquote><footer>c</footer>", ["a", "b", "c"]),
])
def test_block_tags_separate(markup: str, lines: list[str]) -> None:
    assert [line for line in visible(markup).split("\n") if line] == lines


def test_table_cells_are_separated_by_spaces() -> None:
    assert visible("<table><tr><td>2023</td><td>4.2%</td></tr></table>") == "2023 4.2%"


def test_entities_are_decoded() -> None:
    assert visible("<p>Fish &amp; chips &lt;3 &#8220;x&#8221;</p>") == "Fish & chips <3 “x”"


def test_comment_text_is_not_shown() -> None:
    assert "secret" not in visible("<p>shown<!-- secret --></p>")


def test_xml_declaration_is_accepted() -> None:
    markup = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
              "<head><title>X</title></head><body><p>XHTML text</p></body></html>")

    document = extract_html(markup)

    assert "XHTML text" in document.texts[-1].text
    assert document.title == "X"


def test_deep_nesting_does_not_crash() -> None:
    markup = "<html><body><p>before</p>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>"

    document = extract(markup.encode(), "text/html")

    assert "before" in document.texts[0].text


@pytest.mark.parametrize("opening", ["<div>", "<font>"])
def test_text_after_deep_nesting_is_kept(opening: str) -> None:
    markup = f"<html><body><p>before</p>{opening * 300}deep text<p>after</p></body></html>"

    page = extract(markup.encode(), "text/html").texts[-1].text

    assert "deep text" in page
    assert "after" in page


# --- what has no text ---------------------------------------------------------------------------


@pytest.mark.parametrize("markup", ["", "<html><body></body></html>",
                                    "<html><body><script>only()</script></body></html>"])
def test_page_without_visible_text_is_an_error(markup: str) -> None:
    with pytest.raises(ExtractionError, match="no visible text"):
        extract(markup.encode(), "text/html")


# --- a real news page -----------------------------------------------------------------------------


def test_real_news_page_article_text() -> None:
    """A page from the Article Extraction Benchmark (MIT; tests/data/fetch_extraction/aeb-LICENSE)."""
    truth = json.loads((DATA / "polygraph-al-tanf.json").read_text(encoding="utf-8"))
    body = gzip.decompress((DATA / "polygraph-al-tanf.html.gz").read_bytes())
    sentence = ("The Pentagon rejected these accusations as “patently false,” and both independent "
                "analysts and sources in the Rukban camp told Polygraph.info the Russian and Syrian "
                "claims are false.")
    assert sentence in truth["articleBody"]

    document = extract(body, "text/html")
    texts = texts_by_scope(document)

    assert document.encoding == "utf-8"
    assert sentence in squash(texts["article"])
    # most of the article's sentences, not just one
    sentences = [s for s in re.split(r"(?<=[.!?”])\s+", truth["articleBody"]) if len(s) > 60]
    found = [s for s in sentences if squash(s) in squash(texts["article"])]
    assert len(found) >= 0.9 * len(sentences)
