"""What changed since the previous run, and which failing sources are dead: pure functions.

A nightly job must not cry wolf. A source that fails once is usually back the next
night, so a failure is reported as a change only once the source is *dead*: it has
failed in ``DeadPolicy.runs`` runs in a row spread over at least ``DeadPolicy.days``.
Until then the claim is ``unreachable`` with "failed 1 of 3 times", listed among the
changes but not counted by ``--fail-on changed``. And a result is compared with the
claim's last *readable* run, so a night of failures followed by a recovery to the same
verdict is no change at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from factcheck.model import Change, ChangeKind, ClaimResult, Report, SourceStatus, Verdict
from factcheck.state.history import ClaimRecord, claim_hash, file_key


@dataclass(frozen=True)
class DeadPolicy:
    """When a source that keeps failing is called dead."""

    runs: int = 3
    """Runs in a row, at least, in which it failed."""
    days: float = 2.0
    """Days, at least, from the first of those runs to the latest."""

    def __post_init__(self) -> None:
        if self.runs < 1 or self.days < 0:
            raise ValueError("a source is dead after at least 1 failed run and 0 days")


@dataclass(frozen=True)
class Health:
    """How long a source has been failing."""

    failures: int
    """Runs in a row, this one included, in which it failed (0: read this time)."""
    since: datetime | None
    """When the first of those runs started."""
    dead: bool
    newly_dead: bool = False
    """Dead this run and not in the previous one: the run that reports it."""


def health(failed_now: bool, earlier: Sequence[datetime], now: datetime, policy: DeadPolicy) -> Health:
    """A source's health from this run and the earlier failed runs in a row (latest first)."""
    if not failed_now:
        return Health(0, None, False)
    failures = 1 + len(earlier)
    since = earlier[-1] if earlier else now
    dead = _dead(failures, now - since, policy)
    was_dead = bool(earlier) and _dead(failures - 1, earlier[0] - since, policy)
    return Health(failures, since, dead, dead and not was_dead)


def _dead(failures: int, span: timedelta, policy: DeadPolicy) -> bool:
    return failures >= policy.runs and span >= timedelta(days=policy.days)


def describe_health(state: Health, policy: DeadPolicy) -> str:
    """In words, for a reason: "failed 1 of 3 times", "dead: failed in 4 runs since 2026-11-20"."""
    if state.dead:
        return f"dead: failed in {state.failures} runs in a row since {_day(state.since)}"
    if state.failures < policy.runs:
        return f"failed {state.failures} of {policy.runs} times"
    return (f"failed {state.failures} times in a row since {_day(state.since)}; called dead once that is "
            f"{policy.days:g} days")


def annotate(report: Report, baselines: Mapping[tuple[str, str], ClaimRecord],
             failures: Mapping[str, Sequence[datetime]], policy: DeadPolicy) -> Report:
    """The report with each source's health and each result's change since its baseline.

    ``baselines`` and ``failures`` come from ``History.baselines`` and ``History.failures``
    for this report's claims and sources, read before this run is recorded.
    """
    now = report.started
    results = []
    for result in report.results:
        statuses = []
        states = []
        for ref, status in zip(result.claim.sources, result.sources, strict=False):
            state = health(status.error is not None, failures.get(ref.target, ()), now, policy)
            states.append((status, state))
            statuses.append(replace(status, failures=state.failures, dead=state.dead))
        result = replace(result, sources=tuple(statuses))
        if result.verdict is Verdict.UNREACHABLE:
            notes = "; ".join(f"{_host(status.url)}: {describe_health(state, policy)}"
                              for status, state in states if state.failures)
            if notes:
                result = replace(result, reason=f"{result.reason}; {notes}")
        baseline = baselines.get((file_key(result.claim.file), result.claim.id))
        results.append(replace(result, change=compare(result, baseline, [s for _, s in states])))
    return replace(report, results=tuple(results), compared=True)


def compare(result: ClaimResult, baseline: ClaimRecord | None, states: Sequence[Health]) -> Change | None:
    """How ``result`` differs from ``baseline`` (None: no difference worth a line)."""
    if baseline is None or baseline.claim_hash != claim_hash(result.claim):
        return Change(ChangeKind.NEW, "first run of this claim", counts=False)
    before = baseline.verdict
    at = baseline.started
    if result.verdict is Verdict.UNREACHABLE:
        if states and all(state.dead for state in states):
            if any(state.newly_dead for state in states):
                return Change(ChangeKind.SOURCE_DEAD, f"its sources are dead; it was {before.value}", before, at)
            return None                         # dead already, and reported when it died
        if before is Verdict.UNREACHABLE:
            return None
        return Change(ChangeKind.SOURCE_FAILING, f"unreachable this run; it was {before.value}", before, at,
                      counts=False)
    if result.verdict is not before:
        edited = _edited_sources(result.sources, baseline)
        if edited:
            return Change(ChangeKind.TEXT_CHANGED,
                          f"{before.value} → {result.verdict.value}: the text of {', '.join(edited)} changed",
                          before, at)
        return Change(ChangeKind.VERDICT, f"{before.value} → {result.verdict.value}", before, at)
    best = result.evidence[0] if result.evidence else None
    old = baseline.evidence
    if best is not None and old is not None and (best.url, best.start, best.end) != (old.url, old.start, old.end):
        where = (f"now in {_host(best.url)}, was in {_host(old.url)}" if best.url != old.url
                 else f"now at characters {best.start}-{best.end}, was {old.start}-{old.end}")
        return Change(ChangeKind.EVIDENCE_MOVED, f"still {result.verdict.value}; the evidence moved: {where}",
                      before, at)
    return None


def _edited_sources(statuses: Sequence[SourceStatus], baseline: ClaimRecord) -> list[str]:
    """The sources read both times whose extracted text differs."""
    old = {s.url: s.text_hash for s in baseline.sources}
    return [_host(s.url) for s in statuses
            if s.text_hash is not None and old.get(s.url) is not None and old[s.url] != s.text_hash]


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.hostname or url


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment is not None else "?"
