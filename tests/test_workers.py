"""The worker pool: results come back, a crash costs one job, a hang is cut."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from factcheck import workers as workers_module
from factcheck.workers import WorkerCrashed, Workers, default_workers
from tests import worker_jobs


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_default_workers_is_one_per_core_or_none() -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    assert default_workers() == (min(cores, 8) if cores > 1 else 0)


@pytest.mark.parametrize("processes", [0, 2])
def test_results_come_back_from_threads_and_processes(processes: int) -> None:
    async def main() -> list[int]:
        async with Workers(processes) as pool:
            return list(await asyncio.gather(*(pool.run(worker_jobs.square, n) for n in range(6))))

    assert run(main()) == [0, 1, 4, 9, 16, 25]


def test_a_job_that_kills_its_worker_fails_alone_and_the_others_finish() -> None:
    async def main() -> list[object]:
        async with Workers(2) as pool:
            jobs = [pool.run(worker_jobs.square, n) for n in range(4)]
            jobs.append(pool.run(worker_jobs.die, 0))
            return list(await asyncio.gather(*jobs, return_exceptions=True))

    results = run(main())
    assert results[:4] == [0, 1, 4, 9]
    assert isinstance(results[4], WorkerCrashed)
    assert "crashed the worker process twice" in str(results[4])


def test_a_job_that_hangs_is_stopped_at_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers_module, "WORK_TIMEOUT", 1.0)

    async def main() -> tuple[object, int]:
        async with Workers(1) as pool:
            hung = await asyncio.gather(pool.run(worker_jobs.sleep, 60), return_exceptions=True)
            after = await pool.run(worker_jobs.square, 3)     # the pool works again
            return hung[0], after

    started = time.monotonic()
    hung, after = run(main())
    assert isinstance(hung, WorkerCrashed) and "longer than 1 s" in str(hung)
    assert after == 9
    assert time.monotonic() - started < 30
