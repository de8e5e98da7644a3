"""``--format claimreview``: one schema.org ClaimReview (JSON-LD) per claim.

ClaimReview is the markup fact-checkers publish so that search engines, Google's Fact
Check Explorer and other readers of structured data can tell what was checked and what
was found (https://schema.org/ClaimReview, and Google's "Fact check (ClaimReview)
structured data" guide, which names the properties it reads: ``claimReviewed``,
``reviewRating`` with ``alternateName``, and ``url`` are required; ``author``,
``datePublished`` and ``itemReviewed`` recommended). Google retired the fact-check rich
result in June 2025, but the markup stays the open exchange format of fact checks.

Shape of the document: a top-level JSON **array** of complete ClaimReview objects, each with
its own ``"@context": "https://schema.org"``, rather than one object with a ``@graph``. Both
are valid JSON-LD and schema.org's validator reads both; the array is the form Google's
structured-data guide shows for independent items, every element is a root node with a
``@type`` (which Google's parser expects of a root), and each element stands on its own.
The last point matters: Google gives a page the single-fact-check result only when it holds
exactly one ClaimReview, so a publisher usually embeds one element per page, and an element
cut out of an array needs no context from its neighbours, where a ``@graph`` member would.

What each object says, and where it comes from:

- ``claimReviewed``: the claim's text as the claims file gives it; ``identifier`` its id.
- ``reviewRating``: a ``Rating`` on a 1 to 5 scale from ``RATINGS`` (below), with
  ``alternateName`` (the short label search engines show) and ``ratingExplanation`` (the
  verdict's reason in plain words).
- ``url``: the article's URL with ``#claim-<id>`` (replacing any fragment it had), when the
  claims file gives the article an ``http(s)`` URL. The tool is meant for a newsroom
  checking its own article, so the review lives on (or beside) that page and the fragment
  names the claim. Without an article URL there is no page we could truthfully name, so
  ``url`` is left out rather than pointed at a source (a source is what the claim was
  checked against, not where the review is); Google's validator then reports the missing
  ``url``, which is the right prompt to add ``article.url`` to the claims file.
- ``datePublished``: the day the run finished (ISO date), when the review was made.
- ``author``: the program, as an ``Organization`` named ``factcheck`` whose ``description``
  gives its version and says the check was automated. Google wants an Organization or a
  Person there; a publisher embedding the markup may put its own name instead.
- ``itemReviewed``: a ``Claim``. Its ``author`` is the quote's speaker (a ``Person``) for
  quote claims that name one, otherwise the article's author. The claims file gives that
  author as a bare name, so its type cannot be known; it is typed ``Person`` because an
  article's byline is usually a person (the README's example is "Jane Doe"). Its
  ``datePublished`` is the article's date, and ``appearance`` the article (an ``Article``
  with ``url`` and ``headline``: we do not know it is news, and ``Article`` is never
  wrong). Not ``firstAppearance``: a quote usually first appeared elsewhere (an interview,
  a speech), and claiming the article is first would often be false.
- ``citation``: the sources the verdict rests on, as ``CreativeWork`` objects with their
  ``url`` (and the claims file's note as ``description``): every ``http(s)`` source that
  was read, in the claims file's order. Sources that could not be read were not the basis
  of anything; local files are left out because a path on the checking machine means
  nothing to a reader and may reveal its layout. (``itemReviewed.appearance`` stays the
  article: the sources are where the claim was checked, not where it was made.)

Every property used exists on its type in schema.org; none is invented.

The rating scale (``RATINGS``), 1 = worst, 5 = best, as Google assumes by default:

====================  ===========  ==============================================
verdict               ratingValue  alternateName
====================  ===========  ==============================================
supported             5            Supported by a cited source
partial               3            Partly supported; the rest not found
contradicted          1            Contradicted by a cited source
not_found             3            Unverified: not found in the cited sources
unreachable           3            Unverified: no cited source could be read
====================  ===========  ==============================================

Why these values: a reader that keeps only the number reads its ends as "true" and
"false", so only a verdict backed by a passage of a source may sit at an end. 5 is a
source stating the claim; 1 is a source whose passage says something else (a misquote, a
different figure). ``not_found`` and ``unreachable`` mean we could not check the claim,
not that it is false: they sit at 3, the midpoint, equally far from "true" and "false",
and their labels start with "Unverified". ``partial`` is also 3, not 4: part of the claim
was found and nothing contradicted it, but the rest was found nowhere (a quote with
invented words is "partial"), and 4 reads as "mostly true". 2 and 4 are unused on
purpose. The labels say what was checked (the claim against its cited sources), never
"True" or "False", because the check is against those sources, not against the world.

The JSON is written for pasting into ``<script type="application/ld+json">``: ``<``, ``>``
and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (the same JSON once
parsed), so a claim quoting ``</script>`` cannot end the script element early.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urlsplit

from factcheck.formats.base import RenderOptions
from factcheck.model import Article, Claim, ClaimResult, Kind, Report, Verdict

CONTEXT = "https://schema.org"

WORST_RATING = 1
BEST_RATING = 5


@dataclass(frozen=True)
class VerdictRating:
    """How one verdict is shown as a ClaimReview rating."""

    value: int
    """``ratingValue``, from ``WORST_RATING`` to ``BEST_RATING``."""
    label: str
    """``alternateName``: the short text search engines show for the rating."""


RATINGS: dict[Verdict, VerdictRating] = {
    Verdict.SUPPORTED: VerdictRating(5, "Supported by a cited source"),
    Verdict.PARTIAL: VerdictRating(3, "Partly supported; the rest not found"),
    Verdict.CONTRADICTED: VerdictRating(1, "Contradicted by a cited source"),
    Verdict.NOT_FOUND: VerdictRating(3, "Unverified: not found in the cited sources"),
    Verdict.UNREACHABLE: VerdictRating(3, "Unverified: no cited source could be read"),
}
"""The fixed verdict -> rating mapping (see the module docstring and the README for why)."""

_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""Characters that could close or confuse a ``<script>`` element, as JSON escapes."""


def render_claimreview(report: Report, options: RenderOptions) -> str:
    """A JSON-LD array with one ClaimReview per claim, in the report's order."""
    articles = _articles_by_claim(report)
    reviews = [claim_review(r, articles.get(r.claim, report.article), report) for r in report.results]
    return json.dumps(reviews, ensure_ascii=False, indent=2).translate(_HTML_SAFE) + "\n"


def claim_review(result: ClaimResult, article: Article | None, report: Report) -> dict[str, Any]:
    """One claim's ClaimReview object, complete with its ``@context``."""
    claim = result.claim
    rating = RATINGS[result.verdict]
    review: dict[str, Any] = {"@context": CONTEXT, "@type": "ClaimReview"}
    article_url = _web_url(article.url if article is not None else None)
    if article_url is not None:
        review["url"] = f"{urldefrag(article_url).url}#claim-{claim.id}"
    review.update({
        "identifier": claim.id,
        "claimReviewed": claim.text,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": rating.label,
            "ratingExplanation": result.reason,
        },
        "itemReviewed": _claim(claim, article),
        "author": {
            "@type": "Organization",
            "name": "factcheck",
            "description": f"factcheck {report.version}: an automated check of quotes and figures "
                           "against the sources they cite",
        },
        "datePublished": report.finished.date().isoformat(),
    })
    citations = _citations(result)
    if citations:
        review["citation"] = citations
    return review


def _claim(claim: Claim, article: Article | None) -> dict[str, Any]:
    """``itemReviewed``: the claim as made, by whom, when and where."""
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.kind is Kind.QUOTE and claim.speaker:
        item["author"] = {"@type": "Person", "name": claim.speaker}
    elif article is not None and article.author:
        item["author"] = {"@type": "Person", "name": article.author}
    if article is not None:
        if article.published:
            item["datePublished"] = article.published
        url = _web_url(article.url)
        appearance = {key: value for key, value in (("url", url), ("headline", article.title)) if value}
        if appearance:
            item["appearance"] = {"@type": "Article", **appearance}
    return item


def _citations(result: ClaimResult) -> list[dict[str, Any]]:
    """The web sources that were read, each once, in the claims file's order."""
    targets = {ref.ref: ref.target for ref in result.claim.sources}
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for source in result.sources:
        url = targets.get(source.url, source.url)
        if source.error is not None or _web_url(url) is None or url in seen:
            continue
        seen.add(url)
        work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
        if source.note:
            work["description"] = source.note
        out.append(work)
    return out


def _articles_by_claim(report: Report) -> dict[Claim, Article | None]:
    """Each claim's own file's article: a run over several files covers several articles."""
    articles: dict[Claim, Article | None] = {}
    for claims_file in report.files:
        for claim in claims_file.claims:
            articles.setdefault(claim, claims_file.article)
    return articles


def _web_url(url: str | None) -> str | None:
    """``url`` when it is an ``http(s)`` URL: the claims file's article URL is free text, and a
    path or a ``file://`` URL names nothing a reader of the markup could open."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:              # e.g. an unclosed IPv6 bracket: not a URL anyone can open
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None
