"""Switching agreements in the real window: `python -m tests.benchmarks.switch_probe WORKSPACE N` prints N seconds.

Each figure runs from a mouse click on an agreement in the navigator until the event loop is idle and the
agreement's table has been painted: the selection changes, the sheet is read and scored, the table model is reset,
the columns are laid out, the details pane follows and the table's viewport is painted. The agreements are spread
over the whole national list, each scrolled into view before the click (scrolling is not part of the figure).

The table is painted once, by the event loop, as a person sees it; only if the loop did not paint it (a platform
that paints later) does the probe paint it itself. Until round five the probe always painted it again after the
loop had painted it: a second paint of every cell (4-6 ms) that nobody waits for.

Before the first click the window has half a second to itself (`settle`): nobody clicks an agreement within half a
second of the window appearing, and what the window does in that time after "ready" (its warm-up, timers that
remember the place) is not part of any click.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from evaluator_app.ui.common.session import WorkspaceSession
from evaluator_app.ui.shell.app import prepare_application
from evaluator_app.ui.shell.main_window import MainWindow


class PaintSeen(QObject):
    """Notes whether a widget it watches has been painted since `painted` was set to False."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def settle(app: QApplication, seconds: float = 0.5) -> None:
    """Let the event loop run for `seconds` (wall clock), as it does while a person looks at the window."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> int:
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication([])
    prepare_application(app, "th")
    window = MainWindow(WorkspaceSession.open(path))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    settle(app)
    navigator = window.navigator
    summaries = navigator.model.summaries()
    step = max(1, len(summaries) // count)
    chosen = [summaries[(n * step + 7) % len(summaries)].id for n in range(count)]
    timings = []
    seen = PaintSeen()
    for agreement_id in chosen:
        index = navigator.index_of_agreement(agreement_id)
        navigator.tree.scrollTo(index)
        app.processEvents()
        point = navigator.tree.visualRect(index).center()
        viewport = window.panel.view.viewport()
        viewport.installEventFilter(seen)
        seen.painted = False
        started = time.perf_counter()
        QTest.mouseClick(navigator.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point)
        app.processEvents()
        if not seen.painted:
            viewport.repaint()
        timings.append(time.perf_counter() - started)
        viewport.removeEventFilter(seen)
        if navigator.selected_agreement() != agreement_id:
            raise RuntimeError(f"the click selected {navigator.selected_agreement()}, not {agreement_id}")
    print(" ".join(f"{t:.6f}" for t in timings))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
