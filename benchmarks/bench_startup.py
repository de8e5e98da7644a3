"""``startup``: how long the command takes to show its help, against an empty interpreter."""

from __future__ import annotations

import os
import statistics
import sys

from common import FACTCHECK, Context, Table, Target, fmt_ratio, fmt_time, log, run_process

LIMIT = 0.3
"""Seconds the issue allows for ``factcheck --help`` and ``factcheck verify --help``."""


def run_startup(ctx: Context) -> None:
    repeats = 5 if ctx.quick else 10
    launcher = [str(FACTCHECK)] if FACTCHECK.exists() else [sys.executable, "-m", "factcheck"]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import factcheck'": [sys.executable, "-c", "import factcheck"],
        "factcheck --help": [*launcher, "--help"],
        "factcheck verify --help": [*launcher, "verify", "--help"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    log(f"startup: {repeats} rounds")
    for _ in range(repeats):                     # interleaved: a noisy moment hits every command alike
        for name, command in commands.items():
            run = run_process(command, env={"COLUMNS": "100"})
            if run.returncode != 0:
                raise RuntimeError(f"{name} failed: {run.stderr[-1000:]}")
            times[name].append(run.seconds)
    med = {name: statistics.median(t) for name, t in times.items()}
    base = med["python -c pass"]
    table = Table(f"startup: wall time of a fresh process (median of {repeats})",
                  ["command", "median", "fastest", "minus python -c pass", "/ python -c pass"])
    for name in commands:
        table.add(name, fmt_time(med[name]), fmt_time(min(times[name])), fmt_time(med[name] - base),
                  fmt_ratio(med[name] / base))
    table.notes.append(f"python is {os.path.abspath(sys.executable)}. Target: factcheck --help and factcheck "
                       f"verify --help under {LIMIT} s.")
    ctx.table(table)
    ctx.figures["startup"] = {"seconds": times}
    for name in ("factcheck --help", "factcheck verify --help"):
        ctx.target(Target("startup", name, med[name], LIMIT, " s"))
