"""The evidence ``verify`` attaches to a result: link, speaker check, notes, and the reason.

A claims file and local HTML pages are written to ``tmp_path`` and run through the public
``verify([load_claims(path)])``: nothing is fetched from the network.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from factcheck import ClaimResult, Report, Verdict, load_claims, verify

ARTICLE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Harbour Freight results</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<article>
<h1>Harbour Freight posts record revenue</h1>
<p>Harbour Freight Ltd said on Thursday that its revenue rose 12 percent to $3.4bn in the year to March,
while operating profit fell 7% to $410 million.</p>
<p>"We have never moved so many boxes in a single year," said Maria Lindqvist, the chief executive, who
took over in 2021.</p>
<p>The company, which employs 2,300 people at 14 ports, plans to cut 150 jobs by December.</p>
<p>"Volumes will recover next year," said Peter Olsen, the union leader, on Friday.</p>
<p>Shares closed 4.2% lower at 86 pence.</p>
</article>
<footer>Subscribe to our newsletter. Contact the newsroom.</footer>
</body></html>
"""

PAYWALL = """<!doctype html><html><head><title>Port results</title></head><body><h1>Port results</h1>
<p>Volumes rose.</p><p>Subscribe to continue reading. Already a subscriber? Log in.</p></body></html>"""

CLAIMS = """version: 1
claims:
  - id: quote-speaker
    kind: quote
    text: We have never moved so many boxes in a single year
    speaker: Maria Lindqvist
    sources: [page.html]
  - id: quote-surname
    kind: quote
    text: We have never moved so many boxes in a single year
    speaker: Lindqvist
    sources: [page.html]
  - id: quote-someone-else
    kind: quote
    text: Volumes will recover next year
    speaker: John Smith
    sources: [page.html]
  - id: quote-no-speaker
    kind: quote
    text: Volumes will recover next year
    sources: [page.html]
  - id: quote-typo
    kind: quote
    text: We have never moved so many boxxes in a single year
    speaker: Maria Lindqvist
    sources: [page.html]
  - id: quote-author
    kind: quote
    text: Volumes will recover next year
    speaker: Anna Berg
    sources: [authored.html]
  - id: figure-verbatim
    kind: figure
    text: Harbour Freight said its revenue rose 12 percent to $3.4bn
    sources: [page.html]
  - id: figure-reformatted
    kind: figure
    text: Harbour Freight revenue rose 12% to $3,400 million
    sources: [page.html]
  - id: figure-hedged
    kind: figure
    text: Harbour Freight revenue rose nearly 13% to $3.4bn
    sources: [page.html]
  - id: figure-wrong
    kind: figure
    text: Harbour Freight revenue rose 12% to $4.1bn
    sources: [page.html]
  - id: figure-partial
    kind: figure
    text: Harbour Freight revenue rose 12 percent, and the company bought 40 new cranes
    sources: [page.html]
  - id: statement
    kind: statement
    text: Harbour Freight plans to cut 150 jobs by December
    sources: [page.html]
  - id: statement-negated
    kind: statement
    text: The company, which employs 2,300 people at 14 ports, does not plan to cut jobs by December
    sources: [page.html]
  - id: walled
    kind: statement
    text: Port volumes rose
    sources: [paywall.html]
  - id: walled-and-read
    kind: statement
    text: Harbour Freight plans to cut 150 jobs by December
    sources: [paywall.html, page.html]
  - id: absent
    kind: statement
    text: The harbour will be sold to a Danish investor next spring
    sources: [page.html, missing.html]
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("sources")
    (folder / "page.html").write_text(ARTICLE.format(head=""), encoding="utf-8")
    (folder / "authored.html").write_text(ARTICLE.format(head='<meta name="author" content="Anna Berg">'),
                                          encoding="utf-8")
    (folder / "paywall.html").write_text(PAYWALL, encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text(CLAIMS, encoding="utf-8")
    return verify([load_claims(path)])


@pytest.fixture(scope="module")
def results(report: Report) -> dict[str, ClaimResult]:
    return {r.claim.id: r for r in report.results}


def page_url(result: ClaimResult, name: str = "page.html") -> str:
    (evidence, *_) = result.evidence
    assert evidence.link is not None
    base, _, _ = evidence.link.partition("#")
    assert base.startswith("file://") and base.endswith("/" + name)
    return base


# --- links --------------------------------------------------------------------------------------


def test_a_quote_link_selects_the_passage_by_its_first_and_last_words(results: dict[str, ClaimResult]) -> None:
    result = results["quote-speaker"]
    (evidence,) = result.evidence
    assert evidence.link == (page_url(result) + "#:~:text=We%20have%20never%20moved,in%20a%20single%20year")


def test_a_figure_link_selects_each_figure_with_its_symbols_encoded(results: dict[str, ClaimResult]) -> None:
    result = results["figure-verbatim"]
    links = [e.link for e in result.evidence]
    base = page_url(result)
    assert links == [base + "#:~:text=12%20percent", base + "#:~:text=%243.4bn"]


def test_every_link_quotes_words_of_its_own_evidence(results: dict[str, ClaimResult]) -> None:
    for result in results.values():
        for evidence in result.evidence:
            assert evidence.link is not None
            fragment = evidence.link.partition("#:~:text=")[2]
            for part in fragment.split(","):
                words = unquote(part).split()
                assert words, result.claim.id
                assert " ".join(words) in " ".join(evidence.snippet.split()), result.claim.id


# --- speakers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("claim_id", ["quote-speaker", "quote-surname", "quote-typo"])
def test_the_speaker_named_near_the_quote_is_found(results: dict[str, ClaimResult], claim_id: str) -> None:
    (evidence,) = results[claim_id].evidence
    assert evidence.speaker_found is True
    assert evidence.attributed_to is None


def test_a_quote_the_source_gives_to_someone_else_names_that_person(results: dict[str, ClaimResult]) -> None:
    result = results["quote-someone-else"]
    assert result.verdict is Verdict.SUPPORTED       # the words are there: the speaker is reported, not hidden
    (evidence,) = result.evidence
    assert evidence.speaker_found is False
    assert evidence.attributed_to == "Peter Olsen"


def test_a_quote_without_a_speaker_has_no_speaker_check(results: dict[str, ClaimResult]) -> None:
    (evidence,) = results["quote-no-speaker"].evidence
    assert evidence.speaker_found is None and evidence.attributed_to is None


def test_figures_and_statements_have_no_speaker_check(results: dict[str, ClaimResult]) -> None:
    for claim_id in ("figure-verbatim", "statement"):
        assert all(e.speaker_found is None and e.attributed_to is None for e in results[claim_id].evidence)


def test_the_author_is_not_the_speaker_of_words_the_page_gives_to_another(results: dict[str, ClaimResult]) -> None:
    (evidence,) = results["quote-author"].evidence
    assert evidence.speaker_found is False
    assert evidence.attributed_to == "Peter Olsen"


# --- notes and differences --------------------------------------------------------------------------


def test_a_typo_is_supported_with_a_note(results: dict[str, ClaimResult]) -> None:
    result = results["quote-typo"]
    assert result.verdict is Verdict.SUPPORTED
    (evidence,) = result.evidence
    assert evidence.notes == ("typo: “boxxes” for “boxes”",)
    assert evidence.differences == ()
    assert result.reason == "quote found in page.html; typo: “boxxes” for “boxes”"


def test_a_reformatted_figure_is_supported_with_notes(results: dict[str, ClaimResult]) -> None:
    result = results["figure-reformatted"]
    assert result.verdict is Verdict.SUPPORTED
    assert [e.notes for e in result.evidence] == [
        ("source states “12 percent”, claim says “12%”: same figure written differently",),
        ("source states “$3.4bn”, claim says “$3,400 million”: same figure written differently",),
    ]
    assert result.reason.startswith("figure found in page.html; source states “12 percent”, claim says “12%”")


def test_a_figure_within_tolerance_says_so(results: dict[str, ClaimResult]) -> None:
    result = results["figure-hedged"]
    assert result.verdict is Verdict.SUPPORTED
    assert result.reason == ("figure found in page.html; source states “12 percent”, claim says “nearly 13%”: "
                             "within the claim's tolerance")
    assert "within the claim's tolerance" in result.evidence[0].notes[0]


def test_verbatim_evidence_has_no_notes(results: dict[str, ClaimResult]) -> None:
    for claim_id in ("quote-speaker", "figure-verbatim", "statement"):
        assert all(e.notes == () and e.differences == () for e in results[claim_id].evidence), claim_id


def test_a_wrong_figure_is_contradicted_with_the_difference(results: dict[str, ClaimResult]) -> None:
    result = results["figure-wrong"]
    assert result.verdict is Verdict.CONTRADICTED
    assert result.reason == "page.html states “$3.4bn” where the claim says “$4.1bn”"
    differences = [(d.claimed, d.source) for e in result.evidence for d in e.differences]
    assert differences == [("$4.1bn", "$3.4bn")]


def test_a_negation_added_reads_as_the_opposite(results: dict[str, ClaimResult]) -> None:
    result = results["statement-negated"]
    assert result.verdict is Verdict.CONTRADICTED
    assert result.reason.startswith("page.html says the opposite: ")


# --- reasons ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim_id", "verdict", "reason"), [
    ("quote-speaker", Verdict.SUPPORTED, "quote found verbatim in page.html"),
    ("figure-verbatim", Verdict.SUPPORTED, "every figure stated in page.html"),
    ("statement", Verdict.SUPPORTED, "statement found in page.html"),
    ("figure-partial", Verdict.PARTIAL, "1 of 2 figures found in page.html; figure 2 was found nowhere"),
    ("walled", Verdict.UNREACHABLE, "no source could be read (paywall.html: the page is a paywall, not the article)"),
    ("walled-and-read", Verdict.SUPPORTED, "statement found in page.html"),
    ("absent", Verdict.NOT_FOUND, "nothing close to the claim in page.html; 1 other source could not be read"),
])
def test_reasons_read_as_documented(results: dict[str, ClaimResult], claim_id: str, verdict: Verdict,
                                    reason: str) -> None:
    result = results[claim_id]
    assert (result.verdict, result.reason) == (verdict, reason)


def test_a_wall_is_reported_on_the_source_and_never_matched(results: dict[str, ClaimResult]) -> None:
    result = results["walled-and-read"]
    statuses = {s.url: s.error for s in result.sources}
    assert statuses == {"paywall.html": "the page is a paywall, not the article", "page.html": None}
    assert all(e.url == "page.html" for e in result.evidence)
    assert results["walled"].evidence == ()


def test_evidence_offsets_point_into_the_snippet(results: dict[str, ClaimResult]) -> None:
    for result in results.values():
        for evidence in result.evidence:
            (highlight,) = evidence.highlights()
            shown = evidence.snippet[highlight[0]:highlight[1]]
            assert shown.strip(), result.claim.id
            assert evidence.scope in ("article", "page")


def test_supporting_evidence_comes_from_the_article_text(results: dict[str, ClaimResult]) -> None:
    supported = [r for r in results.values() if r.verdict is Verdict.SUPPORTED]
    assert len(supported) >= 8
    assert {e.scope for r in supported for e in r.evidence} == {"article"}


def test_claims_file_paths_are_kept_as_written(report: Report) -> None:
    assert all(e.url in ("page.html", "authored.html") for r in report.results for e in r.evidence)
