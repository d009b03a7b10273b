"""Long work off the GUI thread: a function run on a QThread, its result or exception delivered back as a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


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
