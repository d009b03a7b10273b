"""Long work off the GUI thread: a function run on a QThread, its result or exception delivered back as a signal."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ...store.workspace import Workspace

T = TypeVar("T")


class _Runner(QObject):
    done = Signal(object, object)  # result, exception

    def __init__(self, work: Callable[[], Any]):
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # delivered to the GUI thread, which decides what to tell the person
            self.done.emit(None, exc)
            return
        self.done.emit(result, None)


class BackgroundTask(QObject):
    """Start with start(); exactly one of succeeded(result) or failed(exception) follows, then finished()."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._runner = _Runner(work)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.done.connect(self._deliver)  # queued: self lives in the GUI thread
        self._running = False

    def start(self) -> None:
        self._running = True
        self._thread.start()

    def is_running(self) -> bool:
        return self._running

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the work is done (for closing a window while it runs)."""
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    def _deliver(self, result: object, error: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self._running = False
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()


_CANCEL_CHECK_STEPS = 100  # SQLite VM steps between checks of the cancel flag: often enough, and cheap


def write_unless_cancelled(workspace_path: Path, cancel: threading.Event, work: Callable[[Workspace], T], *,
                           cancelled: type[Exception], auto_backup: bool = True) -> T:
    """Run `work` (an import) on a connection of this thread's own, inside one outer transaction that commits only
    if Cancel was not pressed by the end; a progress handler stops long SQL steps early. When cancelled, raise
    `cancelled` with nothing written. The work's own transactions join the outer one."""
    if cancel.is_set():
        raise cancelled
    workspace = Workspace.open(workspace_path, create=False, auto_backup=auto_backup)
    try:
        workspace.conn.set_progress_handler(lambda: 1 if cancel.is_set() else 0, _CANCEL_CHECK_STEPS)
        try:
            with workspace.transaction():
                result = work(workspace)
                if cancel.is_set():
                    raise cancelled
            return result
        except sqlite3.OperationalError as exc:
            if cancel.is_set():
                raise cancelled from exc
            raise
        finally:
            workspace.conn.set_progress_handler(None, 0)
    finally:
        workspace.close()
