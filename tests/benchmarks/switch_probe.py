"""Switching agreements in the real window: `python -m tests.benchmarks.switch_probe WORKSPACE N` prints N seconds.

Each figure runs from a mouse click on an agreement in the navigator until the event loop is idle and the
agreement's table has been painted: the selection changes, the sheet is read and scored, the table model is reset,
the columns are laid out, the details pane follows and the table's viewport is painted. The agreements are spread
over the whole national list, each scrolled into view before the click (scrolling is not part of the figure).
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


def main() -> int:
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication([])
    prepare_application(app, "th")
    window = MainWindow(WorkspaceSession.open(path))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    navigator = window.navigator
    summaries = navigator.model.summaries()
    step = max(1, len(summaries) // count)
    chosen = [summaries[(n * step + 7) % len(summaries)].id for n in range(count)]
    timings = []
    for agreement_id in chosen:
        index = navigator.index_of_agreement(agreement_id)
        navigator.tree.scrollTo(index)
        app.processEvents()
        point = navigator.tree.visualRect(index).center()
        started = time.perf_counter()
        QTest.mouseClick(navigator.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point)
        app.processEvents()
        window.panel.view.viewport().repaint()
        timings.append(time.perf_counter() - started)
        if navigator.selected_agreement() != agreement_id:
            raise RuntimeError(f"the click selected {navigator.selected_agreement()}, not {agreement_id}")
    print(" ".join(f"{t:.6f}" for t in timings))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
