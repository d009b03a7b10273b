"""Guards against known defects of the installed PySide6, applied when the window's package is first imported.

PySide6 6.12.0 (abi3 wheels) returns None from void methods without taking a reference to it. From Python 3.12 on
None is immortal and nothing happens; on 3.11 every such call (setText, update, QUndoStack.undo…) drops one
reference that was never taken, and after a few thousand calls Python aborts with "none_dealloc: deallocating
None" — during work or at exit. Python 3.12 made None immortal for exactly this kind of reason; on 3.11 we give it
a reference count no session can exhaust, and only when the defect is measured, so a fixed PySide6 is left alone.
"""

from __future__ import annotations

import ctypes
import sys

_PROBE_CALLS = 16
_RESERVE = 1 << 40  # one missing reference per void call: a session makes nowhere near 10^12 of them


def void_calls_drop_none_references() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")  # a void method: its None result is discarded right away
    return before - sys.getrefcount(None) >= _PROBE_CALLS


def guard_none_refcount() -> bool:
    """Make None practically immortal when PySide6 drops references to it; True when the guard was applied."""
    if sys.version_info >= (3, 12) or not void_calls_drop_none_references():
        return False
    # ob_refcnt is the first field of every object (Py_ssize_t) in CPython's non-debug builds.
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    return True


NONE_GUARD_APPLIED = guard_none_refcount()
