"""Profiles every ``ProcessPoolExecutor`` worker of a run, for ``profile_verify.py`` only.

This folder is put on ``PYTHONPATH`` for the profiled run alone, so that every Python
process it starts (the forkserver, and so every worker forked from it) imports this
module at start-up. When ``FACTCHECK_BENCH_PROFILE_DIR`` is set, it wraps
``concurrent.futures.process._process_worker`` (the loop a pool's worker runs) in a
pyinstrument profiler and saves the worker's session there when the loop ends. The
wrapper keeps the original's module and name, so the parent pickles it by reference
as before and each worker unpickles this wrapper. Time a worker spends waiting for
work appears under ``Queue.get``.
"""

from __future__ import annotations

import os

_DIR = os.environ.get("FACTCHECK_BENCH_PROFILE_DIR")

if _DIR:
    import concurrent.futures.process as _process
    import functools
    from typing import Any

    _original = _process._process_worker

    @functools.wraps(_original)
    def _process_worker(*args: Any, **kwargs: Any) -> None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001, async_mode="disabled")
        profiler.start()
        try:
            _original(*args, **kwargs)
        finally:
            session = profiler.stop()
            session.save(os.path.join(_DIR, f"worker-{os.getpid()}.pyisession"))

    _process._process_worker = _process_worker
