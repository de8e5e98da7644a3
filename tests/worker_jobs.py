"""Jobs for tests/test_workers.py: module-level, so worker processes can import them."""

from __future__ import annotations

import os
import time


def square(n: int) -> int:
    return n * n


def die(_: int) -> int:
    os._exit(3)                 # what a segfault in a C extension looks like to the pool


def sleep(seconds: float) -> int:
    time.sleep(seconds)
    return 0
