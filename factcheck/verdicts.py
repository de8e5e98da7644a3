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

from factcheck.matching.finding import PassageMatch, TextFinding
from factcheck.model import Kind, SourceRef, SourceStatus, Verdict

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
    host = _host(check.ref)
    found = finding.found
    if verdict is Verdict.SUPPORTED:
        excused = sorted({c.why for p in found for c in p.changes})
        if all(p.exact for p in found):
            how = "found as written" if kind is Kind.QUOTE else "stated"
            return f"{how} in {host}"
        return f"found in {host}, differing only harmlessly ({', '.join(excused)})"
    if verdict is Verdict.CONTRADICTED:
        wrong = next(p for p in found if not p.faithful)
        change = wrong.meaningful[0]
        said = _quoted(change.source_text) if change.source_text else "nothing there"
        claimed = _quoted(change.claimed_text) if change.claimed_text else "nothing"
        what = {"negation": "a negation differs", "number": "a number differs"}.get(
            change.why, "the wording differs")
        more = len(wrong.meaningful) - 1
        extra = f" (and {more} more difference{'s' if more > 1 else ''})" if more else ""
        return f"{host} has the passage but {what}: it says {said} where the claim says {claimed}{extra}"
    missing = [i for i, p in enumerate(finding.parts) if p is None]
    total = len(finding.parts)
    if missing:
        first = missing[0]
        return (f"{total - len(missing)} of {total} fragments found in {host}; "
                f"fragment {first + 1} was found nowhere")
    return f"every fragment found in {host}, but not in the claim's order"


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= 60 else text[:59] + '…'}”"


def _host(ref: SourceRef) -> str:
    parts = urlsplit(ref.target)
    if parts.scheme == "file":
        return ref.ref
    return parts.hostname or ref.ref


def first_passage(finding: TextFinding) -> PassageMatch | None:
    """The first fragment found, for a one-line summary of the evidence."""
    return next(iter(finding.found), None)
