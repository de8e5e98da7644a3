"""Pages that are not the page that was cited: soft 404s, bot challenges, consent walls,
paywall stubs and login pages, all served with status 200.

Such a page does not show what the source says, so its text must not decide a verdict:
the source is reported unreachable with the reason. The tests are deliberately two-
sided: a telling phrase in the title, a heading or the text, and a page too short to
be the article. A real article that mentions a "404 error" or a cookie banner is long,
and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_WALL_WORDS = 400
"""A page with more words than this in its main text is taken for an article."""

_NOT_FOUND = re.compile(
    r"\b(?:404|page not found|not found|page (?:you|you're|you are) (?:were )?looking for"
    r"|(?:doesn't|does not|no longer|might not|may not) exist|(?:can ?not|can't|could not|couldn't)"
    r" (?:be )?f(?:ou|i)nd|no longer available|has been (?:removed|deleted)|error 404|page unavailable"
    r"|nothing (?:was )?found|page (?:is )?missing|gone missing|broken link|dead link)\b",
    re.IGNORECASE,
)
_WALLS = (
    ("a bot check (captcha)", re.compile(
        r"\b(?:verify (?:that )?you are (?:a )?human|are you a robot|not a robot|checking (?:if the site connection"
        r" is secure|your browser)|captcha|unusual traffic|press (?:&|and) hold|ddos protection|attention required"
        r"|enable javascript and cookies to continue|request unsuccessful|access (?:to this page has been )?denied"
        r"|security check|just a moment)\b", re.IGNORECASE)),
    ("a cookie or consent wall", re.compile(
        r"\b(?:we value your privacy|cookie consent|consent to (?:the use of )?(?:our )?cookies|accept all cookies"
        r"|manage (?:your )?(?:privacy|cookie) (?:settings|preferences)|before you continue|your privacy choices"
        r"|we and our partners (?:use|store))\b", re.IGNORECASE)),
    ("a paywall", re.compile(
        r"\b(?:subscribe (?:now )?to (?:continue|read|keep reading|unlock)|(?:this|the) (?:article|story|content)"
        r" is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)|already a (?:subscriber|member)"
        r"|to continue reading|sign up to (?:read|continue)|subscriber[- ]only|premium (?:content|article)"
        r"|reached your (?:limit|maximum) of free|free articles? (?:remaining|left)"
        r"|unlock (?:this|full) (?:article|story))\b",
        re.IGNORECASE)),
    ("a login page", re.compile(
        r"\b(?:(?:sign|log) ?in to (?:continue|read|view|access)|please (?:sign|log) ?in|you must be logged in"
        r"|login required|forgot (?:your )?password)\b", re.IGNORECASE)),
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
    signals = " ".join(filter(None, (page.title, *page.headings)))
    if _NOT_FOUND.search(signals) or (page.noindex and _NOT_FOUND.search(body)):
        return "a 'page not found' page served with status 200 (soft 404)"
    short_visible = " ".join(page.visible_text.split()[:MAX_WALL_WORDS * 2])
    for name, pattern in _WALLS:
        if pattern.search(signals) or pattern.search(body) or (
                words < MAX_WALL_WORDS // 4 and pattern.search(short_visible)):
            return f"{name}, not the article"
    if words < 60 and _NOT_FOUND.search(body):
        return "a 'page not found' page served with status 200 (soft 404)"
    return None
