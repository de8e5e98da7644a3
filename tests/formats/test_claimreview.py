"""``--format claimreview``: schema.org ClaimReview JSON-LD, one object per claim."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from factcheck.formats import FORMATTERS, OutputFormat, render
from factcheck.formats.claimreview import BEST_RATING, RATINGS, WORST_RATING, render_claimreview
from factcheck.model import Article, ClaimResult, ClaimsFile, Kind, Report, SourceStatus, Verdict

from .conftest import CARNEGIE, CUSTOMS, make_report

ARTICLE_URL = "https://example.org/xi-in-russia"

PROPERTIES: dict[str, set[str]] = {
    # Each type's properties that the format may use, checked against schema.org by hand:
    # ClaimReview: claimReviewed (ClaimReview), reviewRating and itemReviewed (Review), author,
    # datePublished and citation (CreativeWork), url and identifier (Thing).
    "ClaimReview": {"url", "identifier", "claimReviewed", "reviewRating", "itemReviewed", "author",
                    "datePublished", "citation"},
    # Rating: ratingValue, bestRating, worstRating, ratingExplanation (Rating); alternateName (Thing).
    "Rating": {"ratingValue", "bestRating", "worstRating", "alternateName", "ratingExplanation"},
    # Claim: appearance (Claim); author and datePublished (CreativeWork).
    "Claim": {"author", "datePublished", "appearance"},
    "Person": {"name"},
    "Organization": {"name", "description"},
    "Article": {"url", "headline"},
    "CreativeWork": {"url", "description"},
}
"""What a typo (``ratingExplaination``) or an invented property would fail against."""


def reviews(report: Report) -> list[dict[str, Any]]:
    document = json.loads(render(OutputFormat.CLAIMREVIEW, report))
    assert isinstance(document, list)
    return document


def by_id(report: Report) -> dict[str, dict[str, Any]]:
    return {r["identifier"]: r for r in reviews(report)}


def nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object inside ``value``, ``value`` included."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from nodes(child)
    elif isinstance(value, list):
        for child in value:
            yield from nodes(child)


def assert_google_required_fields(review: dict[str, Any], *, with_url: bool = True) -> None:
    """The properties Google's ClaimReview guide requires or recommends, with their types."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    for key in ("ratingValue", "bestRating", "worstRating"):
        assert isinstance(rating[key], int) and not isinstance(rating[key], bool)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["worstRating"] < rating["bestRating"]
    if with_url:
        assert isinstance(review["url"], str) and review["url"].startswith("https://")
    assert review["author"]["@type"] in ("Organization", "Person")
    assert isinstance(review["author"]["name"], str) and review["author"]["name"]
    assert review["itemReviewed"]["@type"] == "Claim"
    date.fromisoformat(review["datePublished"])


# -- the mapping -------------------------------------------------------------------------


def test_the_mapping_covers_every_verdict() -> None:
    assert set(RATINGS) == set(Verdict)


def test_every_rating_is_on_the_scale_and_labelled() -> None:
    assert (WORST_RATING, BEST_RATING) == (1, 5)
    for verdict, rating in RATINGS.items():
        assert WORST_RATING <= rating.value <= BEST_RATING, verdict
        assert rating.label.strip() == rating.label and rating.label, verdict
    assert len({r.label for r in RATINGS.values()}) == len(Verdict)


def test_only_a_source_passage_puts_a_claim_at_an_end_of_the_scale() -> None:
    assert RATINGS[Verdict.SUPPORTED].value == BEST_RATING
    assert RATINGS[Verdict.CONTRADICTED].value == WORST_RATING
    for verdict in set(Verdict) - {Verdict.SUPPORTED, Verdict.CONTRADICTED}:
        assert WORST_RATING < RATINGS[verdict].value < BEST_RATING, verdict


@pytest.mark.parametrize("verdict", [Verdict.NOT_FOUND, Verdict.UNREACHABLE])
def test_unchecked_claims_are_shown_as_neither_true_nor_false(verdict: Verdict) -> None:
    rating = RATINGS[verdict]
    assert rating.value * 2 == WORST_RATING + BEST_RATING          # the midpoint
    assert rating.label.startswith("Unverified")
    assert RATINGS[Verdict.PARTIAL].value <= rating.value


def test_no_label_claims_truth_or_falsehood() -> None:
    for rating in RATINGS.values():
        words = rating.label.lower().replace(":", " ").replace(";", " ").split()
        assert not {"true", "false", "correct", "incorrect", "wrong"} & set(words), rating.label


# -- the document ------------------------------------------------------------------------


def test_registered_under_its_contract_name() -> None:
    assert OutputFormat("claimreview") is OutputFormat.CLAIMREVIEW
    assert FORMATTERS[OutputFormat.CLAIMREVIEW] is render_claimreview


def test_a_json_array_with_one_review_per_claim_in_order(report: Report) -> None:
    document = reviews(report)
    assert [r["identifier"] for r in document] == [r.claim.id for r in report.results]
    assert [r["claimReviewed"] for r in document] == [r.claim.text for r in report.results]


def test_indented_by_two_and_ending_in_a_newline(report: Report) -> None:
    text = render(OutputFormat.CLAIMREVIEW, report)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_an_empty_report_is_an_empty_array(empty_report: Report) -> None:
    assert render(OutputFormat.CLAIMREVIEW, empty_report) == "[]\n"


def test_googles_required_and_recommended_fields_for_every_claim(report: Report) -> None:
    for review in reviews(report):
        assert_google_required_fields(review)


def test_each_object_is_self_contained(report: Report) -> None:
    """One element can be cut out and embedded alone: its own @context, no references."""
    for review in reviews(report):
        assert review["@context"] == "https://schema.org"
        assert not any("@id" in node for node in nodes(review))


def test_only_schema_org_properties_of_each_type(report: Report) -> None:
    article = Article(title="t", url=ARTICLE_URL, published="2023-03-20", author="Jane Doe")
    for review in reviews(report) + reviews(make_report(report.results, article)):
        for node in nodes(review):
            unknown = set(node) - {"@context", "@type"} - PROPERTIES[node["@type"]]
            assert not unknown, (node["@type"], unknown)


def test_the_rating_is_the_verdicts(report: Report) -> None:
    for review, result in zip(reviews(report), report.results, strict=True):
        rating = review["reviewRating"]
        assert rating["ratingValue"] == RATINGS[result.verdict].value
        assert rating["alternateName"] == RATINGS[result.verdict].label
        assert rating["ratingExplanation"] == result.reason
        assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
    ratings = {r["identifier"]: r["reviewRating"]["ratingValue"] for r in reviews(report)}
    assert ratings["zhao-tong-defeat"] > ratings["xi-personality-2013"] > ratings["trade-2022"]


def test_url_is_the_article_url_with_the_claim_as_fragment(report: Report) -> None:
    for review in reviews(report):
        assert review["url"] == f"{ARTICLE_URL}#claim-{review['identifier']}"
    assert len({r["url"] for r in reviews(report)}) == len(report.results)


def test_an_article_url_fragment_is_replaced(results: tuple[ClaimResult, ...]) -> None:
    report = make_report(results[:1], Article(url="https://example.org/a?page=2#top"))
    (review,) = reviews(report)
    assert review["url"] == "https://example.org/a?page=2#claim-zhao-tong-defeat"


def test_date_published_is_the_day_of_the_run(report: Report) -> None:
    assert {r["datePublished"] for r in reviews(report)} == {"2023-03-21"}


def test_the_review_author_is_factcheck_with_its_version(report: Report) -> None:
    for review in reviews(report):
        assert review["author"]["@type"] == "Organization"
        assert review["author"]["name"] == "factcheck"
        assert report.version in review["author"]["description"]


# -- itemReviewed ------------------------------------------------------------------------


def test_a_quotes_speaker_is_the_claims_author(report: Report) -> None:
    claims = by_id(make_report(report.results, Article(url=ARTICLE_URL, author="Jane Doe")))
    assert claims["zhao-tong-defeat"]["itemReviewed"]["author"] == {"@type": "Person", "name": "Zhao Tong"}
    assert claims["xi-personality-2013"]["itemReviewed"]["author"]["name"] == "Xi Jinping"


def test_otherwise_the_articles_author_is_the_claims_author(results: tuple[ClaimResult, ...]) -> None:
    no_speaker = replace(results[0], claim=replace(results[0].claim, id="no-speaker", speaker=None))
    report = make_report((results[2], results[4], no_speaker), Article(url=ARTICLE_URL, author="Jane Doe"))
    for review in reviews(report):
        assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Doe"}


def test_a_speaker_of_a_non_quote_is_not_taken_as_the_author(results: tuple[ClaimResult, ...]) -> None:
    statement = replace(results[2], claim=replace(results[2].claim, kind=Kind.STATEMENT, speaker="Someone"))
    (review,) = reviews(make_report((statement,), Article(url=ARTICLE_URL, author="Jane Doe")))
    assert review["itemReviewed"]["author"]["name"] == "Jane Doe"


def test_the_article_is_where_the_claim_appeared(report: Report) -> None:
    for review in reviews(report):
        item = review["itemReviewed"]
        assert item["datePublished"] == "2023-03-20"
        assert item["appearance"] == {"@type": "Article", "url": ARTICLE_URL,
                                      "headline": "Xi Jinping in Russia: the underside of an interested "
                                                  "friendship"}
        assert "firstAppearance" not in item


def test_each_claim_gets_its_own_files_article(results: tuple[ClaimResult, ...]) -> None:
    first = ClaimsFile(path="a.yaml", claims=(results[0].claim,), article=Article(url="https://a.example/x"))
    second = ClaimsFile(path="b.yaml", claims=(results[2].claim,), article=None)
    report = replace(make_report((results[0], results[2])), files=(first, second))
    claims = by_id(report)
    assert claims["zhao-tong-defeat"]["url"] == "https://a.example/x#claim-zhao-tong-defeat"
    assert "url" not in claims["trade-2022"]
    assert "appearance" not in claims["trade-2022"]["itemReviewed"]


# -- citations ---------------------------------------------------------------------------


def test_the_sources_read_are_cited_with_their_urls(report: Report) -> None:
    claims = by_id(report)
    assert claims["zhao-tong-defeat"]["citation"] == [
        {"@type": "CreativeWork", "url": CARNEGIE, "description": "Carnegie interview"}]
    assert [c["url"] for c in claims["trade-2022"]["citation"]] == [CUSTOMS]
    for review in claims.values():
        assert all(c["url"] != ARTICLE_URL for c in review.get("citation", []))


def test_sources_that_could_not_be_read_are_not_cited(report: Report) -> None:
    assert "citation" not in by_id(report)["wsj-dual-use"]


def test_local_sources_are_not_cited(results: tuple[ClaimResult, ...]) -> None:
    result = results[4]           # cites a web page and a local file; here both were read
    read = replace(result, verdict=Verdict.SUPPORTED,
                   sources=tuple(SourceStatus(url=s.url, status=200, error=None) for s in result.sources))
    (review,) = reviews(make_report((read,), Article(url=ARTICLE_URL)))
    assert [c["url"] for c in review["citation"]] == ["https://www.wsj.com/articles/china-russia-dual-use"]


# -- missing article facts ---------------------------------------------------------------


def test_without_an_article_every_claim_still_gives_a_valid_review(results: tuple[ClaimResult, ...]) -> None:
    report = make_report(results)
    assert report.article is None
    document = reviews(report)
    assert len(document) == len(results)
    for review in document:
        assert_google_required_fields(review, with_url=False)
        assert "url" not in review
        assert "appearance" not in review["itemReviewed"]
        assert "datePublished" not in review["itemReviewed"]
    claims = {r["identifier"]: r for r in document}
    assert claims["zhao-tong-defeat"]["itemReviewed"]["author"]["name"] == "Zhao Tong"
    assert claims["trade-2022"]["itemReviewed"] == {"@type": "Claim"}


@pytest.mark.parametrize("url", ["drafts/xi.html", "file:///srv/xi.html", "https://", "https://[::1", ""])
def test_an_article_url_that_is_no_web_url_is_left_out(results: tuple[ClaimResult, ...], url: str) -> None:
    (review,) = reviews(make_report(results[:1], Article(title="Xi", url=url)))
    assert "url" not in review
    assert review["itemReviewed"]["appearance"] == {"@type": "Article", "headline": "Xi"}


# -- text --------------------------------------------------------------------------------

TRICKY = '“Путин” — Duchâtel said: "100 % \\ <sure>" & 50\u00a0% of 你好\nnext line </script>'


def test_special_characters_survive(results: tuple[ClaimResult, ...]) -> None:
    result = results[0]
    tricky = replace(result, claim=replace(result.claim, text=TRICKY, speaker="Valérie Niquet"),
                     reason=f"Found: {TRICKY}")
    report = make_report((tricky,), Article(title=TRICKY, url=ARTICLE_URL, author="Zoë O'Brien"))
    text = render(OutputFormat.CLAIMREVIEW, report)
    (review,) = json.loads(text)
    assert review["claimReviewed"] == TRICKY
    assert review["reviewRating"]["ratingExplanation"] == f"Found: {TRICKY}"
    assert review["itemReviewed"]["author"]["name"] == "Valérie Niquet"
    assert review["itemReviewed"]["appearance"]["headline"] == TRICKY
    assert "“Путин” — Duchâtel" in text and "你好" in text         # not \u-escaped


def test_nothing_can_close_the_script_element_it_is_pasted_into(results: tuple[ClaimResult, ...]) -> None:
    result = results[0]
    hostile = replace(result, claim=replace(result.claim, text="</script><script>alert(1)</script>"),
                      reason="a & b <!-- c -->")
    text = render(OutputFormat.CLAIMREVIEW, make_report((hostile,), Article(url=ARTICLE_URL)))
    assert not {"<", ">", "&"} & set(text)
    (review,) = json.loads(text)
    assert review["claimReviewed"] == "</script><script>alert(1)</script>"
    assert review["reviewRating"]["ratingExplanation"] == "a & b <!-- c -->"
