"""``cache``: a second run over unchanged sources, against the first (issue #6).

500 pages (100 in ``--quick``) from the local server with 50 ms added to every response,
1,000 claims, ``factcheck verify --concurrency 16 --per-host 16`` with an HTTP cache and
a history in a fresh temporary folder: a first run (empty cache), then second runs.
Two kinds of server, as news sites are:

- **fresh**: every page comes with an ETag, a Last-Modified and ``Cache-Control:
  max-age=600``: within ten minutes the cache answers without asking;
- **revalidated**: the same with ``max-age=0``: every source is asked again and answers
  ``304 Not Modified``.

And one ``--refresh`` run over the fresh server (every source asked again, findings
recomputed). Median of 3 for the second runs; the first run is one run by nature.
Target: **second run at least 5x faster than the first** (the fresh server).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench_e2e import MAIN_CONCURRENCY, VerifyRun, prepare_claims, run_verify, verdict_cells
from common import Context, Table, Target, fmt_ratio, fmt_time, log
from server import ServerProcess

LATENCY_MS = 50
FRESH_FOR = 600


def run_cache(ctx: Context) -> None:
    pages, repeats = (100, 1) if ctx.quick else (500, 3)
    table = Table(f"cache: {pages * 2} claims over {pages} pages, {LATENCY_MS} ms added to every response, "
                  f"concurrency {MAIN_CONCURRENCY}",
                  ["server", "run", "wall time", "/ first run", "requests", "304s", "supported", "other verdicts"])
    figures: dict[str, dict[str, float]] = {}
    for label, max_age in (("fresh (max-age=600)", FRESH_FOR), ("revalidated (max-age=0)", 0)):
        with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp, \
                ServerProcess(pages, latency_ms=LATENCY_MS, max_age=max_age) as server:
            folder = Path(tmp)
            claims, expected, _ = prepare_claims(folder, server)
            flags = ["--cache", str(folder / "cache.sqlite3"), "--state", str(folder / "history.sqlite3")]
            log(f"cache: {label}, first run")
            before = server.stats()
            first = _run(claims, expected, flags)
            first_counts = _delta(server.stats(), before)
            seconds = []
            runs: list[VerifyRun] = []
            before = server.stats()
            for n in range(repeats):
                log(f"cache: {label}, second run {n + 1} of {repeats}")
                runs.append(_run(claims, expected, flags))
                seconds.append(runs[-1].seconds)
            counts = _delta(server.stats(), before)
            second = statistics.median(seconds)
            _add(table, label, "first (empty cache)", first, first.seconds, first.seconds, first_counts, 1)
            _add(table, label, f"second (median of {repeats})", runs[-1], second, first.seconds, counts, repeats)
            figures[label] = {"first": first.seconds, "second": second}
            if max_age:
                log("cache: --refresh")
                before = server.stats()
                refreshed = _run(claims, expected, [*flags, "--refresh"])
                _add(table, label, "--refresh", refreshed, refreshed.seconds, first.seconds,
                     _delta(server.stats(), before), 1)
                figures[label]["refresh"] = refreshed.seconds
    table.notes.append(
        "Each run is a fresh process (start-up and imports included) with its own HTTP cache and history in a new "
        "temporary folder, shared by the runs of one server. Requests and 304s are counted by the server (per "
        "run). A second run reuses a source's stored findings when its bytes and the claims citing it are "
        "unchanged, so it does no extraction or matching either; --refresh asks every server again and "
        "recomputes. Target: a second run over unchanged sources at least 5x faster than the first.")
    ctx.table(table)
    ctx.figures["cache"] = figures
    fresh = figures["fresh (max-age=600)"]
    ctx.target(Target("cache", "second run / first run, unchanged fresh sources (speed-up)",
                      fresh["first"] / fresh["second"], 5.0, "x", higher_is_better=True))


def _run(claims: Path, expected: int, flags: list[str]) -> VerifyRun:
    from bench_e2e import verify_command

    command = [c for c in verify_command(claims, MAIN_CONCURRENCY) if c not in ("--no-cache", "--no-state")]
    run = run_verify(claims, expected, MAIN_CONCURRENCY, command=[*command, *flags])
    if not run.complete:
        raise RuntimeError("a cached run lost claims")
    return run


def _delta(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {key: after.get(key, 0) - before.get(key, 0) for key in ("requests", "not_modified")}


def _add(table: Table, server: str, label: str, run: VerifyRun, seconds: float, first: float,
         counts: dict[str, int], runs: int) -> None:
    cells = verdict_cells(run)
    table.add(server, label, fmt_time(seconds), fmt_ratio(seconds / first), counts["requests"] // runs,
              counts["not_modified"] // runs, cells[0], sum(int(c) for c in cells[1:]))
