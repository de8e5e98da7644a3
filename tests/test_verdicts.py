"""text_verdict() and decide() on hand-built findings: the one place a verdict is decided."""

from __future__ import annotations

import pytest

from factcheck.matching.differences import WordChange
from factcheck.matching.finding import PassageMatch, TextFinding
from factcheck.model import Kind, SourceRef, SourceStatus, Verdict
from factcheck.verdicts import SourceCheck, decide, text_verdict

# --- building blocks -----------------------------------------------------------------------------


def exact(fragment: str = "we will not go back", score: float = 1.0, start: int = 0) -> PassageMatch:
    return PassageMatch(fragment=fragment, start=start, end=start + len(fragment), score=score, exact=True,
                        passage=fragment)


def harmless(why: str = "typo", score: float = 0.95) -> PassageMatch:
    change = WordChange(("goverment",), ("government",), True, why, "goverment", "government")
    return PassageMatch(fragment="the goverment said", start=10, end=28, score=score, exact=False,
                        changes=(change,), passage="the government said")


def misquote(claimed: str = "liquid", source: str = "vapor", why: str = "words replaced",
             score: float = 0.9, more: int = 0) -> PassageMatch:
    changes = [WordChange((claimed.lower(),), (source.lower(),), False, why, claimed, source)]
    changes += [WordChange(("x",), ("y",), False, "words replaced", "x", "y") for _ in range(more)]
    return PassageMatch(fragment=f"water in {claimed} form", start=5, end=25, score=score, exact=False,
                        changes=tuple(changes), passage=f"water in {source} form")


def finding(*parts: PassageMatch | None, in_order: bool = True, scope: str = "page") -> TextFinding:
    return TextFinding(scope, tuple(parts), in_order)


def source(url: str, *findings: TextFinding, error: str | None = None) -> SourceCheck:
    ref = SourceRef(ref=url, target=url if "://" in url else f"file:///data/{url}")
    status = SourceStatus(url=url, status=None if error else 200, error=error)
    return SourceCheck(ref, status, tuple(findings))


SUPPORTED = finding(exact())
CONTRADICTED = finding(misquote())
PARTIAL = finding(exact(), None)
NOT_FOUND = finding(None)


# --- text_verdict --------------------------------------------------------------------------------

def test_every_fragment_found_faithfully_is_supported() -> None:
    assert text_verdict(finding(exact())) is Verdict.SUPPORTED
    assert text_verdict(finding(exact(), harmless(), exact("go back"))) is Verdict.SUPPORTED


def test_any_unfaithful_fragment_is_contradicted() -> None:
    assert text_verdict(finding(misquote())) is Verdict.CONTRADICTED
    assert text_verdict(finding(exact(), misquote())) is Verdict.CONTRADICTED
    assert text_verdict(finding(None, misquote())) is Verdict.CONTRADICTED          # over partial
    assert text_verdict(finding(misquote(), exact(), in_order=False)) is Verdict.CONTRADICTED


def test_some_fragments_found_nowhere_is_partial() -> None:
    assert text_verdict(finding(exact(), None)) is Verdict.PARTIAL
    assert text_verdict(finding(None, harmless(), None)) is Verdict.PARTIAL


def test_fragments_out_of_order_are_partial() -> None:
    assert text_verdict(finding(exact("a"), exact("b"), in_order=False)) is Verdict.PARTIAL


def test_nothing_found_is_not_found() -> None:
    assert text_verdict(finding(None)) is Verdict.NOT_FOUND
    assert text_verdict(finding(None, None)) is Verdict.NOT_FOUND
    assert text_verdict(finding()) is Verdict.NOT_FOUND


# --- decide: unreachable and not_found -----------------------------------------------------------

def test_no_readable_source_is_unreachable_with_every_reason() -> None:
    decision = decide(Kind.QUOTE, [
        source("https://www.example.com/a", error="HTTP 404"),
        source("https://news.example.org/b", error="timed out after 20 s"),
        source("notes/local.txt", error="file not found"),
    ])
    assert decision.verdict is Verdict.UNREACHABLE
    for part in ("www.example.com: HTTP 404", "news.example.org: timed out after 20 s",
                 "notes/local.txt: file not found"):
        assert part in decision.reason
    assert decision.evidence == ()
    assert decision.score is None


def test_no_source_at_all_is_unreachable() -> None:
    assert decide(Kind.QUOTE, []).verdict is Verdict.UNREACHABLE


def test_a_readable_source_without_the_claim_is_not_found() -> None:
    decision = decide(Kind.QUOTE, [source("https://a.example/x", NOT_FOUND)])
    assert decision.verdict is Verdict.NOT_FOUND
    assert decision.reason == "nothing close to the claim in a.example"
    assert decision.evidence == () and decision.score is None


def test_a_readable_source_with_no_text_is_not_found() -> None:
    assert decide(Kind.STATEMENT, [source("https://a.example/x")]).verdict is Verdict.NOT_FOUND


def test_unreadable_sources_and_a_not_found_one_give_not_found_naming_the_unread() -> None:
    one = decide(Kind.QUOTE, [source("https://a.example/x", error="HTTP 500"),
                              source("https://b.example/y", NOT_FOUND)])
    assert one.verdict is Verdict.NOT_FOUND
    assert one.reason == "nothing close to the claim in b.example; 1 other source could not be read"
    two = decide(Kind.QUOTE, [source("https://a.example/x", error="HTTP 500"),
                              source("https://b.example/y", NOT_FOUND),
                              source("https://c.example/z", NOT_FOUND),
                              source("https://d.example/w", error="timed out")])
    assert two.verdict is Verdict.NOT_FOUND
    assert two.reason == ("nothing close to the claim in any of the 2 sources read; "
                          "2 other sources could not be read")


def test_an_unreadable_source_does_not_hide_a_readable_verdict() -> None:
    decision = decide(Kind.QUOTE, [source("https://a.example/x", error="HTTP 500"),
                                   source("https://b.example/y", SUPPORTED)])
    assert decision.verdict is Verdict.SUPPORTED


# --- decide: ranking across sources ----------------------------------------------------------------

RANKED = [(Verdict.SUPPORTED, SUPPORTED), (Verdict.CONTRADICTED, CONTRADICTED), (Verdict.PARTIAL, PARTIAL),
          (Verdict.NOT_FOUND, NOT_FOUND)]


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0), (2, 0, 3, 1), (1, 3, 0, 2)])
@pytest.mark.parametrize("drop", [None, 0, 1, 2])
def test_the_best_verdict_wins_whatever_the_sources_order(order: tuple[int, ...], drop: int | None) -> None:
    """supported beats contradicted beats partial beats not_found."""
    present = [i for i in order if i != drop]
    checks = [source(f"https://s{i}.example/", RANKED[i][1]) for i in present]
    decision = decide(Kind.QUOTE, checks)
    assert decision.verdict is RANKED[min(present)][0]
    # evidence: best first, one entry per source, no not_found
    verdicts = [text_verdict(f) for _, f in decision.evidence]
    assert verdicts == sorted(verdicts, key=[v for v, _ in RANKED].index)
    assert Verdict.NOT_FOUND not in verdicts
    assert len(decision.evidence) == len([i for i in present if i != 3])


def test_the_best_text_of_a_source_counts() -> None:
    """A page's main text may miss a quote its whole visible text holds."""
    check = source("https://a.example/", finding(None, scope="article"), finding(exact(), scope="page"))
    decision = decide(Kind.QUOTE, [check])
    assert decision.verdict is Verdict.SUPPORTED
    ((c, f),) = decision.evidence
    assert c is check and f.scope == "page"


def test_among_equal_verdicts_the_higher_score_comes_first_then_the_sources_order() -> None:
    low = source("https://low.example/", finding(harmless(score=0.8)))
    high = source("https://high.example/", finding(harmless(score=0.95)))
    first = source("https://first.example/", finding(harmless(score=0.95)))
    decision = decide(Kind.QUOTE, [low, first, high])
    assert [c.ref.ref for c, _ in decision.evidence] == ["https://first.example/", "https://high.example/",
                                                       "https://low.example/"]
    assert decision.score == pytest.approx(0.95)


def test_the_score_counts_missing_fragments_as_zero() -> None:
    decision = decide(Kind.QUOTE, [source("https://a.example/", finding(exact(score=1.0), None))])
    assert decision.verdict is Verdict.PARTIAL
    assert decision.score == pytest.approx(0.5)


def test_a_misquote_in_one_source_does_not_beat_a_source_that_supports() -> None:
    decision = decide(Kind.QUOTE, [source("https://misquoting.example/", CONTRADICTED),
                                   source("https://original.example/", SUPPORTED)])
    assert decision.verdict is Verdict.SUPPORTED
    assert [c.ref.ref for c, _ in decision.evidence] == ["https://original.example/",
                                                       "https://misquoting.example/"]


# --- reasons ------------------------------------------------------------------------------------

def test_a_contradicted_reason_quotes_the_differing_words() -> None:
    decision = decide(Kind.QUOTE, [source("https://www.nasa.example/europa", CONTRADICTED)])
    assert decision.verdict is Verdict.CONTRADICTED
    assert decision.reason == "misquote: www.nasa.example says “vapor” where the claim says “liquid”"


@pytest.mark.parametrize("why, what", [("negation", "says the opposite: “27” where the claim says “17”"),
                                       ("number", "states “27” where the claim says “17”"),
                                       ("words replaced", "misquote: a.example says “27”")])
def test_a_contradicted_reason_names_the_kind_of_difference(why: str, what: str) -> None:
    check = source("https://a.example/", finding(misquote("17", "27", why=why)))
    assert what in decide(Kind.QUOTE, [check]).reason


def test_a_contradicted_reason_for_dropped_or_added_words() -> None:
    dropped = PassageMatch("we will not go", 0, 10, 0.9, False, (WordChange(
        ("not",), (), False, "negation", "not", ""),), "we will go")
    added = PassageMatch("we will go", 0, 14, 0.9, False, (WordChange(
        (), ("not",), False, "negation", "", "not"),), "we will not go")
    assert decide(Kind.QUOTE, [source("https://a.example/", finding(dropped))]).reason.endswith(
        "says the opposite: nothing where the claim says “not”")
    assert decide(Kind.QUOTE, [source("https://a.example/", finding(added))]).reason.endswith(
        "says the opposite: “not” where the claim says nothing")


def test_a_contradicted_reason_counts_further_differences() -> None:
    one_more = decide(Kind.QUOTE, [source("https://a.example/", finding(misquote(more=1)))]).reason
    two_more = decide(Kind.QUOTE, [source("https://a.example/", finding(misquote(more=2)))]).reason
    assert one_more.endswith("(and 1 more difference)")
    assert two_more.endswith("(and 2 more differences)")


def test_a_long_difference_is_shortened_in_the_reason() -> None:
    long = "word " * 30
    check = source("https://a.example/", finding(misquote("short", long.strip())))
    reason = decide(Kind.QUOTE, [check]).reason
    assert "…”" in reason and len(reason) < 200


def test_supported_reasons() -> None:
    as_written = decide(Kind.QUOTE, [source("https://a.example/x", SUPPORTED)]).reason
    assert as_written == "quote found verbatim in a.example"
    assert decide(Kind.STATEMENT, [source("https://a.example/x", SUPPORTED)]).reason == (
        "statement found verbatim in a.example")
    assert decide(Kind.FIGURE, [source("https://a.example/x", SUPPORTED)]).reason == (
        "every figure stated in a.example")
    reason = decide(Kind.QUOTE, [source("https://a.example/x", finding(harmless()))]).reason
    assert reason.startswith("quote found in a.example; typo: ")


def test_partial_reasons() -> None:
    missing = decide(Kind.QUOTE, [source("https://a.example/", finding(exact(), None, exact("c")))])
    assert missing.reason == "2 of 3 fragments found in a.example; fragment 2 was found nowhere"
    unordered = decide(Kind.QUOTE, [source("https://a.example/", finding(exact("a"), exact("b"),
                                                                         in_order=False))])
    assert unordered.reason == "every fragment found in a.example, but not in the claim's order"


def test_a_local_file_is_named_as_the_claims_file_wrote_it() -> None:
    decision = decide(Kind.QUOTE, [source("sources/speech.txt", SUPPORTED)])
    assert decision.reason == "quote found verbatim in sources/speech.txt"
