"""``end_to_end``, ``memory`` and ``scale``: the ``factcheck verify`` command on many real pages.

Every run is a subprocess, its reference too, measured by wall time from start to exit
(``common.run_process``): ``verify`` reads a claims file of ``pages.make_claims`` whose
sources are on the local benchmark server (``server.py``, its own process).

* With 200 ms added to every response, ``verify`` against the faster of bare httpx and
  bare aiohttp downloading the same URLs at the same concurrency (``fetchers.py``).
* With no added latency, ``verify`` against ``trafilatura.extract`` over the same pages
  in one process (``extract_ref.py``), at concurrency 8, 16, 32 and 64.
* Memory: the whole process tree (``verify``, its forkserver and worker processes) is
  sampled for its summed RSS and PSS.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import (
    FACTCHECK,
    HERE,
    Context,
    ProcessRun,
    Table,
    Target,
    fmt_bytes,
    fmt_ratio,
    fmt_time,
    log,
    run_process,
)
from pages import make_claims, page_bytes, write_claims_file
from server import ServerProcess

VERDICTS = ("supported", "partial", "contradicted", "not_found", "unreachable")
LATENCY_MS = 200
SWEEP = (8, 16, 32, 64)
MAIN_CONCURRENCY = 16
PROFILE = HERE / "profile.txt"


@dataclass(frozen=True)
class VerifyRun:
    """One ``factcheck verify`` run and what its JSON report says."""

    process: ProcessRun
    claims: int
    """Claims in the report."""
    expected: int
    """Claims in the claims file."""
    verdicts: Counter[str]

    @property
    def seconds(self) -> float:
        return self.process.seconds

    @property
    def complete(self) -> bool:
        """Every claim of the file is in the report with a verdict of the closed set."""
        return self.claims == self.expected and sum(self.verdicts[v] for v in VERDICTS) == self.expected


def verify_args(claims: Path, concurrency: int) -> list[str]:
    """What follows ``factcheck verify`` in every benchmark run: a cold run (no HTTP cache,
    no stored findings, no history), as the first run of a night is (``cache`` measures
    the runs after it), with no pace per host (``--max-rate 0``): the one local host
    stands for hundreds of sites, and the bare clients it is compared with have none."""
    return [str(claims), "--format", "json", "--concurrency", str(concurrency), "--per-host", str(concurrency),
            "--quiet", "--no-cache", "--no-state", "--max-rate", "0"]


def verify_command(claims: Path, concurrency: int) -> list[str]:
    """The CLI as a user runs it (``python -m factcheck`` when the script is not installed)."""
    launcher = [str(FACTCHECK)] if FACTCHECK.exists() else [sys.executable, "-m", "factcheck"]
    return [*launcher, "verify", *verify_args(claims, concurrency)]


def run_verify(claims: Path, expected: int, concurrency: int, *, sample_tree: bool = False,
               command: list[str] | None = None, env: dict[str, str] | None = None) -> VerifyRun:
    """Run ``verify`` on ``claims`` and check its report."""
    process = run_process(command or verify_command(claims, concurrency),
                          env={"FACTCHECK_ALLOW_LOCAL": "1", **(env or {})}, sample_tree=sample_tree)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"factcheck verify failed ({process.returncode}): {process.stderr[-2000:]}")
    report = json.loads(process.stdout)
    verdicts = Counter(str(c.get("verdict")) for c in report["claims"])
    return VerifyRun(process, len(report["claims"]), expected, verdicts)


def run_script(script: str, *args: object) -> tuple[float, dict[str, Any]]:
    """Wall seconds of ``python benchmarks/SCRIPT ARGS`` and the JSON line it printed."""
    process = run_process([sys.executable, str(HERE / script), *(str(a) for a in args)])
    if process.returncode != 0:
        raise RuntimeError(f"{script} failed ({process.returncode}): {process.stderr[-2000:]}")
    return process.seconds, json.loads(process.stdout.strip().splitlines()[-1])


def prepare_claims(folder: Path, server: ServerProcess, per_page: int = 2) -> tuple[Path, int, Path]:
    """The claims file and URL list of ``server``'s pages, written in ``folder``."""
    claims = make_claims(server.pages, server.base, per_page)
    path = folder / f"claims-{server.pages}x{per_page}.yaml"
    write_claims_file(path, claims)
    urls = folder / f"urls-{server.pages}.txt"
    urls.write_text("\n".join(server.urls()))
    return path, len(claims), urls


def verdict_cells(run: VerifyRun) -> list[str]:
    return [str(run.verdicts[v]) for v in VERDICTS]


def run_end_to_end(ctx: Context) -> None:
    pages, repeats = (100, 1) if ctx.quick else (500, 3)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        folder = Path(tmp)
        latency_runs = _with_latency(ctx, folder, pages, repeats)
        sweep = _without_latency(ctx, folder, pages, repeats)
        _verdicts_table(ctx, pages, latency_runs, sweep)
        _profile(ctx, folder, pages)


def _with_latency(ctx: Context, folder: Path, pages: int, repeats: int) -> list[VerifyRun]:
    c = MAIN_CONCURRENCY
    runs: list[VerifyRun] = []
    bare: dict[str, list[tuple[float, float]]] = {"httpx": [], "aiohttp": []}
    with ServerProcess(pages, latency_ms=LATENCY_MS) as server:
        claims, expected, urls = prepare_claims(folder, server)
        for r in range(repeats):
            log(f"end_to_end: {LATENCY_MS} ms latency, repeat {r + 1} of {repeats}")
            runs.append(run_verify(claims, expected, c))
            for client in bare:
                wall, out = run_script("fetchers.py", client, c, urls)
                bare[client].append((wall, out["seconds"]))
    verify_time = statistics.median(r.seconds for r in runs)
    walls = {client: statistics.median(w for w, _ in v) for client, v in bare.items()}
    inner = {client: statistics.median(i for _, i in v) for client, v in bare.items()}
    reference = min(walls, key=walls.__getitem__)
    floor = pages * LATENCY_MS / 1000 / c
    table = Table(f"end_to_end: {2 * pages} claims over {pages} pages, {LATENCY_MS} ms added to every response, "
                  f"concurrency {c} (median of {repeats})",
                  ["run", "wall time", "of which fetching", "/ reference"])
    table.add(f"factcheck verify --concurrency {c} --per-host {c}", fmt_time(verify_time), "", fmt_ratio(
        verify_time / walls[reference]))
    for client in bare:
        table.add(f"bare {client}, same URLs, concurrency {c}" + (" (reference)" if client == reference else ""),
                  fmt_time(walls[client]), fmt_time(inner[client]), fmt_ratio(walls[client] / walls[reference]))
    table.notes.append(f"Every run is a fresh process timed from start to exit (interpreter and imports included); "
                       f"'of which fetching' is the time the bare client's download itself took. The latency "
                       f"floor is {pages} x {LATENCY_MS} ms / {c} = {floor:.2f} s. Target: verify / reference <= 1.3.")
    ctx.table(table)
    ratio = verify_time / walls[reference]
    ctx.target(Target("end_to_end", f"verify / bare {reference} with {LATENCY_MS} ms latency (c={c})", ratio, 1.3))
    ctx.figures["end_to_end_latency"] = {"pages": pages, "verify": [r.seconds for r in runs],
                                         "bare_wall": {k: [w for w, _ in v] for k, v in bare.items()},
                                         "bare_fetch": {k: [i for _, i in v] for k, v in bare.items()}}
    return runs


def _without_latency(ctx: Context, folder: Path, pages: int, repeats: int) -> dict[int, list[VerifyRun]]:
    sweep: dict[int, list[VerifyRun]] = {c: [] for c in SWEEP}
    reference: list[tuple[float, float]] = []
    with ServerProcess(pages) as server:
        claims, expected, _ = prepare_claims(folder, server)
        for r in range(repeats):
            log(f"end_to_end: no latency, repeat {r + 1} of {repeats}")
            wall, out = run_script("extract_ref.py", pages)
            reference.append((wall, out["seconds"]))
            for c in SWEEP:
                sweep[c].append(run_verify(claims, expected, c))
    ref_wall = statistics.median(w for w, _ in reference)
    ref_inner = statistics.median(i for _, i in reference)
    med = {c: statistics.median(r.seconds for r in runs) for c, runs in sweep.items()}
    table = Table(f"end_to_end: {2 * pages} claims over {pages} pages, no added latency (median of {repeats})",
                  ["run", "wall time", "of which extracting", "/ reference", "/ verify at c=16"])
    for c in SWEEP:
        table.add(f"factcheck verify --concurrency {c} --per-host {c}", fmt_time(med[c]), "",
                  fmt_ratio(med[c] / ref_wall), fmt_ratio(med[c] / med[MAIN_CONCURRENCY]))
    table.add(f"trafilatura.extract over the same {pages} pages, one process (reference)", fmt_time(ref_wall),
              fmt_time(ref_inner), "1.00x", fmt_ratio(ref_wall / med[MAIN_CONCURRENCY]))
    table.notes.append("Every run is a fresh process timed from start to exit. verify's server runs beside it on "
                       "the same 2 cores; the reference reads the pages from memory. Targets: verify at c=16 / "
                       "reference <= 1.5; more concurrency never slower than less.")
    ctx.table(table)
    ctx.target(Target("end_to_end", f"verify / trafilatura.extract alone, no latency (c={MAIN_CONCURRENCY})",
                      med[MAIN_CONCURRENCY] / ref_wall, 1.5))
    worst = max(((lo, hi) for i, lo in enumerate(SWEEP) for hi in SWEEP[i + 1:]),
                key=lambda pair: med[pair[1]] / med[pair[0]])
    ctx.target(Target("end_to_end", f"slowdown from more concurrency, worst (c={worst[1]} vs c={worst[0]}; 5% "
                      "allowed for noise)", med[worst[1]] / med[worst[0]], 1.05))
    ctx.figures["end_to_end_no_latency"] = {
        "pages": pages, "reference_wall": [w for w, _ in reference], "reference_extract": [i for _, i in reference],
        "verify": {str(c): [r.seconds for r in runs] for c, runs in sweep.items()}}
    ctx.cache["verify-no-latency"] = sweep[MAIN_CONCURRENCY]
    return sweep


def _verdicts_table(ctx: Context, pages: int, latency_runs: list[VerifyRun], sweep: dict[int, list[VerifyRun]]) -> None:
    table = Table(f"end_to_end: verdicts ({2 * pages} claims: a quote and a figure or statement per page)",
                  ["run", "claims", "with a verdict", *VERDICTS])
    rows = [(f"{LATENCY_MS} ms latency, c={MAIN_CONCURRENCY}", latency_runs[0]),
            *((f"no latency, c={c}", runs[0]) for c, runs in sweep.items())]
    complete = True
    for label, run in rows:
        complete &= run.complete
        table.add(label, run.expected, run.claims if run.complete else f"{run.claims} (INCOMPLETE)",
                  *verdict_cells(run))
    table.notes.append("Every claim is drawn verbatim from the page's article text (ground truth of the corpus), "
                       "so most should be supported; the rest show where extraction or matching differ.")
    ctx.table(table)
    ctx.target(Target("end_to_end", "every claim has a verdict (all runs)", float(complete), 1.0, "bool",
                      higher_is_better=True))
    ctx.figures["end_to_end_verdicts"] = {label: dict(run.verdicts) for label, run in rows}


def _profile(ctx: Context, folder: Path, pages: int) -> None:
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        log("end_to_end: pyinstrument is not installed; no profile")
        return
    c = MAIN_CONCURRENCY
    summary = folder / "profile.json"
    workers = folder / "worker-profiles"
    workers.mkdir()
    with ServerProcess(pages) as server:
        claims, expected, _ = prepare_claims(folder, server)
        log("end_to_end: profiling one run")
        command = [sys.executable, str(HERE / "profile_verify.py"), str(PROFILE), str(summary),
                   *verify_args(claims, c)]
        run = run_verify(claims, expected, c, command=command,
                         env={"PYTHONPATH": f"{HERE / 'profiling'}", "FACTCHECK_BENCH_PROFILE_DIR": str(workers)})
    data = json.loads(summary.read_text())
    table = Table(f"end_to_end: where the time goes (pyinstrument, one run at c={c}, no latency; profiled wall "
                  f"{data['wall']:.2f} s)", ["stage", "main process", "workers (summed)"])
    for stage in data["main"]:
        main, work = data["main"][stage], data["workers"][stage]
        if main or work:
            table.add(stage, fmt_time(main) if main else "", fmt_time(work) if work else "")
    table.notes.append(f"Seconds inside each stage's outermost frames; workers: {data['worker_processes']} worker "
                       f"processes and {data['thread_work_items']} work items run in threads, summed over all of "
                       f"them ({fmt_time(data['workers_total'])} in all, waiting included). Sampling slows the run: "
                       f"compare stages with each other, not with the unprofiled times. Full profile: "
                       f"benchmarks/{PROFILE.name}.")
    ctx.table(table)
    ctx.figures["profile"] = {**data, "verdicts": dict(run.verdicts)}


def _memory_row(table: Table, label: str | None, pages: int, run: VerifyRun, pad: int = 0) -> dict[str, float]:
    tree = run.process.tree
    assert tree is not None
    served = page_bytes(pages, pad=pad)
    first = [label] if label is not None else []
    table.add(*first, pages, run.claims, fmt_bytes(served), fmt_time(run.seconds), fmt_time(tree.cpu_seconds),
              fmt_bytes(tree.peak_pss),
              fmt_bytes(tree.peak_rss), fmt_bytes(tree.peak_of("main")), fmt_bytes(tree.peak_of("worker")),
              tree.peak_processes)
    return {"sources": pages, "pad": pad, "claims": run.claims, "served": served, "seconds": run.seconds,
            "peak_pss": tree.peak_pss, "peak_rss_sum": tree.peak_rss, "main_peak": tree.peak_of("main"),
            "worker_peak": tree.peak_of("worker"), "process_peaks": list(tree.peaks.values()),
            "processes": tree.peak_processes, "cpu_seconds": tree.cpu_seconds}


MEMORY_COLUMNS = ["sources", "claims", "raw bytes served", "wall time", "CPU time", "peak PSS (all processes)",
                  "peak RSS (summed)", "verify process peak", "largest worker peak", "processes"]


def run_memory(ctx: Context) -> None:
    """Peaks for N sources; for 4N sources cited by the same claims (each claim cites its
    own page and three others), so only the raw bytes grow; for 4N sources with four
    times the claims; and for N sources whose pages carry so much unseen markup that as
    many bytes are served as for 4N (the bound by concurrency x page size)."""
    small_n, large_n = (100, 400) if ctx.quick else (500, 2000)
    pad = round((page_bytes(large_n) - page_bytes(small_n)) / small_n)
    table = Table(f"memory: peak memory of verify (no latency, concurrency {MAIN_CONCURRENCY})",
                  ["run", *MEMORY_COLUMNS])
    runs = {
        "base": (f"{small_n} pages, 2 claims each", small_n, 0, 1),
        "more sources": (f"{large_n} pages, the same claims citing 4 pages each", large_n, 0, large_n // small_n),
        "more claims": (f"{large_n} pages, 2 claims each", large_n, 0, 0),
        "bigger pages": (f"{small_n} pages padded by {fmt_bytes(pad)}, 2 claims each", small_n, pad, 1),
    }
    rows = {}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        for key, (label, pages, padding, cite) in runs.items():
            with ServerProcess(pages, pad=padding) as server:
                if cite > 1:
                    claims, expected = _claims_citing(Path(tmp), server, small_n, cite)
                else:
                    claims, expected, _ = prepare_claims(Path(tmp), server)
                log(f"memory: {label}")
                run = run_verify(claims, expected, MAIN_CONCURRENCY, sample_tree=True)
            rows[key] = _memory_row(table, label, pages, run, padding)
    base, more = rows["base"], rows["more sources"]
    per_byte = (more["peak_pss"] - base["peak_pss"]) / (more["served"] - base["served"])
    claims_growth = rows["more claims"]["peak_pss"] - more["peak_pss"]
    extra_claims = rows["more claims"]["claims"] - more["claims"]
    bigger = rows["bigger pages"]
    table.notes.append(
        f"The process tree (verify, its forkserver and worker processes) sampled every 50 ms (CPU time: summed "
        f"over them; the server's is not included): PSS shares each "
        f"page among the processes that map it, so its sum is the tree's real footprint; the RSS sum counts "
        f"shared pages once per process; the process peaks are each process's own peak RSS (VmHWM). "
        f"Same claims, four times the sources: {fmt_bytes(more['served'] - base['served'])} more raw bytes "
        f"move the peak PSS by {fmt_bytes(more['peak_pss'] - base['peak_pss'])}, {per_byte:.3f} byte per byte "
        f"served. Four times the claims on top: {fmt_bytes(claims_growth)} more, "
        f"{fmt_bytes(claims_growth / extra_claims)} per claim (the results kept for the report). Pages "
        f"{fmt_bytes(pad)} bigger: {fmt_bytes(bigger['peak_pss'] - base['peak_pss'])} more, the sources in hand "
        f"at once (at most concurrency + 2 per worker) being bigger. Targets: at most 400 MB for {small_n} "
        f"sources; the peak does not grow with the raw bytes fetched (under 0.1 byte per byte served).")
    ctx.table(table)
    ctx.figures["memory"] = rows
    if not ctx.quick:
        ctx.target(Target("memory", "peak PSS of verify, 500 sources", base["peak_pss"] / 1e6, 400, " MB"))
    ctx.target(Target("memory", f"peak PSS growth per raw byte fetched ({small_n} -> {large_n} sources, same "
                      "claims)", per_byte, 0.1, ""))


def _claims_citing(folder: Path, server: ServerProcess, pages: int, cite: int) -> tuple[Path, int]:
    """Claims about the first ``pages`` pages, each citing its page and ``cite - 1`` others."""
    claims = make_claims(pages, server.base)
    for claim in claims:
        own = int(str(claim["id"]).split("-")[0][1:])
        claim["sources"] = [server.url(own + k * pages) for k in range(cite)]
    path = folder / f"claims-{pages}-citing-{cite}.yaml"
    write_claims_file(path, claims)
    return path, len(claims)


def run_scale(ctx: Context) -> None:
    if ctx.quick:
        log("scale: only in the full run")
        return
    pages, per_page = 2000, 5
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp, ServerProcess(pages) as server:
        claims, expected, _ = prepare_claims(Path(tmp), server, per_page)
        log(f"scale: {expected} claims over {pages} sources")
        run = run_verify(claims, expected, MAIN_CONCURRENCY, sample_tree=True)
    table = Table(f"scale: {expected} claims over {pages} sources ({per_page} per page, no latency, "
                  f"concurrency {MAIN_CONCURRENCY})", MEMORY_COLUMNS)
    figures = _memory_row(table, None, pages, run)
    ctx.table(table)
    verdicts = Table("scale: verdicts", ["claims", "with a verdict", *VERDICTS])
    verdicts.add(run.expected, run.claims if run.complete else f"{run.claims} (INCOMPLETE)", *verdict_cells(run))
    ctx.table(verdicts)
    ctx.figures["scale"] = {**figures, "verdicts": dict(run.verdicts), "complete": run.complete}
    ctx.target(Target("scale", f"{expected} claims: every one has a verdict", float(run.complete), 1.0, "bool",
                      higher_is_better=True))
