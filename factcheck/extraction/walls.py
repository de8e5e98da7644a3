"""Pages that are not the page that was cited: soft 404s, bot challenges, consent walls,
paywall stubs and login pages, all served with status 200.

Such a page does not show what the source says, so its text must not decide a verdict:
the source is reported unreachable with the reason. A real article must never be
refused, so the signals are graded. A phrase only such pages use ("page not found",
"verify you are human") in the page's title or headings is strong: it needs the page
to be short. The same phrase in the body needs the body to be very short (a wall has
little to say). A phrase an article may well contain ("not found", "404", "just a
moment", "access denied") counts only in the title or a heading, and only when the page
says almost nothing else. Curly apostrophes are straightened first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_WALL_WORDS = 400
"""A page with more words than this in its main text is taken for an article."""
SHORT_BODY_WORDS = 150
"""A body this short may be a wall when it says what walls say."""
TINY_BODY_WORDS = 60
"""A body this short may be a wall on weaker signs (a title that says "not found")."""

SOFT_404 = "a 'page not found' page served with status 200 (soft 404)"

_NOT_FOUND_STRONG = re.compile(
    r"\b(?:page (?:was )?not found|404 (?:error|not found|page)|error 404|not found \(404\)"
    r"|(?:page|article|story|content)(?: you (?:are|were|'re) looking for| you requested)?"
    r" (?:(?:does not|doesn't|no longer|might not|may not|did not) exists?|(?:can ?not|can't|could not|couldn't)"
    r" be found|(?:is|was) (?:no longer available|not available|unavailable|missing|removed|deleted)"
    r"|has been (?:removed|deleted|moved))"
    r"|(?:we|sorry,? we|sorry,? but we) (?:can ?not|can't|could not|couldn't) find (?:that|the|this|what you)"
    r"|nothing (?:was )?found (?:here|for)|oops,? (?:that|this) page|broken link)\b")
_NOT_FOUND_SHORT = re.compile(r"\b(?:404|not found|nothing found|oops|page missing|error)\b")
_NOT_FOUND_WEAK = re.compile(r"(?:\b404\b|\bnot found\b|\berror\b|\bno longer available\b|\bmissing page\b)")

_WALLS = (
    ("a bot check (captcha)", re.compile(
        r"\b(?:verify (?:that )?you are (?:a )?human|are you a (?:human|robot)|i'm not a robot|checking (?:if the site "
        r"connection is secure|your browser before accessing)|complete the security check to access|unusual traffic "
        r"from your (?:computer|network)|press (?:&|and) hold|enable javascript and cookies to continue|ddos "
        r"protection by|please solve (?:this|the) captcha|captcha)\b")),
    ("a cookie or consent wall", re.compile(
        r"\b(?:we value your privacy|cookie consent|consent to (?:the use of )?(?:our )?cookies|accept all cookies"
        r"|manage (?:your )?(?:privacy|cookie) (?:settings|preferences)|before you continue to|your privacy choices"
        r"|we and our partners (?:use|store))\b")),
    ("a paywall", re.compile(
        r"\b(?:subscribe (?:now )?to (?:continue|read|keep reading|unlock)|(?:this|the) (?:article|story|content)"
        r" is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)|already a (?:subscriber|member)\?"
        r"|to continue reading,? (?:please )?(?:subscribe|log ?in|sign ?in|register)|subscriber[- ]only (?:content"
        r"|article)|reached your (?:limit|maximum) of free|free articles? (?:remaining|left)"
        r"|unlock (?:this|full) (?:article|story))")),
    ("a login page", re.compile(
        r"\b(?:(?:sign|log) ?in to (?:continue|read|view|access)|you must be (?:logged|signed) in|login required"
        r"|please (?:sign|log) ?in to)\b")),
)
_WALL_TITLES = (
    ("a bot check (captcha)", re.compile(r"^(?:just a moment|attention required|access denied|security check"
                                         r"|are you a robot|robot check|captcha)\b")),
    ("a login page", re.compile(r"^(?:log ?in|sign ?in)\b")),
)


@dataclass(frozen=True)
class PageFacts:
    """What the wall tests look at, taken from the parsed page."""

    title: str | None
    headings: tuple[str, ...]
    main_text: str | None
    """trafilatura's main text, if it found one."""
    visible_text: str
    noindex: bool = False
    """The page asks robots not to index it, as error pages often do."""


def wall_reason(page: PageFacts) -> str | None:
    """Why this page is not the cited page, or None when it may well be."""
    body = page.main_text if page.main_text else page.visible_text
    words = len(body.split())
    if words > MAX_WALL_WORDS:
        return None
    signals = [_folded(s) for s in (page.title, *page.headings) if s]
    folded_body = _folded(body)
    if words <= TINY_BODY_WORDS // 3 and page.main_text:
        # the main text is next to nothing: what the rest of the page says counts
        folded_body += " " + _folded(" ".join(page.visible_text.split()[:MAX_WALL_WORDS * 2]))
    if any(_NOT_FOUND_STRONG.search(s) for s in signals):
        return SOFT_404
    if words <= SHORT_BODY_WORDS and any(len(s.split()) <= 4 and _NOT_FOUND_SHORT.search(s) for s in signals):
        return SOFT_404                          # a heading that is only "Not found", "404", "Oops!"
    if _NOT_FOUND_STRONG.search(folded_body) and (words <= TINY_BODY_WORDS
                                                  or (page.noindex and words <= SHORT_BODY_WORDS)):
        return SOFT_404
    if words <= TINY_BODY_WORDS and page.noindex and _NOT_FOUND_WEAK.search(folded_body):
        return SOFT_404
    for name, pattern in _WALL_TITLES:
        if words <= SHORT_BODY_WORDS and any(pattern.search(s) for s in signals):
            return f"{name}, not the article"
    for name, pattern in _WALLS:
        if any(pattern.search(s) for s in signals) or (words <= SHORT_BODY_WORDS and pattern.search(folded_body)):
            return f"{name}, not the article"
    return None


_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"', "\u00a0": " "})


def _folded(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: enough for these phrases."""
    return " ".join(text.lower().translate(_MARKS).split())
