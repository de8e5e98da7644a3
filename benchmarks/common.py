"""What every benchmark shares: timing, subprocesses with their peak memory, tables, targets."""

from __future__ import annotations

import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
VENV_BIN = Path(sys.executable).parent
"""The interpreter's folder: run.py is run with the project's virtualenv python."""
FACTCHECK = VENV_BIN / "factcheck"


# --- timing --------------------------------------------------------------------------------


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_time(fn: Callable[[], object], repeats: int, budget: float | None = None) -> float:
    """Median seconds of ``repeats`` calls of ``fn``; fewer (at least 3) when ``budget``
    seconds would be exceeded."""
    times = [timed(fn)]
    while len(times) < repeats and (budget is None or sum(times) < budget or len(times) < 3):
        times.append(timed(fn))
    return statistics.median(times)


def fit_exponent(sizes: Sequence[float], times: Sequence[float]) -> float:
    """The slope of log(time) against log(size), by least squares: 1.0 is linear."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-12)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


# --- subprocesses --------------------------------------------------------------------------


@dataclass(frozen=True)
class ProcessRun:
    """One finished subprocess: what it printed, how long it took and its peak memory."""

    returncode: int
    seconds: float
    """Wall time from start to exit."""
    stdout: str
    stderr: str
    tree: TreeSample | None = None
    """The whole process tree's memory and CPU, when sampled."""


@dataclass
class TreeSample:
    """A process and its descendants (worker processes included), sampled while it ran."""

    peak_rss: int = 0
    """The largest sum of the processes' resident set sizes seen at one sample, bytes
    (pages shared between processes count once per process)."""
    peak_pss: int = 0
    """The largest sum of proportional set sizes (shared pages divided among their
    sharers): the tree's real footprint; 0 where /proc gives no smaps_rollup."""
    peak_processes: int = 0
    """The most processes seen at once."""
    peaks: dict[int, tuple[str, int]] = field(default_factory=dict)
    """Each process's role (``main``, ``forkserver``, ``resource_tracker``, ``worker``; any
    other child of the main process is a ``child``, and a child's child a ``worker``)
    and own peak RSS (VmHWM: exact, not sampled), bytes."""
    cpu_seconds: float = 0.0
    """User plus system CPU time over all processes seen (as of their last sample)."""
    samples: int = 0
    _cpu: dict[int, float] = field(default_factory=dict)

    def peak_of(self, role: str) -> int:
        """The largest own peak of the processes of ``role``."""
        return max((peak for r, peak in self.peaks.values() if r == role), default=0)

    def sample(self, root: int) -> None:
        pids = _descendants(root)
        rss = pss = 0
        for pid, parent in pids:
            rss += _rss(pid)
            pss += _pss(pid)
            hwm = _hwm(pid)
            if hwm:
                role = self.peaks[pid][0] if pid in self.peaks else _role(pid, parent, root)
                self.peaks[pid] = (role, max(hwm, self.peaks.get(pid, ("", 0))[1]))
            cpu = _cpu(pid)
            if cpu is not None:
                self._cpu[pid] = cpu
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_processes = max(self.peak_processes, len(pids))
        self.cpu_seconds = sum(self._cpu.values())
        self.samples += 1


_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        data = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return data[data.rfind(")") + 2:].split()      # after "pid (comm) ": state, ppid, ...


def _descendants(root: int) -> list[tuple[int, int]]:
    """``root`` and every process below it, each with its parent's pid."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    out, stack = [], [(root, 0)]
    while stack:
        pid, parent = stack.pop()
        out.append((pid, parent))
        stack.extend((child, pid) for child in children.get(pid, ()))
    return out


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _role(pid: int, parent: int, root: int) -> str:
    """What a process of the tree is: workers are forked from the forkserver, whose
    command line they keep; the forkserver and resource tracker are the root's children."""
    if pid == root:
        return "main"
    if parent != root:
        return "worker"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "child"
    for role in (b"forkserver", b"resource_tracker"):
        if role in command:
            return role.decode()
    return "child"


def _hwm(pid: int) -> int:
    """The process's own peak RSS (VmHWM: of its address space since its last exec)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _cpu(pid: int) -> float | None:
    fields = _stat_fields(pid)
    if not fields or fields[0] == "Z":
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS          # utime, stime


def run_process(command: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
                timeout: float = 3600, sample_tree: bool = False, interval: float = 0.05) -> ProcessRun:
    """Run ``command`` to its end, stdout and stderr kept in temporary files.

    With ``sample_tree``, the process and all its descendants (worker processes) are
    sampled every ``interval`` seconds for their summed memory and CPU. Memory is read
    from /proc, not from ``ru_maxrss``: Linux keeps a process's ``maxrss`` across
    ``execve``, so a child started by this (large) process would report this process's
    size as its own peak.
    """
    with tempfile.TemporaryFile("w+b") as out, tempfile.TemporaryFile("w+b") as err:
        full_env = {**os.environ, **(env or {})}
        tree = TreeSample() if sample_tree else None
        start = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   env=full_env, cwd=cwd)
        deadline = start + timeout
        next_sample = start
        while True:
            pid, status = os.waitpid(process.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if now > deadline:
                process.kill()
                pid, status = os.waitpid(process.pid, 0)
                break
            if tree is not None and now >= next_sample:
                tree.sample(process.pid)
                next_sample = now + interval
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ProcessRun(process.returncode, seconds, out.read().decode("utf-8", "replace"),
                          err.read().decode("utf-8", "replace"), tree)


# --- tables and targets --------------------------------------------------------------------


@dataclass
class Table:
    """A titled table of figures, printed as aligned Markdown (readable as plain text)."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])

    def render(self) -> str:
        widths = [max(len(self.columns[i]), *(len(r[i]) for r in self.rows)) if self.rows else len(self.columns[i])
                  for i in range(len(self.columns))]
        numeric = [bool(self.rows) and all(_looks_numeric(r[i]) for r in self.rows) for i in range(len(self.columns))]

        def line(cells: Sequence[str]) -> str:
            return "| " + " | ".join(c.rjust(w) if num else c.ljust(w)
                                     for c, w, num in zip(cells, widths, numeric, strict=True)) + " |"

        rule = "|" + "|".join(("-" * (w + 1) + ":") if num else ("-" * (w + 2))
                              for w, num in zip(widths, numeric, strict=True)) + "|"
        out = [f"#### {self.title}", "", line(self.columns), rule, *(line(r) for r in self.rows)]
        if self.notes:
            out.append("")
            out.extend(self.notes)
        return "\n".join(out)

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "columns": self.columns, "rows": self.rows, "notes": self.notes}


def _looks_numeric(cell: str) -> bool:
    """Whether a cell is a figure (right-aligned): it starts with a number, or is empty."""
    cell = cell.strip()
    return cell in ("", "-", "n/a") or _NUMBER_START.match(cell) is not None


_NUMBER_START = re.compile(r"[-+]?[\d.,]*\d")


@dataclass(frozen=True)
class Target:
    """A figure the issue sets a bound on, and whether this run meets it."""

    benchmark: str
    what: str
    value: float
    limit: float
    unit: str = "x"
    higher_is_better: bool = False

    @property
    def met(self) -> bool:
        if math.isnan(self.value):
            return False
        return self.value >= self.limit if self.higher_is_better else self.value <= self.limit

    @property
    def margin(self) -> str:
        """How far from the bound, as a factor of it."""
        if self.unit == "bool" or math.isnan(self.value) or not self.limit:
            return "-"
        return f"{self.value / self.limit:.2f} of limit"

    def show(self, value: float) -> str:
        if self.unit == "bool":
            return "yes" if value else "no"
        if self.unit == "x":
            return f"{value:.2f}x"
        if self.unit == " s":
            return f"{value:.3f} s"
        if self.unit in (" quotes", " MB"):
            return f"{value:.0f}{self.unit}"
        return f"{value:.3g}{self.unit}"

    @property
    def bound(self) -> str:
        if self.unit == "bool":
            return "yes"
        return (">= " if self.higher_is_better else "<= ") + self.show(self.limit)


@dataclass
class Context:
    """What a benchmark is given: the mode, and where its tables, figures and targets go."""

    quick: bool
    tables: list[Table] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)
    """Runs that a later benchmark may reuse (the 500-source verify of ``end_to_end`` for ``memory``)."""

    def table(self, table: Table) -> Table:
        """Record ``table`` and print it at once (a long run shows progress)."""
        self.tables.append(table)
        print(table.render(), end="\n\n", flush=True)
        return table

    def target(self, target: Target) -> None:
        self.targets.append(target)


def log(message: str) -> None:
    """Progress on stderr, so that stdout holds only the tables."""
    print(f"  .. {message}", file=sys.stderr, flush=True)


# --- formatting ----------------------------------------------------------------------------


def fmt_time(seconds: float) -> str:
    """A duration with a unit that keeps three significant figures."""
    if math.isnan(seconds):
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def fmt_ratio(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f}x"


def fmt_bytes(n: float) -> str:
    if n >= 1e9:
        return f"{n / 1e9:.2f} GB"
    if n >= 1e6:
        return f"{n / 1e6:.1f} MB"
    if n >= 1e3:
        return f"{n / 1e3:.1f} KB"
    return f"{n:.0f} B"


def fmt_pct(part: int, whole: int) -> str:
    return "-" if not whole else f"{100 * part / whole:.0f}% ({part}/{whole})"
