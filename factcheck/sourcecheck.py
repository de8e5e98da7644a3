"""Everything done with one fetched source, in one go: extract its text, index it, look
for every claim that cites it, and keep only what the verdicts need.

A source's texts come best first (an HTML page's article, then the whole page): each
claim is looked for in them in turn until one supports it, so a wider text is indexed
only when a claim needs it.

This is the unit of CPU work of a run. It is a pure function of its arguments, so it
can run in a worker process (``workers``): the page's bytes and indexes live only
there, and what comes back is small (findings and evidence snippets), which keeps a
run's memory bounded by the sources in flight, not by all the sources read.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import replace

from factcheck.errors import ExtractionError
from factcheck.extraction import SourceDocument, extract
from factcheck.fetch import FetchResult
from factcheck.links import text_fragment_url
from factcheck.matching import IndexedText, TextFinding, Vocabulary, claim_fragments, find, index_text
from factcheck.matching.snippets import snippet_bounds
from factcheck.matching.speakers import check_speaker
from factcheck.model import Claim, Difference, Evidence, Kind, Verdict
from factcheck.outcome import SourceOutcome, TextCheck
from factcheck.verdicts import QUIET_CHANGES, describe_change, text_verdict

log = logging.getLogger(__name__)

__all__ = ["TRUNCATED_WARNING", "SourceOutcome", "TextCheck", "check_source", "text_hash"]

TRUNCATED_WARNING = "the source was cut at the size cap; only its beginning was read"


def check_source(fetched: FetchResult, claims: Sequence[tuple[int, Claim]]) -> SourceOutcome:
    """Read ``fetched`` and check each ``(key, claim)`` against it."""
    base = SourceOutcome(target=fetched.target, status=fetched.status, final_url=fetched.final_url,
                         content_type=fetched.content_type)
    if not fetched.ok or fetched.body is None:
        return replace(base, error=fetched.error or "no content")
    try:
        document = extract(fetched.body, fetched.content_type, fetched.charset)
    except ExtractionError as e:
        return replace(base, error=str(e))
    except Exception as e:  # a parser bug on hostile input must cost one source, not the run
        log.exception("extracting %s failed", fetched.target)
        return replace(base, error=f"could not extract text: {type(e).__name__}: {e}")
    vocabulary = Vocabulary()
    indexed: dict[int, IndexedText] = {}
    web = fetched.final_url or fetched.target
    checks = []
    for key, claim in claims:
        fragments = claim_fragments(claim)
        per_text = []
        for i, raw in enumerate(document.texts if fragments else ()):
            if i not in indexed:
                indexed[i] = index_text(raw.text, raw.scope, vocabulary)
            text = indexed[i]
            finding = find(claim, fragments, text, vocabulary)
            per_text.append(TextCheck(finding, _evidence(claim, finding, text, document, web)))
            if text_verdict(finding) is Verdict.SUPPORTED:
                break       # the best text supports it: the wider ones are not read for it
        checks.append((key, tuple(per_text)))
    warning = TRUNCATED_WARNING if fetched.truncated else None
    return replace(base, warning=warning, text_hash=text_hash(document), checks=tuple(checks))


def text_hash(document: SourceDocument) -> str:
    """A fingerprint of what was read, not of the bytes: a page whose advertisements or
    tracking parameters change every night has the same text, and is not "edited"."""
    digest = hashlib.sha256()
    for text in document.texts:
        digest.update(text.scope.encode() + b"\0" + text.text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _evidence(claim: Claim, finding: TextFinding, text: IndexedText, document: SourceDocument,
              web: str) -> tuple[Evidence, ...]:
    body = text.tokens.text
    byline = " ".join(filter(None, (document.title, *document.authors))) or None
    out = []
    for part in finding.found:
        left, right = snippet_bounds(body, part.start, part.end)
        speaker = None
        if claim.kind is Kind.QUOTE and claim.speaker:
            speaker = check_speaker(body, part.start, part.end, claim.speaker, byline)
        out.append(Evidence(
            url=web, snippet=body[left:right], start=part.start, end=part.end,
            score=round(part.score, 3), snippet_start=left, spans=((part.start, part.end),),
            scope=finding.scope,
            differences=tuple(Difference(c.claimed_text, c.source_text) for c in part.meaningful),
            link=text_fragment_url(web, body[part.start:part.end]),
            speaker_found=speaker.found if speaker else None,
            attributed_to=speaker.attributed_to if speaker else None,
            notes=tuple(describe_change(c) for c in part.changes if c.harmless and c.why not in QUIET_CHANGES),
        ))
    return tuple(out)
