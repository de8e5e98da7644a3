"""One source checked for the claims citing it: texts searched best first, until one supports."""

from __future__ import annotations

from factcheck.fetch import FetchResult
from factcheck.model import Claim, Kind, SourceRef
from factcheck.sourcecheck import check_source
from factcheck.verdicts import text_verdict

PAGE = b"""<!doctype html><html><head><title>Port of Aldmouth</title></head><body>
<nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
<article><h1>Aldmouth port handles record tonnage</h1>
<p>The port of Aldmouth handled 41 million tonnes of cargo last year, its harbour master said on Monday,
the most since the docks opened in 1911.</p>
<p>"We have run out of quay space twice this winter," said Ines Carvalho, who has run the port since 2019.</p>
<p>Container traffic rose 8% while bulk cargo was flat, the port's annual report shows.</p>
</article>
<footer><p>Newsletter: the harbour bulletin arrives every Friday morning at dawn.</p></footer>
</body></html>"""


def _claim(text: str, kind: Kind = Kind.QUOTE) -> Claim:
    return Claim(id="c", kind=kind, text=text, sources=(SourceRef(ref="https://news.test/a", target="https://news.test/a"),))


def _checks(claim: Claim) -> tuple[str, ...]:
    fetched = FetchResult("https://news.test/a", body=PAGE, status=200, final_url="https://news.test/a",
                          content_type="text/html")
    outcome = check_source(fetched, [(0, claim)])
    assert outcome.error is None
    return tuple(f"{c.finding.scope}:{text_verdict(c.finding).value}" for c in outcome.checks_of(0))


def test_a_claim_the_article_supports_is_not_looked_for_in_the_whole_page() -> None:
    assert _checks(_claim("We have run out of quay space twice this winter")) == ("article:supported",)


def test_a_claim_the_article_lacks_is_looked_for_in_the_whole_page() -> None:
    assert _checks(_claim("the harbour bulletin arrives every Friday morning at dawn")) == (
        "article:not_found", "page:supported")


def test_a_misquote_in_the_article_is_checked_against_the_page_too() -> None:
    checks = _checks(_claim("We have run out of quay space three times this winter"))
    assert checks == ("article:contradicted", "page:contradicted")
