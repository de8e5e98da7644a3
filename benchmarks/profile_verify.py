"""Profile one ``factcheck verify`` run with pyinstrument, in every thread and worker process.

pyinstrument samples only the thread it was started in, and ``verify`` does its
extraction and matching elsewhere: in worker processes (a ``ProcessPoolExecutor``) or,
for small runs, in worker threads (``asyncio.to_thread``). So the CLI runs under one
profiler on the main thread (the event loop: fetching, bookkeeping, output); each work
item given to a worker thread runs under a profiler of its own; and each worker process
is profiled by ``profiling/sitecustomize.py``, which must be on ``PYTHONPATH`` with
``FACTCHECK_BENCH_PROFILE_DIR`` naming an empty folder. The sessions of the workers are
combined. The JSON report goes to stdout as usual; the profile is written to OUT, and
the seconds spent in each stage (``STAGES``) to SUMMARY as JSON::

    PYTHONPATH=benchmarks/profiling FACTCHECK_BENCH_PROFILE_DIR=/tmp/p FACTCHECK_ALLOW_LOCAL=1 \\
        python benchmarks/profile_verify.py OUT SUMMARY claims.yaml --concurrency 16 ...
"""

from __future__ import annotations

import concurrent.futures.thread
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

from pyinstrument import Profiler
from pyinstrument.frame import Frame
from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session

INTERVAL = 0.001
"""Seconds between samples."""

STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    # stage: (function name, a fragment of its file's path) of the frames whose time it sums
    "extraction (all)": (("extract", "factcheck/extraction/__init__"),),
    "trafilatura.extract": (("extract", "trafilatura/core"),),
    "matching (find)": (("find", "factcheck/matching/__init__"),),
    "indexing (index_text)": (("index_text", "factcheck/matching/tokens"),),
    "fetching (Fetcher.fetch)": (("Fetcher.fetch", "factcheck/fetch/fetcher"),),
    "claims file (load_claims)": (("load_claims", "factcheck/claims"),),
    "output (render)": (("render", "factcheck/formats"),),
    "verdicts (result_of)": (("result_of", "factcheck/pipeline"),),
    "handing work to processes": (("Workers.run", "factcheck/workers"),),
    "waiting for work (workers)": (("get", "multiprocessing/queues"),),
}
"""The stages reported in SUMMARY; a stage's time is the sum over its outermost frames."""

_sessions: list[Session] = []
_lock = threading.Lock()
_run_work_item = concurrent.futures.thread._WorkItem.run


def _profiled_run(self: Any) -> None:
    """A worker thread's work item, under a profiler of its own."""
    profiler = Profiler(interval=INTERVAL, async_mode="disabled")
    profiler.start()
    try:
        _run_work_item(self)
    finally:
        session = profiler.stop()
        with _lock:
            _sessions.append(session)


def _combined(sessions: list[Session]) -> Session | None:
    if not sessions:
        return None
    combined = sessions[0]
    for session in sessions[1:]:
        combined = Session.combine(combined, session)
    return combined


def _worker_sessions() -> list[Session]:
    """The sessions the worker processes saved, once they have all been written: the
    pool is shut down without waiting, so its workers may still be saving."""
    folder = os.environ.get("FACTCHECK_BENCH_PROFILE_DIR")
    if not folder:
        return []
    found: list[Path] = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = sorted(Path(folder).glob("worker-*.pyisession"))
        if now and now == found:
            break
        found = now
    sessions = []
    for path in found:
        try:
            sessions.append(Session.load(path))
        except (OSError, ValueError):            # a worker killed while saving
            continue
    return sessions


def _own_peak() -> int:
    """This process's peak RSS in bytes (VmHWM; ``ru_maxrss`` would include the size of
    the process that started this one, kept across ``execve``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def _name(frame: Frame) -> str:
    """``Class.method`` or ``function``, as pyinstrument shows it."""
    return f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function


def stage_times(session: Session | None) -> dict[str, float]:
    """Seconds of ``session`` spent in each of ``STAGES`` (0 where never seen)."""
    totals = dict.fromkeys(STAGES, 0.0)
    if session is None:
        return totals
    root = session.root_frame()
    if root is None:
        return totals

    def walk(frame: Frame, inside: frozenset[str]) -> None:
        here = set(inside)
        for stage, patterns in STAGES.items():
            if stage in inside:
                continue
            if any(name in (_name(frame), frame.function) and path in (frame.file_path or "")
                   for name, path in patterns):
                totals[stage] += frame.time
                here.add(stage)
        for child in frame.children:
            walk(child, frozenset(here))

    walk(root, frozenset())
    return totals


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit("usage: profile_verify.py OUT SUMMARY CLAIMS_FILE [verify options...]")
    out, summary = Path(sys.argv[1]), Path(sys.argv[2])
    argv = ["factcheck", "verify", *sys.argv[3:]]
    concurrent.futures.thread._WorkItem.run = _profiled_run  # type: ignore[method-assign]

    from factcheck.cli import main as factcheck_main

    sys.argv = argv
    main_profiler = Profiler(interval=INTERVAL, async_mode="enabled")
    start = time.perf_counter()
    main_profiler.start()
    status: object = 0
    try:
        factcheck_main()
    except SystemExit as e:
        status = e.code
    finally:
        main_session = main_profiler.stop()
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    processes = _worker_sessions()

    tree = ConsoleRenderer(unicode=False, color=False, time="seconds")
    flat = ConsoleRenderer(unicode=False, color=False, flat=True, flat_time="self")
    workers = _combined(_sessions + processes)
    parts = [
        f"factcheck verify under pyinstrument: {' '.join(argv[2:])}",
        f"wall {wall:.2f} s (profiled; slower than unprofiled), CPU {usage.ru_utime + usage.ru_stime:.2f} s "
        f"(user {usage.ru_utime:.2f} s, system {usage.ru_stime:.2f} s), "
        f"peak RSS of this process {_own_peak() / 1e6:.0f} MB, "
        f"exit status {status}",
        "",
        "=" * 100,
        "MAIN THREAD: the event loop (fetching, matching, verdicts, output); [await] is time spent waiting",
        "=" * 100,
        tree.render(main_session),
        "=" * 100,
        f"WORKERS: {len(processes)} worker processes and {len(_sessions)} work items run in threads (extraction, "
        "matching), summed; in processes, time waiting for work is under _process_worker > Queue.get",
        "=" * 100,
        tree.render(workers) if workers else "(no work items)",
        "=" * 100,
        "WORKERS, flat: self time by function",
        "=" * 100,
        flat.render(workers) if workers else "(no work items)",
        "=" * 100,
        "MAIN THREAD, flat: self time by function",
        "=" * 100,
        flat.render(main_session),
    ]
    out.write_text("\n".join(parts), encoding="utf-8")
    summary.write_text(json.dumps({
        "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "worker_processes": len(processes),
        "thread_work_items": len(_sessions), "main": stage_times(main_session), "workers": stage_times(workers),
        "workers_total": workers.duration if workers else 0.0,
    }, indent=2), encoding="utf-8")
    sys.exit(status if isinstance(status, int) else 1)


if __name__ == "__main__":
    main()
