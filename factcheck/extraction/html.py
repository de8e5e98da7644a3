"""An HTML page's text: its main text by trafilatura, and all its visible text.

trafilatura is given the HTML we fetched (never a URL) and its options live here only.
It returns None for pages it cannot make sense of, and it drops passages outside the
article body (pull quotes, captions, boxes), so the page's whole visible text is always
extracted too, by a plain walk over the tree that keeps inline elements inline: a quote
split across ``<em>`` or ``<a>`` tags reads as one run of words.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from factcheck.errors import ExtractionError
from factcheck.extraction.text import SourceDocument, SourceText
from factcheck.extraction.walls import PageFacts, wall_reason

log = logging.getLogger(__name__)

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe",
                   "object", "canvas", "select", "button"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "legend", "option",
})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

_PARSER = lxml_html.HTMLParser(huge_tree=True)
"""huge_tree lifts libxml2's nesting limit from 256 to 2048 levels: past the limit it
silently drops the rest of the page (broken markup with hundreds of unclosed tags exists)."""
_LXML_LOCK = threading.Lock()
"""trafilatura shares compiled lxml XPath objects between calls, and concurrent calls from
several threads crash the process (SIGSEGV): adbar/trafilatura#840, #925. Pages are
parsed one at a time; the rest of a source's preparation still runs in parallel."""

_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "output_format": "txt",
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "favor_recall": True,
    "deduplicate": False,
    "with_metadata": False,
    # No backup extractors (readability, jusText): on the 181 pages of the AEB corpus the
    # main text is as complete without them (word recall against the marked article text
    # 0.982 both ways, precision 0.948 against 0.941) and 20% faster; where trafilatura
    # misses a passage, the page's visible text, searched next, still holds it.
    "fast": True,
}


def extract_html(markup: str) -> SourceDocument:
    """The main text (when trafilatura finds one) and the whole visible text of a page.

    Safe to call from several threads: the lxml work is done one page at a time.
    """
    with _LXML_LOCK:
        return _extract_html(markup)


def _extract_html(markup: str) -> SourceDocument:
    markup = _XML_DECLARATION.sub("", markup, count=1)
    tree = _parse(markup)
    visible = visible_text(tree)
    title = _title(tree)
    texts = []
    main = _main_text(markup)
    reason = wall_reason(PageFacts(title=title, headings=_headings(tree), main_text=main, visible_text=visible,
                                   noindex=_noindex(tree)))
    if reason is not None:
        raise ExtractionError(f"the page is {reason}")
    if main:
        texts.append(SourceText(main, "article"))
    if visible and visible != main:
        texts.append(SourceText(visible, "page"))
    if not texts:
        raise ExtractionError("the page has no visible text")
    return SourceDocument(tuple(texts), title=title, authors=_authors(tree))


def _parse(markup: str) -> etree._Element:
    try:
        return lxml_html.document_fromstring(markup or "<html></html>", parser=_PARSER)
    except (etree.ParserError, ValueError) as e:
        raise ExtractionError(f"unparseable HTML: {e}") from None


def _main_text(markup: str) -> str | None:
    try:
        text = trafilatura.extract(markup, **_TRAFILATURA_OPTIONS)
    except Exception as e:  # a third-party parser on hostile input: fall back, never crash
        log.debug("trafilatura failed: %s", e)
        return None
    return _tidy(text) if text else None


def visible_text(tree: etree._Element) -> str:
    """All text a reader would see, block elements on their own lines."""
    parts: list[str] = []
    walk = etree.iterwalk(tree, events=("start", "end", "comment", "pi"))
    for event, element in walk:
        tag = element.tag if isinstance(element.tag, str) else None
        if event in ("comment", "pi"):
            if element.tail:
                parts.append(element.tail.replace("\n", " "))
            continue
        name = tag.lower().rpartition("}")[2] if tag else ""
        if event == "start":
            if name in _SKIP:
                walk.skip_subtree()
                continue
            if name in _BLOCK or name == "br":
                parts.append("\n")
            elif name in ("td", "th"):
                parts.append(" ")
            if element.text:
                parts.append(element.text.replace("\n", " "))    # the page source's wrapping, not a break
        else:
            if name in _BLOCK and name not in _SKIP:
                parts.append("\n")
            elif name in ("td", "th", "img"):
                parts.append(" ")
            if element.tail:
                parts.append(element.tail.replace("\n", " "))
    return _tidy("".join(parts))


def _title(tree: etree._Element) -> str | None:
    found = tree.find(".//title")
    if found is None:
        return None
    text = " ".join((found.text_content() or "").split())
    return text or None


def _headings(tree: etree._Element) -> tuple[str, ...]:
    found = []
    for element in tree.iter("h1", "h2"):
        text = " ".join((element.text_content() or "").split())
        if text:
            found.append(text)
        if len(found) >= 3:
            break
    return tuple(found)


_AUTHOR_META = frozenset({"author", "citation_author", "article:author", "dc.creator", "parsely-author",
                          "sailthru.author", "byl"})


def _authors(tree: etree._Element) -> tuple[str, ...]:
    found = []
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if key in _AUTHOR_META and content and not content.startswith("http") and len(content) < 200:
            found.append(content)
    return tuple(dict.fromkeys(found))


def _noindex(tree: etree._Element) -> bool:
    for meta in tree.iter("meta"):
        if (meta.get("name") or "").lower() == "robots" and "noindex" in (meta.get("content") or "").lower():
            return True
    return False


def _tidy(text: str) -> str:
    """One space between words, one blank line at most between blocks."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
