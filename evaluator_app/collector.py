"""A pause of Python's cyclic garbage collector around work that makes many long-lived objects at once.

The collector runs every so many allocations and, at its fuller passes, walks every object still alive. Work that
builds a large structure in one go (a package's ratings, newmm's word trie, a drawing worker's fonts and tables)
pays for it again and again while it builds: merging 17,000 ratings spent a sixth of its time there, and building
newmm's trie of 62,000 words half of its 0.6 s (issue 16). Nothing such work makes is a cycle that must go before
it ends; reference counting still frees as usual.

Outside every layer: the exchange and the reports both use it, and neither may import the other.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused"]


class _CollectionPause:
    """Nested or concurrent pauses (a merge on a worker thread) re-enable the collector after the last, and only if
    it was on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = True

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._was_enabled:
                    gc.enable()


collection_paused = _CollectionPause()
