"""Measuring against a baseline of the same run: medians of whole processes or in-process repeats."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    name: str
    figure: float | None  # seconds, or MB for memory, or ms for latency
    baseline: float | None
    unit: str
    target: str  # as the issue states it
    met: bool | None  # None when it could not be measured
    ratio: float | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def process_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **extra}
    return env


def run_process(args: Sequence[str], env: dict[str, str] | None = None, timeout: float = 600) -> tuple[float, int]:
    """Wall seconds and peak resident memory (kB) of one whole process."""
    wrapper = [sys.executable, "-c", _MEASURE, *args]
    done = subprocess.run(wrapper, capture_output=True, text=True, env=env or process_env(), timeout=timeout,
                          cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    seconds, peak_kb = done.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(peak_kb)


# Times the child alone (not this wrapper's own start) and reads the child's peak RSS from the kernel.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
child = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - started
if child.returncode:
    sys.exit(child.returncode)
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def median_process(args: Sequence[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, int]:
    results = [run_process(args, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]
