"""Drawing papers on the machine's other cores (issue 16): a batch of reports draws its sealed snapshots in worker
processes while the batch's own process gathers and seals the next ones.

Drawing is a pure function of a paper's content, seal, digits and orientation (papers.render_paper), all plain
data that pickles; it is most of a report's time and holds the GIL, so threads would not help. Workers are started
with 'spawn', never 'fork': the window's process has Qt's threads and a fork would copy their locks mid-use. A
spawned worker imports only this package's drawing code (no Qt, no window, no argv parsing: the frozen app calls
multiprocessing.freeze_support() before anything else, packaging/entry_point.py).

A worker pays its start-up once (Python, reportlab, the fonts, the word list: 0.6-0.7 s of CPU each, issue 16's
round six), so small batches and one-core machines draw in the batch's own process as before.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..collector import collection_paused
from ..domain.thai_dates import Digits
from .seal import Seal
from .table_plan import Orientation

__all__ = ["DrawingPool", "pool_workers", "use_pool"]

# A batch this long or longer draws in worker processes: below it, starting them costs about what they would save.
POOL_FROM = 24
# More workers than this rarely pays on an office machine: the batch's own process gathers and seals one report
# at a time (about a third of a report's work), so it keeps three or four drawing workers busy at most.
MAX_WORKERS = 4


def pool_workers() -> int:
    """How many drawing workers a batch may start on this machine (1: draw in the batch's own process)."""
    try:
        cpus = len(os.sched_getaffinity(0))  # the cores this process may run on, not the machine's
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def use_pool(count: int) -> bool:
    """Whether a batch of `count` papers is worth drawing in worker processes."""
    return count >= POOL_FROM and pool_workers() >= 2


_drawn = 0  # papers this worker drew


def _draw(content: dict[str, Any], seal: Seal | None, digits: Digits, orientation: Orientation) -> Any:
    global _drawn
    from .papers import render_paper

    rendered = render_paper(content, seal, digits, orientation)
    _drawn += 1
    if _drawn == 1:
        # As a batch does in its own process (batch.py): what the first paper loaded, every paper shares; out of
        # the cyclic collector's reach, it is not walked again at each full pass (a tenth of a report).
        gc.collect()
        gc.freeze()
    return rendered


def _warm() -> None:
    """A worker's start: load what every paper needs (the drawing code, fonts, HarfBuzz faces, the word list)
    before the first one."""
    # Ctrl+C in a terminal reaches the whole process group: the batch's process stops the batch (and its
    # workers, by closing the pool); a worker printing its own KeyboardInterrupt traceback would only confuse.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # All of it lives as long as the worker: with the collector walking it again and again while it loads, a
    # worker started in 1.1-1.3 s of CPU; paused and set aside, in 0.6-0.7 s (issue 16, round six).
    with collection_paused():
        from . import papers  # noqa: F401  # what _draw imports, loaded here under the pause
        from .fonts import register_fonts
        from .thai_lines import segment_words

        register_fonts()
        segment_words("รายงานผลการประเมิน")
        gc.freeze()  # for good, before the collector runs again: its first pass would walk all of it
    # Freeing those tables one object at a time when the worker ends costs about 0.75 s of CPU, and the batch
    # waits for its workers to end; a worker holds no file or state that needs a tidy exit.
    atexit.register(_quick_exit)


def _quick_exit() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)


Draw = Callable[[dict[str, Any], Seal | None, Digits, Orientation], Any]


# What a worker runs for each paper: a module-level function (it is sent to the workers by name). Tests put one
# here that fails for a chosen paper, the only way to make a worker's drawing fail on purpose.
DRAW: Draw = _draw


class DrawingPool:
    """Worker processes that draw papers; started on the first `submit`, stopped by `close` (or `with`)."""

    def __init__(self, workers: int, draw: Draw | None = None):
        self.workers = workers
        self.draw = draw if draw is not None else DRAW
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, content: dict[str, Any], seal: Seal | None, digits: Digits,
               orientation: Orientation) -> Future[Any]:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_warm)
        return self._executor.submit(self.draw, content, seal, digits, orientation)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> DrawingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
