"""In-memory Reports for the format tests: no fetching, no matching, just the model."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from factcheck.model import (
    Article,
    Claim,
    ClaimResult,
    ClaimsFile,
    Difference,
    Evidence,
    Kind,
    Report,
    SourceRef,
    SourceStatus,
    Verdict,
)

FILE = "articles/xi-in-russia.yaml"


def claim(claim_id: str, kind: Kind, text: str, *refs: str, speaker: str | None = None,
          line: int = 1, note: str | None = None) -> Claim:
    sources = tuple(SourceRef(ref=r, target=r if "://" in r else f"file:///srv/{r}", note=note, line=line + 3)
                    for r in refs)
    return Claim(id=claim_id, kind=kind, text=text, sources=sources, speaker=speaker, line=line, file=FILE)


def evidence(url: str, text: str, match: str, *, score: float = 1.0,
             differences: tuple[Difference, ...] = (), offset: int = 1000) -> Evidence:
    """Evidence whose snippet is ``text`` (found at ``offset`` in the source) matching ``match``."""
    at = text.index(match)
    return Evidence(url=url, snippet=text, start=offset + at, end=offset + at + len(match), score=score,
                    snippet_start=offset, spans=((offset + at, offset + at + len(match)),),
                    scope="article", differences=differences)


def ok(url: str, note: str | None = None, warning: str | None = None) -> SourceStatus:
    return SourceStatus(url=url, status=200, error=None, final_url=url, content_type="text/html",
                        note=note, warning=warning)


CARNEGIE = "https://carnegieendowment.org/2023/03/zhao-tong"
CUSTOMS = "https://example.org/customs/2022-trade"
FRS = "https://www.frstrategie.org/bondaz"
KREMLIN = "http://en.kremlin.ru/events/president/news/17590"
WSJ = "https://www.wsj.com/articles/china-russia-dual-use"


def make_results() -> tuple[ClaimResult, ...]:
    supported = ClaimResult(
        claim=claim("zhao-tong-defeat", Kind.QUOTE,
                    "China fears that a defeat of Russia will lead to the replacement of Putin",
                    CARNEGIE, speaker="Zhao Tong", line=5),
        verdict=Verdict.SUPPORTED, reason="The quotation was found word for word.",
        evidence=(evidence(CARNEGIE, "Zhao Tong says: China fears that a defeat of Russia will lead to the "
                           "replacement of Putin, and it worries.",
                           "China fears that a defeat of Russia will lead to the replacement of Putin"),),
        sources=(ok(CARNEGIE, note="Carnegie interview"),), score=1.0)
    partial = ClaimResult(
        claim=claim("bondaz-convergence", Kind.QUOTE,
                    "The Sino-Russian convergence is political ... But the two countries do not share "
                    "an ideology.", FRS, speaker="Antoine Bondaz", line=12),
        verdict=Verdict.PARTIAL, reason="1 of 2 fragments found; the rest is not in the source.",
        evidence=(evidence(FRS, "For Bondaz, the Sino-Russian convergence is political.",
                           "the Sino-Russian convergence is political", score=0.97),),
        sources=(ok(FRS, warning="the source was cut at the size cap; only its beginning was read"),),
        score=0.97)
    contradicted = ClaimResult(
        claim=claim("trade-2022", Kind.FIGURE,
                    'Trade jumped by nearly 30% in 2022, to 177 billion euros, "a record" | says Beijing.',
                    CUSTOMS, line=20, note="China customs annual figures"),
        verdict=Verdict.CONTRADICTED, reason="The source gives 190.3 billion, not 177 billion.",
        evidence=(evidence(CUSTOMS, 'Trade rose 29.3%, to $190.3 billion in 2022, "a record",\nsaid the '
                           "customs, a rise of nearly a third.", "to $190.3 billion in 2022", score=0.91,
                           differences=(Difference(claimed="177 billion euros", source="$190.3 billion"),)),),
        sources=(SourceStatus(url=CUSTOMS, status=200, error=None, note="China customs annual figures"),),
        score=0.91)
    not_found = ClaimResult(
        claim=claim("xi-personality-2013", Kind.QUOTE, "I have a personality similar to yours", KREMLIN,
                    speaker="Xi Jinping", line=30),
        verdict=Verdict.NOT_FOUND, reason="Nothing matching was found in the 1 source read.",
        sources=(ok(KREMLIN),), score=0.41)
    unreachable = ClaimResult(
        claim=claim("wsj-dual-use", Kind.STATEMENT, "These would mainly be dual-use technologies.",
                    WSJ, "sources/wsj-missing.html", line=40),
        verdict=Verdict.UNREACHABLE, reason="No source could be read.",
        sources=(SourceStatus(url=WSJ, status=403, error="HTTP 403 Forbidden"),
                 SourceStatus(url="sources/wsj-missing.html", status=None, error="no such file")),
        score=None)
    return supported, partial, contradicted, not_found, unreachable


@pytest.fixture
def results() -> tuple[ClaimResult, ...]:
    return make_results()


def make_report(results: tuple[ClaimResult, ...], article: Article | None = None) -> Report:
    claims_file = ClaimsFile(path=FILE, claims=tuple(r.claim for r in results), article=article)
    return Report(files=(claims_file,), results=results,
                  started=datetime(2023, 3, 21, 8, 0, 0, tzinfo=UTC),
                  finished=datetime(2023, 3, 21, 8, 0, 4, tzinfo=UTC), version="0.1.0")


@pytest.fixture
def report(results: tuple[ClaimResult, ...]) -> Report:
    """One claim of every verdict, evidence with highlights and a difference, sources with an
    error, a note and a warning."""
    return make_report(results, Article(title="Xi Jinping in Russia: the underside of an interested "
                                        "friendship", url="https://example.org/xi-in-russia",
                                        published="2023-03-20"))


@pytest.fixture
def empty_report() -> Report:
    return make_report(())
