"""Claims in, a Report out: the one place fetching, extraction, matching and verdicts meet.

Every distinct source is fetched once per run, however many claims cite it. As soon as
its bytes arrive, one job (``sourcecheck.check_source``) extracts its text and checks
every claim that cites it, in a worker process while other downloads go on; only the
findings come back, and the bytes and indexes are dropped. When every source is done,
``verdicts.decide`` gives each claim its verdict.

Memory stays flat however many sources a run has: a source takes one of a bounded number
of places before it is fetched and gives it back once checked, so downloads cannot run
ahead of the workers and pile up bodies waiting for them (``_places``). Sources are taken
round-robin over hosts, so a file citing one site fifty times does not fill every place
with requests queued behind that site's per-host limit.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import chain, zip_longest
from pathlib import Path
from urllib.parse import urlsplit

from factcheck._version import __version__
from factcheck.errors import StateError
from factcheck.fetch import Fetcher, FetchOptions, FetchResult
from factcheck.model import Claim, ClaimResult, ClaimsFile, Evidence, Report, SourceRef, SourceStatus
from factcheck.outcome import SourceOutcome, TextCheck
from factcheck.state import DeadPolicy, History, annotate
from factcheck.state.findings import FindingsStore, job_key
from factcheck.verdicts import SourceCheck, decide
from factcheck.workers import MIN_JOBS_FOR_PROCESSES, WorkerCrashed, Workers, default_workers

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, source)`` each time a source has been read."""


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; the CLI fills it from flags."""

    fetch: FetchOptions = field(default_factory=FetchOptions)
    workers: int | None = None
    """Worker processes for extraction and matching; None: one per core; 0: none."""
    state: Path | None = None
    """The run history to compare with and record into (None: keep none)."""
    dead: DeadPolicy = field(default_factory=DeadPolicy)
    """When a source that keeps failing is called dead."""
    findings: Path | None = None
    """Where sources' outcomes are kept for reuse while their bytes and claims do not
    change (``state/findings.py``); None: every source is read afresh."""


def verify(files: Sequence[ClaimsFile], options: Options | None = None,
           progress: ProgressCallback | None = None) -> Report:
    """Check every claim of ``files`` against its sources (blocking)."""
    done: list[Report] = []

    async def main() -> None:
        # The Report is not the main task's result: on Python 3.11, asyncio.run formats
        # the task's repr (result included, in full) when it restores the SIGINT
        # handler, which for ten thousand claims is a 100 MB string built for nothing.
        done.append(await run(files, options or Options(), progress))

    asyncio.run(main())
    return done[0]


async def run(files: Sequence[ClaimsFile], options: Options,
              progress: ProgressCallback | None = None) -> Report:
    """Check every claim of ``files`` against its sources."""
    started = datetime.now(UTC)
    claims = [claim for f in files for claim in f.claims]
    citing: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for key, claim in enumerate(claims):
        for target in dict.fromkeys(ref.target for ref in claim.sources):
            citing[target].append((key, claim))
    outcomes = await _check_sources(citing, options, progress)
    results = tuple(result_of(key, claim, outcomes) for key, claim in enumerate(claims))
    extra = {} if options.fetch.robots else {"robots": "not honoured (--ignore-robots)"}
    report = Report(files=tuple(files), results=results, started=started, finished=datetime.now(UTC),
                    version=__version__, extra=extra)
    if options.state is not None:
        report = await asyncio.to_thread(remember, report, options.state, options.dead)
    return report


def remember(report: Report, state: Path, dead: DeadPolicy) -> Report:
    """Compare ``report`` with the history at ``state`` and record it there.

    A history that cannot be used costs the comparison, not the run: the report comes
    back uncompared, with the reason in ``extra["history"]``.
    """
    claims = [r.claim for r in report.results]
    try:
        with History(state) as history:
            baselines = history.baselines(claims, before=report.started)
            failures = history.failures((s.target for c in claims for s in c.sources), before=report.started)
            compared = annotate(report, baselines, failures, dead)
            history.record(compared)
    except StateError as e:
        log.warning("%s", e.message)
        return replace(report, extra={**report.extra, "history": f"not kept: {e.message}"})
    return compared


async def _check_sources(citing: dict[str, list[tuple[int, Claim]]], options: Options,
                         progress: ProgressCallback | None) -> dict[str, SourceOutcome]:
    total = len(citing)
    processes = options.workers if options.workers is not None else default_workers()
    if total < MIN_JOBS_FOR_PROCESSES and options.workers is None:
        processes = 0
    outcomes: dict[str, SourceOutcome] = {}
    done = 0
    places = asyncio.Semaphore(_places(options.fetch, processes))
    store = FindingsStore(options.findings) if options.findings is not None else None
    async with Fetcher(options.fetch) as fetcher, Workers(processes, preload=("factcheck.sourcecheck",)) as workers:
        workers.start()

        async def one(target: str) -> None:
            nonlocal done
            async with places:
                fetched = await fetcher.fetch(target)
                outcomes[target] = await _check(workers, fetched, citing[target], store)
            done += 1
            if progress is not None:
                progress(done, total, target)

        try:
            await asyncio.gather(*(one(t) for t in interleave_hosts(citing)))
        finally:
            if store is not None:
                store.close()
    return outcomes


def _places(fetch: FetchOptions, processes: int) -> int:
    """Sources between their fetch and the end of their check, at most: every request
    slot busy, plus a job running and one queued per worker."""
    return fetch.concurrency + 2 * max(processes, 1)


def interleave_hosts(targets: Iterable[str]) -> list[str]:
    """``targets`` reordered round-robin over their hosts, each host's in their order."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for target in targets:
        by_host[urlsplit(target).hostname or target].append(target)
    return [t for t in chain.from_iterable(zip_longest(*by_host.values())) if t is not None]


async def _check(workers: Workers, fetched: FetchResult, citing: list[tuple[int, Claim]],
                 store: FindingsStore | None) -> SourceOutcome:
    """The source's outcome, computed (in a worker) or reused from ``store``.

    The job numbers the citing claims 0, 1, ... (so that an outcome stored for one run
    fits another where the claims have other places in the file); their run keys are
    put back here.
    """
    claims = [(n, claim) for n, (_, claim) in enumerate(citing)]
    key = job_key(fetched, [claim for _, claim in citing]) if store is not None else None
    outcome = store.get(key) if store is not None and key is not None else None
    if outcome is not None:
        outcome = replace(outcome, target=fetched.target, status=fetched.status, final_url=fetched.final_url,
                          content_type=fetched.content_type)
    elif not fetched.ok:                    # nothing to read: no need for a worker
        outcome = SourceOutcome(target=fetched.target, status=fetched.status, final_url=fetched.final_url,
                                content_type=fetched.content_type, error=fetched.error or "no content")
    else:
        from factcheck.sourcecheck import check_source  # the extractors: imported when first needed

        try:
            outcome = await workers.run(check_source, fetched, claims)
        except WorkerCrashed as e:
            log.warning("%s: the text extractor failed: %s", fetched.target, e)
            return SourceOutcome(target=fetched.target, status=fetched.status, final_url=fetched.final_url,
                                 content_type=fetched.content_type,
                                 error=f"the text extractor failed on it ({e})")
        if store is not None and key is not None:
            store.put(key, outcome)
    return replace(outcome, checks=tuple((citing[n][0], checks) for n, checks in outcome.checks))


def result_of(key: int, claim: Claim, outcomes: dict[str, SourceOutcome]) -> ClaimResult:
    """The verdict on one claim from what each of its sources gave."""
    checks = []
    evidence_of: dict[int, tuple[Evidence, ...]] = {}
    for ref in claim.sources:
        outcome = outcomes[ref.target]
        text_checks: tuple[TextCheck, ...] = outcome.checks_of(key) if outcome.error is None else ()
        for check in text_checks:
            evidence_of[id(check.finding)] = tuple(replace(e, url=ref.ref) for e in check.evidence)
        checks.append(SourceCheck(ref, _status(ref, outcome), tuple(c.finding for c in text_checks)))
    decision = decide(claim.kind, checks)
    evidence = tuple(item for _check, finding in decision.evidence for item in evidence_of[id(finding)])
    return ClaimResult(claim=claim, verdict=decision.verdict, reason=decision.reason, evidence=evidence,
                       sources=tuple(c.status for c in checks), score=decision.score)


def _status(ref: SourceRef, outcome: SourceOutcome) -> SourceStatus:
    return SourceStatus(url=ref.ref, status=outcome.status, error=outcome.error, final_url=outcome.final_url,
                        content_type=outcome.content_type, note=ref.note, warning=outcome.warning,
                        text_hash=outcome.text_hash)
