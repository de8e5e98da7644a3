"""Running CPU-bound work beside the network: worker processes, or the calling process.

Extraction (trafilatura) and matching are CPU-bound Python, so threads cannot use a
second core; and trafilatura crashes when called from several threads at once
(adbar/trafilatura#840). Worker processes give both cores to the work and contain
a crash or a hang to one source: a dead worker breaks the pool, which is rebuilt and
the source retried once, then reported; a source that takes longer than
``WORK_TIMEOUT`` has its pool's processes stopped.

Small runs skip the pool: starting it costs more than their work.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

WORK_TIMEOUT = 120.0
"""Seconds one source's extraction and matching may take before its worker is stopped."""
MIN_JOBS_FOR_PROCESSES = 8
"""Below this many sources to read, the work runs in the calling process."""


def default_workers() -> int:
    """Worker processes by default: one per core (at most 8), none on a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, 8) if cores > 1 else 0


class WorkerCrashed(Exception):
    """The work crashed its process twice (or ran out of time): the input is to blame."""


class Workers:
    """Runs ``function(*args)`` in worker processes (``processes`` > 0) or in a thread."""

    def __init__(self, processes: int, preload: tuple[str, ...] = ()) -> None:
        self.processes = processes
        self._preload = preload
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> Workers:
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def start(self) -> None:
        """Start the pool now (so that its start-up overlaps the first downloads)."""
        if self.processes > 0 and self._pool is None:
            self._pool = self._new_pool()

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """The result of ``function(*args)``; ``WorkerCrashed`` when it kills its worker twice."""
        if self.processes <= 0:
            return await asyncio.to_thread(function, *args)
        for attempt in (1, 2):
            self.start()
            pool, generation = self._pool, self._generation
            assert pool is not None
            try:
                future = asyncio.wrap_future(pool.submit(function, *args))
                return await asyncio.wait_for(future, WORK_TIMEOUT)
            except BrokenProcessPool:
                log.warning("a worker process died; restarting the pool (attempt %d)", attempt)
                await self._replace(generation)
            except TimeoutError:
                log.warning("work ran longer than %g s; stopping its worker processes", WORK_TIMEOUT)
                await self._replace(generation, kill=True)
                raise WorkerCrashed(f"took longer than {WORK_TIMEOUT:g} s") from None
        raise WorkerCrashed("crashed the worker process twice")

    async def _replace(self, generation: int, kill: bool = False) -> None:
        """Throw away the pool of ``generation`` (if nobody has yet) and start a new one."""
        async with self._lock:
            if generation != self._generation or self._pool is None:
                return
            old = self._pool
            if kill:
                # ProcessPoolExecutor cannot stop one worker (until Python 3.14's
                # terminate_workers): stop them all; jobs in flight are retried.
                for process in list(getattr(old, "_processes", {}).values()):
                    process.kill()
            old.shutdown(wait=False, cancel_futures=True)
            self._generation += 1
            self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        if sys.platform == "linux":
            # forkserver: workers are forked from a clean server process that imported the
            # heavy modules once, never from this process with its threads and event loop.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(list(self._preload))
        else:
            context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=self.processes, mp_context=context)


__all__ = ["MIN_JOBS_FOR_PROCESSES", "WORK_TIMEOUT", "WorkerCrashed", "Workers", "default_workers"]
