"""The values factcheck passes around: claims in, results out.

Frozen dataclasses with no I/O, so that every layer (loader, pipeline, formats, the
CLI) can share them and tests can build them by hand. Presentation (colours, symbols)
belongs to the formats, not here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Kind(StrEnum):
    """What a claim asserts, which decides how it is checked."""

    QUOTE = "quote"
    """Verbatim words of a speaker: every fragment must be found, in order."""
    FIGURE = "figure"
    """One or more quantities: each must be stated by a matching passage."""
    STATEMENT = "statement"
    """Any other sentence: checked as a close paraphrase."""


class Verdict(StrEnum):
    """The closed set of verdicts of the public contract, from best to worst news."""

    SUPPORTED = "supported"
    PARTIAL = "partial"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class Article:
    """The article a claims file was written from (all optional)."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO 8601 date, as written in the claims file."""
    author: str | None = None
    """Who wrote it (a person or an organisation), e.g. for ClaimReview's ``itemReviewed``."""


@dataclass(frozen=True)
class SourceRef:
    """One source as a claim cites it."""

    ref: str
    """The URL or path exactly as written in the claims file: what users see and grep for."""
    target: str
    """Absolute ``http(s)://`` or ``file://`` URL; the key under which it is fetched once per run."""
    note: str | None = None
    """Free text from the claims file, echoed in the output."""
    line: int | None = None
    """1-based line in the claims file, for messages."""


@dataclass(frozen=True)
class Claim:
    """One checkable statement of the article."""

    id: str
    kind: Kind
    text: str
    sources: tuple[SourceRef, ...]
    speaker: str | None = None
    line: int | None = None
    """1-based line of the claim in its file."""
    file: str = ""
    """The claims file it came from (``<stdin>`` for ``-``)."""


@dataclass(frozen=True)
class ClaimsFile:
    """A loaded, validated claims file."""

    path: str
    claims: tuple[Claim, ...]
    article: Article | None = None


@dataclass(frozen=True)
class Difference:
    """Words where a source's passage differs from the claim."""

    claimed: str
    """The claim's words ('' when the source added words)."""
    source: str
    """The source's words ('' when the source lacks the claim's words)."""


@dataclass(frozen=True)
class Evidence:
    """The passage of one source that best matches a claim."""

    url: str
    """The source as cited (``SourceRef.ref``)."""
    snippet: str
    """The matched passage with a little context, as the source writes it."""
    start: int
    """Offset of the first matched character in the source's extracted text."""
    end: int
    """Offset just past the last matched character."""
    score: float
    """Similarity of claim and passage, 0 to 1 (1: found exactly, after normalisation)."""
    snippet_start: int = 0
    """Offset of the snippet's first character in the source's extracted text."""
    spans: tuple[tuple[int, int], ...] = ()
    """Each matched fragment as (start, end) offsets in the extracted text, in order."""
    scope: str = "text"
    """Which text of the source held it: ``article`` (main text), ``page`` (all visible text),
    ``pdf`` or ``text``."""
    differences: tuple[Difference, ...] = ()
    """For a near miss: where the passage differs from the claim."""
    link: str | None = None
    """The source URL with a ``#:~:text=`` fragment that opens it at the passage."""
    speaker_found: bool | None = None
    """For a quote with a speaker: whether the source names the speaker near the passage
    (None when the claim names no speaker)."""
    attributed_to: str | None = None
    """When the speaker is not named nearby: the person the source attributes the words to."""
    notes: tuple[str, ...] = ()
    """Harmless differences, in words ("typo: “somethiing” for “something”")."""

    def highlights(self) -> tuple[tuple[int, int], ...]:
        """The matched spans relative to the snippet, clipped to it."""
        out = []
        limit = len(self.snippet)
        for a, b in self.spans or ((self.start, self.end),):
            s, e = max(a - self.snippet_start, 0), min(b - self.snippet_start, limit)
            if s < e:
                out.append((s, e))
        return tuple(out)


@dataclass(frozen=True)
class SourceStatus:
    """What happened when one source was read."""

    url: str
    """The source as cited (``SourceRef.ref``)."""
    status: int | None
    """The final HTTP status, or None for local files and failures before any answer."""
    error: str | None
    """None when the text was read, else a short reason."""
    final_url: str | None = None
    """Where redirects ended."""
    content_type: str | None = None
    note: str | None = None
    """The note the claims file gave the source."""
    warning: str | None = None
    """Something the reader should know about a source that was read (e.g. it was cut
    at the size cap)."""
    text_hash: str | None = None
    """SHA-256 of the text extracted from it (None when nothing was read): how a later
    run tells an edited source from an unchanged one."""
    failures: int = 0
    """Runs in a row, this one included, in which it could not be read (from the run
    history; 0 when it was read or no history is kept)."""
    dead: bool = False
    """It has failed in enough runs over enough time to be called dead (``--dead-after``)."""
    archive_record: str | None = None
    """The WARC-Record-ID of its response in the ``--archive`` file, or of the record it was
    replayed from."""


class ChangeKind(StrEnum):
    """How a claim's result differs from the previous run of the same claim."""

    NEW = "new"
    """No earlier run checked this claim (or its text, kind, speaker or sources changed)."""
    VERDICT = "verdict"
    """The verdict changed while its sources' texts did not."""
    TEXT_CHANGED = "text_changed"
    """A source's text changed and with it the verdict (the quote or figure is gone or altered)."""
    EVIDENCE_MOVED = "evidence_moved"
    """Same verdict, but the best evidence is now another source or another passage."""
    SOURCE_DEAD = "source_dead"
    """Its sources have failed in enough runs over enough time to be called dead."""
    SOURCE_FAILING = "source_failing"
    """Unreachable this run, but not for long enough to be called dead: not counted as a
    change by ``--fail-on changed``."""


@dataclass(frozen=True)
class Change:
    """What changed in one claim's result since its previous run."""

    kind: ChangeKind
    description: str
    """One sentence in plain words."""
    previous_verdict: Verdict | None = None
    previous_run: datetime | None = None
    """When the run compared with started."""
    counts: bool = True
    """Whether ``--fail-on changed`` counts it (transient failures and new claims do not)."""


@dataclass(frozen=True)
class ClaimResult:
    """The verdict on one claim, with what supports it."""

    claim: Claim
    verdict: Verdict
    reason: str
    """One sentence in plain words: why this verdict."""
    evidence: tuple[Evidence, ...] = ()
    """Best first."""
    sources: tuple[SourceStatus, ...] = ()
    """One entry per source tried, in the claims file's order."""
    score: float | None = None
    """Similarity of the best evidence (0 to 1), None when nothing was read."""
    change: Change | None = None
    """How this result differs from the claim's previous run (None: no difference, or no
    history kept)."""


@dataclass(frozen=True)
class Report:
    """The outcome of one ``verify`` run over one or more claims files."""

    files: tuple[ClaimsFile, ...]
    results: tuple[ClaimResult, ...]
    started: datetime
    finished: datetime
    version: str
    """The factcheck version that produced it."""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Run-level facts a format may show (e.g. options that change meaning)."""
    compared: bool = False
    """Whether each result was compared with the claim's previous run (``change`` set)."""

    @property
    def article(self) -> Article | None:
        """The article of the first file that names one."""
        return next((f.article for f in self.files if f.article is not None), None)

    @property
    def summary(self) -> dict[Verdict, int]:
        """A count for every verdict, zeros included, in the contract's order."""
        counts = dict.fromkeys(Verdict, 0)
        for r in self.results:
            counts[r.verdict] += 1
        return counts

    def count(self, verdicts: Iterable[Verdict]) -> int:
        """How many claims got one of ``verdicts`` (the ``--fail-on`` test)."""
        wanted = frozenset(verdicts)
        return sum(1 for r in self.results if r.verdict in wanted)

    @property
    def changed(self) -> tuple[ClaimResult, ...]:
        """The results that differ from the previous run (``--changes``)."""
        return tuple(r for r in self.results if r.change is not None)

    def count_changed(self) -> int:
        """How many changes ``--fail-on changed`` counts."""
        return sum(1 for r in self.results if r.change is not None and r.change.counts)
