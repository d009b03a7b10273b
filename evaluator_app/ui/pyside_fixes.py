"""Guards against known defects of the installed PySide6, applied when the window's package is first imported.

PySide6 6.12.0 (abi3 wheels) returns None, True and False without taking a reference to them. From Python 3.12 on
these are immortal and nothing happens; on 3.11 every call of a void method (setText, update, QUndoStack.undo…) or
of a bool one (hasIndex, isVisible…) drops one reference that was never taken, and after a few thousand calls
Python aborts with "none_dealloc: deallocating None" (or bool_dealloc), during work or at exit. Python 3.12 made
these objects immortal for this kind of reason; on 3.11 we give each a reference count no session can exhaust,
and only when the defect is measured, so a fixed PySide6 is left alone.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

_PROBE_CALLS = 16
_RESERVE = 1 << 40  # one missing reference per void call: a session makes nowhere near 10^12 of them


def _drops_references(singleton: object, call: Callable[[], object]) -> bool:
    before = sys.getrefcount(singleton)
    for _ in range(_PROBE_CALLS):
        call()  # the result is discarded at once: a correct binding leaves the count unchanged
    return before - sys.getrefcount(singleton) >= _PROBE_CALLS


def leaky_singletons() -> list[object]:
    """Which of None, True and False the installed PySide6 returns without a reference (measured)."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        pinged = Signal()

    probe = Probe()
    probes: list[tuple[object, Callable[[], object]]] = [
        (None, lambda: probe.setObjectName("probe")),  # a void method
        (True, probe.pinged.emit),  # SignalInstance.emit returns True
        (False, probe.isWidgetType),
    ]
    return [singleton for singleton, call in probes if _drops_references(singleton, call)]


def guard_singleton_refcounts() -> list[object]:
    """Make None, True and False practically immortal if PySide6 drops references to any of them.

    All three are guarded once one leaks: the same binding defect can reach the others through paths no probe
    covers (the profiler found bool results leaking where the probes above did not).
    """
    if sys.version_info >= (3, 12) or not leaky_singletons():
        return []
    guarded: list[object] = [None, True, False]
    for singleton in guarded:
        # ob_refcnt is the first field of every object (Py_ssize_t) in CPython's non-debug builds.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    return guarded


GUARDED = guard_singleton_refcounts()
