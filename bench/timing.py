"""Timing shared by the bench scripts: medians of wall-clock and CPU time."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(fn: Callable[[], object], runs: int, warm_up: bool = False) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of `fn` over `runs` calls.

    CPU time tells the cost when other jobs share the machine; `warm_up` calls `fn` once
    first, untimed (imports, file cache).
    """
    if warm_up:
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)
