"""Match results in, a verdict and its reason out: the one place a verdict is decided.

Pure functions over the findings of ``matching``: no fetching, no text searching.

For one text of one source:
- every fragment found without a meaning-changing difference, in order: ``supported``;
- a fragment found close but with a meaning-changing difference (a misquote, a wrong
  figure, a dropped negation): ``contradicted``;
- some fragments found faithfully, the others nowhere: ``partial``;
- nothing close: ``not_found``.
Over the sources of a claim the strongest finding wins, in the order supported,
contradicted, partial, not_found (a source that states the claim settles it; a
misquote is worth reporting over an absence). Only when no source could be read at
all is the claim ``unreachable``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck.matching.differences import WordChange
from factcheck.matching.finding import TextFinding
from factcheck.model import Kind, SourceRef, SourceStatus, Verdict

QUIET_CHANGES = frozenset({"reworded", "source says more"})
"""Harmless differences of a paraphrase too ordinary to mention in a reason."""

_RANK = {Verdict.SUPPORTED: 0, Verdict.CONTRADICTED: 1, Verdict.PARTIAL: 2, Verdict.NOT_FOUND: 3,
         Verdict.UNREACHABLE: 4}


@dataclass(frozen=True)
class SourceCheck:
    """One cited source: how reading it went, and what was found in each of its texts."""

    ref: SourceRef
    status: SourceStatus
    findings: tuple[TextFinding, ...] = ()
    """Empty when the source could not be read."""

    @property
    def readable(self) -> bool:
        return self.status.error is None


@dataclass(frozen=True)
class Decision:
    """A claim's verdict, why, and the findings that show it, best first."""

    verdict: Verdict
    reason: str
    evidence: tuple[tuple[SourceCheck, TextFinding], ...]
    score: float | None


def text_verdict(finding: TextFinding) -> Verdict:
    """The verdict one text of one source gives a claim."""
    found = finding.found
    if not found:
        return Verdict.NOT_FOUND
    if any(not part.faithful for part in found):
        return Verdict.CONTRADICTED
    if len(found) == len(finding.parts) and finding.in_order:
        return Verdict.SUPPORTED
    return Verdict.PARTIAL


def decide(kind: Kind, checks: Sequence[SourceCheck]) -> Decision:
    """The verdict on one claim from what each of its sources gave."""
    readable = [c for c in checks if c.readable]
    if not readable:
        reasons = "; ".join(f"{_host(c.ref)}: {c.status.error}" for c in checks)
        return Decision(Verdict.UNREACHABLE, f"no source could be read ({reasons})", (), None)
    ranked: list[tuple[int, float, int, SourceCheck, TextFinding]] = []
    for order, check in enumerate(readable):
        for finding in check.findings:
            verdict = text_verdict(finding)
            ranked.append((_RANK[verdict], -_score(finding), order, check, finding))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]))
    if not ranked or ranked[0][0] == _RANK[Verdict.NOT_FOUND]:
        read = len(readable)
        where = _host(readable[0].ref) if read == 1 else f"any of the {read} sources read"
        unreadable = len(checks) - read
        tail = ""
        if unreadable:
            tail = f"; {unreadable} other source{'s' if unreadable > 1 else ''} could not be read"
        return Decision(Verdict.NOT_FOUND, f"nothing close to the claim in {where}{tail}", (), None)
    _, _, _, check, finding = ranked[0]
    verdict = text_verdict(finding)
    evidence = []
    seen: set[int] = set()
    for rank, _, _, c, f in ranked:
        if rank == _RANK[Verdict.NOT_FOUND] or id(c) in seen:
            continue
        seen.add(id(c))
        evidence.append((c, f))
    return Decision(verdict, _reason(kind, verdict, check, finding), tuple(evidence), _score(finding))


def _score(finding: TextFinding) -> float:
    parts = finding.parts
    if not parts:
        return 0.0
    return sum(p.score if p is not None else 0.0 for p in parts) / len(parts)


def _reason(kind: Kind, verdict: Verdict, check: SourceCheck, finding: TextFinding) -> str:
    """One sentence in plain words: what was found where, and why that gives this verdict."""
    host = _host(check.ref)
    found = finding.found
    unit = {Kind.QUOTE: "quote", Kind.FIGURE: "figure", Kind.STATEMENT: "statement"}[kind]
    if verdict is Verdict.SUPPORTED:
        excused = [c for p in found for c in p.changes if c.harmless and c.why not in QUIET_CHANGES]
        if not excused:
            if kind is Kind.FIGURE:
                return f"every figure stated in {host}"
            return f"{unit} found verbatim in {host}" if all(p.exact for p in found) else f"{unit} found in {host}"
        return f"{unit} found in {host}; " + "; ".join(describe_change(c) for c in excused[:3])
    if verdict is Verdict.CONTRADICTED:
        wrong = next(p for p in found if not p.faithful)
        change = wrong.meaningful[0]
        more = len([c for p in found for c in p.meaningful]) - 1
        extra = f" (and {more} more difference{'s' if more > 1 else ''})" if more else ""
        said = _quoted(change.source_text) if change.source_text else "nothing"
        claimed = _quoted(change.claimed_text) if change.claimed_text else "nothing"
        if change.why == "number":
            return f"{host} states {said} where the claim says {claimed}{extra}"
        if change.why == "negation":
            return f"{host} says the opposite: {said} where the claim says {claimed}{extra}"
        lead = "misquote: " if kind is Kind.QUOTE else ""
        return f"{lead}{host} says {said} where the claim says {claimed}{extra}"
    missing = [i for i, p in enumerate(finding.parts) if p is None]
    total = len(finding.parts)
    pieces = "figures" if kind is Kind.FIGURE else "fragments"
    if missing:
        first = missing[0]
        return (f"{total - len(missing)} of {total} {pieces} found in {host}; "
                f"{pieces[:-1]} {first + 1} was found nowhere")
    return f"every fragment found in {host}, but not in the claim's order"


def describe_change(change: WordChange) -> str:
    """A harmless difference in words: "typo: “somethiing” for “something”"."""
    claimed = _quoted(change.claimed_text) if change.claimed_text else "nothing"
    source = _quoted(change.source_text) if change.source_text else "nothing"
    if change.why in ("within the claim's tolerance", "same figure written differently"):
        return f"source states {source}, claim says {claimed}: {change.why}"
    return f"{change.why}: {claimed} for {source}"


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= 60 else text[:59] + '…'}”"


def _host(ref: SourceRef) -> str:
    parts = urlsplit(ref.target)
    if parts.scheme == "file":
        return ref.ref
    return parts.hostname or ref.ref
