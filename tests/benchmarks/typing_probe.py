"""Typing latency in the real window: `python -m tests.benchmarks.typing_probe WORKSPACE N` prints N seconds.

Each figure runs from the first key of a result until the event loop is idle again and the total label has been
painted: the editor opens, Enter commits, the rating is saved in its own transaction, the scores are recomputed,
the table cells and the details pane refresh and the total is painted. It is the whole cost of one keystroke-to-
screen cycle, so it over-states what a person perceives rather than under-stating it.

The total is painted once, by the event loop; only if the loop did not paint it (the same total as before, or a
platform that paints later) does the probe paint it itself. Until round five the probe always painted it again.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from evaluator_app.ui.common.session import WorkspaceSession
from evaluator_app.ui.shell.app import prepare_application
from evaluator_app.ui.shell.main_window import MainWindow

from .switch_probe import PaintSeen, settle


def main() -> int:
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication([])
    prepare_application(app, "th")
    window = MainWindow(WorkspaceSession.open(path))
    window.show()
    app.processEvents()
    summaries = window.navigator.model.summaries()
    window.navigator.select_agreement(summaries[len(summaries) // 2].id)
    app.processEvents()
    settle(app)  # as a person would see the agreement before typing (switch_probe.settle)
    panel = window.panel
    model = panel.model
    column = model.column("own.result")
    cells = []
    index = panel.view.first_result_index(column)
    while index.isValid() and len(cells) < 12:
        cells.append(index)
        index = panel.view.next_result_index(index)
    timings = []
    seen = PaintSeen()
    panel.totals.installEventFilter(seen)
    for n in range(count):
        cell = cells[n % len(cells)]
        panel.view.setCurrentIndex(cell)
        panel.view.setFocus()
        app.processEvents()
        seen.painted = False
        started = time.perf_counter()
        for char in str(1 + n % 5):
            QTest.keyClick(QApplication.focusWidget(), char)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        app.processEvents()
        if not seen.painted:
            panel.totals.repaint()
        timings.append(time.perf_counter() - started)
    print(" ".join(f"{t:.6f}" for t in timings))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
