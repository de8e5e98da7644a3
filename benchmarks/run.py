"""factcheck's benchmarks: speed, memory and scale, each figure beside its reference in the same run.

    .venv/bin/python benchmarks/run.py                 # everything (about 10-15 minutes)
    .venv/bin/python benchmarks/run.py --quick         # smaller sizes (under 2 minutes)
    .venv/bin/python benchmarks/run.py --only matching fetch

Each benchmark prints its tables (Markdown, aligned: they read as plain text and paste
into benchmarks/README.md as they are), then a last table says which of the issue's
targets this run meets. Everything also goes to benchmarks/results.json (and the
profile of one end-to-end run to benchmarks/profile.txt). Progress goes to stderr.
See benchmarks/README.md for what each benchmark measures and how to read it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cache import run_cache
from bench_e2e import run_end_to_end, run_memory, run_scale
from bench_fetch import run_fetch
from bench_matching import run_matching, run_normalize
from bench_startup import run_startup
from common import HERE, REPO, Context, Table, fmt_time

BENCHMARKS: dict[str, Callable[[Context], None]] = {
    "matching": run_matching,
    "normalize": run_normalize,
    "fetch": run_fetch,
    "end_to_end": run_end_to_end,
    "memory": run_memory,
    "startup": run_startup,
    "scale": run_scale,
    "cache": run_cache,
}
"""Every benchmark, in the order they run."""

RESULTS = HERE / "results.json"


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    import factcheck

    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "factcheck": factcheck.__version__,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no", "--", "factcheck")),
    }


def targets_table(ctx: Context) -> Table:
    table = Table("targets of the issue: this run", ["benchmark", "figure", "measured", "target", "met", "margin"])
    for t in ctx.targets:
        table.add(t.benchmark, t.what, t.show(t.value), t.bound, "yes" if t.met else "NO", t.margin)
    missed = [t for t in ctx.targets if not t.met]
    table.notes.append(f"{len(ctx.targets) - len(missed)} of {len(ctx.targets)} targets met."
                       + (" Missed: " + "; ".join(f"{t.what} ({t.show(t.value)}, target {t.bound})" for t in missed)
                          if missed else ""))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes: the whole run in under 2 minutes")
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), metavar="NAME",
                        help=f"run only these benchmarks ({', '.join(BENCHMARKS)})")
    args = parser.parse_args()
    chosen = [name for name in BENCHMARKS if not args.only or name in args.only]

    ctx = Context(quick=args.quick)
    meta = machine()
    mode = "quick" if args.quick else "full"
    print(f"### factcheck benchmarks ({mode} run: {', '.join(chosen)})\n")
    print(f"{meta['date']}, factcheck {meta['factcheck']} at {meta['commit']}"
          f"{' with uncommitted changes' if meta['uncommitted_changes'] else ''}, Python {meta['python']}, "
          f"{meta['cores']} cores, {meta['platform']}\n", flush=True)
    durations: dict[str, float] = {}
    for name in chosen:
        print(f"### {name}\n", flush=True)
        start = time.perf_counter()
        BENCHMARKS[name](ctx)
        durations[name] = time.perf_counter() - start
        print(f"_{name} took {fmt_time(durations[name])}._\n", flush=True)

    summary = targets_table(ctx)
    print("### targets\n")
    print(summary.render(), end="\n\n")
    total = sum(durations.values())
    print(f"_Whole run: {fmt_time(total)} ({', '.join(f'{k} {fmt_time(v)}' for k, v in durations.items())})._")

    RESULTS.write_text(json.dumps({
        "meta": {**meta, "mode": mode, "benchmarks": chosen, "seconds": durations,
                 "command": " ".join([Path(sys.executable).name, *sys.argv])},
        "tables": [t.as_json() for t in [*ctx.tables, summary]],
        "targets": [{"benchmark": t.benchmark, "what": t.what, "value": t.value, "limit": t.limit, "unit": t.unit,
                     "met": t.met} for t in ctx.targets],
        "figures": ctx.figures,
    }, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"\n(written to {RESULTS.relative_to(REPO)})", file=sys.stderr)


if __name__ == "__main__":
    main()
