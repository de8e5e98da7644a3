"""Claims in, a Report out: the one place fetching, extraction, matching and verdicts meet.

Every distinct source is fetched once per run, however many claims cite it, and its
text is extracted and indexed once, as soon as it arrives, in a worker thread, so the
bytes can be dropped while other downloads go on. Claims are then matched against the
prepared texts and ``verdicts.decide`` gives each its verdict.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from factcheck._version import __version__
from factcheck.errors import ExtractionError
from factcheck.extraction import SourceDocument, extract
from factcheck.fetch import Fetcher, FetchOptions, FetchResult
from factcheck.links import text_fragment_url
from factcheck.matching import IndexedText, TextFinding, Vocabulary, claim_fragments, find, index_text
from factcheck.matching.snippets import snippet_bounds
from factcheck.matching.speakers import check_speaker
from factcheck.model import (
    Claim,
    ClaimResult,
    ClaimsFile,
    Difference,
    Evidence,
    Kind,
    Report,
    SourceRef,
    SourceStatus,
)
from factcheck.verdicts import QUIET_CHANGES, SourceCheck, decide, describe_change

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, source)`` each time a source has been read."""


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; the CLI fills it from flags."""

    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass(frozen=True)
class PreparedSource:
    """A source read and indexed, or the reason it could not be."""

    fetched: FetchResult
    texts: tuple[IndexedText, ...] = ()
    error: str | None = None
    title: str | None = None
    """The page's title and its authors' names, where a quote's speaker may be named."""

    def status(self, ref: SourceRef) -> SourceStatus:
        f = self.fetched
        warning = None
        if f.truncated and self.error is None:
            warning = "the source was cut at the size cap; only its beginning was read"
        return SourceStatus(url=ref.ref, status=f.status, error=self.error, final_url=f.final_url,
                            content_type=f.content_type, note=ref.note, warning=warning)


def verify(files: Sequence[ClaimsFile], options: Options | None = None,
           progress: ProgressCallback | None = None) -> Report:
    """Check every claim of ``files`` against its sources (blocking)."""
    return asyncio.run(run(files, options or Options(), progress))


async def run(files: Sequence[ClaimsFile], options: Options,
              progress: ProgressCallback | None = None) -> Report:
    """Check every claim of ``files`` against its sources."""
    started = datetime.now(UTC)
    claims = [claim for f in files for claim in f.claims]
    targets = list(dict.fromkeys(ref.target for claim in claims for ref in claim.sources))
    vocabulary = Vocabulary()
    sources = await _prepare_all(targets, options, vocabulary, progress)
    results = tuple(check_claim(claim, sources, vocabulary) for claim in claims)
    return Report(files=tuple(files), results=results, started=started, finished=datetime.now(UTC),
                  version=__version__)


async def _prepare_all(targets: list[str], options: Options, vocabulary: Vocabulary,
                       progress: ProgressCallback | None) -> dict[str, PreparedSource]:
    prepared: dict[str, PreparedSource] = {}
    done = 0
    async with Fetcher(options.fetch) as fetcher:

        async def one(target: str) -> None:
            nonlocal done
            fetched = await fetcher.fetch(target)
            prepared[target] = await asyncio.to_thread(prepare, fetched, vocabulary)
            done += 1
            if progress is not None:
                progress(done, len(targets), target)

        await asyncio.gather(*(one(t) for t in targets))
    return prepared


def prepare(fetched: FetchResult, vocabulary: Vocabulary) -> PreparedSource:
    """Extract and index a fetched source's texts (blocking: run it in a worker thread)."""
    if not fetched.ok or fetched.body is None:
        return PreparedSource(fetched, error=fetched.error or "no content")
    try:
        document: SourceDocument = extract(fetched.body, fetched.content_type, fetched.charset)
    except ExtractionError as e:
        return PreparedSource(fetched, error=str(e))
    except Exception as e:  # a parser bug on hostile input must cost one source, not the run
        log.exception("extracting %s failed", fetched.target)
        return PreparedSource(fetched, error=f"could not extract text: {type(e).__name__}: {e}")
    texts = tuple(index_text(t.text, t.scope, vocabulary) for t in document.texts)
    byline = " ".join(filter(None, (document.title, *document.authors)))
    return PreparedSource(fetched, texts=texts, title=byline or None)


def check_claim(claim: Claim, sources: dict[str, PreparedSource], vocabulary: Vocabulary) -> ClaimResult:
    """The verdict on one claim from its prepared sources."""
    fragments = claim_fragments(claim)
    checks = []
    for ref in claim.sources:
        source = sources[ref.target]
        findings: tuple[TextFinding, ...] = ()
        if source.error is None and fragments:
            findings = tuple(find(claim, fragments, text, vocabulary) for text in source.texts)
        checks.append(SourceCheck(ref, source.status(ref), findings))
    decision = decide(claim.kind, checks)
    evidence = tuple(
        item
        for check, finding in decision.evidence
        for item in _evidence(claim, check, finding, sources[check.ref.target])
    )
    return ClaimResult(claim=claim, verdict=decision.verdict, reason=decision.reason, evidence=evidence,
                       sources=tuple(c.status for c in checks), score=decision.score)


def _evidence(claim: Claim, check: SourceCheck, finding: TextFinding, source: PreparedSource) -> list[Evidence]:
    text = next(t.tokens.text for t in source.texts if t.scope == finding.scope)
    web = source.fetched.final_url or check.ref.target
    out = []
    for part in finding.found:
        left, right = snippet_bounds(text, part.start, part.end)
        speaker = None
        if claim.kind is Kind.QUOTE and claim.speaker:
            speaker = check_speaker(text, part.start, part.end, claim.speaker, source.title)
        out.append(Evidence(
            url=check.ref.ref, snippet=text[left:right], start=part.start, end=part.end,
            score=round(part.score, 3), snippet_start=left, spans=((part.start, part.end),),
            scope=finding.scope,
            differences=tuple(Difference(c.claimed_text, c.source_text) for c in part.meaningful),
            link=text_fragment_url(web, text[part.start:part.end]),
            speaker_found=speaker.found if speaker else None,
            attributed_to=speaker.attributed_to if speaker else None,
            notes=tuple(describe_change(c) for c in part.changes if c.harmless and c.why not in QUIET_CHANGES),
        ))
    return out
